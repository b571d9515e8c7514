"""The project's course: named plan revisions (in parts) and the B3W checklist

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from database.migrations.helpers import create_indexes, drop_indexes, id_key, owned_columns

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _exchanged() -> list[sa.Column]:
    return [
        *owned_columns(),
    ]


def _municipality_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["municipality_id"],
        ["municipality.id"],
        name=op.f(f"fk_{table}_municipality_id_municipality"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "plan_revision",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("frozen_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        *_exchanged(),
        _municipality_fk("plan_revision"),
        id_key("plan_revision"),
    )
    create_indexes("plan_revision", "frozen_at", "municipality_id")

    op.create_table(
        "plan_revision_part",
        sa.Column("revision_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        *_exchanged(),
        _municipality_fk("plan_revision_part"),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["plan_revision.id"],
            name=op.f("fk_plan_revision_part_revision_id_plan_revision"),
            ondelete="CASCADE",
        ),
        id_key("plan_revision_part"),
        sa.UniqueConstraint(
            "revision_id", "position", name=op.f("uq_plan_revision_part_revision_id")
        ),
    )
    with op.batch_alter_table("plan_revision_part", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_revision_part_municipality_id"),
            ["municipality_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_plan_revision_part_revision_id"), ["revision_id"], unique=False
        )

    op.create_table(
        "b3w_check",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("world", sa.String(length=32), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("answer", sa.String(length=32), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        *_exchanged(),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_b3w_check_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        _municipality_fk("b3w_check"),
        id_key("b3w_check"),
        sa.UniqueConstraint(
            "evaluation_id", "world", "stage", name=op.f("uq_b3w_check_evaluation_id")
        ),
    )
    create_indexes("b3w_check", "evaluation_id", "municipality_id")


def downgrade() -> None:
    drop_indexes("b3w_check", "municipality_id", "evaluation_id")
    op.drop_table("b3w_check")
    drop_indexes("plan_revision_part", "revision_id", "municipality_id")
    op.drop_table("plan_revision_part")
    drop_indexes("plan_revision", "municipality_id", "frozen_at")
    op.drop_table("plan_revision")
