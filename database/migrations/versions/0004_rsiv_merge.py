"""RSIV merge: imported packages, the package behind each merged record, RSIV notes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from database.migrations.helpers import create_indexes, drop_indexes, id_key, identity_columns

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_package",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("export_id", sa.String(length=36), nullable=True),
        sa.Column("municipality_id", sa.String(length=36), nullable=True),
        sa.Column("municipality_code", sa.String(length=20), nullable=False),
        sa.Column("municipality_name", sa.String(length=100), nullable=False),
        sa.Column("source_workspace_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("exported_at", sa.String(length=40), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("app_version", sa.String(length=32), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_imported_package_municipality_id_municipality"),
        ),
        id_key("imported_package"),
    )
    create_indexes("imported_package", "export_id", "municipality_id")

    op.create_table(
        "rsiv_note",
        sa.Column("target", sa.String(length=32), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=True),
        sa.Column("measure_id", sa.String(length=36), nullable=True),
        sa.Column("werkgroep_on", sa.Date(), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        *identity_columns(),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_rsiv_note_municipality_id_municipality"),
        ),
        id_key("rsiv_note"),
    )
    create_indexes("rsiv_note", "measure_id", "municipality_id", "target", "werkgroep_on")

    op.create_table(
        "merged_record",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_key", sa.String(length=80), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["imported_package.id"],
            name=op.f("fk_merged_record_package_id_imported_package"),
        ),
        sa.PrimaryKeyConstraint("table_name", "record_key", name=op.f("pk_merged_record")),
    )
    create_indexes("merged_record", "package_id")


def downgrade() -> None:
    drop_indexes("merged_record", "package_id")

    op.drop_table("merged_record")
    drop_indexes("rsiv_note", "werkgroep_on", "target", "municipality_id", "measure_id")

    op.drop_table("rsiv_note")
    drop_indexes("imported_package", "municipality_id", "export_id")

    op.drop_table("imported_package")
