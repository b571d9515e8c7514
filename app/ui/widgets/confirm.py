"""A yes/no question that does not block: the answer arrives as a call, so tests and
keyboard users drive the same dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    title: str,
    question: str,
    on_yes: Callable[[], None],
    yes_text: str | None = None,
) -> QMessageBox:
    """Show `question` with Ja/Nee (Nee is the default, so Enter never deletes by accident).

    `yes_text` names what Ja does; by default "Ja, verwijderen".
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes = box.addButton(yes_text or parent.tr("Ja, verwijderen"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(parent.tr("Nee"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setObjectName("confirmBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box
