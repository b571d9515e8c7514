"""The RSIV workspace's record of incoming packages and where each merged record came from.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text

from database.enums import PackageOutcome
from database.tables.base import UUID_LENGTH, enum_column, metadata
from database.types import UTCDateTime

imported_package_table = Table(
    "imported_package",
    metadata,
    Column("id", String(UUID_LENGTH), primary_key=True),
    Column("export_id", String(UUID_LENGTH), index=True),
    Column("municipality_id", String(UUID_LENGTH), ForeignKey("municipality.id"), index=True),
    # As written in the package, also when the code is unknown to this workspace.
    Column("municipality_code", String(20), default="", nullable=False),
    Column("municipality_name", String(100), default="", nullable=False),
    Column("source_workspace_id", String(UUID_LENGTH), default="", nullable=False),
    Column("sequence", Integer),
    Column("exported_at", String(40), default="", nullable=False),  # ISO text from the package
    Column("imported_at", UTCDateTime, nullable=False),
    Column("file_name", String(260), default="", nullable=False),
    Column("app_version", String(32), default="", nullable=False),
    Column("content_hash", String(64), default="", nullable=False),
    Column("outcome", enum_column(PackageOutcome), nullable=False),
    Column("reason", Text, default="", nullable=False),
    Column("added", Integer, default=0, nullable=False),
    Column("changed", Integer, default=0, nullable=False),
    Column("removed", Integer, default=0, nullable=False),
    # A handover: this merged package came from a new workspace of the gemeente that replaces
    # the workspace named here, accepted by the login name in handover_by.
    Column("handover_from", String(UUID_LENGTH), default="", nullable=False),
    Column("handover_by", String(200), default="", nullable=False),
)


merged_record_table = Table(
    "merged_record",
    metadata,
    Column("table_name", String(40), primary_key=True),
    # The record's id; a link table's ids joined with "/".
    Column("record_key", String(80), primary_key=True),
    Column(
        "package_id",
        String(UUID_LENGTH),
        ForeignKey("imported_package.id"),
        index=True,
        nullable=False,
    ),
)
