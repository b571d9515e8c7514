"""The wijkagent's problem analysis of a hotspot and the deep-analysis (DIK) request.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, Integer, String, Table, Text, UniqueConstraint

from database.enums import AnalysisState, DeepAnalysisState
from database.tables.base import enum_column, exchanged_columns, metadata, parent_column

hotspot_analysis_table = Table(
    "hotspot_analysis",
    metadata,
    parent_column("hot_item"),
    Column("version", Integer, default=1, nullable=False),
    Column("state", enum_column(AnalysisState), nullable=False),
    Column("sent_on", Date),
    Column("received_on", Date),
    Column("processed_on", Date),
    Column("offender", Text, default="", nullable=False),
    Column("victim_target", Text, default="", nullable=False),
    Column("environment", Text, default="", nullable=False),
    Column("times", Text, default="", nullable=False),
    Column("modus_operandi", Text, default="", nullable=False),
    Column("street_knowledge", Text, default="", nullable=False),
    Column("conclusions", Text, default="", nullable=False),
    Column("author_name", String(200), default="", nullable=False),
    Column("author_role", String(200), default="", nullable=False),
    Column("written_on", Date),
    *exchanged_columns(),
    UniqueConstraint("hot_item_id", "version"),
)


deep_analysis_request_table = Table(
    "deep_analysis_request",
    metadata,
    parent_column("hot_item"),
    Column("state", enum_column(DeepAnalysisState), nullable=False),
    Column("requested_on", Date, nullable=False),
    Column("requested_by", String(200), default="", nullable=False),
    Column("question", Text, default="", nullable=False),
    Column("answered_on", Date),
    Column("summary", Text, default="", nullable=False),
    *exchanged_columns(),
)
