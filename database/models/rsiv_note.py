"""The RSIV coordinator's own notes: never exchanged, never touched by a merge."""

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import NoteTarget
from database.models.base import UUID_LENGTH, Base, Identified, enum_column


class RsivNote(Identified, Base):
    """A note on a gemeente, on one of its measures, or on a werkgroep meeting (by date).

    `measure_id` has no foreign key on purpose: a newer package may remove the measure, and
    the note must outlive it (it is then shown as orphaned, with `subject` saying what it was
    about).
    """

    __tablename__ = "rsiv_note"

    target: Mapped[NoteTarget] = mapped_column(enum_column(NoteTarget), index=True)
    municipality_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("municipality.id"), index=True
    )
    measure_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH), index=True)
    werkgroep_on: Mapped[date | None] = mapped_column(Date, index=True)
    subject: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
