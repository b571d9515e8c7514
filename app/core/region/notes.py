"""The RSIV coordinator's notes on a gemeente, a measure or a werkgroep meeting.

Notes live only in the RSIV workspace: they are not exchanged and a merge never writes to
them. A measure note keeps the measure's UUID, so it follows the measure through every newer
package that keeps that UUID. When a newer package removes the measure, the note is kept and
shown as orphaned (`NoteRow.orphaned`), with `subject` still naming the measure; this is
worked out when the notes are read, so the merge needs no step for it, and a later package
that brings the measure back makes the note whole again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kernel.errors import FieldError, UserError
from app.kernel.reference import find_municipality
from app.kernel.workspace import Workspace
from database.enums import NoteTarget, WorkspaceRole
from database.models import Measure, Municipality, RsivNote
from database.types import utc_now


@dataclass(frozen=True)
class NoteRow:
    id: str
    target: NoteTarget
    municipality_code: str | None
    municipality_name: str | None
    measure_id: str | None
    werkgroep_on: date | None
    subject: str  # what the note is about, in words
    text: str
    author: str
    created_at: datetime
    updated_at: datetime
    orphaned: bool  # a measure note whose measure is no longer in the workspace


def add_municipality_note(workspace: Workspace, cbs_code: str, text: str, author: str = "") -> str:
    reference = find_municipality(cbs_code)
    if reference is None:
        raise FieldError("municipality", f"Gemeentecode '{cbs_code}' is onbekend.")
    note = RsivNote(
        target=NoteTarget.MUNICIPALITY,
        municipality_id=reference.id,
        subject=reference.name,
    )
    return _add(workspace, note, text, author)


def add_measure_note(workspace: Workspace, measure_id: str, text: str, author: str = "") -> str:
    with workspace.reading() as session:
        measure = session.get(Measure, measure_id)
        if measure is None:
            raise UserError(
                "Deze maatregel staat niet (meer) in de werkruimte; de notitie is niet opgeslagen."
            )
        note = RsivNote(
            target=NoteTarget.MEASURE,
            municipality_id=measure.municipality_id,
            measure_id=measure.id,
            subject=measure.title[:200],
        )
    return _add(workspace, note, text, author)


def add_werkgroep_note(workspace: Workspace, held_on: date, text: str, author: str = "") -> str:
    note = RsivNote(
        target=NoteTarget.WERKGROEP,
        werkgroep_on=held_on,
        subject=f"Werkgroep {held_on.strftime('%d-%m-%Y')}",
    )
    return _add(workspace, note, text, author)


def edit_note(workspace: Workspace, note_id: str, text: str) -> None:
    text = _checked_text(text)
    with workspace.transaction() as session:
        note = _note(session, note_id)
        note.text = text
        note.updated_at = utc_now()


def delete_note(workspace: Workspace, note_id: str) -> None:
    with workspace.transaction() as session:
        session.delete(_note(session, note_id))


def note_rows(workspace: Workspace, cbs_code: str | None = None) -> list[NoteRow]:
    """The notes, oldest first; with `cbs_code` only those about that gemeente."""
    with workspace.reading() as session:
        statement = select(RsivNote, Municipality.cbs_code, Municipality.name, Measure.id).join(
            Municipality, Municipality.id == RsivNote.municipality_id, isouter=True
        )
        statement = statement.join(Measure, Measure.id == RsivNote.measure_id, isouter=True)
        if cbs_code is not None:
            statement = statement.where(Municipality.cbs_code == cbs_code.strip().upper())
        statement = statement.order_by(RsivNote.created_at, RsivNote.id)
        return [
            NoteRow(
                id=note.id,
                target=note.target,
                municipality_code=code,
                municipality_name=name,
                measure_id=note.measure_id,
                werkgroep_on=note.werkgroep_on,
                subject=note.subject,
                text=note.text,
                author=note.author,
                created_at=note.created_at,
                updated_at=note.updated_at,
                orphaned=note.target is NoteTarget.MEASURE and found is None,
            )
            for note, code, name, found in session.execute(statement)
        ]


def _add(workspace: Workspace, note: RsivNote, text: str, author: str) -> str:
    if workspace.summary.role is not WorkspaceRole.REGION:
        raise UserError(
            "Notities van het RSIV bij de plannen van de gemeenten horen in de RSIV-werkruimte. "
            "Open die werkruimte."
        )
    note.text = _checked_text(text)
    note.author = author.strip()[:200]
    with workspace.transaction() as session:
        session.add(note)
        session.flush()
        return note.id


def _checked_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise FieldError("text", "Een notitie zonder tekst wordt niet opgeslagen; typ de notitie.")
    return text


def _note(session: Session, note_id: str) -> RsivNote:
    note = session.get(RsivNote, note_id)
    if note is None:
        raise UserError("Deze notitie bestaat niet meer; misschien is ze al verwijderd.")
    return note
