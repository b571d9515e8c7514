"""Burglary figures: monthly counts and single incidents (no addresses, no names)."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from database.models.base import Base, Exchanged


class MonthlyFigure(Exchanged, Base):
    """Registered burglaries in one month, for the gemeente or one buurt.

    The police count includes attempts; completed burglaries are kept apart so both
    rates can be shown.
    """

    __tablename__ = "monthly_figure"
    __table_args__ = (UniqueConstraint("municipality_id", "month", "neighbourhood_code"),)

    month: Mapped[date] = mapped_column(Date, index=True)  # first day of the month
    neighbourhood_code: Mapped[str | None] = mapped_column(String(10))
    completed: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer)


class Incident(Exchanged, Base):
    """One burglary as a time window: it is usually discovered later than it happened."""

    __tablename__ = "incident"

    window_start: Mapped[datetime] = mapped_column(DateTime)  # local time, as reported
    window_end: Mapped[datetime] = mapped_column(DateTime)
    neighbourhood_code: Mapped[str | None] = mapped_column(String(10))
    is_attempt: Mapped[bool] = mapped_column(default=False)
    modus_operandi: Mapped[str] = mapped_column(String(200), default="")
