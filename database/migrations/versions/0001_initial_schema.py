"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from database.migrations.helpers import (
    create_indexes,
    drop_indexes,
    id_key,
    identity_columns,
    municipality_key,
    owned_columns,
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "municipality",
        sa.Column("cbs_code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("police_team", sa.String(length=100), nullable=True),
        sa.Column("is_participant", sa.Boolean(), nullable=False),
        *identity_columns(),
        id_key("municipality"),
        sa.UniqueConstraint("cbs_code", name=op.f("uq_municipality_cbs_code")),
    )
    op.create_table(
        "dwelling_stock",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("dwellings", sa.Integer(), nullable=False),
        *owned_columns(),
        municipality_key("dwelling_stock"),
        id_key("dwelling_stock"),
        sa.UniqueConstraint(
            "municipality_id",
            "year",
            "neighbourhood_code",
            name=op.f("uq_dwelling_stock_municipality_id"),
        ),
    )
    create_indexes("dwelling_stock", "municipality_id")

    op.create_table(
        "incident",
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("window_end", sa.DateTime(), nullable=False),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("is_attempt", sa.Boolean(), nullable=False),
        sa.Column("modus_operandi", sa.String(length=200), nullable=False),
        *owned_columns(),
        municipality_key("incident"),
        id_key("incident"),
    )
    create_indexes("incident", "municipality_id")

    op.create_table(
        "meeting",
        sa.Column("tier", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        *owned_columns(),
        municipality_key("meeting"),
        id_key("meeting"),
    )
    create_indexes("meeting", "held_on", "municipality_id", "tier")

    op.create_table(
        "monthly_figure",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        *owned_columns(),
        municipality_key("monthly_figure"),
        id_key("monthly_figure"),
        sa.UniqueConstraint(
            "municipality_id",
            "month",
            "neighbourhood_code",
            name=op.f("uq_monthly_figure_municipality_id"),
        ),
    )
    create_indexes("monthly_figure", "month", "municipality_id")

    op.create_table(
        "neighbourhood",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        *owned_columns(),
        municipality_key("neighbourhood"),
        id_key("neighbourhood"),
        sa.UniqueConstraint(
            "municipality_id", "code", name=op.f("uq_neighbourhood_municipality_id")
        ),
    )
    create_indexes("neighbourhood", "municipality_id")

    op.create_table(
        "partner",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=200), nullable=False),
        sa.Column("contact_phone", sa.String(length=50), nullable=False),
        *owned_columns(),
        municipality_key("partner"),
        id_key("partner"),
    )
    create_indexes("partner", "municipality_id")

    op.create_table(
        "plan",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("project_lead", sa.String(length=200), nullable=False),
        sa.Column("problem_summary", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("communication", sa.Text(), nullable=False),
        sa.Column("local_start", sa.Date(), nullable=True),
        sa.Column("triangle_commitment", sa.Date(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        *owned_columns(),
        municipality_key("plan"),
        id_key("plan"),
    )
    create_indexes("plan", "municipality_id")

    op.create_table(
        "workspace_info",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("format", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_version", sa.String(length=32), nullable=False),
        sa.Column("package_sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_workspace_info_municipality_id_municipality"),
        ),
        id_key("workspace_info"),
    )
    op.create_table(
        "bylaw_instrument",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        *owned_columns(),
        municipality_key("bylaw_instrument"),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_bylaw_instrument_plan_id_plan"),
            ondelete="CASCADE",
        ),
        id_key("bylaw_instrument"),
    )
    create_indexes("bylaw_instrument", "municipality_id", "plan_id")

    op.create_table(
        "decision",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *owned_columns(),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_decision_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        municipality_key("decision"),
        id_key("decision"),
    )
    create_indexes("decision", "meeting_id", "municipality_id")

    op.create_table(
        "evaluation",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("successes", sa.Text(), nullable=False),
        sa.Column("bottlenecks", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        *owned_columns(),
        municipality_key("evaluation"),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_evaluation_plan_id_plan"), ondelete="CASCADE"
        ),
        id_key("evaluation"),
    )
    create_indexes("evaluation", "municipality_id", "plan_id")

    op.create_table(
        "goal",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("indicator", sa.String(length=32), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("baseline_value", sa.Float(), nullable=False),
        sa.Column("baseline_year", sa.Integer(), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        *owned_columns(),
        municipality_key("goal"),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_goal_plan_id_plan"), ondelete="CASCADE"
        ),
        id_key("goal"),
    )
    create_indexes("goal", "municipality_id", "plan_id")

    op.create_table(
        "hot_item",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=100), nullable=False),
        sa.Column("person_count", sa.Integer(), nullable=True),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("neighbourhood_name", sa.String(length=100), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        *owned_columns(),
        municipality_key("hot_item"),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_hot_item_plan_id_plan"), ondelete="CASCADE"
        ),
        id_key("hot_item"),
    )
    create_indexes("hot_item", "kind", "municipality_id", "plan_id")

    op.create_table(
        "measure",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("target_group", sa.String(length=32), nullable=False),
        sa.Column("intervention", sa.String(length=32), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("dark_days", sa.Boolean(), nullable=False),
        sa.Column("extra_cost_eur", sa.Integer(), nullable=False),
        sa.Column("catalogue_key", sa.String(length=50), nullable=True),
        *owned_columns(),
        municipality_key("measure"),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_measure_partner_id_partner"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_measure_plan_id_plan"), ondelete="CASCADE"
        ),
        id_key("measure"),
    )
    create_indexes("measure", "municipality_id", "partner_id", "plan_id")

    op.create_table(
        "action",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("measure_id", sa.String(length=36), nullable=True),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("decision_id", sa.String(length=36), nullable=True),
        *owned_columns(),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_action_decision_id_decision"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_action_measure_id_measure"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_action_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        municipality_key("action"),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_action_plan_id_plan"), ondelete="CASCADE"
        ),
        id_key("action"),
    )
    create_indexes(
        "action",
        "decision_id",
        "due_date",
        "measure_id",
        "meeting_id",
        "municipality_id",
        "plan_id",
        "status",
    )

    op.create_table(
        "deep_analysis_request",
        sa.Column("hot_item_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        *owned_columns(),
        sa.ForeignKeyConstraint(
            ["hot_item_id"],
            ["hot_item.id"],
            name=op.f("fk_deep_analysis_request_hot_item_id_hot_item"),
            ondelete="CASCADE",
        ),
        municipality_key("deep_analysis_request"),
        id_key("deep_analysis_request"),
    )
    with op.batch_alter_table("deep_analysis_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deep_analysis_request_hot_item_id"), ["hot_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_deep_analysis_request_municipality_id"),
            ["municipality_id"],
            unique=False,
        )

    op.create_table(
        "hotspot_analysis",
        sa.Column("hot_item_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("processed_on", sa.Date(), nullable=True),
        sa.Column("offender", sa.Text(), nullable=False),
        sa.Column("victim_target", sa.Text(), nullable=False),
        sa.Column("environment", sa.Text(), nullable=False),
        sa.Column("times", sa.Text(), nullable=False),
        sa.Column("modus_operandi", sa.Text(), nullable=False),
        sa.Column("street_knowledge", sa.Text(), nullable=False),
        sa.Column("conclusions", sa.Text(), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("author_role", sa.String(length=200), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=True),
        *owned_columns(),
        sa.ForeignKeyConstraint(
            ["hot_item_id"],
            ["hot_item.id"],
            name=op.f("fk_hotspot_analysis_hot_item_id_hot_item"),
            ondelete="CASCADE",
        ),
        municipality_key("hotspot_analysis"),
        id_key("hotspot_analysis"),
        sa.UniqueConstraint("hot_item_id", "version", name=op.f("uq_hotspot_analysis_hot_item_id")),
    )
    create_indexes("hotspot_analysis", "hot_item_id", "municipality_id")

    op.create_table(
        "measure_evaluation",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("measure_id", sa.String(length=36), nullable=False),
        sa.Column("decision", sa.String(length=32), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        *owned_columns(),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_measure_evaluation_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_evaluation_measure_id_measure"),
            ondelete="CASCADE",
        ),
        municipality_key("measure_evaluation"),
        id_key("measure_evaluation"),
        sa.UniqueConstraint(
            "evaluation_id", "measure_id", name=op.f("uq_measure_evaluation_evaluation_id")
        ),
    )
    create_indexes("measure_evaluation", "evaluation_id", "measure_id", "municipality_id")

    op.create_table(
        "measure_hot_item",
        sa.Column("measure_id", sa.String(length=36), nullable=False),
        sa.Column("hot_item_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["hot_item_id"],
            ["hot_item.id"],
            name=op.f("fk_measure_hot_item_hot_item_id_hot_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_hot_item_measure_id_measure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("measure_id", "hot_item_id", name=op.f("pk_measure_hot_item")),
    )
    create_indexes("measure_hot_item", "hot_item_id")


def downgrade() -> None:
    drop_indexes("measure_hot_item", "hot_item_id")

    op.drop_table("measure_hot_item")
    drop_indexes("measure_evaluation", "municipality_id", "measure_id", "evaluation_id")

    op.drop_table("measure_evaluation")
    drop_indexes("hotspot_analysis", "municipality_id", "hot_item_id")

    op.drop_table("hotspot_analysis")
    drop_indexes("deep_analysis_request", "municipality_id", "hot_item_id")

    op.drop_table("deep_analysis_request")
    drop_indexes(
        "action",
        "status",
        "plan_id",
        "municipality_id",
        "meeting_id",
        "measure_id",
        "due_date",
        "decision_id",
    )

    op.drop_table("action")
    drop_indexes("measure", "plan_id", "partner_id", "municipality_id")

    op.drop_table("measure")
    drop_indexes("hot_item", "plan_id", "municipality_id", "kind")

    op.drop_table("hot_item")
    drop_indexes("goal", "plan_id", "municipality_id")

    op.drop_table("goal")
    drop_indexes("evaluation", "plan_id", "municipality_id")

    op.drop_table("evaluation")
    drop_indexes("decision", "municipality_id", "meeting_id")

    op.drop_table("decision")
    drop_indexes("bylaw_instrument", "plan_id", "municipality_id")

    op.drop_table("bylaw_instrument")
    op.drop_table("workspace_info")
    drop_indexes("plan", "municipality_id")

    op.drop_table("plan")
    drop_indexes("partner", "municipality_id")

    op.drop_table("partner")
    drop_indexes("neighbourhood", "municipality_id")

    op.drop_table("neighbourhood")
    drop_indexes("monthly_figure", "municipality_id", "month")

    op.drop_table("monthly_figure")
    drop_indexes("meeting", "tier", "municipality_id", "held_on")

    op.drop_table("meeting")
    drop_indexes("incident", "municipality_id")

    op.drop_table("incident")
    drop_indexes("dwelling_stock", "municipality_id")

    op.drop_table("dwelling_stock")
    op.drop_table("municipality")
