"""A dialog that asks for a new record with the same form the screen edits it in.

Nothing is stored until the service accepts the draft; a refusal shows next to its field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.ui.widgets.record_form import RecordForm


class NewRecordDialog(QDialog):
    def __init__(
        self,
        title: str,
        form: RecordForm,
        check: Callable[[object], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("newRecordDialog")
        self.form = form
        self._check = check
        self.checked_draft: object | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(
            self.tr("Toe&voegen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        checked = self.form.checked(self._check)
        if checked is None:
            return
        self.checked_draft = checked
        super().accept()
