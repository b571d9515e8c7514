"""Goal states and projection against hand-computed cases."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from app.analysis.goals import GoalDefinition, GoalState, assess_goal, path_value

# From 10.0 (over 2016, so measured on 31-12-2016) to 8.0 on 31-12-2018: 730 days.
GOAL = GoalDefinition(
    id="g",
    title="Inbraakrisico omlaag",
    unit="per 1.000 woningen",
    baseline_value=10.0,
    baseline_year=2016,
    target_value=8.0,
    deadline=date(2018, 12, 31),
)


def _values(points: dict[str, float]) -> pd.Series:
    return pd.Series(list(points.values()), index=pd.to_datetime(list(points)))


def test_halfway_in_time_the_path_asks_for_half_the_change() -> None:
    assert path_value(GOAL, date(2017, 12, 31)) == pytest.approx(9.0)
    assert path_value(GOAL, date(2020, 1, 1)) == pytest.approx(8.0)


def test_a_goal_exactly_on_its_path_is_on_track_and_projects_onto_its_target() -> None:
    months = pd.date_range("2017-01-31", "2017-12-31", freq="ME")
    values = pd.Series([path_value(GOAL, day.date()) for day in months], index=months)
    progress = assess_goal(GOAL, values)
    assert progress.measured_on == date(2017, 12, 31)
    assert progress.current_value == pytest.approx(9.0)
    assert progress.expected_value == pytest.approx(9.0)
    assert progress.state is GoalState.ON_TRACK
    assert progress.projected_value == pytest.approx(8.0)


@pytest.mark.parametrize(
    ("current", "state"),
    [
        (8.9, GoalState.ON_TRACK),  # ahead of the path
        (9.2, GoalState.ON_TRACK),  # 0.10 of the planned change behind: the limit
        (9.3, GoalState.AT_RISK),  # 0.15 behind
        (9.5, GoalState.AT_RISK),  # 0.25 behind: the limit
        (9.6, GoalState.BEHIND),  # 0.30 behind
        (10.5, GoalState.BEHIND),  # the wrong way
    ],
)
def test_state_follows_the_shortfall_thresholds(current: float, state: GoalState) -> None:
    assert assess_goal(GOAL, _values({"2017-12-31": current})).state is state


def test_a_goal_to_raise_a_share_counts_upwards() -> None:
    share = GoalDefinition("s", "Meer pogingen", "%", 30.0, 2016, 40.0, date(2018, 12, 31))
    assert assess_goal(share, _values({"2017-12-31": 35.0})).state is GoalState.ON_TRACK
    assert assess_goal(share, _values({"2017-12-31": 31.0})).state is GoalState.BEHIND


def test_without_values_the_state_is_unknown() -> None:
    progress = assess_goal(GOAL, pd.Series(dtype=float))
    assert progress.state is GoalState.UNKNOWN
    assert progress.current_value is None
    assert progress.projected_value is None
