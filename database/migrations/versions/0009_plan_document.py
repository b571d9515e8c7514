"""The plan's own fields, goals measured by hand, and the driehoek as its own meeting type

- plan: the driehoek's assignment (opdracht) as text, and the budget.
- goal_measurement: values measured by hand for a goal, with date, source and note.
- meeting: the driehoek is the opdrachtgever, not the strategic tier (the regional
  projectgroep). Workspaces made before this revision filed driehoek meetings as
  "strategisch"; those whose title names the driehoek become tier "triangle".

Revision ID: 0009
Revises: 0008
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

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_meeting = sa.table("meeting", sa.column("tier", sa.String), sa.column("title", sa.String))


def upgrade() -> None:
    # Added in place (no table copy: copying the plan would cascade-delete its children); the
    # server default fills the existing rows.
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("triangle_assignment", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("budget", sa.Text(), nullable=False, server_default=""))

    op.create_table(
        "goal_measurement",
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *owned_columns(),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
            name=op.f("fk_goal_measurement_goal_id_goal"),
            ondelete="CASCADE",
        ),
        municipality_key("goal_measurement"),
        id_key("goal_measurement"),
        sa.UniqueConstraint("goal_id", "measured_on", name=op.f("uq_goal_measurement_goal_id")),
    )
    create_indexes("goal_measurement", "goal_id", "municipality_id")

    op.execute(
        _meeting.update()
        .where(_meeting.c.tier == "strategic", sa.func.lower(_meeting.c.title).like("%driehoek%"))
        .values(tier="triangle")
    )


def downgrade() -> None:
    op.execute(_meeting.update().where(_meeting.c.tier == "triangle").values(tier="strategic"))
    drop_indexes("goal_measurement", "municipality_id", "goal_id")
    op.drop_table("goal_measurement")
    # ALTER TABLE DROP COLUMN (SQLite 3.35+): a batch copy would cascade-delete the children.
    op.drop_column("plan", "budget")
    op.drop_column("plan", "triangle_assignment")
