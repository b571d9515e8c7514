"""The RSIV coordinator's own notes: never exchanged, never touched by a merge.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text

from database.enums import NoteTarget
from database.tables.base import UUID_LENGTH, enum_column, identified_columns, metadata

rsiv_note_table = Table(
    "rsiv_note",
    metadata,
    Column("target", enum_column(NoteTarget), index=True, nullable=False),
    Column("municipality_id", String(UUID_LENGTH), ForeignKey("municipality.id"), index=True),
    Column("measure_id", String(UUID_LENGTH), index=True),
    Column("werkgroep_on", Date, index=True),
    Column("subject", String(200), default="", nullable=False),
    Column("text", Text, nullable=False),
    Column("author", String(200), default="", nullable=False),
    *identified_columns(),
)
