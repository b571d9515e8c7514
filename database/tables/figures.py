"""Burglary figures: monthly counts, single incidents (no addresses, no names) and counts.

Single incidents stay in the gemeente's workspace; the RSIV receives only their counts per
month, buurt and hot-time cell (weekday and hour), in incident_count.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    UniqueConstraint,
)

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


incident_count_table = Table(
    "incident_count",
    metadata,
    Column("month", Date, index=True, nullable=False),  # first day of the month
    Column("neighbourhood_code", String(10)),
    Column("weekday", Integer, nullable=False),  # 1 = maandag ... 7 = zondag
    Column("hour", Integer, nullable=False),  # 0 ... 23
    # Aoristic weights: each incident counts 1, spread over the hours of its window.
    Column("completed", Float, nullable=False),
    Column("attempts", Float, nullable=False),
    *exchanged_columns(),
    UniqueConstraint("municipality_id", "month", "neighbourhood_code", "weekday", "hour"),
)
