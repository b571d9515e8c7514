"""wijkagent forms issued per hotspot and the measures an analysis proposes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from database.migrations.helpers import create_indexes, drop_indexes, id_key, identity_columns

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
        *identity_columns(),
        sa.ForeignKeyConstraint(
            ["hot_item_id"],
            ["hot_item.id"],
            name=op.f("fk_analysis_form_hot_item_id_hot_item"),
            ondelete="CASCADE",
        ),
        id_key("analysis_form"),
        sa.UniqueConstraint(
            "hot_item_id", "form_version", name=op.f("uq_analysis_form_hot_item_id")
        ),
    )
    create_indexes("analysis_form", "hot_item_id")

    op.create_table(
        "proposed_measure",
        sa.Column("analysis_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("target_group", sa.String(length=32), nullable=False),
        sa.Column("intervention", sa.String(length=32), nullable=False),
        sa.Column("partner", sa.String(length=200), nullable=False),
        sa.Column("measure_id", sa.String(length=36), nullable=True),
        *identity_columns(),
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
        id_key("proposed_measure"),
    )
    create_indexes("proposed_measure", "analysis_id")


def downgrade() -> None:
    drop_indexes("proposed_measure", "analysis_id")
    op.drop_table("proposed_measure")
    drop_indexes("analysis_form", "hot_item_id")
    op.drop_table("analysis_form")
