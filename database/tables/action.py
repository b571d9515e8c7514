"""The action list (actielijst).

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text

from database.enums import ActionStatus
from database.tables.base import (
    UUID_LENGTH,
    enum_column,
    exchanged_columns,
    metadata,
    parent_column,
)

action_table = Table(
    "action",
    metadata,
    parent_column("plan"),
    Column("title", String(300), nullable=False),
    Column("description", Text, default="", nullable=False),
    Column("owner", String(200), default="", nullable=False),
    Column("start_date", Date),
    Column("due_date", Date, index=True),
    Column("status", enum_column(ActionStatus), index=True, nullable=False),
    Column("completed_on", Date),
    Column(
        "measure_id", String(UUID_LENGTH), ForeignKey("measure.id", ondelete="SET NULL"), index=True
    ),
    Column(
        "meeting_id", String(UUID_LENGTH), ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    ),
    Column(
        "decision_id",
        String(UUID_LENGTH),
        ForeignKey("decision.id", ondelete="SET NULL"),
        index=True,
    ),
    *exchanged_columns(),
)
