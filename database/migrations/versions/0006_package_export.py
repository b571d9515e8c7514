"""The packages a gemeente workspace made, for the timeline's werkgroep deadlines

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from database.migrations.helpers import create_indexes, drop_indexes

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "package_export",
        sa.Column("export_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.PrimaryKeyConstraint("export_id", name=op.f("pk_package_export")),
    )
    create_indexes("package_export", "exported_at")


def downgrade() -> None:
    drop_indexes("package_export", "exported_at")
    op.drop_table("package_export")
