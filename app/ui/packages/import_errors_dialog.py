"""The errors of a refused figures file, one per line, in a box the user can copy from."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ImportErrorsDialog(QDialog):
    def __init__(
        self, file_name: str, problems: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cijfers niet ingelezen"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        count = len(problems)
        self.summary = QLabel(
            self.tr(
                "{file} is niet ingelezen; er is niets opgeslagen. Verbeter het bestand en "
                "importeer het opnieuw. De rijnummers zijn die van Excel: rij 1 is de kopregel."
            ).format(file=file_name)
            + " "
            + (self.tr("1 fout:") if count == 1 else self.tr("{n} fouten:").format(n=count))
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.errors = QPlainTextEdit("\n".join(problems))
        self.errors.setObjectName("importErrors")
        self.errors.setReadOnly(True)
        self.errors.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.errors.setAccessibleName(self.tr("Fouten per rij en kolom"))
        layout.addWidget(self.errors, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        self.copy_button = QPushButton(self.tr("&Kopiëren"))
        self.copy_button.setToolTip(self.tr("Alle fouten naar het klembord kopiëren"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.errors.setFocus()

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.summary.text() + "\n" + self.errors.toPlainText())
