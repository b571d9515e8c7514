"""The RSIV coordinator's own notes: never exchanged, never touched by a merge."""

from datetime import date

from sqlalchemy.orm import Mapped

from database.enums import NoteTarget
from database.models.base import Base, Identified
from database.tables.rsiv_note import rsiv_note_table


class RsivNote(Identified, Base):
    """A note on a gemeente, on one of its measures, or on a werkgroep meeting (by date).

    `measure_id` has no foreign key on purpose: a newer package may remove the measure, and
    the note must outlive it (it is then shown as orphaned, with `subject` saying what it was
    about).
    """

    __table__ = rsiv_note_table

    target: Mapped[NoteTarget]
    municipality_id: Mapped[str | None]
    measure_id: Mapped[str | None]
    werkgroep_on: Mapped[date | None]
    subject: Mapped[str]
    text: Mapped[str]
    author: Mapped[str]
