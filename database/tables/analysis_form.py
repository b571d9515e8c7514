"""The wijkagent's form: each form issued for a hotspot, and the measures an analysis proposes.

Both travel in the package (format version 3): a workspace rebuilt from its own package (new
laptop, new projectleider) still knows the forms it issued, so a form sent out before the
move is read back after it, and the measures an analysis proposed stay with the analysis.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, ForeignKey, Integer, String, Table, UniqueConstraint

from database.enums import InterventionKind, TargetGroup
from database.tables.base import (
    UUID_LENGTH,
    enum_column,
    identified_columns,
    metadata,
    parent_column,
)
from database.types import UTCDateTime

analysis_form_table = Table(
    "analysis_form",
    metadata,
    parent_column("hot_item"),
    parent_column("municipality"),
    # 1 for the hotspot's first form, then 2, 3, ...: a later form supersedes an earlier one.
    Column("form_version", Integer, nullable=False),
    Column("issued_at", UTCDateTime, nullable=False),
    Column("accepted_at", UTCDateTime),
    # The analysis version the answers became, so reading the same form again is recognised.
    Column("accepted_version", Integer),
    *identified_columns(),
    UniqueConstraint("hot_item_id", "form_version"),
)


proposed_measure_table = Table(
    "proposed_measure",
    metadata,
    Column(
        "analysis_id",
        String(UUID_LENGTH),
        ForeignKey("hotspot_analysis.id", ondelete="CASCADE"),
        index=True,
        nullable=False,
    ),
    parent_column("municipality"),
    Column("position", Integer, default=0, nullable=False),
    Column("title", String(200), nullable=False),
    Column("target_group", enum_column(TargetGroup), nullable=False),
    Column("intervention", enum_column(InterventionKind), nullable=False),
    Column("partner", String(200), default="", nullable=False),
    Column("measure_id", String(UUID_LENGTH), ForeignKey("measure.id", ondelete="SET NULL")),
    *identified_columns(),
)
