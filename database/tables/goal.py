"""SMART goals (doelstellingen).

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, Float, Integer, String, Table, Text

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
