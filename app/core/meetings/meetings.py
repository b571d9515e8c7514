"""Meetings (overleggen) of the three tiers, their decisions, and the werkgroep calendar."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.analysis.periods import MONTH_NAMES
from app.core.meetings.werkgroep_calendar import WERKGROEP_DATES
from app.core.plan.plans import meeting_owner_for_writing, meeting_owner_id
from app.core.records import existing
from app.core.validation import limited_text
from app.exchange.field_rules import max_length
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.enums import MeetingTier, WorkspaceRole
from database.models import Action, Decision, Meeting

# From the package schema: a meeting must fit in the package.
TITLE_MAX = max_length("meeting", "title")
LOCATION_MAX = max_length("meeting", "location")

# The memo plans the werkgroep every two months: Nov 2017, then Jan, Mar, May, Jul, Sep and
# Nov 2018. The days are the RSIV's planned ones, the same the timeline and the regional
# overview use; the location stays a placeholder until the invitation comes.
WERKGROEP_TOPICS = (
    "Startbijeenkomst: de (vernieuwde) plannen van aanpak bespreken",
    "Successen en knelpunten delen; eerste resultaten",
    "Successen en knelpunten delen; resultaten Donkere Dagen Offensief",
    "Successen en knelpunten delen; resultaten en (extra) kosten",
    "Successen en knelpunten delen; plan bijstellen na de nieuwe gebiedsscan",
    "Successen en knelpunten delen; voorbereiding Donkere Dagen Offensief",
    "Successen en knelpunten delen; aanloop naar de evaluatie",
)
WERKGROEP_CALENDAR = tuple(zip(WERKGROEP_DATES, WERKGROEP_TOPICS, strict=True))
WERKGROEP_AGENDA_COMMON = (
    "Per gemeente: samenvatting scan en analyse, plan van aanpak, resultaten, (extra) kosten, "
    "successen en knelpunten, communicatie."
)
WERKGROEP_PLACEHOLDER_LOCATION = "Datum en locatie volgen via het RSIV"


@dataclass(frozen=True)
class MeetingInput:
    tier: MeetingTier
    title: str
    held_on: date
    location: str = ""
    participants: str = ""
    agenda: str = ""
    minutes: str = ""


@dataclass(frozen=True)
class MeetingRow:
    id: str
    data: MeetingInput
    decision_count: int


@dataclass(frozen=True)
class DecisionRow:
    id: str
    meeting_id: str
    text: str
    position: int
    action_count: int


@dataclass(frozen=True)
class MeetingSnapshot:
    """A deleted meeting with its decisions and the actions that pointed at it (for undo)."""

    row: MeetingRow
    decisions: tuple[DecisionRow, ...]
    action_ids: tuple[str, ...]
    decision_action_ids: tuple[tuple[str, str], ...]


def meeting_rows(workspace: Workspace) -> tuple[MeetingRow, ...]:
    """All meetings of the gemeente, newest first."""
    owner = meeting_owner_id(workspace)
    counts = (
        select(Decision.meeting_id, func.count().label("n"))
        .group_by(Decision.meeting_id)
        .subquery()
    )
    statement = (
        select(Meeting, counts.c.n)
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .where(Meeting.municipality_id == owner)
        .order_by(Meeting.held_on.desc(), Meeting.title)
    )
    with workspace.reading() as session:
        return tuple(
            MeetingRow(meeting.id, _input_of(meeting), int(count or 0))
            for meeting, count in session.execute(statement)
        )


def decision_rows(workspace: Workspace, meeting_id: str) -> tuple[DecisionRow, ...]:
    counts = (
        select(Action.decision_id, func.count().label("n"))
        .where(Action.decision_id.is_not(None))
        .group_by(Action.decision_id)
        .subquery()
    )
    statement = (
        select(Decision.id, Decision.meeting_id, Decision.text, Decision.position, counts.c.n)
        .outerjoin(counts, counts.c.decision_id == Decision.id)
        .where(Decision.meeting_id == meeting_id)
        .order_by(Decision.position, Decision.created_at)
    )
    with workspace.reading() as session:
        return tuple(
            DecisionRow(row[0], row[1], row[2], row[3], int(row[4] or 0))
            for row in session.execute(statement)
        )


def meeting_choices(workspace: Workspace) -> tuple[tuple[str, str], ...]:
    """(id, "dd-mm-jjjj title") of every meeting, newest first, for linking an action."""
    return tuple(
        (row.id, f"{row.data.held_on:%d-%m-%Y} {row.data.title}") for row in meeting_rows(workspace)
    )


def validate_meeting(data: MeetingInput) -> MeetingInput:
    title = data.title.strip()
    if not title:
        raise FieldError("title", "Vul een naam voor het overleg in.")
    if len(title) > TITLE_MAX:
        raise FieldError("title", f"De naam is te lang: maximaal {TITLE_MAX} tekens.")
    return MeetingInput(
        tier=data.tier,
        title=title,
        held_on=data.held_on,
        # Checked here, not only at export: a package refuses what does not fit.
        location=limited_text("location", data.location, LOCATION_MAX),
        participants=limited_text("participants", data.participants),
        agenda=limited_text("agenda", data.agenda),
        minutes=limited_text("minutes", data.minutes),
    )


def add_meeting(workspace: Workspace, data: MeetingInput, meeting_id: str | None = None) -> str:
    clean = validate_meeting(data)
    with workspace.transaction() as session:
        return _insert_meeting(session, workspace, clean, meeting_id)


def update_meeting(workspace: Workspace, meeting_id: str, data: MeetingInput) -> None:
    clean = validate_meeting(data)
    with workspace.transaction() as session:
        meeting = existing(session, Meeting, meeting_id)
        for name, value in _meeting_columns(clean).items():
            setattr(meeting, name, value)


def delete_meeting(workspace: Workspace, meeting_id: str) -> MeetingSnapshot:
    """Remove a meeting and its decisions; its actions stay, unlinked."""
    with workspace.transaction() as session:
        meeting = existing(session, Meeting, meeting_id)
        row = MeetingRow(meeting.id, _input_of(meeting), 0)
        decisions = tuple(
            DecisionRow(d.id, d.meeting_id, d.text, d.position, 0)
            for d in session.scalars(select(Decision).where(Decision.meeting_id == meeting_id))
        )
        action_ids = tuple(
            session.scalars(select(Action.id).where(Action.meeting_id == meeting_id)).all()
        )
        decision_ids = [d.id for d in decisions]
        decision_action_ids = tuple(
            (action_id, decision_id)
            for action_id, decision_id in session.execute(
                select(Action.id, Action.decision_id).where(Action.decision_id.in_(decision_ids))
            )
            if decision_id is not None  # never None (IN leaves NULL out); for the type checker
        )
        session.delete(meeting)
        return MeetingSnapshot(row, decisions, action_ids, decision_action_ids)


def restore_meeting(workspace: Workspace, snapshot: MeetingSnapshot) -> None:
    with workspace.transaction() as session:
        _insert_meeting(session, workspace, snapshot.row.data, snapshot.row.id)
        for decision in snapshot.decisions:
            _insert_decision(session, workspace, decision.meeting_id, decision.text, decision.id)
        session.flush()
        if snapshot.action_ids:
            session.execute(
                update(Action)
                .where(Action.id.in_(snapshot.action_ids))
                .values(meeting_id=snapshot.row.id)
            )
        for action_id, decision_id in snapshot.decision_action_ids:
            session.execute(
                update(Action).where(Action.id == action_id).values(decision_id=decision_id)
            )


def add_decision(
    workspace: Workspace, meeting_id: str, text: str, decision_id: str | None = None
) -> str:
    clean = validate_decision(text)
    with workspace.transaction() as session:
        return _insert_decision(session, workspace, meeting_id, clean, decision_id)


def delete_decision(workspace: Workspace, decision_id: str) -> tuple[str, ...]:
    """Remove a decision; returns the ids of actions made from it, for the undo."""
    with workspace.transaction() as session:
        linked = tuple(
            session.scalars(select(Action.id).where(Action.decision_id == decision_id)).all()
        )
        session.execute(delete(Decision).where(Decision.id == decision_id))
        return linked


def restore_decision(workspace: Workspace, row: DecisionRow, action_ids: Iterable[str]) -> None:
    with workspace.transaction() as session:
        decision = Decision(
            id=row.id,
            municipality_id=meeting_owner_id(workspace),
            meeting_id=row.meeting_id,
            text=row.text,
            position=row.position,
        )
        session.add(decision)
        session.flush()
        session.execute(
            update(Action).where(Action.id.in_(list(action_ids))).values(decision_id=row.id)
        )


def werkgroep_dates(workspace: Workspace) -> tuple[date, ...]:
    """The werkgroep's days: in the RSIV's workspace those of its own werkgroepen (the
    tactical meetings in its Overleggen), else, or before it plans any, the memo's calendar."""
    if workspace.summary.role is not WorkspaceRole.REGION:
        return WERKGROEP_DATES
    statement = (
        select(Meeting.held_on)
        .where(
            Meeting.municipality_id == meeting_owner_id(workspace),
            Meeting.tier == MeetingTier.TACTICAL,
        )
        .order_by(Meeting.held_on)
    )
    with workspace.reading() as session:
        own = tuple(session.scalars(statement))
    return own or WERKGROEP_DATES


