"""national reference series, seeded with the published figures

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Published national figures (registered burglaries incl. attempts). Only the dwelling stock
# of 1-1-2017 (7.69 million) is known to the project, so it stands in for every year until
# the user enters better numbers; the source text says so.
_DWELLINGS_2017 = 7_690_000
_SEED = [
    (2016, 55_730, "CBS/politie; woningvoorraad 1-1-2017"),
    (2017, 49_315, "CBS/politie; woningvoorraad 1-1-2017 (benadering)"),
    (2018, 42_798, "CBS/politie; woningvoorraad 1-1-2017 (benadering)"),
]


def upgrade() -> None:
    table = op.create_table(
        "national_reference",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("burglaries", sa.Integer(), nullable=False),
        sa.Column("dwellings", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_national_reference")),
    )
    op.bulk_insert(
        table,
        [
            {"year": year, "burglaries": count, "dwellings": _DWELLINGS_2017, "source": source}
            for year, count, source in _SEED
        ],
    )


def downgrade() -> None:
    op.drop_table("national_reference")
