"""Editing in the Actielijst keeps the current row and the selection on the same actions.

Driven as a user does: mouse clicks on the table's viewport, F2 or a double click, typing
and Enter. The model changes the edited rows in place; a reset would lose the selection.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from user_input import CTRL

from app.core.actions import actions
from app.core.actions.actions import ActionInput
from app.kernel.workspace import Workspace
from app.ui.actions.action_table_model import ROW_ID_ROLE, TITLE
from app.ui.window.main_window import MainWindow

TITLES = ("Flyers Vlasakkers", "Schouw Beekdal", "Brief Goverwelle", "Controle Bloemendaal")


def _add_four(workspace: Workspace) -> list[str]:
    """Four actions, due on consecutive days: the list shows them in this order."""
    return [
        actions.add_action(workspace, ActionInput(title=title, due_date=date(2018, 3, 1 + n)))
        for n, title in enumerate(TITLES)
    ]


def _open(window: MainWindow) -> object:
    window.navigate("actions")
    page = window.page("actions")
    assert page is not None
    return page


def _cell_centre(table: QTableView, row: int, column: int) -> QPoint:
    return table.visualRect(table.model().index(row, column)).center()


def _click(table: QTableView, row: int, column: int, modifier: object = None) -> None:
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        modifier or Qt.KeyboardModifier.NoModifier,  # type: ignore[arg-type]
        _cell_centre(table, row, column),
    )


def _current_id(table: QTableView) -> str:
    return str(table.currentIndex().data(ROW_ID_ROLE))


def _selected_ids(table: QTableView) -> set[str]:
    return {str(index.data(ROW_ID_ROLE)) for index in table.selectionModel().selectedRows()}


def _type_title(qtbot: QtBot, table: QTableView, text: str) -> None:
    """The editor is open on the current cell: replace its text and confirm with Enter."""
    [editor] = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert QApplication.focusWidget() is editor
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the editor's text through a queued call.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_typing_a_new_title_keeps_the_current_row_and_the_selection(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    ids = _add_four(workspace)
    page = _open(window)
    table = page.table  # type: ignore[attr-defined]
    resets: list[bool] = []
    page.model.modelReset.connect(lambda: resets.append(True))  # type: ignore[attr-defined]

    _click(table, 1, TITLE)
    _click(table, 3, TITLE, CTRL)
    assert _selected_ids(table) == {ids[1], ids[3]}
    assert _current_id(table) == ids[3]

    qtbot.keyClick(table, Qt.Key.Key_F2)
    _type_title(qtbot, table, "Controle Bloemendaal en Beekdal")

    assert actions.action_input(workspace, ids[3]).title == "Controle Bloemendaal en Beekdal"
    assert _current_id(table) == ids[3]
    assert table.currentIndex().column() == TITLE
    assert _selected_ids(table) == {ids[1], ids[3]}
    assert resets == []
    assert window.statusBar().currentMessage() == "Opgeslagen in de werkruimte"


def test_an_edit_that_moves_the_row_takes_the_current_row_along(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    ids = _add_four(workspace)
    page = _open(window)
    table = page.table  # type: ignore[attr-defined]
    header = table.horizontalHeader()
    # Sort on the title by clicking its header: Brief, Controle, Flyers, Schouw.
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(header.sectionViewportPosition(TITLE) + 20, header.height() // 2),
    )
    shown = [table.model().index(row, TITLE).data() for row in range(4)]
    assert shown == sorted(TITLES)

    _click(table, 0, TITLE)  # Brief Goverwelle
    assert _current_id(table) == ids[2]
    QTest.mouseDClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        _cell_centre(table, 0, TITLE),
    )
    _type_title(qtbot, table, "Zomerbrief Goverwelle")

    # The action now sorts last; the current row and the selection went with it.
    assert table.model().index(3, TITLE).data() == "Zomerbrief Goverwelle"
    assert _current_id(table) == ids[2]
    assert table.currentIndex().row() == 3
    assert _selected_ids(table) == {ids[2]}

    # Undo and redo keep following it.
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert actions.action_input(workspace, ids[2]).title == "Brief Goverwelle"
    assert _current_id(table) == ids[2] and table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert _current_id(table) == ids[2] and table.currentIndex().row() == 3
    assert _selected_ids(table) == {ids[2]}


def test_a_status_change_of_the_selection_and_its_undo_keep_the_selection(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    ids = _add_four(workspace)
    page = _open(window)
    table = page.table  # type: ignore[attr-defined]
    _click(table, 0, TITLE)
    _click(table, 2, TITLE, CTRL)
    # Status change of the two selected rows, then undo: both stay selected throughout.
    page.set_selected_status(actions.ActionStatus.DONE)  # type: ignore[attr-defined]
    assert _selected_ids(table) == {ids[0], ids[2]}
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert _selected_ids(table) == {ids[0], ids[2]}
    assert _current_id(table) == ids[2]


def test_searching_keeps_the_selected_actions_that_stay_in_view(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    ids = _add_four(workspace)
    page = _open(window)
    table = page.table  # type: ignore[attr-defined]
    _click(table, 1, TITLE)  # Schouw Beekdal
    _click(table, 3, TITLE, CTRL)  # Controle Bloemendaal
    qtbot.keyClicks(page.search, "bloem")  # type: ignore[attr-defined]
    assert table.model().rowCount() == 1
    assert _selected_ids(table) == {ids[3]} and _current_id(table) == ids[3]
    qtbot.keyClick(page.search, Qt.Key.Key_A, CTRL)  # type: ignore[attr-defined]
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)  # type: ignore[attr-defined]
    assert table.model().rowCount() == 4
    assert _selected_ids(table) == {ids[3]} and _current_id(table) == ids[3]
