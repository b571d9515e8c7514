"""What the revisions repeat, written once: a record's key and moments, the gemeente it belongs
to, and indexes on single columns.

Revisions that have shipped use these too, so a helper must never change what it emits: every
revision has to keep building exactly the tables it built when it was released.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op


def identity_columns() -> tuple[sa.Column[Any], ...]:
    """A record's UUID and the moments it was made and last changed."""
    return (
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def owned_columns() -> tuple[sa.Column[Any], ...]:
    """The gemeente a record belongs to, then its identity."""
    return (sa.Column("municipality_id", sa.String(length=36), nullable=False), *identity_columns())


def municipality_key(table: str) -> sa.ForeignKeyConstraint:
    """`table`'s link to its gemeente: the record goes when the gemeente goes."""
    return sa.ForeignKeyConstraint(
        ["municipality_id"],
        ["municipality.id"],
        name=op.f(f"fk_{table}_municipality_id_municipality"),
        ondelete="CASCADE",
    )


def id_key(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def create_indexes(table: str, *columns: str) -> None:
    """One plain index per column, named ix_<table>_<column>, in the order given."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def drop_indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
