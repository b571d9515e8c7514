"""Burglary figures: monthly counts and single incidents (no addresses, no names).

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, String, Table, UniqueConstraint

from database.tables.base import exchanged_columns, metadata

monthly_figure_table = Table(
    "monthly_figure",
    metadata,
    Column("month", Date, index=True, nullable=False),  # first day of the month
    Column("neighbourhood_code", String(10)),
    Column("completed", Integer, nullable=False),
    Column("attempts", Integer, nullable=False),
    *exchanged_columns(),
    UniqueConstraint("municipality_id", "month", "neighbourhood_code"),
)


incident_table = Table(
    "incident",
    metadata,
    Column("window_start", DateTime, nullable=False),  # local time, as reported
    Column("window_end", DateTime, nullable=False),
    Column("neighbourhood_code", String(10)),
    Column("is_attempt", Boolean, default=False, nullable=False),
    Column("modus_operandi", String(200), default="", nullable=False),
    *exchanged_columns(),
)
