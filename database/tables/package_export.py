"""The gemeente workspace's own record of the packages it made (never exchanged).

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Integer, String, Table

from database.tables.base import UUID_LENGTH, metadata
from database.types import UTCDateTime

package_export_table = Table(
    "package_export",
    metadata,
    Column("export_id", String(UUID_LENGTH), primary_key=True),
    Column("sequence", Integer, nullable=False),
    Column("exported_at", UTCDateTime, index=True, nullable=False),
    Column("file_name", String(260), default="", nullable=False),
)