def has_werkgroep_meetings(workspace: Workspace) -> bool:
    owner = meeting_owner_id(workspace)
    statement = select(func.count()).where(
        Meeting.municipality_id == owner, Meeting.tier == MeetingTier.TACTICAL
    )
    with workspace.reading() as session:
        return bool(session.scalar(statement))


def fill_werkgroep_calendar(workspace: Workspace) -> tuple[str, ...]:
    """Insert the memo's werkgroep meetings when the gemeente has no tactical meeting yet.

    Returns the ids of the meetings added (none when the calendar was already there), so
    the screen can undo exactly this with `delete_meetings`.
    """
    owner = meeting_owner_id(workspace)
    with workspace.transaction() as session:
        existing = session.scalar(
            select(func.count()).where(
                Meeting.municipality_id == owner, Meeting.tier == MeetingTier.TACTICAL
            )
        )
        if existing:
            return ()
        return tuple(
            _insert_meeting(
                session,
                workspace,
                MeetingInput(
                    tier=MeetingTier.TACTICAL,
                    title=f"Werkgroep woninginbraken {_month_name(held_on)} {held_on.year}",
                    held_on=held_on,
                    location=WERKGROEP_PLACEHOLDER_LOCATION,
                    participants="Projectleiders van de deelnemende gemeenten, RSIV, politie",
                    agenda=f"{topic}.\n{WERKGROEP_AGENDA_COMMON}",
                ),
                None,
            )
            for held_on, topic in WERKGROEP_CALENDAR
        )


