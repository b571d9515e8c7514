"""What a user does with the keyboard and mouse, shared by the Actielijst, 3D-matrix,
Overleggen and week-flow tests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.form_widgets import DateField

CTRL = Qt.KeyboardModifier.ControlModifier


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Focus a field, replace its text by typing, and leave it with Tab."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def pick_date(qtbot: QtBot, widget: DateField, day: date) -> None:
    """Choose a date in a date field and leave it with Tab.

    Offscreen, QDateEdit ignores synthesized digit keys, so the date is set on the widget
    (as the calendar popup does) and the field is left with the keyboard.
    """
    widget.setFocus()
    widget.set_value(day)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer(qtbot: QtBot, box: QMessageBox | None, text: str) -> None:
    """Click the button labelled `text` in a confirmation box."""
    assert box is not None and box.isVisible()
    window = box.parentWidget().window()
    [button] = [b for b in box.buttons() if b.text() == text]
    click(qtbot, button)
    # Shortcuts work again once the main window is active again (asynchronous offscreen).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
