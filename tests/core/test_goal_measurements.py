"""Goals measured by hand: stored in a real workspace, assessed like figure-based goals.

The goal in these tests: from 0 at the end of 2016 to 50 homes with a keurmerk by
31-12-2019, so the path runs over 1,095 days; on 31-12-2018 730 of them have passed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.goals import goals
from app.core.goals import measurements as goal_measurements
from app.core.goals.measurements import MeasurementDraft
from app.core.goals.progress import progress_by_goal
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace, create_workspace
from database.enums import GoalIndicator, GoalState, WorkspaceRole

KEURMERK = goals.GoalDraft(
    title="50 woningen met het Politiekeurmerk",
    indicator=GoalIndicator.OTHER,
    unit="woningen",
    baseline_value=0.0,
    baseline_year=2016,
    target_value=50.0,
    deadline=date(2019, 12, 31),
)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513") as opened:
        yield opened


def _measure(workspace: Workspace, goal_id: str, *values: tuple[date, float]) -> None:
    for day, value in values:
        goal_measurements.add_measurement(
            workspace, goal_id, MeasurementDraft(day, value, source="gemeente")
        )


def test_a_goal_of_kind_anders_without_measurements_is_unknown(workspace: Workspace) -> None:
    goal_id = goals.add_goal(workspace, KEURMERK)
    progress = progress_by_goal(workspace)[goal_id]
    assert progress.state is GoalState.UNKNOWN
    assert progress.current_value is None


def test_three_measurements_give_state_and_projection(workspace: Workspace) -> None:
    goal_id = goals.add_goal(workspace, KEURMERK)
    # 73 days apart (a fifth of the 365 days left to the deadline), 4 more homes each time.
    _measure(
        workspace,
        goal_id,
        (date(2018, 12, 31), 30.0),
        (date(2018, 8, 7), 22.0),
        (date(2018, 10, 19), 26.0),
    )
    progress = progress_by_goal(workspace)[goal_id]
    assert progress.measured_on == date(2018, 12, 31)
    assert progress.current_value == 30.0
    # The path asks 730/1095 of 50 = 33.33; 30 is 0.60 of the change against 0.667 expected:
    # 0.067 behind, within the 0.10 of "op koers".
    assert progress.expected_value == pytest.approx(33.333, abs=0.001)
    assert progress.state is GoalState.ON_TRACK
    # 4 per 73 days for 365 more days: 30 + 5 x 4 = 50, exactly the target.
    assert progress.projected_value == pytest.approx(50.0)
    assert [day for day, _ in progress.history] == [
        date(2018, 8, 7),
        date(2018, 10, 19),
        date(2018, 12, 31),
    ]


def test_a_slower_count_is_at_risk_and_two_values_give_no_projection(
    workspace: Workspace,
) -> None:
    goal_id = goals.add_goal(workspace, KEURMERK)
    _measure(workspace, goal_id, (date(2018, 6, 30), 15.0), (date(2018, 12, 31), 25.0))
    progress = progress_by_goal(workspace)[goal_id]
    # 25/50 = 0.50 of the change against 0.667 expected: 0.167 behind, between 0.10 and 0.25.
    assert progress.state is GoalState.AT_RISK
    assert progress.projected_value is None


def test_a_second_value_on_the_same_day_is_refused_at_the_date(workspace: Workspace) -> None:
    goal_id = goals.add_goal(workspace, KEURMERK)
    _measure(workspace, goal_id, (date(2018, 6, 30), 15.0))
    with pytest.raises(FieldError) as refused:
        _measure(workspace, goal_id, (date(2018, 6, 30), 16.0))
    assert refused.value.field == "measured_on"
    assert "30-06-2018" in str(refused.value)
    assert [row.draft.value for row in goal_measurements.list_measurements(workspace, goal_id)] == [
        15.0
    ]


def test_a_negative_value_is_refused(workspace: Workspace) -> None:
    with pytest.raises(FieldError) as refused:
        goal_measurements.checked_measurement(MeasurementDraft(date(2018, 1, 1), -1.0))
    assert refused.value.field == "value"


def test_undoing_a_goal_delete_brings_its_measurements_back(workspace: Workspace) -> None:
    goal_id = goals.add_goal(workspace, KEURMERK)
    _measure(workspace, goal_id, (date(2018, 6, 30), 15.0), (date(2018, 12, 31), 25.0))
    deleted = goals.delete_goal(workspace, goal_id)
    assert goal_measurements.list_measurements(workspace, goal_id) == []
    goals.restore_goal(workspace, deleted)
    values = [row.draft.value for row in goal_measurements.list_measurements(workspace, goal_id)]
    assert values == [15.0, 25.0]
