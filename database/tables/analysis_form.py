"""The wijkagent's form: each form issued for a hotspot, and the measures an analysis proposes.

Neither travels in the package: a form is the gemeente's own bookkeeping (it lets an import
refuse an unknown, tampered or older form), and a proposed measure becomes a real measure,
which does travel, once the projectleider places it in the 3D matrix.

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
    # 1 for the hotspot's first form, then 2, 3, ...: a later form supersedes an earlier one.
    Column("form_version", Integer, nullable=False),
    Column("issued_at", UTCDateTime, nullable=False),
    Column("accepted_at", UTCDateTime),
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
    Column("position", Integer, default=0, nullable=False),
    Column("title", String(200), nullable=False),
    Column("target_group", enum_column(TargetGroup), nullable=False),
    Column("intervention", enum_column(InterventionKind), nullable=False),
    Column("partner", String(200), default="", nullable=False),
    Column("measure_id", String(UUID_LENGTH), ForeignKey("measure.id", ondelete="SET NULL")),
    *identified_columns(),
)
