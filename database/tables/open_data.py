"""Figures read from CBS open data (47022NED and "Kerncijfers wijken en buurten").

Kept apart from the police's own monthly figures: an open-data count includes attempts with
no split, and a cell CBS withheld is stored as NULL (unknown), never as zero. These rows stay
in the workspace that read them and never travel in a package: the RSIV reads the same public
file for its whole region.

The tables as SQLAlchemy Core objects."""

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table

from database.tables.base import UUID_LENGTH, metadata

BURGLARIES = "burglaries"  # registered burglaries incl. attempts, per month
DWELLINGS = "dwellings"  # dwelling stock on 1 January, per year

open_data_figure_table = Table(
    "open_data_figure",
    metadata,
    Column(
        "municipality_id",
        String(UUID_LENGTH),
        ForeignKey("municipality.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("measure", String(16), primary_key=True),  # BURGLARIES or DWELLINGS
    Column("period", Date, primary_key=True),  # first day of the month, or 1 January
    Column("area_code", String(10), primary_key=True),  # GMnnnn, WKnnnnnn or BUnnnnnnnn
    Column("value", Integer),  # NULL: withheld by CBS (unknown, not zero)
    Column("source", String(16), nullable=False),  # the CBS table, e.g. 47022NED
)
