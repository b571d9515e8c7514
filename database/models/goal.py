"""SMART goals (doelstellingen)."""

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import GoalIndicator
from database.models.base import UUID_LENGTH, Base, Exchanged, enum_column


class Goal(Exchanged, Base):
    """A specific, measurable sub-goal: from a baseline to a target by a deadline."""

    __tablename__ = "goal"

    plan_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    indicator: Mapped[GoalIndicator] = mapped_column(enum_column(GoalIndicator))
    unit: Mapped[str] = mapped_column(String(50))
    neighbourhood_code: Mapped[str | None] = mapped_column(String(10))
    baseline_value: Mapped[float] = mapped_column(Float)
    baseline_year: Mapped[int] = mapped_column(Integer)
    target_value: Mapped[float] = mapped_column(Float)
    deadline: Mapped[date] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(200), default="")
