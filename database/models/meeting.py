"""Meetings of the three tiers and the decisions taken in them."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import MeetingTier
from database.models.base import UUID_LENGTH, Base, Exchanged, enum_column


class Meeting(Exchanged, Base):
    """A strategic, tactical (werkgroep) or operational meeting."""

    __tablename__ = "meeting"

    tier: Mapped[MeetingTier] = mapped_column(enum_column(MeetingTier), index=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[str] = mapped_column(Text, default="")


class Decision(Exchanged, Base):
    """A decision recorded in a meeting; actions can be created from it."""

    __tablename__ = "decision"

    meeting_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
