"""The national burglary series the user can enter: the project's joint goal is to get below it.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Integer, String, Table

from database.tables.base import (
    metadata,
)

national_reference_table = Table(
    "national_reference",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("burglaries", Integer, nullable=False),
    Column("dwellings", Integer, nullable=False),
    Column("source", String(300), default="", nullable=False),
)
