"""Actielijst, 3D-matrix, Overleggen, Evaluatie and the national figures: an edit, Ctrl+Z
and Ctrl+Y typed as a user does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.actions import actions
from app.core.actions.actions import ActionInput
from app.core.course.evaluation import evaluation_view
from app.core.figures.national_reference import national_series
from app.core.matrix import measures
from app.core.meetings import meetings
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow
from database.enums import ActionStatus, MeetingTier
from tests.ui.user_input import click, type_into

Keys = Callable[[MainWindow], None]


def test_actions(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    action_id = actions.add_action(workspace, ActionInput(title="Flyers Vlasakkers"))
    window.navigate("actions")
    page = window.page("actions")
    page.table.selectRow(0)  # type: ignore[union-attr]
    page.set_selected_status(ActionStatus.DONE)  # type: ignore[union-attr]

    def status() -> ActionStatus:
        return actions.action_input(workspace, action_id).status

    assert status() is ActionStatus.DONE
    ctrl_z(window)
    assert status() is ActionStatus.OPEN
    ctrl_y(window)
    assert status() is ActionStatus.DONE


def test_matrix(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    window.navigate("matrix")
    page = window.page("matrix")
    page.grid.setFocus()  # type: ignore[union-attr]
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)  # type: ignore[union-attr]
    dialog = page.dialog  # type: ignore[union-attr]
    type_into(qtbot, dialog.form.field("title"), "Preventieavond")
    qtbot.keyClick(dialog.form.field("title"), Qt.Key.Key_Return)
    assert [row.data.title for row in measures.measure_rows(workspace)] == ["Preventieavond"]
    ctrl_z(window)
    assert measures.measure_rows(workspace) == ()
    ctrl_y(window)
    assert [row.data.title for row in measures.measure_rows(workspace)] == ["Preventieavond"]


def test_meetings(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    meetings.add_meeting(
        workspace,
        meetings.MeetingInput(
            tier=MeetingTier.OPERATIONAL, title="Lokaal overleg", held_on=date(2018, 3, 1)
        ),
    )
    window.navigate("meetings")
    page = window.page("meetings")
    qtbot.keyClicks(page.decision_text, "Extra surveillance in Bloemendaal")  # type: ignore[union-attr]
    qtbot.keyClick(page.decision_text, Qt.Key.Key_Return)  # type: ignore[union-attr]

    def decisions() -> list[str]:
        [meeting] = meetings.meeting_rows(workspace)
        return [decision.text for decision in meetings.decision_rows(workspace, meeting.id)]

    assert decisions() == ["Extra surveillance in Bloemendaal"]
    ctrl_z(window)
    assert decisions() == []
    ctrl_y(window)
    assert decisions() == ["Extra surveillance in Bloemendaal"]


def test_evaluation(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    window.navigate("evaluation")
    page = window.page("evaluation")
    page.texts["successes"].set_text("De DDO-campagne werkte")  # type: ignore[union-attr]
    click(qtbot, page.save_button)  # type: ignore[union-attr]
    assert evaluation_view(workspace).data.successes == "De DDO-campagne werkte"
    ctrl_z(window)
    assert evaluation_view(workspace).data.successes == ""
    ctrl_y(window)
    assert evaluation_view(workspace).data.successes == "De DDO-campagne werkte"


def test_national_figures(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    window.navigate("figures")
    editor = window.page("figures").national_editor  # type: ignore[union-attr]
    before = national_series(workspace)
    type_into(qtbot, editor.year, "2019")
    type_into(qtbot, editor.burglaries, "37000")
    type_into(qtbot, editor.dwellings, "7800000")
    click(qtbot, editor.save_button)
    assert national_series(workspace)[-1].year == 2019
    ctrl_z(window)
    assert national_series(workspace) == before
    ctrl_y(window)
    assert national_series(workspace)[-1].year == 2019
