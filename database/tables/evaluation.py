"""The evaluation after twelve months and the decision per measure.

The tables as SQLAlchemy Core objects; the ORM classes in database.models map onto them."""

from sqlalchemy import Column, Date, Table, Text, UniqueConstraint

from database.enums import B3WAnswer, B3WStage, B3WWorld, MeasureDecision
from database.tables.base import enum_column, exchanged_columns, metadata, parent_column

evaluation_table = Table(
    "evaluation",
    metadata,
    parent_column("plan"),
    Column("evaluated_on", Date),
    Column("summary", Text, default="", nullable=False),
    Column("successes", Text, default="", nullable=False),
    Column("bottlenecks", Text, default="", nullable=False),
    Column("follow_up", Text, default="", nullable=False),
    *exchanged_columns(),
)


measure_evaluation_table = Table(
    "measure_evaluation",
    metadata,
    parent_column("evaluation"),
    parent_column("measure"),
    Column("decision", enum_column(MeasureDecision), nullable=False),
    Column("explanation", Text, default="", nullable=False),
    *exchanged_columns(),
    UniqueConstraint("evaluation_id", "measure_id"),
)


b3w_check_table = Table(
    "b3w_check",
    metadata,
    parent_column("evaluation"),
    Column("world", enum_column(B3WWorld), nullable=False),
    Column("stage", enum_column(B3WStage), nullable=False),
    Column("answer", enum_column(B3WAnswer), nullable=False),
    Column("explanation", Text, default="", nullable=False),
    *exchanged_columns(),
    UniqueConstraint("evaluation_id", "world", "stage"),
)
