"""Privacy: the log of removals ("[verwijderd]") and incidents as counts for the RSIV

The RSIV receives incidents only as counts per month, buurt and hot-time cell
(incident_count); the single incidents it holds from earlier packages are removed, and the
next package of each gemeente brings its counts.

Revision ID: 0010
Revises: 0009
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

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_count",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Float(), nullable=False),
        sa.Column("attempts", sa.Float(), nullable=False),
        *owned_columns(),
        municipality_key("incident_count"),
        id_key("incident_count"),
        sa.UniqueConstraint(
            "municipality_id",
            "month",
            "neighbourhood_code",
            "weekday",
            "hour",
            name=op.f("uq_incident_count_municipality_id"),
        ),
    )
    create_indexes("incident_count", "month", "municipality_id")
    in_region = "EXISTS (SELECT 1 FROM workspace_info WHERE role = 'region')"
    op.execute(f"DELETE FROM merged_record WHERE table_name = 'incident' AND {in_region}")
    op.execute(f"DELETE FROM incident WHERE {in_region}")
    op.create_table(
        "privacy_redaction",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("redacted_at", sa.DateTime(), nullable=False),
        sa.Column("record", sa.String(length=300), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        id_key("privacy_redaction"),
    )
    create_indexes("privacy_redaction", "redacted_at")


def downgrade() -> None:
    drop_indexes("privacy_redaction", "redacted_at")
    op.drop_table("privacy_redaction")
    drop_indexes("incident_count", "municipality_id", "month")
    op.drop_table("incident_count")
