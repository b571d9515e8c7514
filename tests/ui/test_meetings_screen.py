"""Overleggen driven by keyboard and mouse: the werkgroep calendar, a new meeting, decisions
and actions made from them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from user_input import CTRL, click, type_into

from app.core.actions import actions
from app.core.meetings import meetings
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow
from database.enums import MeetingTier


def _open(window: MainWindow) -> object:
    window.navigate("meetings")
    page = window.page("meetings")
    assert page is not None
    return page


def test_the_werkgroep_calendar_is_offered_filled_and_undone(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = _open(window)
    assert page.calendar_banner.isVisible()
    assert meetings.meeting_rows(workspace) == ()  # looking changes nothing
    click(qtbot, page.calendar_button)
    rows = meetings.meeting_rows(workspace)
    assert [(r.data.held_on.year, r.data.held_on.month) for r in reversed(rows)] == [
        (2017, 11),
        (2018, 1),
        (2018, 3),
        (2018, 5),
        (2018, 7),
        (2018, 9),
        (2018, 11),
    ]
    assert {r.data.tier for r in rows} == {MeetingTier.TACTICAL}
    assert not page.calendar_banner.isVisible()
    assert page.model.rowCount() == 7

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert meetings.meeting_rows(workspace) == ()
    assert page.calendar_banner.isVisible()


def test_a_meeting_with_a_decision_becomes_two_actions(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = _open(window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.form.field("title"), Qt.Key.Key_Return)
    assert dialog.form.error_text("title") == "Vul een naam voor het overleg in."
    type_into(qtbot, dialog.form.field("title"), "Lokaal overleg februari")
    click(qtbot, dialog.add_button)
    [meeting] = meetings.meeting_rows(workspace)
    assert meeting.data.title == "Lokaal overleg februari"

    qtbot.keyClicks(page.decision_text, "Bewonersavonden in beide hotspots")
    qtbot.keyClick(page.decision_text, Qt.Key.Key_Return)
    [decision] = meetings.decision_rows(workspace, meeting.id)
    assert decision.text == "Bewonersavonden in beide hotspots"

    for owner in ("wijkagent Noord", "wijkagent Zuid"):
        click(qtbot, page.action_button)
        action_dialog = page.dialog
        assert action_dialog.form.field("title").text() == "Bewonersavonden in beide hotspots"
        type_into(qtbot, action_dialog.form.field("owner"), owner)
        qtbot.keyClick(action_dialog.form.field("owner"), Qt.Key.Key_Return)
        assert not action_dialog.isVisible()

    listed = actions.action_list(workspace)
    assert sorted(row.owner for row in listed.rows) == ["wijkagent Noord", "wijkagent Zuid"]
    assert {row.meeting_id for row in listed.rows} == {meeting.id}
    assert {row.start_date for row in listed.rows} == {date.today()}
    assert meetings.decision_rows(workspace, meeting.id)[0].action_count == 2
    assert "(2 actie(s))" in page.decisions.item(0).text()


def test_an_empty_decision_is_refused_next_to_the_field(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    meeting_id = meetings.add_meeting(
        workspace, meetings.MeetingInput(MeetingTier.STRATEGIC, "Driehoek", date(2018, 1, 9))
    )
    page = _open(window)
    page.decision_text.setFocus()
    qtbot.keyClick(page.decision_text, Qt.Key.Key_Return)
    assert page.decision_error.isVisible()
    assert page.decision_error.text() == "Vul de tekst van het besluit in."
    assert meetings.decision_rows(workspace, meeting_id) == ()


def test_editing_a_meeting_saves_at_once_and_undo_restores(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    meetings.add_meeting(
        workspace, meetings.MeetingInput(MeetingTier.OPERATIONAL, "Lokaal", date(2018, 2, 6))
    )
    page = _open(window)
    type_into(qtbot, page.form.field("participants"), "projectleider, wijkagenten, OM")
    assert meetings.meeting_rows(workspace)[0].data.participants == (
        "projectleider, wijkagenten, OM"
    )
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert meetings.meeting_rows(workspace)[0].data.participants == ""
