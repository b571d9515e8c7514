"""Meetings: the werkgroep calendar of the memo and decisions that become actions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.actions import actions
from app.core.meetings import meetings
from app.core.meetings.werkgroep_calendar import WERKGROEP_DATES
from app.kernel.workspace import Workspace, create_workspace
from database.enums import MeetingTier, WorkspaceRole


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "westland.db", WorkspaceRole.MUNICIPALITY, "GM1783") as ws:
        yield ws


def test_the_werkgroep_calendar_is_filled_once(workspace: Workspace) -> None:
    added = meetings.fill_werkgroep_calendar(workspace)
    assert len(added) == 7
    months = sorted(
        (row.data.held_on.year, row.data.held_on.month) for row in meetings.meeting_rows(workspace)
    )
    assert months == [(2017, 11), (2018, 1), (2018, 3), (2018, 5), (2018, 7), (2018, 9), (2018, 11)]
    # The same days the timeline and the regional overview count packages against.
    days = sorted(row.data.held_on for row in meetings.meeting_rows(workspace))
    assert days == list(WERKGROEP_DATES)
    assert meetings.fill_werkgroep_calendar(workspace) == ()
    meetings.delete_meetings(workspace, added)
    assert not meetings.has_werkgroep_meetings(workspace)


def test_an_action_from_a_decision_links_meeting_and_decision(workspace: Workspace) -> None:
    meeting_id = meetings.add_meeting(
        workspace,
        meetings.MeetingInput(MeetingTier.OPERATIONAL, "Lokaal overleg", date(2018, 2, 6)),
    )
    decision_id = meetings.add_decision(workspace, meeting_id, "Buurtpreventie opzetten")
    draft = actions.decision_action_input(workspace, decision_id)
    assert draft.title == "Buurtpreventie opzetten"
    assert draft.start_date == date(2018, 2, 6)
    actions.add_action(workspace, draft)
    listed = actions.action_list(workspace)
    [row] = listed.rows
    assert listed.meeting_titles[row.meeting_id or ""] == "Lokaal overleg"
    assert meetings.decision_rows(workspace, meeting_id)[0].action_count == 1


def test_a_deleted_meeting_comes_back_with_decisions_and_links(workspace: Workspace) -> None:
    meeting_id = meetings.add_meeting(
        workspace, meetings.MeetingInput(MeetingTier.STRATEGIC, "Driehoek", date(2018, 1, 9))
    )
    decision_id = meetings.add_decision(workspace, meeting_id, "Plan vaststellen")
    actions.add_action(workspace, actions.decision_action_input(workspace, decision_id))
    snapshot = meetings.delete_meeting(workspace, meeting_id)
    assert actions.action_list(workspace).rows[0].meeting_id is None
    meetings.restore_meeting(workspace, snapshot)
    [row] = actions.action_list(workspace).rows
    assert row.meeting_id == meeting_id
    assert actions.action_input(workspace, row.id).decision_id == decision_id
