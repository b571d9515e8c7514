"""The two-monthly voortgangsnotitie a gemeente writes for the werkgroep.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, String, Table, Text

from database.tables.base import exchanged_columns, metadata
from database.types import UTCDateTime

progress_note_table = Table(
    "progress_note",
    metadata,
    Column("period_start", Date, index=True, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("successes", Text, default="", nullable=False),
    Column("bottlenecks", Text, default="", nullable=False),
    Column("communication", Text, default="", nullable=False),
    Column("costs", Text, default="", nullable=False),
    Column("author", String(200), default="", nullable=False),
    # When the author last wrote it: created_at/updated_at change when a package is read in.
    Column("written_at", UTCDateTime, nullable=False),
    *exchanged_columns(),
)
