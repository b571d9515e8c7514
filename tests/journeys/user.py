"""What a person does with the program: click what is on the screen, type, press shortcuts,
read what is shown. Widgets are found through the window (object names, accessible names,
button texts), never through a page's attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def screen(window: QMainWindow) -> QWidget:
    """The screen shown right of the navigation."""
    stack = window.findChild(QStackedWidget)
    assert stack is not None
    shown = stack.currentWidget()
    assert shown is not None
    return shown


def go_to(qtbot: QtBot, window: QMainWindow, title: str) -> QWidget:
    """Click `title` in the navigation; returns the screen that appears."""
    navigation = window.findChild(QListWidget, "navigation")
    assert navigation is not None
    [item] = navigation.findItems(title, Qt.MatchFlag.MatchExactly)
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=navigation.visualItemRect(item).center())
    shown = screen(window)
    assert shown.objectName().startswith("page_")
    return shown


def visible(parent: QWidget, kind: type, name: str = "") -> QWidget:
    """The one visible child of `kind` (with object name `name`, if given)."""
    found = [
        widget
        for widget in parent.findChildren(kind)
        if widget.isVisible() and (not name or widget.objectName() == name)
    ]
    assert len(found) == 1, f"{len(found)} visible {kind.__name__} named {name!r}"
    return found[0]


def named(parent: QWidget, accessible_name: str) -> QWidget:
    """The visible field a screen reader calls `accessible_name` (its label without &)."""
    found = [
        widget
        for widget in parent.findChildren(QWidget)
        if widget.isVisible() and widget.accessibleName() == accessible_name
    ]
    assert len(found) == 1, f"{len(found)} visible fields named {accessible_name!r}"
    return found[0]


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button showing `text` (its & left out)."""
    found = [
        widget
        for widget in parent.findChildren(QAbstractButton)
        if widget.isVisible() and widget.text().replace("&", "") == text
    ]
    assert len(found) == 1, f"{len(found)} visible buttons {text!r}"
    return found[0]


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, LEFT, pos=widget.rect().center())


def click_tab(qtbot: QtBot, parent: QWidget, title: str) -> None:
    for bar in parent.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for tab in range(bar.count()):
            if bar.tabText(tab).replace("&", "") == title:
                qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tab).center())
                return
    raise AssertionError(f"no visible tab {title!r}")


def cell_texts(view: QAbstractItemView, column: int = 0) -> list[str]:
    """What the list shows in `column`, top to bottom."""
    model = view.model()
    return [
        str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
        for row in range(model.rowCount())
    ]


def index_of(view: QAbstractItemView, text: str, column: int = 0) -> QModelIndex:
    texts = cell_texts(view, column)
    assert text in texts, f"{text!r} not in {texts}"
    return view.model().index(texts.index(text), column)


def click_row(qtbot: QtBot, view: QAbstractItemView, text: str, column: int = 0) -> None:
    """Click the row whose cell in `column` shows `text`."""
    index = index_of(view, text, column)
    if not view.viewport().rect().contains(view.visualRect(index).center()):
        view.scrollTo(index)  # what the mouse wheel does
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def double_click_at(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    point: QPoint = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), LEFT, pos=point)
    qtbot.mouseDClick(view.viewport(), LEFT, pos=point)


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Click into a field, replace its text by typing, and leave it with Tab."""
    click(qtbot, field)
    field.setFocus()  # a click offscreen does not always move the focus
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = CTRL) -> None:
    qtbot.keyClick(widget, key, modifier)


def undo(qtbot: QtBot, window: QMainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, window: QMainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)


def answer(qtbot: QtBot, choice: str, act: Callable[[], object]) -> str:
    """Do `act`, then click `choice` in the message box it opens; returns the box's text.

    Works for boxes that block (exec) and boxes that do not (open).
    """
    owner = QApplication.activeWindow()
    seen = when_box_shows(qtbot, choice)
    act()
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), QMessageBox))
    if owner is not None:
        back_in(qtbot, owner)
    return seen[0].text


@dataclass
class SeenBox:
    title: str
    text: str


def when_box_shows(qtbot: QtBot, choice: str = "", tries: int = 500) -> list[SeenBox]:
    """Watch for a message box (for up to about ten seconds) and click `choice` in it (its only
    button when empty). The list returned gets the box's title and text."""
    seen: list[SeenBox] = []

    def respond(left: int) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            if left:
                QTimer.singleShot(20, lambda: respond(left - 1))
            return
        seen.append(SeenBox(box.windowTitle(), box.text()))
        buttons = [b for b in box.buttons() if not choice or b.text().replace("&", "") == choice]
        assert len(buttons) == 1, [b.text() for b in box.buttons()]
        qtbot.mouseClick(buttons[0], LEFT, pos=buttons[0].rect().center())

    QTimer.singleShot(0, lambda: respond(tries))
    return seen


def back_in(qtbot: QtBot, window: QWidget) -> None:
    """After a dialog closes, a desktop's window manager activates the window under it;
    offscreen that is asked for. Shortcuts need the active window."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def opened_dialog(qtbot: QtBot) -> QDialog:
    """The dialog just opened, once it is the active window (keys and focus go there)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def open_menu(qtbot: QtBot, window: QMainWindow, *path: str) -> None:
    """Click through the menu bar: open_menu(qtbot, window, "Help", "Handleiding")."""
    bar = window.menuBar()
    [top] = [a for a in bar.actions() if a.text().replace("&", "") == path[0]]
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(top).center())
    menu = top.menu()
    for title in path[1:]:
        qtbot.waitUntil(lambda menu=menu: menu.isVisible())
        [item] = [a for a in menu.actions() if a.text().replace("&", "") == title]
        qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(item).center())
        menu = item.menu()


def later(step: Callable[[], object]) -> None:
    """Run `step` soon, from the event loop: for what happens inside a blocking dialog."""
    QTimer.singleShot(20, step)


def label_texts(parent: QWidget) -> list[str]:
    return [label.text() for label in parent.findChildren(QLabel) if label.isVisible()]
