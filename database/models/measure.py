"""Measures (maatregelen), placed in the 3D matrix, and their links to hot items."""

from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import InterventionKind, MeasureStatus, TargetGroup
from database.models.base import UUID_LENGTH, Base, Exchanged, enum_column

# The third axis "hotspot / hot item" of the matrix: which hots a measure is aimed at.
measure_hot_item = Table(
    "measure_hot_item",
    Base.metadata,
    Column(
        "measure_id",
        String(UUID_LENGTH),
        ForeignKey("measure.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "hot_item_id",
        String(UUID_LENGTH),
        ForeignKey("hot_item.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Measure(Exchanged, Base):
    """An intervention: doelgroep x aard in the matrix, with partner, period and status."""

    __tablename__ = "measure"

    plan_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[TargetGroup] = mapped_column(enum_column(TargetGroup))
    intervention: Mapped[InterventionKind] = mapped_column(enum_column(InterventionKind))
    partner_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("partner.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[MeasureStatus] = mapped_column(enum_column(MeasureStatus))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    dark_days: Mapped[bool] = mapped_column(default=False)
    # Whole euros: the plans budget in euros, and integers add up exactly.
    extra_cost_eur: Mapped[int] = mapped_column(Integer, default=0)
    catalogue_key: Mapped[str | None] = mapped_column(String(50))
