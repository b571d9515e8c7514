"""Keyboard mnemonics (the letter after '&') that a user can reach with Alt on one screen.

When two visible widgets in one window share a letter, or one shares a letter with the menu
bar, Alt+letter only moves the focus between them instead of acting. The screen tests collect
the letters shown at once and assert each is used once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QTableView,
    QWidget,
)

from app.ui.widgets.record_editor import RecordEditor
from app.ui.widgets.rows_model import ID_ROLE


def mnemonic_letter(text: str) -> str | None:
    """The lower-case letter after the first single '&' ('&&' is a literal ampersand)."""
    index = 0
    while (index := text.find("&", index)) >= 0 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def visible_mnemonic_texts(root: QWidget) -> list[str]:
    """The texts with a mnemonic of the visible buttons, buddy labels, group boxes and tabs."""
    texts = [
        widget.text()
        for widget in root.findChildren(QAbstractButton)
        if widget.isVisible() and mnemonic_letter(widget.text())
    ]
    texts += [
        label.text()
        for label in root.findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None and mnemonic_letter(label.text())
    ]
    texts += [
        box.title()
        for box in root.findChildren(QGroupBox)
        if box.isVisible() and mnemonic_letter(box.title())
    ]
    for bar in root.findChildren(QTabBar):
        if bar.isVisible():
            texts += [
                bar.tabText(i)
                for i in range(bar.count())
                if bar.isTabVisible(i) and mnemonic_letter(bar.tabText(i))
            ]
    return texts


def menu_bar_texts(window: QMainWindow) -> list[str]:
    return [
        action.text()
        for action in window.menuBar().actions()
        if action.isVisible() and mnemonic_letter(action.text())
    ]


def clashes(texts: Iterable[str]) -> dict[str, list[str]]:
    """The letters used by more than one text, with those texts."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        letter = mnemonic_letter(text)
        if letter:
            by_letter[letter].append(text)
    return {letter: found for letter, found in by_letter.items() if len(found) > 1}


MATRIX_GRID = "matrixGrid"


def _settle() -> None:
    QApplication.processEvents()


def screen_states(root: QWidget, where: str = "") -> Iterator[str]:
    """Puts `root` through each combination of its tabs, the rows of its record lists and the
    cells of the 3D matrix (a cell with a measure shows that measure's form).

    Yields a description of each state while it is shown. What shows on one tab or for
    one record (a form, a button) is only on screen then, so each state is checked alone.
    """
    yield from _walk(root, where, set())


def _walk(root: QWidget, where: str, fixed: set[int]) -> Iterator[str]:
    choice = next(
        (
            widget
            for widget in (
                *root.findChildren(QTabBar),
                *root.findChildren(RecordEditor),
                *root.findChildren(QTableView, MATRIX_GRID),
            )
            if id(widget) not in fixed and widget.isVisible()
        ),
        None,
    )
    if choice is None:
        yield where
        return
    fixed = fixed | {id(choice)}
    if isinstance(choice, QTabBar):
        for index in range(choice.count()):
            if not (choice.isTabVisible(index) and choice.isTabEnabled(index)):
                continue
            choice.setCurrentIndex(index)
            _settle()
            yield from _walk(root, f"{where} / tab '{choice.tabText(index)}'", fixed)
        return
    if isinstance(choice, QTableView):
        cells = choice.model()
        for row in range(cells.rowCount()):
            for column in range(cells.columnCount()):
                rect = choice.visualRect(cells.index(row, column))
                QTest.mouseClick(choice.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                _settle()
                yield from _walk(root, f"{where} / cell {row + 1},{column + 1}", fixed)
        return
    rows = choice.table.model()
    if rows.rowCount() == 0:
        yield from _walk(root, where, fixed)
        return
    for row in range(rows.rowCount()):
        choice.select(str(rows.index(row, 0).data(ID_ROLE)))
        _settle()
        yield from _walk(root, f"{where} / row {row + 1}", fixed)
