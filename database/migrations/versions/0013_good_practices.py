"""Good practices: matrix cells left empty on purpose, and the good-practice list in feedback

- deliberately_empty_cell: a cell of doelgroep x aard a projectleider marks "bewust leeg"
  with a reason; it travels in the package and is no gap.
- rsiv_feedback.practices: the RSIV's good-practice list as the gemeente received it (JSON);
  feedback read in before this revision had none ("[]").

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_deliberately_empty_cell_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_deliberately_empty_cell_plan_id_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliberately_empty_cell")),
    )
    with op.batch_alter_table("deliberately_empty_cell", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deliberately_empty_cell_municipality_id"),
            ["municipality_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_deliberately_empty_cell_plan_id"), ["plan_id"], unique=False
        )
    # Added in place; the server default fills the feedback already read in.
    with op.batch_alter_table("rsiv_feedback", schema=None) as batch_op:
        batch_op.add_column(sa.Column("practices", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    op.drop_column("rsiv_feedback", "practices")
    with op.batch_alter_table("deliberately_empty_cell", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliberately_empty_cell_plan_id"))
        batch_op.drop_index(batch_op.f("ix_deliberately_empty_cell_municipality_id"))
    op.drop_table("deliberately_empty_cell")
