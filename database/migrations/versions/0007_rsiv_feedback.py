"""Feedback to the gemeenten: werkgroep suggestions (RSIV) and return packages read in

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from database.migrations.helpers import create_indexes, drop_indexes, id_key, identity_columns

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "werkgroep_suggestion",
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("werkgroep_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *identity_columns(),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_werkgroep_suggestion_municipality_id_municipality"),
        ),
        id_key("werkgroep_suggestion"),
    )
    create_indexes("werkgroep_suggestion", "municipality_id", "werkgroep_on")
    op.create_table(
        "rsiv_feedback",
        sa.Column("export_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=16), nullable=False),
        sa.Column("rsiv_workspace_id", sa.String(length=36), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("werkgroep_on", sa.Date(), nullable=True),
        sa.Column("suggestions", sa.Text(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.PrimaryKeyConstraint("export_id", name=op.f("pk_rsiv_feedback")),
    )
    create_indexes("rsiv_feedback", "exported_at")


def downgrade() -> None:
    drop_indexes("rsiv_feedback", "exported_at")
    op.drop_table("rsiv_feedback")
    drop_indexes("werkgroep_suggestion", "werkgroep_on", "municipality_id")
    op.drop_table("werkgroep_suggestion")
