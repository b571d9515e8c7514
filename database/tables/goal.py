"""SMART goals (doelstellingen).

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, Float, Integer, String, Table, Text, UniqueConstraint

from database.enums import GoalIndicator
from database.tables.base import enum_column, exchanged_columns, metadata, parent_column

goal_table = Table(
    "goal",
    metadata,
    parent_column("plan"),
    Column("title", String(200), nullable=False),
    Column("description", Text, default="", nullable=False),
    Column("indicator", enum_column(GoalIndicator), nullable=False),
    Column("unit", String(50), nullable=False),
    Column("neighbourhood_code", String(10)),
    Column("baseline_value", Float, nullable=False),
    Column("baseline_year", Integer, nullable=False),
    Column("target_value", Float, nullable=False),
    Column("deadline", Date, nullable=False),
    Column("owner", String(200), default="", nullable=False),
    *exchanged_columns(),
)


# A value measured by hand (e.g. the number of home security advices given so far), for goals
# the burglary figures cannot measure; one value per goal and day.
goal_measurement_table = Table(
    "goal_measurement",
    metadata,
    parent_column("goal"),
    Column("measured_on", Date, nullable=False),
    Column("value", Float, nullable=False),
    Column("source", String(200), default="", nullable=False),
    Column("note", Text, default="", nullable=False),
    *exchanged_columns(),
    UniqueConstraint("goal_id", "measured_on"),
)
