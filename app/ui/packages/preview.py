"""What an import would change, per record kind, before anything is stored.

Each kind lists its new, changed and removed records; a changed record expands into its
fields with the value now and the value from the package. Removals are red, and Inlezen asks
for an explicit yes before a package that removes records is applied.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core.packages.changes import field_changes
from app.core.packages.importer import ImportPreview, KindDiff, RecordChange
from app.kernel.moments import dutch_moment_text
from app.ui.widgets.confirm import ask

REMOVAL_COLOUR = QColor("#b00020")
REMOVALS_LISTED = 15


class ChangesModel(QStandardItemModel):
    """Kind > record > field: three columns (what, change, where in the package)."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Soort / rij / veld"), self.tr("Wijziging"), self.tr("Rij in pakket")]
        )
        for kind in preview.kinds:
            if kind.has_changes:
                self.appendRow(self._kind_row(preview, kind))

    def _kind_row(self, preview: ImportPreview, kind: KindDiff) -> list[QStandardItem]:
        counts = self.tr("{added} nieuw, {changed} gewijzigd, {removed} verwijderd").format(
            added=len(kind.added), changed=len(kind.changed), removed=len(kind.removed)
        )
        row = _items(kind.sheet.name, counts, "")
        bold = QFont()
        bold.setBold(True)
        for item in row:
            item.setFont(bold)
        parent = row[0]
        for change in kind.added:
            parent.appendRow(_items(change.label, self.tr("nieuw"), _where(change)))
        for change, fields in zip(kind.changed, field_changes(preview, kind), strict=True):
            names = ", ".join(field.column for field in fields)
            record = _items(change.label, self.tr("gewijzigd: {names}").format(names=names), "")
            record[2].setText(_where(change))
            for field in fields:
                record[0].appendRow(
                    _items(
                        field.column,
                        self.tr("{old} → {new}").format(
                            old=field.old or self.tr("(leeg)"), new=field.new or self.tr("(leeg)")
                        ),
                        "",
                    )
                )
            parent.appendRow(record)
        for change in kind.removed:
            removed = _items(change.label, self.tr("verwijderd"), self.tr("staat er niet meer in"))
            for item in removed:
                item.setForeground(QBrush(REMOVAL_COLOUR))
            parent.appendRow(removed)
        return row


def _items(*texts: str) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        items.append(item)
    return items


def _where(change: RecordChange) -> str:
    return str(change.row) if change.row is not None else ""


class ImportPreviewDialog(QDialog):
    """Accepted when the user chose Inlezen (and, for removals, confirmed them)."""

    def __init__(
        self, preview: ImportPreview, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Pakket inlezen: wat verandert er"))
        self.resize(1100, 640)
        self.preview = preview
        self.removals_confirmed = False
        self.confirm_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(file_name))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        if preview.removal_count:
            self.removal_warning = QLabel(
                self.tr(
                    "Dit pakket verwijdert {n} rij(en) uit de werkruimte (in rood): ze staan "
                    "niet meer in het bestand. Bij Inlezen vraagt het programma u dat eerst te "
                    "bevestigen."
                ).format(n=preview.removal_count)
            )
            self.removal_warning.setWordWrap(True)
            self.removal_warning.setStyleSheet(f"color: {REMOVAL_COLOUR.name()};")
            layout.addWidget(self.removal_warning)

        self.model = ChangesModel(preview, self)
        self.tree = QTreeView()
        self.tree.setObjectName("importChanges")
        self.tree.setAccessibleName(self.tr("Wijzigingen per soort rij"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.resizeSection(0, 470)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # As wide as its texts in the font of this screen: a fixed width cut off "staat er
        # niet meer in" with a larger font or at 150%.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))
        layout.addWidget(self.tree, 1)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("&Inlezen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("applyImport")
        self.import_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Annuleren"))
        buttons.accepted.connect(self._apply_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.setFocus()

    def _summary(self, file_name: str) -> str:
        metadata = self.preview.package.metadata
        kinds = [kind for kind in self.preview.kinds if kind.has_changes]
        if not kinds:
            changes = self.tr(
                "Er verandert niets: de werkruimte is al gelijk aan het pakket. Inlezen legt "
                "alleen het volgnummer van het pakket vast."
            )
        else:
            changes = self.tr(
                "In totaal {added} nieuw, {changed} gewijzigd en {removed} verwijderd. Klap een "
                "gewijzigd record open om per veld te zien wat er nu staat en wat het wordt."
            ).format(
                added=sum(len(k.added) for k in kinds),
                changed=sum(len(k.changed) for k in kinds),
                removed=self.preview.removal_count,
            )
        return (
            self.tr(
                "{file}: pakket van {name} ({code}), volgnummer {sequence}, gemaakt op "
                "{made}. Er is nog niets opgeslagen."
            ).format(
                file=file_name,
                name=metadata.municipality_name,
                code=metadata.municipality_code,
                sequence=metadata.sequence,
                made=dutch_moment_text(metadata.exported_at),
            )
            + "\n"
            + changes
        )

    def _apply_clicked(self) -> None:
        if not self.preview.removal_count:
            self.accept()
            return
        labels = [
            f"{kind.sheet.name}: {change.label}"
            for kind in self.preview.kinds
            for change in kind.removed
        ]
        listed = "\n".join(f"• {label}" for label in labels[:REMOVALS_LISTED])
        if len(labels) > REMOVALS_LISTED:
            listed += "\n" + self.tr("… en nog {n}").format(n=len(labels) - REMOVALS_LISTED)
        self.confirm_box = ask(
            self,
            self.tr("Records verwijderen?"),
            self.tr(
                "Dit pakket verwijdert {n} rij(en) uit de werkruimte:\n{listed}\n\nVoor het "
                "inlezen maakt het programma een reservekopie. Kiest u Nee, dan blijft de "
                "werkruimte zoals ze is."
            ).format(n=len(labels), listed=listed),
            self._removals_confirmed,
        )

    def _removals_confirmed(self) -> None:
        self.removals_confirmed = True
        self.accept()
