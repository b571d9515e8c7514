"""Named revisions of the plan: a frozen copy of what the plan held at one moment."""

from datetime import datetime

from sqlalchemy.orm import Mapped

from database.models.base import Base, Exchanged
from database.tables.revision import plan_revision_part_table, plan_revision_table


class PlanRevision(Exchanged, Base):
    """A plan frozen under a name ("na gebiedsscan 2018"); its content is in parts."""

    __table__ = plan_revision_table

    name: Mapped[str]
    frozen_at: Mapped[datetime]
    created_by: Mapped[str]


class PlanRevisionPart(Exchanged, Base):
    """One piece of a revision's JSON document.

    The document is split because it travels in an Excel package, whose cells hold at most
    32,767 characters; joined in `position` order the parts give the whole document back.
    """

    __table__ = plan_revision_part_table

    revision_id: Mapped[str]
    position: Mapped[int]
    content: Mapped[str]
