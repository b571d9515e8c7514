"""The log of personal data replaced by "[verwijderd]" (privacy redaction)

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
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
