"""Named revisions of a gemeente's plan: freeze, list, remove, compare, changes since a date.

A revision is frozen in the gemeente's workspace and travels in the package, so the RSIV
workspace holds every gemeente's revisions after a merge and can compare them with the
gemeente's merged plan ("what changed since the last werkgroep").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.course.revision_compare import KindChanges, compare_documents
from app.core.plan.plans import own_municipality_id
from app.exchange.field_rules import max_length
from app.exchange.revision_document import (
    PlanDocument,
    decode,
    encode,
    read_plan_document,
    split_parts,
)
from app.kernel.errors import FieldError, UserError
from app.kernel.moments import dutch_moment
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.dialect import RawConnection, raw_connection
from database.models import Decision, Meeting, Partner, PlanRevision, PlanRevisionPart

NAME_MAX = max_length("plan_revision", "name")  # from the package schema
TODAY = None  # compare with the plan as it is now


@dataclass(frozen=True)
class RevisionRow:
    id: str
    name: str
    frozen_at: datetime  # UTC
    created_by: str


@dataclass(frozen=True)
class RemovedRevision:
    """A removed revision's stored columns and its parts', to put it back on undo."""

    revision: tuple[tuple[str, object], ...]
    parts: tuple[tuple[tuple[str, object], ...], ...]


@dataclass(frozen=True)
class PlanComparison:
    """Two states of one gemeente's plan and what changed from the first to the second."""

    older: str  # what a person reads: the revision's name and moment, or "vandaag"
    newer: str
    kinds: tuple[KindChanges, ...]

    @property
    def count(self) -> int:
        return sum(kind.count for kind in self.kinds)


def freeze_revision(
    workspace: Workspace, name: str, created_by: str = "", *, at: datetime | None = None
) -> str:
    """Keep the plan as it is now under `name`; returns the revision's id."""
    name = " ".join(name.split())
    owner = own_municipality_id(workspace)
    if not name:
        raise FieldError(
            "name", "Geef de planversie een naam, bijvoorbeeld 'voor werkgroep maart'."
        )
    if len(name) > NAME_MAX:
        raise FieldError("name", f"De naam is {len(name)} tekens lang; hoogstens {NAME_MAX} past.")
    with workspace.transaction() as session:
        taken = session.scalars(
            select(PlanRevision.id).where(
                PlanRevision.municipality_id == owner, PlanRevision.name == name
            )
        ).first()
        if taken:
            raise FieldError("name", f"Er is al een planversie '{name}'. Kies een andere naam.")
        document = read_plan_document(_connection(session), owner)
        revision = PlanRevision(
            municipality_id=owner,
            name=name,
            frozen_at=at or datetime.now(UTC),
            created_by=created_by.strip()[:NAME_MAX],
        )
        session.add(revision)
        session.flush()
        for position, content in enumerate(split_parts(encode(document))):
            session.add(
                PlanRevisionPart(
                    municipality_id=owner,
                    revision_id=revision.id,
                    position=position,
                    content=content,
                )
            )
        return revision.id


def remove_revision(workspace: Workspace, revision_id: str) -> RemovedRevision | None:
    """Delete a revision; returns what `restore_revision` needs to put it back (undo)."""
    with workspace.transaction() as session:
        revision = session.get(PlanRevision, revision_id)
        if revision is None:
            return None
        parts = session.scalars(
            select(PlanRevisionPart).where(PlanRevisionPart.revision_id == revision_id)
        ).all()
        removed = RemovedRevision(
            _column_values(revision), tuple(_column_values(part) for part in parts)
        )
        session.execute(delete(PlanRevision).where(PlanRevision.id == revision_id))
        return removed


def restore_revision(workspace: Workspace, removed: RemovedRevision) -> None:
    """Put a removed revision back exactly as it was, with its id and moment."""
    with workspace.transaction() as session:
        session.add(PlanRevision(**dict(removed.revision)))
        session.flush()
        session.add_all(PlanRevisionPart(**dict(part)) for part in removed.parts)


def list_revisions(workspace: Workspace, municipality_code: str | None = None) -> list[RevisionRow]:
    """The gemeente's revisions, oldest first (its own gemeente when no code is given)."""
    owner = _owner(workspace, municipality_code)
    with workspace.reading() as session:
        rows = session.scalars(
            select(PlanRevision)
            .where(PlanRevision.municipality_id == owner)
            .order_by(PlanRevision.frozen_at, PlanRevision.name)
        )
        return [RevisionRow(r.id, r.name, r.frozen_at, r.created_by) for r in rows]


