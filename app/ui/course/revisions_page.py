"""Planversies: freeze the plan under a name and compare any two versions, or one with today.

The changes are a tree grouped by kind (plan, hotspots, other hots, goals, measures, actions),
each record with what was added, changed (field by field, old → new) or removed. In the RSIV
workspace the gemeente is chosen first; freezing is for the gemeente's own workspace.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.course.revision_compare import KindChanges
from app.core.course.revisions import (
    PlanComparison,
    RemovedRevision,
    compare_revisions,
    freeze_revision,
    list_revisions,
    remove_revision,
    restore_revision,
)
from app.core.region.members import region_members
from app.kernel.errors import UserError
from app.kernel.moments import dutch_moment
from app.ui.widgets.page_heading import style_heading
from app.ui.window.context import ScreenContext

TODAY = "today"
ADDED, CHANGED, REMOVED = "#1b7a3a", "#a86400", "#b00020"


class RevisionsPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._own_code = context.workspace.summary.municipality_code
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Planversies"))
        style_heading(heading)
        layout.addWidget(heading)
        form = QFormLayout()
        self.gemeente = QComboBox()
        self.gemeente.setObjectName("revisionGemeente")
        for reference in region_members(context.workspace):
            self.gemeente.addItem(reference.name, reference.cbs_code)
        if self._own_code:
            self.gemeente.hide()
        else:
            form.addRow(_buddy(self.tr("&Gemeente:"), self.gemeente), self.gemeente)
        self.gemeente.currentIndexChanged.connect(self.refresh)
        freeze_row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setObjectName("revisionName")
        self.name.setPlaceholderText(self.tr("bijvoorbeeld 'na de nieuwe gebiedsscan'"))
        self.freeze_button = QPushButton(self.tr("Versie vast&leggen"))
        self.freeze_button.setObjectName("freezeRevision")
        self.freeze_button.clicked.connect(self.freeze)
        self.name.returnPressed.connect(self.freeze)
        freeze_row.addWidget(self.name, 1)
        freeze_row.addWidget(self.freeze_button)
        if self._own_code:
            form.addRow(_buddy(self.tr("&Naam nieuwe versie:"), self.name), freeze_row)
            self.name.setAccessibleName(self.tr("Naam nieuwe versie"))
        compare_row = QHBoxLayout()
        self.older = QComboBox()
        self.older.setObjectName("olderRevision")
        self.newer = QComboBox()
        self.newer.setObjectName("newerRevision")
        compare_row.addWidget(self.older, 1)
        compare_row.addWidget(QLabel("→"))
        compare_row.addWidget(self.newer, 1)
        self.remove_button = QPushButton(self.tr("Versie &verwijderen"))
        self.remove_button.setObjectName("removeRevision")
        self.remove_button.clicked.connect(self.remove_older)
        if self._own_code:
            compare_row.addWidget(self.remove_button)
        form.addRow(_buddy(self.tr("Verg&elijk:"), self.older), compare_row)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.changes = QTreeWidget()
        self.changes.setObjectName("revisionChanges")
        self.changes.setHeaderLabels([self.tr("Wijziging"), self.tr("Was"), self.tr("Wordt")])
        self.changes.setColumnWidth(0, 520)
        self.changes.setColumnWidth(1, 260)
        self.changes.setWordWrap(True)
        layout.addWidget(self.changes, 1)
        self.older.currentIndexChanged.connect(self.compare)
        self.newer.currentIndexChanged.connect(self.compare)
        self.comparison: PlanComparison | None = None
        self.confirm_box: QMessageBox | None = None
        self.refresh()

    @property
    def code(self) -> str | None:
        return self._own_code or self.gemeente.currentData()

    def refresh(self) -> None:
        """Fill the choices: every revision, and today; compare the latest with today."""
        revisions = list_revisions(self._context.workspace, self.code)
        for combo in (self.older, self.newer):
            combo.blockSignals(True)
            combo.clear()
            for row in revisions:
                frozen = dutch_moment(row.frozen_at)
                combo.addItem(f"{row.name} ({frozen})", row.id)
            combo.addItem(self.tr("vandaag (het plan zoals het nu is)"), TODAY)
            combo.blockSignals(False)
        self.older.setCurrentIndex(max(len(revisions) - 1, 0))
        self.newer.setCurrentIndex(len(revisions))
        self.remove_button.setEnabled(bool(revisions))
        self.compare()

    def freeze(self) -> None:
        workspace = self._context.workspace
        name = self.name.text()
        frozen: list[str] = []
        # Redo freezes the same plan again (undo keeps the order) at the first moment.
        moment = datetime.now(UTC)

        def apply() -> None:
            frozen.append(freeze_revision(workspace, name, "projectleider", at=moment))

        if not self._context.undo.edit(
            self.tr("Planversie '{name}' vastleggen").format(name=name.strip()),
            apply,
            lambda: remove_revision(workspace, frozen.pop()),
            self.refresh,
            refused=self._refused,
        ):
            return
        self.message.clear()
        self._context.shell.show_status(
            self.tr("Planversie '{name}' vastgelegd.").format(name=name.strip())
        )
        self.name.clear()

    def _refused(self, error: UserError) -> None:
        self.message.setText(f"<span style='color:{REMOVED}'>{error}</span>")

    def remove_older(self) -> None:
        from app.ui.widgets.confirm import ask

        revision_id = self.older.currentData()
        if revision_id in (None, TODAY):
            return
        name = self.older.currentText()

        workspace = self._context.workspace
        removed: list[RemovedRevision] = []

        def apply() -> None:
            gone = remove_revision(workspace, revision_id)
            if gone is not None:
                removed.append(gone)

        def remove() -> None:
            self._context.undo.edit(
                self.tr("Planversie {name} verwijderen").format(name=name),
                apply,
                lambda: restore_revision(workspace, removed.pop()) if removed else None,
                self.refresh,
                refused=self._refused,
            )

        self.confirm_box = ask(
            self,
            self.tr("Planversie verwijderen"),
            self.tr("Planversie {name} verwijderen?\nU kunt dit ongedaan maken met Ctrl+Z.").format(
                name=name
            ),
            remove,
        )

    def compare(self) -> None:
        older, newer = self.older.currentData(), self.newer.currentData()
        self.changes.clear()
        if older is None or older == TODAY:
            self.comparison = None
            self.message.setText(
                self.tr(
                    "Nog geen planversie om mee te vergelijken. Leg het plan vast onder een naam, "
                    "bijvoorbeeld voor een werkgroep of na een nieuwe gebiedsscan."
                )
            )
            return
        self.comparison = compare_revisions(
            self._context.workspace,
            older,
            None if newer == TODAY else newer,
            None if self._own_code else self.code,
        )
        self.message.setText(
            self.tr("Van <b>{older}</b> naar <b>{newer}</b>: {n} wijziging(en).").format(
                older=self.comparison.older, newer=self.comparison.newer, n=self.comparison.count
            )
        )
        for kind in self.comparison.kinds:
            if kind.count:
                self.changes.addTopLevelItem(self._kind_item(kind))
        self.changes.expandAll()

    def _kind_item(self, kind: KindChanges) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f"{kind.label} ({kind.count})"])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        for what, deltas, colour in (
            (self.tr("nieuw"), kind.added, ADDED),
            (self.tr("gewijzigd"), kind.changed, CHANGED),
            (self.tr("verwijderd"), kind.removed, REMOVED),
        ):
            for delta in deltas:
                child = QTreeWidgetItem([f"{what}: {delta.label}"])
                child.setForeground(0, QBrush(QColor(colour)))
                child.setToolTip(0, delta.label)
                for field in delta.fields:
                    line = QTreeWidgetItem([field.header, _short(field.old), _short(field.new)])
                    line.setToolTip(1, field.old)
                    line.setToolTip(2, field.new)
                    child.addChild(line)
                item.addChild(child)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
