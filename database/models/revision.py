"""Named revisions of the plan: a frozen copy of what the plan held at one moment."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from database.models.base import UUID_LENGTH, Base, Exchanged
from database.types import UTCDateTime


class PlanRevision(Exchanged, Base):
    """A plan frozen under a name ("na gebiedsscan 2018"); its content is in parts."""

    __tablename__ = "plan_revision"

    name: Mapped[str] = mapped_column(String(200))
    frozen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    created_by: Mapped[str] = mapped_column(String(200), default="")


class PlanRevisionPart(Exchanged, Base):
    """One piece of a revision's JSON document.

    The document is split because it travels in an Excel package, whose cells hold at most
    32,767 characters; joined in `position` order the parts give the whole document back.
    """

    __tablename__ = "plan_revision_part"
    __table_args__ = (UniqueConstraint("revision_id", "position"),)

    revision_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("plan_revision.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
