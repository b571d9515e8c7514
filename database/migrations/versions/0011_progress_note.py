"""The two-monthly voortgangsnotitie of a gemeente (successes, bottlenecks, communication, costs)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_progress_note_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_note")),
    )
    with op.batch_alter_table("progress_note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_progress_note_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_progress_note_period_start"), ["period_start"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("progress_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_note_period_start"))
        batch_op.drop_index(batch_op.f("ix_progress_note_municipality_id"))
    op.drop_table("progress_note")
