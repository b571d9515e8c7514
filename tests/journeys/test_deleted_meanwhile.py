"""A record deleted elsewhere (another window on the workspace, undo, a merge) while a screen
still shows it: the user's next step is refused with one Dutch sentence, nothing is stored,
and the screen drops the row instead of showing it as if it still existed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from app.core.actions.actions import action_list, delete_actions
from app.core.goals.goals import delete_goal, list_goals
from app.core.hotspots.hotspot_list import list_hotspots
from app.core.plan.problem import delete_hot_item
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow
from tests.journeys.user import (
    back_in,
    button,
    cell_texts,
    click,
    click_row,
    go_to,
    named,
    opened_dialog,
    type_into,
    undo,
    visible,
)

GONE = "bestaat niet meer"


def delete_goal_elsewhere(workspace: Workspace, title: str) -> None:
    """What another window or a merge does to the same workspace file."""
    [goal] = [row for row in list_goals(workspace) if row.draft.title == title]
    delete_goal(workspace, goal.id)


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_editing_a_goal_deleted_elsewhere_is_refused_and_the_list_drops_it(
    qtbot: QtBot, demo_window: MainWindow, gouda_demo: Workspace
) -> None:
    page = go_to(qtbot, demo_window, "Doelstellingen")
    table = visible(page, QTableView, "recordTable")
    chosen = cell_texts(table)[1]
    click_row(qtbot, table, chosen)
    field = named(page, "Titel")
    assert isinstance(field, QLineEdit)

    delete_goal_elsewhere(gouda_demo, chosen)
    type_into(qtbot, field, "Minder inbraken in de hotspots")

    assert "De doelstelling " + GONE in status(demo_window)
    assert "vernieuw het scherm" in status(demo_window)
    assert chosen not in cell_texts(table)
    assert "Minder inbraken in de hotspots" not in cell_texts(table)
    assert all(row.draft.title != chosen for row in list_goals(gouda_demo))


def test_deleting_a_goal_deleted_elsewhere_asks_nothing_and_refreshes(
    qtbot: QtBot, demo_window: MainWindow, gouda_demo: Workspace
) -> None:
    page = go_to(qtbot, demo_window, "Doelstellingen")
    table = visible(page, QTableView, "recordTable")
    before = cell_texts(table)
    chosen = before[1]
    click_row(qtbot, table, chosen)

    delete_goal_elsewhere(gouda_demo, chosen)
    click(qtbot, button(page, "Verwijderen"))

    assert GONE in status(demo_window)
    assert cell_texts(table) == [title for title in before if title != chosen]


def test_undoing_an_edit_of_a_goal_deleted_since_says_so_and_drops_the_step(
    qtbot: QtBot, demo_window: MainWindow, gouda_demo: Workspace
) -> None:
    page = go_to(qtbot, demo_window, "Doelstellingen")
    table = visible(page, QTableView, "recordTable")
    click_row(qtbot, table, cell_texts(table)[1])
    type_into(qtbot, named(page, "Titel"), "Minder inbraken in de hotspots")
    assert "Minder inbraken in de hotspots" in cell_texts(table)

    delete_goal_elsewhere(gouda_demo, "Minder inbraken in de hotspots")
    undo(qtbot, demo_window)

    assert "Niet gelukt" in status(demo_window) and GONE in status(demo_window)
    assert "Minder inbraken in de hotspots" not in cell_texts(table)
    assert not demo_window.undo_stack.canUndo()  # the step that can no longer work is gone
    assert not demo_window.undo_stack.canRedo()


def test_saving_an_action_deleted_while_its_dialog_was_open(
    qtbot: QtBot, demo_window: MainWindow, gouda_demo: Workspace
) -> None:
    page = go_to(qtbot, demo_window, "Actielijst")
    table = visible(page, QTableView, "actionTable")
    titles = cell_texts(table)
    chosen = next(title for title in titles if titles.count(title) == 1)
    click_row(qtbot, table, chosen)
    click(qtbot, button(page, "Bewerken…"))
    dialog = opened_dialog(qtbot)
    type_into(qtbot, named(dialog, "Omschrijving"), "Buurtpreventie uitbreiden")

    [gone] = [row.id for row in action_list(gouda_demo).rows if row.title == chosen]
    delete_actions(gouda_demo, [gone])
    click(qtbot, button(dialog, "Opslaan"))
    back_in(qtbot, demo_window)

    shown = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert any("De actie " + GONE in text for text in shown), shown
    assert chosen not in cell_texts(table)
    assert "Buurtpreventie uitbreiden" not in cell_texts(table)


def test_writing_the_analysis_of_a_hotspot_removed_by_a_merge(
    qtbot: QtBot, demo_window: MainWindow, gouda_demo: Workspace
) -> None:
    page = go_to(qtbot, demo_window, "Hotspots")
    table = visible(page, QTableView, "recordTable")
    chosen = cell_texts(table)[1]
    click_row(qtbot, table, chosen)
    author = named(page, "Geschreven door")

    [gone] = [row.id for row in list_hotspots(gouda_demo) if row.label == chosen]
    delete_hot_item(gouda_demo, gone)
    type_into(qtbot, author, "Wijkagent Oost")

    assert "De hotspot" in status(demo_window) and GONE in status(demo_window)
    assert chosen not in cell_texts(table)
