"""SMART goals (doelstellingen)."""

from datetime import date

from sqlalchemy.orm import Mapped

from database.enums import GoalIndicator
from database.models.base import Base, Exchanged
from database.tables.goal import goal_measurement_table, goal_table


class Goal(Exchanged, Base):
    """A specific, measurable sub-goal: from a baseline to a target by a deadline."""

    __table__ = goal_table

    plan_id: Mapped[str]
    title: Mapped[str]
    description: Mapped[str]
    indicator: Mapped[GoalIndicator]
    unit: Mapped[str]
    neighbourhood_code: Mapped[str | None]
    baseline_value: Mapped[float]
    baseline_year: Mapped[int]
    target_value: Mapped[float]
    deadline: Mapped[date]
    owner: Mapped[str]


class GoalMeasurement(Exchanged, Base):
    """A value of a goal's indicator measured by hand on a day, with its source."""

    __table__ = goal_measurement_table

    goal_id: Mapped[str]
    measured_on: Mapped[date]
    value: Mapped[float]
    source: Mapped[str]
    note: Mapped[str]
