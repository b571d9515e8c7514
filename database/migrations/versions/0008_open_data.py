"""Figures read from CBS open data: burglaries per month and dwelling stock per year

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from database.migrations.helpers import municipality_key

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "open_data_figure",
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("measure", sa.String(length=16), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("area_code", sa.String(length=10), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        municipality_key("open_data_figure"),
        sa.PrimaryKeyConstraint(
            "municipality_id", "measure", "period", "area_code", name=op.f("pk_open_data_figure")
        ),
    )


def downgrade() -> None:
    op.drop_table("open_data_figure")
