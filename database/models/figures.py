"""Burglary figures: monthly counts and single incidents (no addresses, no names)."""

from datetime import date, datetime

from sqlalchemy.orm import Mapped

from database.models.base import Base, Exchanged
from database.tables.figures import incident_count_table, incident_table, monthly_figure_table


class MonthlyFigure(Exchanged, Base):
    """Registered burglaries in one month, for the gemeente or one buurt.

    The police count includes attempts; completed burglaries are kept apart so both
    rates can be shown.
    """

    __table__ = monthly_figure_table

    month: Mapped[date]
    neighbourhood_code: Mapped[str | None]
    completed: Mapped[int]
    attempts: Mapped[int]


class Incident(Exchanged, Base):
    """One burglary as a time window: it is usually discovered later than it happened."""

    __table__ = incident_table

    window_start: Mapped[datetime]
    window_end: Mapped[datetime]
    neighbourhood_code: Mapped[str | None]
    is_attempt: Mapped[bool]
    modus_operandi: Mapped[str]


class IncidentCount(Exchanged, Base):
    """Incidents of one month and buurt in one hot-time cell: what the RSIV receives."""

    __table__ = incident_count_table

    month: Mapped[date]
    neighbourhood_code: Mapped[str | None]
    weekday: Mapped[int]
    hour: Mapped[int]
    completed: Mapped[float]
    attempts: Mapped[float]
