"""The action list (actielijst)."""

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import ActionStatus
from database.models.base import UUID_LENGTH, Base, Exchanged, enum_column


class Action(Exchanged, Base):
    """A task with an owner and a due date, usually agreed in a meeting."""

    __tablename__ = "action"

    plan_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus), index=True)
    completed_on: Mapped[date | None] = mapped_column(Date)
    measure_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("measure.id", ondelete="SET NULL"), index=True
    )
    meeting_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    decision_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("decision.id", ondelete="SET NULL"), index=True
    )
