"""The dialog that marks a matrix cell "bewust leeg": the reason is required."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.matrix.empty_cells import REASON_MAX


class EmptyCellDialog(QDialog):
    """Emits `submitted` with the typed reason; the page stores it and closes the dialog, or
    shows the refusal under the field and keeps it open."""

    submitted = Signal(str)

    def __init__(self, cell_name: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyCellDialog")
        self.setWindowTitle(self.tr("Cel bewust leeg laten"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "De cel {cell} blijft bewust leeg: hij telt dan niet als gat in het plan. "
                "Schrijf op waarom."
            ).format(cell=cell_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Reden:"))
        self.reason = QLineEdit(reason)
        self.reason.setObjectName("emptyCellReason")
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(self.tr("bijv. repressief richt zich niet op slachtoffers"))
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setObjectName("emptyCellError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Bewust leeg laten"))
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(lambda: self.submitted.emit(self.reason.text()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.reason.setFocus()
