"""Good practices: matrix cells left empty on purpose, and the good-practice list in feedback

- deliberately_empty_cell: a cell of doelgroep x aard a projectleider marks "bewust leeg"
  with a reason; it travels in the package and is no gap.
- rsiv_feedback.practices: the RSIV's good-practice list as the gemeente received it (JSON);
  feedback read in before this revision had none ("[]").

Revision ID: 0013
Revises: 0012
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

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deliberately_empty_cell",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("target_group", sa.String(length=32), nullable=False),
        sa.Column("intervention", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        *owned_columns(),
        municipality_key("deliberately_empty_cell"),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_deliberately_empty_cell_plan_id_plan"),
            ondelete="CASCADE",
        ),
        id_key("deliberately_empty_cell"),
    )
    create_indexes("deliberately_empty_cell", "municipality_id", "plan_id")
    # Added in place; the server default fills the feedback already read in.
    with op.batch_alter_table("rsiv_feedback", schema=None) as batch_op:
        batch_op.add_column(sa.Column("practices", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("rsiv_feedback", schema=None) as batch_op:
        batch_op.drop_column("practices")  # SQLite drops a column by copying the table
    drop_indexes("deliberately_empty_cell", "plan_id", "municipality_id")
    op.drop_table("deliberately_empty_cell")
