"""The 3D-matrix, the Actielijst and Overleggen used with the mouse and keyboard: choose a
record, change it, undo and redo it, delete it after the question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QTableView
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow
from tests.journeys.user import (
    LEFT,
    answer,
    back_in,
    button,
    cell_texts,
    click,
    click_row,
    go_to,
    named,
    opened_dialog,
    redo,
    type_into,
    undo,
    visible,
)

CHANGED = "Nieuwe titel 2027"


def list_texts(widget: QListWidget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def test_a_measure_in_the_matrix(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = go_to(qtbot, demo_window, "3D-matrix")
    grid = visible(page, QTableView, "matrixGrid")
    measures = visible(page, QListWidget, "cellMeasures")
    # The first cell with measures: dader x preventief, dader x repressief, ...
    cells = [
        grid.model().index(row, column)
        for row in range(grid.model().rowCount())
        for column in range(grid.model().columnCount())
    ]
    for cell in cells:
        qtbot.mouseClick(grid.viewport(), LEFT, pos=grid.visualRect(cell).center())
        if measures.count() >= 1:
            break
    chosen = measures.item(0)
    title = chosen.text()
    qtbot.mouseClick(measures.viewport(), LEFT, pos=measures.visualItemRect(chosen).center())
    field = named(page, "Titel")
    assert field.text() == title.split(" — ")[0] or title.startswith(field.text())  # type: ignore[attr-defined]

    type_into(qtbot, field, CHANGED)
    assert any(text.startswith(CHANGED) for text in list_texts(measures))
    undo(qtbot, demo_window)
    assert not any(text.startswith(CHANGED) for text in list_texts(measures))
    redo(qtbot, demo_window)
    assert any(text.startswith(CHANGED) for text in list_texts(measures))

    [changed] = [
        measures.item(r)
        for r in range(measures.count())
        if measures.item(r).text().startswith(CHANGED)
    ]
    qtbot.mouseClick(measures.viewport(), LEFT, pos=measures.visualItemRect(changed).center())
    answer(qtbot, "Ja, verwijderen", lambda: click(qtbot, button(page, "Verwijderen")))
    assert not any(text.startswith(CHANGED) for text in list_texts(measures))


def test_an_action_in_the_action_list(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = go_to(qtbot, demo_window, "Actielijst")
    table = visible(page, QTableView, "actionTable")
    titles = cell_texts(table)
    click_row(qtbot, table, titles[1])
    click(qtbot, button(page, "Bewerken…"))
    dialog = opened_dialog(qtbot)
    type_into(qtbot, named(dialog, "Omschrijving"), CHANGED)
    type_into(qtbot, named(dialog, "Termijn"), "1-7-2027")
    click(qtbot, button(dialog, "Opslaan"))
    assert not dialog.isVisible()
    back_in(qtbot, demo_window)
    assert CHANGED in cell_texts(table)
    row = cell_texts(table).index(CHANGED)
    assert table.model().index(row, 3).data() == "01-07-2027"

    undo(qtbot, demo_window)
    assert titles[1] in cell_texts(table)
    redo(qtbot, demo_window)
    assert CHANGED in cell_texts(table)

    click_row(qtbot, table, CHANGED)
    answer(qtbot, "Ja, verwijderen", lambda: click(qtbot, button(page, "Verwijderen")))
    assert CHANGED not in cell_texts(table)
    undo(qtbot, demo_window)
    assert CHANGED in cell_texts(table)


def test_a_meeting_in_overleggen(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = go_to(qtbot, demo_window, "Overleggen")
    table = visible(page, QTableView, "meetingTable")
    titles = cell_texts(table, 2)
    chosen = titles[1]
    click_row(qtbot, table, chosen, 2)
    assert named(page, "Naam").text() == chosen  # type: ignore[attr-defined]

    type_into(qtbot, named(page, "Naam"), CHANGED)
    type_into(qtbot, named(page, "Datum"), "9-3-2027")
    assert CHANGED in cell_texts(table, 2)
    row = cell_texts(table, 2).index(CHANGED)
    assert cell_texts(table, 0)[row] == "09-03-2027"
    undo(qtbot, demo_window)
    undo(qtbot, demo_window)
    assert chosen in cell_texts(table, 2)
    redo(qtbot, demo_window)
    assert CHANGED in cell_texts(table, 2)

    click_row(qtbot, table, CHANGED, 2)
    answer(qtbot, "Ja, verwijderen", lambda: click(qtbot, button(page, "Overleg verwijderen")))
    assert CHANGED not in cell_texts(table, 2)
    assert len(cell_texts(table, 2)) == len(titles) - 1


def test_ctrl_n_works_right_after_choosing_the_screen(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    for area in ("Actielijst", "Overleggen", "Doelstellingen", "3D-matrix"):
        go_to(qtbot, demo_window, area)
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
        )
        dialog = opened_dialog(qtbot)
        click(qtbot, button(dialog, "Annuleren"))
        back_in(qtbot, demo_window)
