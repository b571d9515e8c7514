"""The two-monthly voortgangsnotitie of a gemeente (successes, bottlenecks, communication, costs)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from database.migrations.helpers import (
    create_indexes,
    drop_indexes,
    id_key,
    municipality_key,
    owned_columns,
)

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "progress_note",
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("successes", sa.Text(), nullable=False),
        sa.Column("bottlenecks", sa.Text(), nullable=False),
        sa.Column("communication", sa.Text(), nullable=False),
        sa.Column("costs", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        *owned_columns(),
        municipality_key("progress_note"),
        id_key("progress_note"),
    )
    create_indexes("progress_note", "municipality_id", "period_start")


def downgrade() -> None:
    drop_indexes("progress_note", "period_start", "municipality_id")
    op.drop_table("progress_note")
