"""The action list service: validation, bulk status with exact undo, compact rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core import actions
from app.core.actions import ActionInput
from app.core.errors import FieldError
from app.core.workspace import Workspace, create_workspace
from database.enums import ActionStatus, WorkspaceRole


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, "GM0513") as ws:
        yield ws


def test_an_empty_title_is_refused_and_nothing_is_stored(workspace: Workspace) -> None:
    with pytest.raises(FieldError) as refused:
        actions.add_action(workspace, ActionInput(title="   "))
    assert refused.value.field == "title"
    assert actions.action_rows(workspace) == []


def test_a_due_date_before_the_start_is_refused(workspace: Workspace) -> None:
    data = ActionInput(title="Flyers", start_date=date(2018, 3, 1), due_date=date(2018, 2, 1))
    with pytest.raises(FieldError) as refused:
        actions.add_action(workspace, data)
    assert refused.value.field == "due_date"
    assert "startdatum" in str(refused.value)
    assert actions.action_rows(workspace) == []


def test_bulk_status_is_one_change_and_restores_exactly(workspace: Workspace) -> None:
    first = actions.add_action(workspace, ActionInput(title="A", owner="Piet"))
    second = actions.add_action(workspace, ActionInput(title="B", status=ActionStatus.IN_PROGRESS))
    before = actions.status_snapshot(workspace, [first, second])
    actions.set_status(workspace, [first, second], ActionStatus.DONE)
    rows = {row.id: row for row in actions.action_rows(workspace)}
    assert {row.status for row in rows.values()} == {ActionStatus.DONE}
    assert rows[first].completed_on == date.today()
    actions.restore_status(workspace, before)
    rows = {row.id: row for row in actions.action_rows(workspace)}
    assert rows[first].status is ActionStatus.OPEN
    assert rows[second].status is ActionStatus.IN_PROGRESS
    assert rows[first].completed_on is None


def test_deleted_actions_come_back_with_their_id(workspace: Workspace) -> None:
    action_id = actions.add_action(workspace, ActionInput(title="Buurtapp starten"))
    rows = actions.action_rows(workspace)
    actions.delete_actions(workspace, [action_id])
    assert actions.action_rows(workspace) == []
    actions.restore_actions(workspace, rows)
    assert actions.action_rows(workspace) == rows


def test_overdue_means_past_due_and_still_open() -> None:
    today = date(2018, 5, 1)
    assert actions.is_overdue(date(2018, 4, 30), ActionStatus.OPEN, today)
    assert actions.is_overdue(date(2018, 4, 30), ActionStatus.IN_PROGRESS, today)
    assert not actions.is_overdue(date(2018, 4, 30), ActionStatus.DONE, today)
    assert not actions.is_overdue(date(2018, 5, 1), ActionStatus.OPEN, today)
    assert not actions.is_overdue(None, ActionStatus.OPEN, today)
