"""The plan van aanpak and its problem description along the seven hots.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, Integer, String, Table, Text

from database.enums import BylawStatus, HotKind, InformationSource
from database.tables.base import enum_column, exchanged_columns, metadata, parent_column

plan_table = Table(
    "plan",
    metadata,
    Column("title", String(200), nullable=False),
    Column("project_lead", String(200), default="", nullable=False),
    Column("problem_summary", Text, default="", nullable=False),
    Column("organisation", Text, default="", nullable=False),
    Column("communication", Text, default="", nullable=False),
    Column("local_start", Date),
    Column("triangle_commitment", Date),
    Column("triangle_assignment", Text, default="", nullable=False),
    Column("budget", Text, default="", nullable=False),
    Column("period_start", Date),
    Column("period_end", Date),
    *exchanged_columns(),
)


hot_item_table = Table(
    "hot_item",
    metadata,
    parent_column("plan"),
    Column("kind", enum_column(HotKind), index=True, nullable=False),
    Column("label", String(200), nullable=False),
    Column("description", Text, default="", nullable=False),
    Column("source", enum_column(InformationSource), nullable=False),
    Column("period", String(100), default="", nullable=False),
    Column("person_count", Integer),
    Column("neighbourhood_code", String(10)),
    Column("neighbourhood_name", String(100)),
    Column("position", Integer, default=0, nullable=False),
    *exchanged_columns(),
)


bylaw_instrument_table = Table(
    "bylaw_instrument",
    metadata,
    parent_column("plan"),
    Column("name", String(200), nullable=False),
    Column("description", Text, default="", nullable=False),
    Column("status", enum_column(BylawStatus), nullable=False),
    *exchanged_columns(),
)
