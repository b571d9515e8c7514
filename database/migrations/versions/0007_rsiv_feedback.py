"""Feedback to the gemeenten: werkgroep suggestions (RSIV) and return packages read in

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_werkgroep_suggestion_municipality_id_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_werkgroep_suggestion")),
    )
    with op.batch_alter_table("werkgroep_suggestion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_werkgroep_suggestion_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_werkgroep_suggestion_werkgroep_on"), ["werkgroep_on"], unique=False
        )
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
    with op.batch_alter_table("rsiv_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rsiv_feedback_exported_at"), ["exported_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("rsiv_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rsiv_feedback_exported_at"))
    op.drop_table("rsiv_feedback")
    with op.batch_alter_table("werkgroep_suggestion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_werkgroep_suggestion_werkgroep_on"))
        batch_op.drop_index(batch_op.f("ix_werkgroep_suggestion_municipality_id"))
    op.drop_table("werkgroep_suggestion")