def compare_revisions(
    workspace: Workspace,
    older_id: str | None,
    newer_id: str | None = TODAY,
    municipality_code: str | None = None,
) -> PlanComparison:
    """What changed from revision `older_id` to `newer_id`; None stands for today's plan."""
    owner = _owner(workspace, municipality_code)
    with workspace.reading() as session:
        older_name, older = _state(session, owner, older_id)
        newer_name, newer = _state(session, owner, newer_id)
        names = _names(session, owner)
    return PlanComparison(older_name, newer_name, compare_documents(older, newer, names))


def changes_since(
    workspace: Workspace, municipality_code: str, since: date
) -> PlanComparison | None:
    """What changed in a gemeente's plan since `since` (e.g. the last werkgroep).

    Compares the latest revision frozen on or before that day with the plan as it is in
    the workspace now (in the RSIV workspace: as of the gemeente's last merged package).
    None when the gemeente froze no revision on or before that day.
    """
    baseline = baseline_revisions(workspace, [municipality_code], since).get(municipality_code)
    if baseline is None:
        return None
    return compare_revisions(workspace, baseline, TODAY, municipality_code)


def baseline_revisions(
    workspace: Workspace, municipality_codes: Sequence[str], since: date
) -> dict[str, str]:
    """Per gemeente (CBS code) the id of its latest revision frozen on or before `since`, for
    all of them in one query; a gemeente without one is left out."""
    owners = {municipality_id(code): code for code in municipality_codes}
    end_of_day = datetime.combine(since, time.max, tzinfo=UTC)
    baselines: dict[str, str] = {}
    with workspace.reading() as session:
        for owner, revision_id in session.execute(
            select(PlanRevision.municipality_id, PlanRevision.id)
            .where(
                PlanRevision.municipality_id.in_(list(owners)),
                PlanRevision.frozen_at <= end_of_day,
            )
            .order_by(PlanRevision.frozen_at.desc(), PlanRevision.name.desc())
        ):
            baselines.setdefault(owners[owner], revision_id)
    return baselines


def revision_document(workspace: Workspace, revision_id: str) -> PlanDocument:
    with workspace.reading() as session:
        return _document(session, revision_id)


def _owner(workspace: Workspace, municipality_code: str | None) -> str:
    return (
        municipality_id(municipality_code) if municipality_code else own_municipality_id(workspace)
    )


def _state(session: Session, owner: str, revision_id: str | None) -> tuple[str, PlanDocument]:
    if revision_id is None:
        return "vandaag", read_plan_document(_connection(session), owner)
    revision = session.get(PlanRevision, revision_id)
    if revision is None or revision.municipality_id != owner:
        raise UserError("Deze planversie bestaat niet (meer). Kies een andere planversie.")
    frozen = dutch_moment(revision.frozen_at)
    return f"{revision.name} ({frozen})", _document(session, revision_id)


def _document(session: Session, revision_id: str) -> PlanDocument:
    parts = session.scalars(
        select(PlanRevisionPart.content)
        .where(PlanRevisionPart.revision_id == revision_id)
        .order_by(PlanRevisionPart.position)
    ).all()
    try:
        return decode("".join(parts))
    except (ValueError, KeyError, TypeError) as problem:
        raise UserError(
            "De inhoud van deze planversie is onleesbaar (beschadigd of met de hand bewerkt). "
            "Vraag de gemeente om een nieuw pakket."
        ) from problem


def _names(session: Session, owner: str) -> dict[str, str]:
    """Readable names for ids a plan points to outside its revision: partners, meetings."""
    names: dict[str, str] = dict(
        session.execute(
            select(Partner.id, Partner.name).where(Partner.municipality_id == owner)
        ).all()
    )
    for meeting_id, title, held_on in session.execute(
        select(Meeting.id, Meeting.title, Meeting.held_on).where(Meeting.municipality_id == owner)
    ):
        names[meeting_id] = f"{title} ({held_on:%d-%m-%Y})"
    for decision_id, text in session.execute(
        select(Decision.id, Decision.text).where(Decision.municipality_id == owner)
    ):
        names[decision_id] = " ".join(text.split())[:60]
    return names


def _connection(session: Session) -> RawConnection:
    return raw_connection(session)


def _column_values(record: PlanRevision | PlanRevisionPart) -> tuple[tuple[str, object], ...]:
    return tuple((column.key, getattr(record, column.key)) for column in record.__table__.columns)
