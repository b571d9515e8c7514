"""Voortgangsnotities: every two months a gemeente tells the werkgroep its successes,
bottlenecks, communication and (extra) costs over a period.

A notitie travels in the package (sheet Voortgang) and fills the gemeente's page of the
werkgroep report. Who wrote it and when is shown in Dutch local time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from app.core.plan.plans import own_municipality_id
from app.core.records import RecordSnapshot, existing, restore_record, take
from app.core.validation import limited_text
from app.exchange.field_rules import max_length
from app.kernel.errors import FieldError
from app.kernel.moments import dutch_moment
from app.kernel.workspace import Workspace
from database.models import ProgressNote

FIRST_YEAR = 1990
LAST_YEAR = 2100
# The werkgroep meets every two months: a notitie covers about that, at most a year.
LONGEST_PERIOD = timedelta(days=366)
TEXT_FIELDS = ("successes", "bottlenecks", "communication", "costs")


@dataclass(frozen=True)
class ProgressDraft:
    """One voortgangsnotitie as the user writes it."""

    period_start: date
    period_end: date
    successes: str = ""
    bottlenecks: str = ""
    communication: str = ""
    costs: str = ""
    author: str = ""


@dataclass(frozen=True)
class ProgressRow:
    id: str
    draft: ProgressDraft
    written_at: datetime

    @property
    def period(self) -> str:
        return f"{self.draft.period_start:%d-%m-%Y} t/m {self.draft.period_end:%d-%m-%Y}"

    @property
    def written(self) -> str:
        """'03-12-2026 10:15', in Dutch local time."""
        return dutch_moment(self.written_at)


def new_draft(today: date) -> ProgressDraft:
    """A notitie over the two months up to today, the werkgroep's rhythm."""
    return ProgressDraft(period_start=_two_months_before(today), period_end=today)


def checked_note(draft: ProgressDraft) -> ProgressDraft:
    """The draft as it will be stored, or FieldError naming the field that is wrong."""
    for field in ("period_start", "period_end"):
        day: date = getattr(draft, field)
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise FieldError(
                field, f"De datum {day:%d-%m-%Y} moet tussen {FIRST_YEAR} en {LAST_YEAR} liggen."
            )
    if draft.period_end < draft.period_start:
        raise FieldError(
            "period_end",
            f"De periode eindigt ({draft.period_end:%d-%m-%Y}) voordat die begint "
            f"({draft.period_start:%d-%m-%Y}); verbeter de einddatum.",
        )
    if draft.period_end - draft.period_start > LONGEST_PERIOD:
        raise FieldError(
            "period_end",
            "Een voortgangsnotitie gaat over hoogstens een jaar (de werkgroep vraagt elke twee "
            "maanden om voortgang); kies een kortere periode.",
        )
    checked = replace(
        draft,
        successes=limited_text("successes", draft.successes),
        bottlenecks=limited_text("bottlenecks", draft.bottlenecks),
        communication=limited_text("communication", draft.communication),
        costs=limited_text("costs", draft.costs),
        author=limited_text("author", draft.author, max_length("progress_note", "author")),
    )
    if not any(getattr(checked, field) for field in TEXT_FIELDS):
        raise FieldError(
            "successes",
            "Een voortgangsnotitie zonder tekst zegt de werkgroep niets; vul ten minste de "
            "successen, knelpunten, communicatie of kosten in.",
        )
    return checked


def list_notes(workspace: Workspace) -> list[ProgressRow]:
    """The gemeente's notities, the latest period first."""
    if not workspace.summary.municipality_code:
        return []
    return notes_of(workspace, own_municipality_id(workspace))


def notes_of(workspace: Workspace, owner_id: str) -> list[ProgressRow]:
    """The notities of one gemeente (also read by the RSIV for its report), latest first."""
    return notes_by_gemeente(workspace, [owner_id]).get(owner_id, [])


def notes_by_gemeente(
    workspace: Workspace, owner_ids: Sequence[str]
) -> dict[str, list[ProgressRow]]:
    """The notities of several gemeenten in one query (the RSIV's report reads hundreds), by
    gemeente id, latest first."""
    notes: dict[str, list[ProgressRow]] = {}
    with workspace.reading() as session:
        for note in session.scalars(
            select(ProgressNote)
            .where(ProgressNote.municipality_id.in_(list(owner_ids)))
            .order_by(ProgressNote.period_start.desc(), ProgressNote.written_at.desc())
        ):
            notes.setdefault(note.municipality_id, []).append(_row(note))
    return notes


def get_note(workspace: Workspace, note_id: str) -> ProgressRow:
    with workspace.reading() as session:
        return _row(existing(session, ProgressNote, note_id))


def add_note(workspace: Workspace, draft: ProgressDraft, note_id: str | None = None) -> str:
    checked = checked_note(draft)
    with workspace.transaction() as session:
        note = ProgressNote(
            municipality_id=own_municipality_id(workspace),
            written_at=datetime.now(UTC),
            **_columns(checked),
        )
        if note_id:
            note.id = note_id
        session.add(note)
        session.flush()
        return note.id


def update_note(workspace: Workspace, note_id: str, draft: ProgressDraft) -> None:
    checked = checked_note(draft)
    with workspace.transaction() as session:
        note = existing(session, ProgressNote, note_id)
        for key, value in _columns(checked).items():
            setattr(note, key, value)
        note.written_at = datetime.now(UTC)


def delete_note(workspace: Workspace, note_id: str) -> RecordSnapshot:
    with workspace.transaction() as session:
        note = existing(session, ProgressNote, note_id)
        snapshot = take(note)
        session.delete(note)
        return snapshot


def restore_note(workspace: Workspace, snapshot: RecordSnapshot) -> None:
    restore_record(workspace, snapshot)


def _columns(draft: ProgressDraft) -> dict[str, object]:
    return {
        "period_start": draft.period_start,
        "period_end": draft.period_end,
        "successes": draft.successes,
        "bottlenecks": draft.bottlenecks,
        "communication": draft.communication,
        "costs": draft.costs,
        "author": draft.author,
    }


def _row(note: ProgressNote) -> ProgressRow:
    draft = ProgressDraft(
        period_start=note.period_start,
        period_end=note.period_end,
        successes=note.successes,
        bottlenecks=note.bottlenecks,
        communication=note.communication,
        costs=note.costs,
        author=note.author,
    )
    return ProgressRow(note.id, draft, note.written_at)


def _two_months_before(day: date) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - 2, 12)
    return date(year, month + 1, 1)
