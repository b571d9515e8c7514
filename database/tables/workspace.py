"""What a workspace file is: its role, the gemeente it owns, its package sequence.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table

from database.enums import WorkspaceRole
from database.tables.base import UUID_LENGTH, enum_column, metadata
from database.types import UTCDateTime, new_uuid, utc_now

WORKSPACE_FORMAT = "aanpak-woninginbraken/workspace"


workspace_info_table = Table(
    "workspace_info",
    metadata,
    Column("id", String(UUID_LENGTH), primary_key=True, default=new_uuid),
    Column("format", String(64), default=WORKSPACE_FORMAT, nullable=False),
    Column("role", enum_column(WorkspaceRole), nullable=False),
    Column("municipality_id", String(UUID_LENGTH), ForeignKey("municipality.id")),
    Column("is_demo", Boolean, default=False, nullable=False),
    Column("created_at", UTCDateTime, default=utc_now, nullable=False),
    Column("created_by_version", String(32), nullable=False),
    # Grows with every exported package so the RSIV can tell newer from older.
    Column("package_sequence", Integer, default=0, nullable=False),
)
