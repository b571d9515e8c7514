"""The privacy scan's findings before an export: each with its place and the text around it.

The user ticks each finding that may leave the gemeente (or all at once); the export runs
only when every finding is ticked. A BSN cannot be ticked: it blocks the export, and the
dialog says so and where it is. Any finding, a BSN too, can be replaced by "[verwijderd]"
with Verwijderen, also in an old analysis version or a plan revision: never a dead end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.exchange.privacy import PrivacyFinding

Index = QModelIndex | QPersistentModelIndex
BLOCKING_COLOUR = QColor("#b00020")
CHECK_COLUMN = 0


def _sheet(finding: PrivacyFinding) -> str:
    return finding.place.partition("!")[0]


# Header and cell text per column after the check column.
_COLUMNS: tuple[tuple[str, Callable[[PrivacyFinding], str]], ...] = (
    ("Gevonden", lambda f: f"{f.what}: {f.found}"),
    ("Blad", _sheet),
    ("Record", lambda f: f.record),
    ("Veld", lambda f: f.column),
    ("Tekst eromheen", lambda f: f.context),
)


class FindingsModel(QAbstractTableModel):
    """One row per finding; the first column is the user's tick "mag mee"."""

    decisions_changed = Signal()

    def __init__(self, findings: Sequence[PrivacyFinding], parent: Any = None) -> None:
        super().__init__(parent)
        self._findings = tuple(findings)
        self._accepted = [False] * len(self._findings)

    @property
    def all_accepted(self) -> bool:
        return all(self._accepted)

    @property
    def has_blocking(self) -> bool:
        return any(finding.blocks_export for finding in self._findings)

    def accept_all(self) -> None:
        for row, finding in enumerate(self._findings):
            self._accepted[row] = not finding.blocks_export
        if self._findings:
            self.dataChanged.emit(
                self.index(0, CHECK_COLUMN),
                self.index(len(self._findings) - 1, CHECK_COLUMN),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.decisions_changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_COLUMNS) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHECK_COLUMN and not self._findings[index.row()].blocks_export:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self._findings[index.row()]
        column = index.column()
        if column == CHECK_COLUMN:
            return self._check_data(finding, self._accepted[index.row()], role)
        text = _COLUMNS[column - 1][1](finding)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if not finding.place:
                return text
            return self.tr("{text}\n(cel {place} in het pakket)").format(
                text=text, place=finding.place
            )
        if role == Qt.ItemDataRole.ForegroundRole and finding.blocks_export:
            return QBrush(BLOCKING_COLOUR)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (
            not index.isValid()
            or index.column() != CHECK_COLUMN
            or role != Qt.ItemDataRole.CheckStateRole
            or self._findings[index.row()].blocks_export
        ):
            return False
        self._accepted[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.decisions_changed.emit()
        return True

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == CHECK_COLUMN:
            return self.tr("Mag mee")
        if 0 < section <= len(_COLUMNS):
            return self.tr(_COLUMNS[section - 1][0])
        return None

    def _check_data(self, finding: PrivacyFinding, accepted: bool, role: int) -> Any:
        if finding.blocks_export:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("nooit")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(BLOCKING_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Een BSN mag de gemeente nooit verlaten.")
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("ja") if accepted else self.tr("nee")
        return None


class PrivacyFindingsDialog(QDialog):
    """Accepted (Exporteren) only when every finding is ticked and none is a BSN."""

    # Emitted with the findings the user chose to replace by [verwijderd].
    redact_requested = Signal(list)

    def __init__(self, findings: Sequence[PrivacyFinding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyFindings")
        self._findings = tuple(findings)
        self.setWindowTitle(self.tr("Privacycontrole van het pakket"))
        self.resize(1180, 520)
        self.model = FindingsModel(findings, self)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self._explanation(len(findings)))
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.explanation)

        self.table = QTableView()
        self.table.setObjectName("privacyFindingsTable")
        self.table.setAccessibleName(self.tr("Vondsten van de privacycontrole"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((80, 220, 110, 220, 130)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(_COLUMNS), QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        buttons = QDialogButtonBox()
        self.accept_all_button = QPushButton(self.tr("&Alles mag mee"))
        self.accept_all_button.setToolTip(self.tr("Elke vondst aanvinken (een BSN nooit)"))
        self.accept_all_button.clicked.connect(self.model.accept_all)
        self.export_button = buttons.addButton(
            self.tr("&Exporteren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportAnyway")
        cancel = buttons.addButton(
            self.tr("&Niet exporteren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.redact_button = buttons.addButton(
            self.tr("&Verwijderen"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.redact_button.setObjectName("redactFinding")
        self.redact_button.setToolTip(
            self.tr("De gekozen vondst(en) in de werkruimte vervangen door [verwijderd]")
        )
        self.redact_button.clicked.connect(self._redact)
        if self.model.has_blocking:
            self.accept_all_button.hide()
            self.export_button.hide()
            cancel.setText(self.tr("&Sluiten"))
        else:
            buttons.addButton(self.accept_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model.decisions_changed.connect(self._update)
        self._update()
        self.table.setFocus()

    def _redact(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            rows = [row for row, finding in enumerate(self._findings) if finding.blocks_export]
        chosen = [self._findings[row] for row in rows]
        if chosen:
            self.redact_requested.emit(chosen)
            self.done(QDialog.DialogCode.Rejected)

    def _explanation(self, count: int) -> str:
        if self.model.has_blocking:
            return self.tr(
                "Het pakket is niet gemaakt: er staat een BSN (burgerservicenummer) of een "
                "planversie die niet te controleren is in de werkruimte, soms in een oude versie "
                "van een analyse of in een planversie. Dat mag de gemeente nooit verlaten. Kies "
                "Verwijderen: de rode regel(s) worden dan in de werkruimte vervangen door "
                "[verwijderd] en het pakket wordt opnieuw gemaakt."
            )
        return self.tr(
            "De privacycontrole vond {n} plaats(en) met mogelijk privégegevens. Het pakket gaat "
            "naar het RSIV en mag geen gegevens van personen bevatten. Lees per regel de tekst "
            "eromheen en vink aan wat mee mag (bijvoorbeeld een algemeen telefoonnummer van "
            "de gemeente). Hoort iets er niet in, kies de regel en Verwijderen: dan wordt het "
            "vervangen door [verwijderd] en het pakket opnieuw gemaakt."
        ).format(n=count)

    def _update(self) -> None:
        if self.model.has_blocking:
            self.hint.setText("")
            return
        ready = self.model.all_accepted
        self.export_button.setEnabled(ready)
        self.export_button.setDefault(ready)
        self.hint.setText(
            self.tr("Alles is aangevinkt: het pakket kan worden gemaakt.")
            if ready
            else self.tr("Vink elke vondst aan die mee mag om te kunnen exporteren.")
        )
