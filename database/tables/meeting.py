"""Meetings of the three tiers and the decisions taken in them.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, Integer, String, Table, Text

from database.enums import MeetingTier
from database.tables.base import enum_column, exchanged_columns, metadata, parent_column

meeting_table = Table(
    "meeting",
    metadata,
    Column("tier", enum_column(MeetingTier), index=True, nullable=False),
    Column("title", String(200), nullable=False),
    Column("held_on", Date, index=True, nullable=False),
    Column("location", String(200), default="", nullable=False),
    Column("participants", Text, default="", nullable=False),
    Column("agenda", Text, default="", nullable=False),
    Column("minutes", Text, default="", nullable=False),
    *exchanged_columns(),
)


decision_table = Table(
    "decision",
    metadata,
    parent_column("meeting"),
    Column("text", Text, nullable=False),
    Column("position", Integer, default=0, nullable=False),
    *exchanged_columns(),
)