def delete_meetings(workspace: Workspace, meeting_ids: Iterable[str]) -> None:
    """Remove meetings outright (undo of filling the calendar)."""
    with workspace.transaction() as session:
        session.execute(delete(Meeting).where(Meeting.id.in_(list(meeting_ids))))


def validate_decision(text: str) -> str:
    clean = text.strip()
    if not clean:
        raise FieldError("decision", "Vul de tekst van het besluit in.")
    return limited_text("decision", clean)


def _insert_meeting(
    session: Session, workspace: Workspace, data: MeetingInput, meeting_id: str | None
) -> str:
    meeting = Meeting(
        municipality_id=meeting_owner_for_writing(session, workspace), **_meeting_columns(data)
    )
    if meeting_id:
        meeting.id = meeting_id
    session.add(meeting)
    session.flush()
    return meeting.id


def _insert_decision(
    session: Session, workspace: Workspace, meeting_id: str, text: str, decision_id: str | None
) -> str:
    existing(session, Meeting, meeting_id)
    position = session.scalar(
        select(func.coalesce(func.max(Decision.position), -1) + 1).where(
            Decision.meeting_id == meeting_id
        )
    )
    decision = Decision(
        municipality_id=meeting_owner_id(workspace),
        meeting_id=meeting_id,
        text=text,
        position=int(position or 0),
    )
    if decision_id:
        decision.id = decision_id
    session.add(decision)
    session.flush()
    return decision.id


def _meeting_columns(data: MeetingInput) -> dict[str, object]:
    return {
        "tier": data.tier,
        "title": data.title,
        "held_on": data.held_on,
        "location": data.location,
        "participants": data.participants,
        "agenda": data.agenda,
        "minutes": data.minutes,
    }


def _input_of(meeting: Meeting) -> MeetingInput:
    return MeetingInput(
        tier=meeting.tier,
        title=meeting.title,
        held_on=meeting.held_on,
        location=meeting.location,
        participants=meeting.participants,
        agenda=meeting.agenda,
        minutes=meeting.minutes,
    )


def _month_name(day: date) -> str:
    return MONTH_NAMES[day.month - 1]
