"""Gemeenten, their buurten and dwelling stock, and partners.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Boolean, Column, Integer, String, Table, Text, UniqueConstraint

from database.enums import PartnerKind
from database.tables.base import (
    enum_column,
    exchanged_columns,
    identified_columns,
    metadata,
)

municipality_table = Table(
    "municipality",
    metadata,
    Column("cbs_code", String(6), unique=True, nullable=False),
    Column("name", String(100), nullable=False),
    Column("police_team", String(100)),
    Column("is_participant", Boolean, default=True, nullable=False),
    *identified_columns(),
)


neighbourhood_table = Table(
    "neighbourhood",
    metadata,
    Column("code", String(10), nullable=False),
    Column("name", String(100), nullable=False),
    *exchanged_columns(),
    UniqueConstraint("municipality_id", "code"),
)


dwelling_stock_table = Table(
    "dwelling_stock",
    metadata,
    Column("year", Integer, nullable=False),
    Column("neighbourhood_code", String(10)),
    Column("dwellings", Integer, nullable=False),
    *exchanged_columns(),
    UniqueConstraint("municipality_id", "year", "neighbourhood_code"),
)


partner_table = Table(
    "partner",
    metadata,
    Column("name", String(200), nullable=False),
    Column("kind", enum_column(PartnerKind), nullable=False),
    Column("role", Text, default="", nullable=False),
    Column("contact_name", String(200), default="", nullable=False),
    Column("contact_email", String(200), default="", nullable=False),
    Column("contact_phone", String(50), default="", nullable=False),
    *exchanged_columns(),
)
