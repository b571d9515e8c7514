"""Measures (maatregelen), placed in the 3D matrix, and their links to hot items.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, String, Table, Text

from database.enums import InterventionKind, MeasureStatus, TargetGroup
from database.tables.base import (
    UUID_LENGTH,
    enum_column,
    exchanged_columns,
    metadata,
    parent_column,
)

# The third axis "hotspot / hot item" of the matrix: which hots a measure is aimed at.
measure_hot_item_table = Table(
    "measure_hot_item",
    metadata,
    Column(
        "measure_id",
        String(UUID_LENGTH),
        ForeignKey("measure.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "hot_item_id",
        String(UUID_LENGTH),
        ForeignKey("hot_item.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


measure_table = Table(
    "measure",
    metadata,
    parent_column("plan"),
    Column("title", String(200), nullable=False),
    Column("description", Text, default="", nullable=False),
    Column("target_group", enum_column(TargetGroup), nullable=False),
    Column("intervention", enum_column(InterventionKind), nullable=False),
    Column(
        "partner_id", String(UUID_LENGTH), ForeignKey("partner.id", ondelete="SET NULL"), index=True
    ),
    Column("status", enum_column(MeasureStatus), nullable=False),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("dark_days", Boolean, default=False, nullable=False),
    # Whole euros: the plans budget in euros, and integers add up exactly.
    Column("extra_cost_eur", Integer, default=0, nullable=False),
    Column("catalogue_key", String(50)),
    *exchanged_columns(),
)


# A cell of doelgroep x aard the projectleider leaves empty on purpose, with the reason: it is
# no gap (e.g. slachtoffer x repressief). Removing the mark makes an empty cell a gap again.
deliberately_empty_cell_table = Table(
    "deliberately_empty_cell",
    metadata,
    parent_column("plan"),
    Column("target_group", enum_column(TargetGroup), nullable=False),
    Column("intervention", enum_column(InterventionKind), nullable=False),
    Column("reason", Text, nullable=False),
    *exchanged_columns(),
)
