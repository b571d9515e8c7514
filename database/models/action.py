"""The action list (actielijst)."""

from datetime import date

from sqlalchemy.orm import Mapped

from database.enums import ActionStatus
from database.models.base import Base, Exchanged
from database.tables.action import action_table


class Action(Exchanged, Base):
    """A task with an owner and a due date, usually agreed in a meeting."""

    __table__ = action_table

    plan_id: Mapped[str]
    title: Mapped[str]
    description: Mapped[str]
    owner: Mapped[str]
    start_date: Mapped[date | None]
    due_date: Mapped[date | None]
    status: Mapped[ActionStatus]
    completed_on: Mapped[date | None]
    measure_id: Mapped[str | None]
    meeting_id: Mapped[str | None]
    decision_id: Mapped[str | None]
