"""Meetings of the three tiers and the decisions taken in them."""

from datetime import date

from sqlalchemy.orm import Mapped

from database.enums import MeetingTier
from database.models.base import Base, Exchanged
from database.tables.meeting import decision_table, meeting_table


class Meeting(Exchanged, Base):
    """A strategic, tactical (werkgroep) or operational meeting."""

    __table__ = meeting_table

    tier: Mapped[MeetingTier]
    title: Mapped[str]
    held_on: Mapped[date]
    location: Mapped[str]
    participants: Mapped[str]
    agenda: Mapped[str]
    minutes: Mapped[str]


class Decision(Exchanged, Base):
    """A decision recorded in a meeting; actions can be created from it."""

    __table__ = decision_table

    meeting_id: Mapped[str]
    text: Mapped[str]
    position: Mapped[int]
