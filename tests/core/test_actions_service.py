"""The action list service: validation, bulk status with exact undo, compact rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.actions import actions
from app.core.actions.actions import ActionInput
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace, create_workspace
from database.enums import ActionStatus, WorkspaceRole


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, "GM0513") as ws:
        yield ws


def test_an_empty_title_is_refused_and_nothing_is_stored(workspace: Workspace) -> None:
    with pytest.raises(FieldError) as refused:
        actions.add_action(workspace, ActionInput(title="   "))
    assert refused.value.field == "title"
    assert actions.action_list(workspace).rows == []


def test_a_due_date_before_the_start_is_refused(workspace: Workspace) -> None:
    data = ActionInput(title="Flyers", start_date=date(2018, 3, 1), due_date=date(2018, 2, 1))
    with pytest.raises(FieldError) as refused:
        actions.add_action(workspace, data)
    assert refused.value.field == "due_date"
    assert "startdatum" in str(refused.value)
    assert actions.action_list(workspace).rows == []


def test_bulk_status_is_one_change_and_restores_exactly(workspace: Workspace) -> None:
    first = actions.add_action(workspace, ActionInput(title="A", owner="Piet"))
    second = actions.add_action(workspace, ActionInput(title="B", status=ActionStatus.IN_PROGRESS))
    before = actions.status_snapshot(workspace, [first, second])
    actions.set_status(workspace, [first, second], ActionStatus.DONE)
    rows = {row.id: row for row in actions.action_list(workspace).rows}
    assert {row.status for row in rows.values()} == {ActionStatus.DONE}
    assert actions.status_snapshot(workspace, [first])[first].completed_on == date.today()
    actions.restore_status(workspace, before)
    rows = {row.id: row for row in actions.action_list(workspace).rows}
    assert rows[first].status is ActionStatus.OPEN
    assert rows[second].status is ActionStatus.IN_PROGRESS
    assert actions.status_snapshot(workspace, [first])[first].completed_on is None


def test_deleted_actions_come_back_with_their_id(workspace: Workspace) -> None:
    action_id = actions.add_action(workspace, ActionInput(title="Buurtapp starten"))
    rows = actions.action_list(workspace).rows
    snapshots = actions.action_snapshots(workspace, [action_id])
    actions.delete_actions(workspace, [action_id])
    assert actions.action_list(workspace).rows == []
    actions.restore_actions(workspace, snapshots)
    assert actions.action_list(workspace).rows == rows


def test_overdue_means_past_due_and_still_open() -> None:
    today = "2018-05-01"
    assert actions.is_overdue("2018-04-30", ActionStatus.OPEN.value, today)
    assert actions.is_overdue("2018-04-30", ActionStatus.IN_PROGRESS.value, today)
    assert not actions.is_overdue("2018-04-30", ActionStatus.DONE.value, today)
    assert not actions.is_overdue("2018-05-01", ActionStatus.OPEN.value, today)
    assert not actions.is_overdue(None, ActionStatus.OPEN.value, today)


def test_many_ids_are_handled_in_batches(workspace: Workspace) -> None:
    ids = [actions.add_action(workspace, ActionInput(title=f"Actie {n}")) for n in range(3)]
    assert len(actions.action_list(workspace, ids * 400).rows) == 3


def test_the_list_names_measure_and_meeting_and_parses_dates(workspace: Workspace) -> None:
    actions.add_action(workspace, ActionInput(title="X", due_date=date(2018, 3, 1)))
    listed = actions.action_list(workspace)
    [row] = listed.rows
    assert row.due_iso == "2018-03-01"
    assert row.due_date == date(2018, 3, 1)
    assert row.status is ActionStatus.OPEN
    assert listed.measure_titles == {}


def test_the_list_reads_every_text_back_as_typed_in_due_date_order(workspace: Workspace) -> None:
    """The list arrives as one JSON text from SQLite: quotes, accents and a vertical tab
    (what Word pastes for Shift+Enter) come back unchanged, no due date sorts last."""
    odd = 'Brief "Oude Lijnbaan"\x0bmet bijlage, één keer'
    later = actions.add_action(workspace, ActionInput(title=odd, due_date=date(2018, 5, 1)))
    undated = actions.add_action(workspace, ActionInput(title="Zonder termijn"))
    sooner = actions.add_action(workspace, ActionInput(title="Eerst", due_date=date(2018, 3, 1)))
    rows = actions.action_list(workspace).rows
    assert [row.id for row in rows] == [sooner, later, undated]
    assert rows[1].title == odd and rows[1].due_date == date(2018, 5, 1)
    assert rows[2].due_iso is None and rows[2].measure_id is None
