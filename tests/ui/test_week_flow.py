"""A projectleider's week, with mouse and keyboard only, found again after a restart.

The issue's "Done when": add a hotspot with an analysis, add a goal, place a measure in an
empty matrix cell, create two actions from a meeting decision, mark one done, undo that,
then close and reopen the workspace and find all of it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from user_input import CTRL, click, type_into

from app.core.actions import actions
from app.core.goals import goals
from app.core.hotspots import hotspot_list, hotspots
from app.core.matrix import measures
from app.core.meetings import meetings
from app.kernel.workspace import Workspace, open_workspace
from app.ui.actions.action_table_model import STATUS, TITLE
from app.ui.window.main_window import MainWindow
from database.enums import ActionStatus, AnalysisState, InterventionKind, TargetGroup

HOTSPOT = "Korte Akkeren"
GOAL = "Inbraakrisico onder het landelijk gemiddelde"
DECISION = "Bewonersavonden in Korte Akkeren"


def _new_record_dialog(qtbot: QtBot, editor: object) -> object:
    editor.table.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(editor.table, Qt.Key.Key_N, CTRL)  # type: ignore[attr-defined]
    dialog = editor.new_dialog  # type: ignore[attr-defined]
    assert dialog is not None and dialog.isVisible()
    return dialog


def _add_hotspot_with_analysis(qtbot: QtBot, window: MainWindow) -> None:
    window.navigate("hotspots")
    page = window.page("hotspots")
    dialog = _new_record_dialog(qtbot, page.editor)
    type_into(qtbot, dialog.form.label, HOTSPOT)
    type_into(qtbot, dialog.form.neighbourhood_code, "BU05130101")
    click(qtbot, dialog.add_button)
    analysis = page.analysis.form
    type_into(qtbot, analysis.texts["offender"], "Jongeren uit de buurt, te voet")
    type_into(qtbot, analysis.texts["modus_operandi"], "Flipperen van de voordeur")
    analysis.state.setFocus()
    qtbot.keyClick(analysis.state, Qt.Key.Key_Down)  # "verstuurd"


def _add_goal(qtbot: QtBot, window: MainWindow) -> None:
    window.navigate("goals")
    dialog = _new_record_dialog(qtbot, window.page("goals").editor)
    type_into(qtbot, dialog.form.title, GOAL)
    type_into(qtbot, dialog.form.baseline_value, "9,7")
    type_into(qtbot, dialog.form.target_value, "7,3")
    type_into(qtbot, dialog.form.owner, "projectleider")
    click(qtbot, dialog.add_button)


def _place_measure_in_an_empty_cell(qtbot: QtBot, window: MainWindow) -> None:
    window.navigate("matrix")
    page = window.page("matrix")
    grid = page.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # slachtoffer/woning x preventief
    assert page.model.index(1, 0).data().startswith("Leeg")
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    dialog = page.dialog
    type_into(qtbot, dialog.form.field("title"), "Voorlichtingsavond inbraakpreventie")
    qtbot.keyClick(dialog.form.field("title"), Qt.Key.Key_Return)
    assert not dialog.isVisible()


def _two_actions_from_a_decision(qtbot: QtBot, window: MainWindow) -> None:
    window.navigate("meetings")
    page = window.page("meetings")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    dialog = page.dialog
    type_into(qtbot, dialog.form.field("title"), "Lokaal overleg woninginbraken")
    click(qtbot, dialog.add_button)
    page.decision_text.setFocus()
    qtbot.keyClicks(page.decision_text, DECISION)
    qtbot.keyClick(page.decision_text, Qt.Key.Key_Return)
    for owner in ("wijkagent Korte Akkeren", "communicatieadviseur"):
        page.decisions.setFocus()
        click(qtbot, page.action_button)
        action_dialog = page.dialog
        type_into(qtbot, action_dialog.form.field("owner"), owner)
        qtbot.keyClick(action_dialog.form.field("owner"), Qt.Key.Key_Return)
        assert not action_dialog.isVisible()


def _mark_one_done_and_undo(qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    window.navigate("actions")
    page = window.page("actions")
    table = page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    table.setCurrentIndex(page.proxy.index(0, STATUS))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: ActionStatus.DONE in {r.status for r in actions.action_list(workspace).rows}
    )
    assert page.proxy.index(0, STATUS).data() == "gereed"
    # Offscreen, closing the dialogs leaves no active window; a user's click activates it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert {r.status for r in actions.action_list(workspace).rows} == {ActionStatus.OPEN}


def test_a_week_of_work_survives_a_restart(
    qtbot: QtBot, make_window: object, workspace: Workspace, workspace_path: Path
) -> None:
    window = make_window(workspace)  # type: ignore[operator]
    _add_hotspot_with_analysis(qtbot, window)
    _add_goal(qtbot, window)
    _place_measure_in_an_empty_cell(qtbot, window)
    _two_actions_from_a_decision(qtbot, window)
    _mark_one_done_and_undo(qtbot, window, workspace)
    window.close()
    workspace.close()

    reopened = open_workspace(workspace_path)
    try:
        [hotspot] = hotspot_list.list_hotspots(reopened)
        assert hotspot.label == HOTSPOT
        analysis = hotspots.current_analysis(reopened, hotspot.id)
        assert analysis is not None
        assert analysis.offender == "Jongeren uit de buurt, te voet"
        assert analysis.state is AnalysisState.SENT
        assert [goal.draft.title for goal in goals.list_goals(reopened)] == [GOAL]
        [measure] = measures.measure_rows(reopened)
        assert (measure.data.target_group, measure.data.intervention) == (
            TargetGroup.VICTIM_DWELLING,
            InterventionKind.PREVENTIVE,
        )
        [meeting] = meetings.meeting_rows(reopened)
        [decision] = meetings.decision_rows(reopened, meeting.id)
        assert (decision.text, decision.action_count) == (DECISION, 2)
        listed = actions.action_list(reopened)
        assert sorted(row.owner for row in listed.rows) == [
            "communicatieadviseur",
            "wijkagent Korte Akkeren",
        ]
        assert {row.status for row in listed.rows} == {ActionStatus.OPEN}

        again = make_window(reopened)  # type: ignore[operator]
        again.navigate("actions")
        page = again.page("actions")
        assert [page.proxy.index(r, TITLE).data() for r in range(2)] == [DECISION, DECISION]
        again.navigate("matrix")
        assert again.page("matrix").model.index(1, 0).data().startswith("1 maatregel")
        again.close()
    finally:
        reopened.close()
