"""The package carries the complete plan; a handover at the RSIV is a recorded step

- analysis_form and proposed_measure know their gemeente (municipality_id, filled from the
  hotspot and the analysis they belong to), so they travel in the package like every other
  record of the plan.
- analysis_form.accepted_version: the analysis version a returned form became, so reading
  the same form twice is recognised.
- imported_package.handover_from / handover_by: a merged package from a new workspace of a
  gemeente that replaces its old one, and who accepted that.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# table -> (the parent it belongs to, the parent's link column)
_OWNED_BY = {
    "analysis_form": ("hot_item", "hot_item_id"),
    "proposed_measure": ("hotspot_analysis", "analysis_id"),
}


def upgrade() -> None:
    with op.batch_alter_table("analysis_form", schema=None) as batch_op:
        batch_op.add_column(sa.Column("accepted_version", sa.Integer(), nullable=True))
    for table, (parent, link) in _OWNED_BY.items():
        # Nullable first, filled from the parent, then required: neither table has children,
        # so the table copy of SQLite's batch mode loses nothing.
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("municipality_id", sa.String(length=36), nullable=True))
        op.execute(
            f"UPDATE {table} SET municipality_id = (SELECT parent.municipality_id FROM {parent} "
            f"parent WHERE parent.id = {table}.{link})"
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                "municipality_id", existing_type=sa.String(length=36), nullable=False
            )
            batch_op.create_index(
                batch_op.f(f"ix_{table}_municipality_id"), ["municipality_id"], unique=False
            )
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_municipality_id_municipality"),
                "municipality",
                ["municipality_id"],
                ["id"],
                ondelete="CASCADE",
            )
    # Added in place; the server default fills the existing rows.
    with op.batch_alter_table("imported_package", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("handover_from", sa.String(length=36), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("handover_by", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("imported_package", schema=None) as batch_op:
        batch_op.drop_column("handover_by")
        batch_op.drop_column("handover_from")
    for table in _OWNED_BY:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_municipality_id_municipality"), type_="foreignkey"
            )
            batch_op.drop_index(batch_op.f(f"ix_{table}_municipality_id"))
            batch_op.drop_column("municipality_id")
    with op.batch_alter_table("analysis_form", schema=None) as batch_op:
        batch_op.drop_column("accepted_version")
