"""The two-monthly voortgangsnotitie (progress note) of a gemeente."""

from datetime import date, datetime

from sqlalchemy.orm import Mapped

from database.models.base import Base, Exchanged
from database.tables.progress import progress_note_table


class ProgressNote(Exchanged, Base):
    """Successes, bottlenecks, communication and costs over a period, for the werkgroep."""

    __table__ = progress_note_table

    period_start: Mapped[date]
    period_end: Mapped[date]
    successes: Mapped[str]
    bottlenecks: Mapped[str]
    communication: Mapped[str]
    costs: Mapped[str]
    author: Mapped[str]
    written_at: Mapped[datetime]
