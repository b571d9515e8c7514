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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_incident_count_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_count")),
        sa.UniqueConstraint(
            "municipality_id",
            "month",
            "neighbourhood_code",
            "weekday",
            "hour",
            name=op.f("uq_incident_count_municipality_id"),
        ),
    )
    with op.batch_alter_table("incident_count", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_count_month"), ["month"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_incident_count_municipality_id"), ["municipality_id"], unique=False
        )
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_redaction")),
    )
    with op.batch_alter_table("privacy_redaction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_privacy_redaction_redacted_at"), ["redacted_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("privacy_redaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_redaction_redacted_at"))
    op.drop_table("privacy_redaction")
    with op.batch_alter_table("incident_count", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_count_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_incident_count_month"))
    op.drop_table("incident_count")
