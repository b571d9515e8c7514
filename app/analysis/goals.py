"""SMART-goal progress: where a goal stands against the straight path from baseline to target.

The path runs from the baseline value at the end of the baseline year (the value is measured
over that year) to the target value on the deadline. At the latest measurement:

- expected share  = the share of the path's time that has passed (0 to 1);
- achieved share  = (current - baseline) / (target - baseline): the share of the planned
  change that has been realised (negative when the figure moved the wrong way);
- shortfall       = expected share - achieved share.

State thresholds (shares of the planned change, so they mean the same for a rate, a count
or a percentage):

- on track (op koers): shortfall at most ON_TRACK_SHORTFALL (0.10): on the path, ahead of
  it, or less than a tenth of the planned change behind;
- at risk (risico): shortfall up to BEHIND_SHORTFALL (0.25);
- behind (achter): more than a quarter of the planned change behind the path.

A goal whose target equals its baseline (hold the level) measures the shortfall against the
baseline value itself, with the direction its indicator implies.

The projection continues the trend of the last 12 monthly values (least squares, at least
PROJECTION_MIN_POINTS of them) to the deadline: "if it goes on like this".

A goal measured by hand (a value with its day, e.g. the number of homes with a keurmerk so
far) is assessed the same way from those values; being sparser than monthly figures, its
projection needs only MANUAL_PROJECTION_MIN_POINTS of them, weighted by their real days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from math import fsum

import pandas as pd

from database.enums import GoalState

ON_TRACK_SHORTFALL = 0.10
BEHIND_SHORTFALL = 0.25
PROJECTION_POINTS = 12
PROJECTION_MIN_POINTS = 6
MANUAL_PROJECTION_MIN_POINTS = 3


@dataclass(frozen=True)
class GoalDefinition:
    """A goal's measurable part, as plain values."""

    id: str
    title: str
    unit: str
    baseline_value: float
    baseline_year: int
    target_value: float
    deadline: date
    higher_is_better: bool = False


@dataclass(frozen=True)
class GoalProgress:
    goal: GoalDefinition
    measured_on: date | None
    current_value: float | None
    expected_value: float | None
    state: GoalState
    projected_value: float | None
    history: tuple[tuple[date, float], ...]

    @property
    def baseline_date(self) -> date:
        return baseline_date(self.goal)

    @property
    def projection_meets_target(self) -> bool | None:
        if self.projected_value is None:
            return None
        return _at_least_as_good(self.goal, self.projected_value, self.goal.target_value)


def baseline_date(goal: GoalDefinition) -> date:
    return date(goal.baseline_year, 12, 31)


def path_value(goal: GoalDefinition, on: date) -> float:
    """The value the straight path asks for on a day (the target after the deadline)."""
    return goal.baseline_value + (goal.target_value - goal.baseline_value) * _elapsed_share(
        goal, on
    )


def assess_measured_goal(
    goal: GoalDefinition, measurements: Sequence[tuple[date, float]]
) -> GoalProgress:
    """Progress from values measured by hand, each with the day it was measured."""
    known = sorted(
        ((_as_date(day), float(value)) for day, value in measurements if value == value),
        key=lambda measurement: measurement[0],
    )  # value == value: NaN is not a measurement
    return assess_history(goal, tuple(known), min_points=MANUAL_PROJECTION_MIN_POINTS)


def assess_goal(
    goal: GoalDefinition, values: pd.Series, *, min_points: int = PROJECTION_MIN_POINTS
) -> GoalProgress:
    """Progress from the indicator's values, indexed by the day each was measured."""
    values = values.dropna().sort_index()
    history = tuple((_as_date(day), float(value)) for day, value in values.items())
    return assess_history(goal, history, min_points=min_points)


def assess_history(
    goal: GoalDefinition,
    history: tuple[tuple[date, float], ...],
    *,
    min_points: int = PROJECTION_MIN_POINTS,
) -> GoalProgress:
    """Progress from the indicator's known values with their days, oldest first: what
    `assess_goal` does after dropping the unknown ones, without a Series per goal (a region
    assesses thousands of goals)."""
    if not history:
        return GoalProgress(goal, None, None, None, GoalState.UNKNOWN, None, history)
    measured_on, current = history[-1]
    return GoalProgress(
        goal=goal,
        measured_on=measured_on,
        current_value=current,
        expected_value=path_value(goal, measured_on),
        state=_state(goal, current, measured_on),
        projected_value=_projection(goal, history, measured_on, min_points),
        history=history,
    )


def _state(goal: GoalDefinition, current: float, on: date) -> GoalState:
    planned = goal.target_value - goal.baseline_value
    if planned == 0:
        scale = abs(goal.baseline_value) or 1.0
        sign = 1.0 if goal.higher_is_better else -1.0
        shortfall = -sign * (current - goal.baseline_value) / scale
    else:
        shortfall = _elapsed_share(goal, on) - (current - goal.baseline_value) / planned
    if shortfall <= ON_TRACK_SHORTFALL + 1e-9:
        return GoalState.ON_TRACK
    if shortfall <= BEHIND_SHORTFALL + 1e-9:
        return GoalState.AT_RISK
    return GoalState.BEHIND


def _elapsed_share(goal: GoalDefinition, on: date) -> float:
    start = baseline_date(goal)
    total = (goal.deadline - start).days
    if total <= 0:
        return 1.0
    return min(max((on - start).days / total, 0.0), 1.0)


def _projection(
    goal: GoalDefinition,
    history: tuple[tuple[date, float], ...],
    measured_on: date,
    min_points: int,
) -> float | None:
    recent = history[-PROJECTION_POINTS:]
    if goal.deadline <= measured_on or len(recent) < min_points:
        return None
    # The least-squares line through at most a dozen points, in closed form: np.polyfit costs
    # sixty times as much, and the RSIV's overview projects some 1,600 goals at once.
    days = [float((day - measured_on).days) for day, _ in recent]
    values = [float(value) for _, value in recent]
    mean_day, mean_value = fsum(days) / len(days), fsum(values) / len(values)
    spread = fsum((day - mean_day) ** 2 for day in days)
    if spread == 0.0:
        return None  # every point on one day: no direction to project
    slope = (
        fsum(
            (day - mean_day) * (value - mean_value) for day, value in zip(days, values, strict=True)
        )
        / spread
    )
    return mean_value + slope * ((goal.deadline - measured_on).days - mean_day)


def _at_least_as_good(goal: GoalDefinition, value: float, reference: float) -> bool:
    if goal.target_value != goal.baseline_value:
        higher_is_better = goal.target_value > goal.baseline_value
    else:
        higher_is_better = goal.higher_is_better
    return value >= reference if higher_is_better else value <= reference


def _as_date(moment: object) -> date:
    return pd.Timestamp(moment).date()
