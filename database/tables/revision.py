"""Named revisions of the plan: a frozen copy of what the plan held at one moment.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from database.tables.base import UUID_LENGTH, exchanged_columns, metadata
from database.types import UTCDateTime

plan_revision_table = Table(
    "plan_revision",
    metadata,
    Column("name", String(200), nullable=False),
    Column("frozen_at", UTCDateTime, index=True, nullable=False),
    Column("created_by", String(200), default="", nullable=False),
    *exchanged_columns(),
)


plan_revision_part_table = Table(
    "plan_revision_part",
    metadata,
    Column(
        "revision_id",
        String(UUID_LENGTH),
        ForeignKey("plan_revision.id", ondelete="CASCADE"),
        index=True,
        nullable=False,
    ),
    Column("position", Integer, nullable=False),
    Column("content", Text, nullable=False),
    *exchanged_columns(),
    UniqueConstraint("revision_id", "position"),
)
