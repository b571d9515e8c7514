"""wijkagent forms issued per hotspot and the measures an analysis proposes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analysis_form",
        sa.Column("hot_item_id", sa.String(length=36), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hot_item_id"],
            ["hot_item.id"],
            name=op.f("fk_analysis_form_hot_item_id_hot_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_analysis_form")),
        sa.UniqueConstraint(
            "hot_item_id", "form_version", name=op.f("uq_analysis_form_hot_item_id")
        ),
    )
    with op.batch_alter_table("analysis_form", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_analysis_form_hot_item_id"), ["hot_item_id"], unique=False
        )

    op.create_table(
        "proposed_measure",
        sa.Column("analysis_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("target_group", sa.String(length=32), nullable=False),
        sa.Column("intervention", sa.String(length=32), nullable=False),
        sa.Column("partner", sa.String(length=200), nullable=False),
        sa.Column("measure_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["analysis_id"],
            ["hotspot_analysis.id"],
            name=op.f("fk_proposed_measure_analysis_id_hotspot_analysis"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_proposed_measure_measure_id_measure"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposed_measure")),
    )
    with op.batch_alter_table("proposed_measure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposed_measure_analysis_id"), ["analysis_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("proposed_measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposed_measure_analysis_id"))
    op.drop_table("proposed_measure")
    with op.batch_alter_table("analysis_form", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_analysis_form_hot_item_id"))
    op.drop_table("analysis_form")
