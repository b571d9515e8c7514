"""Measures (maatregelen), placed in the 3D matrix, and their links to hot items."""

from datetime import date

from sqlalchemy.orm import Mapped

from database.enums import InterventionKind, MeasureStatus, TargetGroup
from database.models.base import Base, Exchanged
from database.tables.measure import deliberately_empty_cell_table, measure_table


class Measure(Exchanged, Base):
    """An intervention: doelgroep x aard in the matrix, with partner, period and status."""

    __table__ = measure_table

    plan_id: Mapped[str]
    title: Mapped[str]
    description: Mapped[str]
    target_group: Mapped[TargetGroup]
    intervention: Mapped[InterventionKind]
    partner_id: Mapped[str | None]
    status: Mapped[MeasureStatus]
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    dark_days: Mapped[bool]
    extra_cost_eur: Mapped[int]
    catalogue_key: Mapped[str | None]


class DeliberatelyEmptyCell(Exchanged, Base):
    """A matrix cell marked "bewust leeg": empty on purpose, for `reason`, so no gap."""

    __table__ = deliberately_empty_cell_table

    plan_id: Mapped[str]
    target_group: Mapped[TargetGroup]
    intervention: Mapped[InterventionKind]
    reason: Mapped[str]
