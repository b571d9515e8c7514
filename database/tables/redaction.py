"""The gemeente workspace's log of personal data replaced by "[verwijderd]" (never exchanged).

It records that and when something was removed, and from which record and field, never what
was removed.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, String, Table

from database.tables.base import UUID_LENGTH, metadata
from database.types import UTCDateTime, new_uuid

privacy_redaction_table = Table(
    "privacy_redaction",
    metadata,
    Column("id", String(UUID_LENGTH), primary_key=True, default=new_uuid),
    Column("redacted_at", UTCDateTime, index=True, nullable=False),
    Column("record", String(300), nullable=False),  # the record in words, after the removal
    Column("field", String(100), nullable=False),  # the field's Dutch name
    Column("kind", String(60), nullable=False),  # the scanner rule's Dutch name, e.g. "BSN"
)
