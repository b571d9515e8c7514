"""A projectleider marks a matrix cell "bewust leeg" with the mouse and keyboard: the gap count
drops, the cell says why, and undo makes it a gap again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow
from tests.journeys.test_overview import card_texts, orange_cells
from tests.journeys.user import (
    LEFT,
    back_in,
    button,
    click,
    go_to,
    opened_dialog,
    undo,
    visible,
)

REASON = "repressief richt zich niet op slachtoffers"


def _gap_title(qtbot: QtBot, window: MainWindow) -> str:
    return card_texts(go_to(qtbot, window, "Overzicht"), "Lege cellen in de 3D-matrix")[0]


def _victim_repressive(qtbot: QtBot, window: MainWindow) -> tuple[QTableView, object]:
    matrix = go_to(qtbot, window, "3D-matrix")
    grid = visible(matrix, QTableView, "matrixGrid")
    cell = grid.model().index(1, 1)  # slachtoffer/woning x repressief
    qtbot.mouseClick(grid.viewport(), LEFT, pos=grid.visualRect(cell).center())
    return grid, cell


def test_a_cell_left_empty_with_a_reason_is_no_gap_until_undone(
    qtbot: QtBot, make_window: object, new_gemeente: Workspace
) -> None:
    window: MainWindow = make_window(new_gemeente)  # type: ignore[operator]
    assert _gap_title(qtbot, window).endswith("(10)")

    grid, cell = _victim_repressive(qtbot, window)
    assert not cell.data(Qt.ItemDataRole.ToolTipRole).count(REASON)
    click(qtbot, button(window, "Bewust leeg…"))
    dialog = opened_dialog(qtbot)
    field = visible(dialog, QLineEdit, "emptyCellReason")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # no reason yet: refused, the dialog stays
    error = visible(dialog, QLabel, "emptyCellError")
    assert error.text().startswith("Vul de reden in waarom de cel slachtoffer/woning x repressief")
    qtbot.keyClicks(field, REASON)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    back_in(qtbot, window)

    grid, cell = _victim_repressive(qtbot, window)
    assert cell.data().startswith("Bewust leeg")
    assert REASON in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert orange_cells(grid) == 9
    assert button(window, "Bewust leeg opheffen").isEnabled()
    title = _gap_title(qtbot, window)
    assert title.endswith("(9)")
    overview_texts = " ".join(card_texts(go_to(qtbot, window, "Overzicht"), "Lege cellen"))
    assert "Bewust leeg gelaten, met reden: 1 cel(len)" in overview_texts
    assert "slachtoffer/woning, repressief" not in overview_texts

    undo(qtbot, window)
    grid, cell = _victim_repressive(qtbot, window)
    assert cell.data().startswith("Leeg: nog geen maatregel")
    assert REASON not in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert orange_cells(grid) == 10
    qtbot.waitUntil(lambda: _gap_title(qtbot, window).endswith("(10)"))


def test_removing_the_mark_restores_the_gap_and_undo_brings_the_reason_back(
    qtbot: QtBot, make_window: object, new_gemeente: Workspace
) -> None:
    from app.core.matrix.empty_cells import empty_cell_reasons, mark_cell_empty
    from database.enums import InterventionKind, TargetGroup

    cell_key = (TargetGroup.VICTIM_DWELLING, InterventionKind.REPRESSIVE)
    mark_cell_empty(new_gemeente, *cell_key, REASON)
    window: MainWindow = make_window(new_gemeente)  # type: ignore[operator]
    assert _gap_title(qtbot, window).endswith("(9)")
    _victim_repressive(qtbot, window)
    click(qtbot, button(window, "Bewust leeg opheffen"))
    assert empty_cell_reasons(new_gemeente) == {}
    qtbot.waitUntil(lambda: _gap_title(qtbot, window).endswith("(10)"))
    undo(qtbot, window)
    assert empty_cell_reasons(new_gemeente) == {cell_key: REASON}
    _victim_repressive(qtbot, window)
    qtbot.waitUntil(lambda: _gap_title(qtbot, window).endswith("(9)"))
