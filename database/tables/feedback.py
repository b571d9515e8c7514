"""Feedback from the RSIV to a gemeente: suggestions kept by the RSIV, feedback received.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text

from database.tables.base import UUID_LENGTH, identified_columns, metadata
from database.types import UTCDateTime

werkgroep_suggestion_table = Table(
    "werkgroep_suggestion",
    metadata,
    Column(
        "municipality_id",
        String(UUID_LENGTH),
        ForeignKey("municipality.id"),
        index=True,
        nullable=False,
    ),
    Column("werkgroep_on", Date, index=True, nullable=False),
    Column("text", Text, nullable=False),
    *identified_columns(),
)


rsiv_feedback_table = Table(
    "rsiv_feedback",
    metadata,
    Column("export_id", String(UUID_LENGTH), primary_key=True),
    Column("municipality_code", String(16), nullable=False),
    Column("rsiv_workspace_id", String(UUID_LENGTH), nullable=False),
    Column("exported_at", UTCDateTime, index=True, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("werkgroep_on", Date),
    Column("suggestions", Text, nullable=False),  # JSON list of {werkgroep_on, text}
    Column("figures", Text, nullable=False),  # JSON list of {code, label, value, unit}
    # JSON list of the good practices (goede voorbeelden); "[]" in feedback older than them.
    Column("practices", Text, default="[]", nullable=False),
    Column("file_name", String(260), default="", nullable=False),
)
