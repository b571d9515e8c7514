"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipality")),
        sa.UniqueConstraint("cbs_code", name=op.f("uq_municipality_cbs_code")),
    )
    op.create_table(
        "dwelling_stock",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("dwellings", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_dwelling_stock_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dwelling_stock")),
        sa.UniqueConstraint(
            "municipality_id",
            "year",
            "neighbourhood_code",
            name=op.f("uq_dwelling_stock_municipality_id"),
        ),
    )
    with op.batch_alter_table("dwelling_stock", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dwelling_stock_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "incident",
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("window_end", sa.DateTime(), nullable=False),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("is_attempt", sa.Boolean(), nullable=False),
        sa.Column("modus_operandi", sa.String(length=200), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_incident_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident")),
    )
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incident_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "meeting",
        sa.Column("tier", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_meeting_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_held_on"), ["held_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meeting_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_meeting_tier"), ["tier"], unique=False)

    op.create_table(
        "monthly_figure",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("neighbourhood_code", sa.String(length=10), nullable=True),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_monthly_figure_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monthly_figure")),
        sa.UniqueConstraint(
            "municipality_id",
            "month",
            "neighbourhood_code",
            name=op.f("uq_monthly_figure_municipality_id"),
        ),
    )
    with op.batch_alter_table("monthly_figure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_monthly_figure_month"), ["month"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_monthly_figure_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "neighbourhood",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_neighbourhood_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_neighbourhood")),
        sa.UniqueConstraint(
            "municipality_id", "code", name=op.f("uq_neighbourhood_municipality_id")
        ),
    )
    with op.batch_alter_table("neighbourhood", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_neighbourhood_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "partner",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=200), nullable=False),
        sa.Column("contact_phone", sa.String(length=50), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_partner_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_municipality_id"), ["municipality_id"], unique=False
        )

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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_plan_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_municipality_id"), ["municipality_id"], unique=False
        )

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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace_info")),
    )
    op.create_table(
        "bylaw_instrument",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_bylaw_instrument_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_bylaw_instrument_plan_id_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bylaw_instrument")),
    )
    with op.batch_alter_table("bylaw_instrument", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bylaw_instrument_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_bylaw_instrument_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "decision",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_decision_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_decision_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_decision_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "evaluation",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("successes", sa.Text(), nullable=False),
        sa.Column("bottlenecks", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_evaluation_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_evaluation_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation")),
    )
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_evaluation_plan_id"), ["plan_id"], unique=False)

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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_goal_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_goal_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_goal_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_goal_plan_id"), ["plan_id"], unique=False)

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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_hot_item_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_hot_item_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hot_item")),
    )
    with op.batch_alter_table("hot_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hot_item_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hot_item_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_hot_item_plan_id"), ["plan_id"], unique=False)

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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_measure_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_measure_partner_id_partner"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_measure_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure")),
    )
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_measure_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_measure_plan_id"), ["plan_id"], unique=False)

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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_action_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_action_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_measure_id"), ["measure_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_action_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_action_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_status"), ["status"], unique=False)

    op.create_table(
        "deep_analysis_request",
        sa.Column("hot_item_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hot_item_id"],
            ["hot_item.id"],
            name=op.f("fk_deep_analysis_request_hot_item_id_hot_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_deep_analysis_request_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deep_analysis_request")),
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
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hot_item_id"],
            ["hot_item.id"],
            name=op.f("fk_hotspot_analysis_hot_item_id_hot_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_hotspot_analysis_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hotspot_analysis")),
        sa.UniqueConstraint("hot_item_id", "version", name=op.f("uq_hotspot_analysis_hot_item_id")),
    )
    with op.batch_alter_table("hotspot_analysis", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hotspot_analysis_hot_item_id"), ["hot_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hotspot_analysis_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "measure_evaluation",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("measure_id", sa.String(length=36), nullable=False),
        sa.Column("decision", sa.String(length=32), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("municipality_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_measure_evaluation_municipality_id_municipality"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_evaluation")),
        sa.UniqueConstraint(
            "evaluation_id", "measure_id", name=op.f("uq_measure_evaluation_evaluation_id")
        ),
    )
    with op.batch_alter_table("measure_evaluation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_evaluation_evaluation_id"), ["evaluation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_measure_evaluation_measure_id"), ["measure_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_measure_evaluation_municipality_id"), ["municipality_id"], unique=False
        )

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
    with op.batch_alter_table("measure_hot_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_hot_item_hot_item_id"), ["hot_item_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("measure_hot_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_hot_item_hot_item_id"))

    op.drop_table("measure_hot_item")
    with op.batch_alter_table("measure_evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_evaluation_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_measure_evaluation_measure_id"))
        batch_op.drop_index(batch_op.f("ix_measure_evaluation_evaluation_id"))

    op.drop_table("measure_evaluation")
    with op.batch_alter_table("hotspot_analysis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hotspot_analysis_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_hotspot_analysis_hot_item_id"))

    op.drop_table("hotspot_analysis")
    with op.batch_alter_table("deep_analysis_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deep_analysis_request_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_deep_analysis_request_hot_item_id"))

    op.drop_table("deep_analysis_request")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_status"))
        batch_op.drop_index(batch_op.f("ix_action_plan_id"))
        batch_op.drop_index(batch_op.f("ix_action_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_action_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_action_measure_id"))
        batch_op.drop_index(batch_op.f("ix_action_due_date"))
        batch_op.drop_index(batch_op.f("ix_action_decision_id"))

    op.drop_table("action")
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_plan_id"))
        batch_op.drop_index(batch_op.f("ix_measure_partner_id"))
        batch_op.drop_index(batch_op.f("ix_measure_municipality_id"))

    op.drop_table("measure")
    with op.batch_alter_table("hot_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hot_item_plan_id"))
        batch_op.drop_index(batch_op.f("ix_hot_item_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_hot_item_kind"))

    op.drop_table("hot_item")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_plan_id"))
        batch_op.drop_index(batch_op.f("ix_goal_municipality_id"))

    op.drop_table("goal")
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_plan_id"))
        batch_op.drop_index(batch_op.f("ix_evaluation_municipality_id"))

    op.drop_table("evaluation")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_decision_meeting_id"))

    op.drop_table("decision")
    with op.batch_alter_table("bylaw_instrument", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bylaw_instrument_plan_id"))
        batch_op.drop_index(batch_op.f("ix_bylaw_instrument_municipality_id"))

    op.drop_table("bylaw_instrument")
    op.drop_table("workspace_info")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_municipality_id"))

    op.drop_table("plan")
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_municipality_id"))

    op.drop_table("partner")
    with op.batch_alter_table("neighbourhood", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_neighbourhood_municipality_id"))

    op.drop_table("neighbourhood")
    with op.batch_alter_table("monthly_figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_monthly_figure_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_monthly_figure_month"))

    op.drop_table("monthly_figure")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_tier"))
        batch_op.drop_index(batch_op.f("ix_meeting_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_held_on"))

    op.drop_table("meeting")
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_municipality_id"))

    op.drop_table("incident")
    with op.batch_alter_table("dwelling_stock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dwelling_stock_municipality_id"))

    op.drop_table("dwelling_stock")
    op.drop_table("municipality")
