"""The project's course: the memo's seven steps and each gemeente's own milestones.

Everything is derived from records that travel in the package (the plan's dates, meetings,
revisions, the evaluation) plus the workspace's record of packages (made by a gemeente,
received by the RSIV), so the RSIV workspace shows every gemeente the way it shows itself.

The memo's calendar is written for a plan that starts on 1 January 2018; a plan with another
start date (the start of its period) gets the same calendar moved by whole months, so the
werkgroepen, the driehoek's commitment and the plan update fall where they do for that plan.
A plan without a start date has no memo milestones yet, and a milestone of the memo's
preparation that falls before the start date is not late: nothing is late before the plan
starts.

When a milestone counts as done (its state is "late" when its day has passed and it is not
done, "upcoming" otherwise):
- opdracht driehoek: the plan's date of the driehoek's commitment is filled in and has
  passed; without a date it is due at the end of December 2017 (stap 5 of the memo).
- operationeel overleg: the meeting was held (its date has passed) and its minutes (verslag)
  are written.
- pakket voor de werkgroep: due one week before each werkgroep; done when a package was made
  (gemeente) or received (RSIV) after the previous werkgroep and on or before the werkgroep
  itself, so a package that came in a few days late still serves that werkgroep.
- plan bijgesteld na gebiedsscan: due at the end of July 2018 ("medio 2018"); done when a
  plan revision was frozen from June 2018 on.
- evaluatie: due 12 months after the plan's local start (1 January 2018, the memo's latest
  start, when no start is filled in); done when an evaluation with a date and a summary
  exists and its date has passed.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Connection, select

from app.core.meetings.werkgroep_calendar import WERKGROEP_DATES
from app.kernel.reference import municipalities
from app.kernel.workspace import Workspace
from database.enums import MeetingTier, MilestoneKind, PackageOutcome, TimelineState
from database.tables import (
    evaluation_table,
    imported_package_table,
    meeting_table,
    municipality_table,
    package_export_table,
    plan_revision_table,
    plan_table,
)

PACKAGE_LEAD = timedelta(days=7)
COMMITMENT_DUE = date(2017, 12, 31)
LATEST_START = date(2018, 1, 1)
PLAN_UPDATE_FROM = date(2018, 6, 1)
PLAN_UPDATE_DUE = date(2018, 7, 31)


@dataclass(frozen=True)
class Step:
    """One step of the memo's stappenplan, with the period the memo gives it."""

    number: int
    title: str
    start: date
    end: date

    def moved(self, months: int) -> Step:
        return Step(self.number, self.title, moved(self.start, months), moved(self.end, months))

    def state(self, today: date) -> TimelineState:
        if self.end < today:
            return TimelineState.DONE
        if self.start > today:
            return TimelineState.UPCOMING
        return TimelineState.CURRENT


STEPS = (
    Step(1, "Voorbereidende gesprekken RSIV", date(2017, 9, 1), date(2017, 9, 30)),
    Step(2, "Start operationele overleggen", date(2017, 10, 1), date(2017, 10, 31)),
    Step(3, "Strategisch overleg", date(2017, 10, 16), date(2017, 10, 31)),
    Step(4, "Start werkgroep", date(2017, 11, 1), date(2017, 11, 30)),
    Step(5, "Commitment driehoek", date(2017, 12, 1), date(2017, 12, 31)),
    Step(6, "Uitvoering en tussentijdse verantwoording", date(2017, 11, 1), date(2019, 1, 31)),
    Step(7, "Evaluatie", date(2019, 1, 1), date(2019, 1, 31)),
)


@dataclass(frozen=True)
class Milestone:
    kind: MilestoneKind
    title: str
    due: date
    state: TimelineState
    done_on: date | None = None


@dataclass(frozen=True)
class MunicipalityCourse:
    code: str
    name: str
    milestones: tuple[Milestone, ...]

    @property
    def late(self) -> tuple[Milestone, ...]:
        return tuple(m for m in self.milestones if m.state is TimelineState.LATE)


@dataclass(frozen=True)
class Timeline:
    today: date
    steps: tuple[Step, ...]
    rows: tuple[MunicipalityCourse, ...]  # one per gemeente (one row in a gemeente workspace)

    @property
    def late(self) -> tuple[tuple[MunicipalityCourse, Milestone], ...]:
        return tuple((row, m) for row in self.rows for m in row.late)


def load_timeline(workspace: Workspace, today: date | None = None) -> Timeline:
    """The course on `today`: the gemeente's own row, or every participant's in the RSIV."""
    today = today or date.today()
    own_code = workspace.summary.municipality_code
    starts = _plan_starts(workspace)
    with workspace.connection() as connection:
        if own_code:
            wanted = [(own_code, workspace.summary.municipality_name or own_code)]
        else:
            wanted = [(m.cbs_code, m.name) for m in municipalities() if m.is_participant]
        town = municipality_table.c
        ids = dict(
            connection.execute(
                select(town.cbs_code, town.id).where(
                    town.cbs_code.in_([code for code, _ in wanted])
                )
            ).all()
        )
        rows = tuple(
            MunicipalityCourse(
                code,
                name,
                _milestones(connection, ids[code], today, regional=not own_code),
            )
            for code, name in wanted
            if code in ids
        )
    # The steps follow the own plan; in the RSIV workspace the earliest plan.
    shown = [starts[own_code]] if own_code in starts else sorted(starts.values())
    months = _months_from_memo(shown[0]) if shown else 0
    return Timeline(today, tuple(step.moved(months) for step in STEPS), rows)


def _plan_starts(workspace: Workspace) -> dict[str, date]:
    """The start date of each plan that has one, by gemeente code."""
    plan, town = plan_table.c, municipality_table.c
    with workspace.connection() as connection:
        rows = connection.execute(
            select(town.cbs_code, plan.period_start)
            .join(plan_table, plan.municipality_id == town.id)
            .where(plan.period_start.is_not(None))
        ).all()
    return {code: start for code, start in rows}


def _months_from_memo(start: date) -> int:
    return (start.year - LATEST_START.year) * 12 + start.month - LATEST_START.month


def moved(day: date, months: int) -> date:
    """`day` moved by whole months; a month's last day stays the month's last day."""
    if months == 0:
        return day
    later = _months_later(day, months)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return later.replace(day=calendar.monthrange(later.year, later.month)[1])
    return later


def late_milestones(workspace: Workspace, today: date | None = None) -> tuple[Milestone, ...]:
    """What is late in the workspace's own gemeente (for the Overzicht)."""
    timeline = load_timeline(workspace, today)
    return tuple(m for row in timeline.rows for m in row.late)


def _milestones(
    connection: Connection, owner: str, today: date, *, regional: bool
) -> tuple[Milestone, ...]:
    plan = plan_table.c
    dates = connection.execute(
        select(plan.triangle_commitment, plan.local_start, plan.period_start).where(
            plan.municipality_id == owner
        )
    ).first()
    committed, local_start, start = dates if dates else (None, None, None)
    start = start or local_start  # the Plan screen's lokale start, until a period is set
    milestones = list(_meetings(connection, owner, today))
    if start is not None:
        months = _months_from_memo(start)
        package_days = _package_days(connection, owner, regional=regional)
        memo = [
            _commitment(committed, today, months),
            *_packages(package_days, today, months),
            _plan_update(connection, owner, today, months),
            _evaluation(connection, owner, local_start or start, today),
        ]
        milestones += [_not_late_before(start, milestone) for milestone in memo]
    return tuple(sorted(milestones, key=lambda m: (m.due, m.kind.value)))


def _not_late_before(start: date, milestone: Milestone) -> Milestone:
    """The memo's preparation (before the plan's start) cannot be late for this plan."""
    if milestone.state is TimelineState.LATE and milestone.due < start:
        return replace(milestone, state=TimelineState.UPCOMING)
    return milestone


def _state(due: date, done_on: date | None, today: date) -> TimelineState:
    if done_on is not None and done_on <= today:
        return TimelineState.DONE
    return TimelineState.LATE if due < today else TimelineState.UPCOMING


def _commitment(committed: date | None, today: date, months: int) -> Milestone:
    due = committed or moved(COMMITMENT_DUE, months)
    return Milestone(
        MilestoneKind.COMMITMENT, "Opdracht driehoek", due, _state(due, committed, today), committed
    )


def _meetings(connection: Connection, owner: str, today: date) -> Iterable[Milestone]:
    meeting = meeting_table.c
    meetings = connection.execute(
        select(meeting.title, meeting.held_on, meeting.minutes).where(
            meeting.municipality_id == owner, meeting.tier == MeetingTier.OPERATIONAL
        )
    )
    for title, held_on, minutes in meetings:
        done_on = held_on if minutes.strip() else None
        yield Milestone(
            MilestoneKind.LOCAL_MEETING, title, held_on, _state(held_on, done_on, today), done_on
        )


def _package_days(connection: Connection, owner: str, *, regional: bool) -> list[date]:
    if regional:
        received = imported_package_table.c
        moments = connection.scalars(
            select(received.exported_at).where(
                received.municipality_id == owner,
                received.outcome == PackageOutcome.MERGED,
            )
        )
        return sorted(datetime.fromisoformat(m).astimezone(UTC).date() for m in moments if m)
    made = connection.scalars(select(package_export_table.c.exported_at))
    return sorted(moment.astimezone(UTC).date() for moment in made)


def _packages(package_days: list[date], today: date, months: int) -> Iterable[Milestone]:
    previous = date.min
    for werkgroep in (moved(day, months) for day in WERKGROEP_DATES):
        sent = [day for day in package_days if previous < day <= werkgroep]
        due = werkgroep - PACKAGE_LEAD
        done_on = sent[0] if sent else None
        yield Milestone(
            MilestoneKind.PACKAGE,
            f"Pakket voor werkgroep {werkgroep:%d-%m-%Y}",
            due,
            _state(due, done_on, today),
            done_on,
        )
        previous = werkgroep


def _plan_update(connection: Connection, owner: str, today: date, months: int) -> Milestone:
    update_from, due = moved(PLAN_UPDATE_FROM, months), moved(PLAN_UPDATE_DUE, months)
    revision = plan_revision_table.c
    frozen = connection.scalars(
        select(revision.frozen_at)
        .where(
            revision.municipality_id == owner,
            revision.frozen_at >= datetime.combine(update_from, datetime.min.time(), UTC),
        )
        .order_by(revision.frozen_at)
    ).first()
    done_on = frozen.astimezone(UTC).date() if frozen else None
    return Milestone(
        MilestoneKind.PLAN_UPDATE,
        "Plan bijgesteld na gebiedsscan",
        due,
        _state(due, done_on, today),
        done_on,
    )


def _evaluation(connection: Connection, owner: str, local_start: date, today: date) -> Milestone:
    due = evaluation_due(local_start)
    evaluation = evaluation_table.c
    evaluated = connection.scalars(
        select(evaluation.evaluated_on)
        .where(
            evaluation.municipality_id == owner,
            evaluation.evaluated_on.is_not(None),
            evaluation.summary != "",
        )
        .order_by(evaluation.evaluated_on)
    ).first()
    return Milestone(
        MilestoneKind.EVALUATION,
        "Evaluatie na 12 maanden",
        due,
        _state(due, evaluated, today),
        evaluated,
    )


def evaluation_due(local_start: date) -> date:
    """Twelve months after the local start (memo: "evaluatie 12 maanden na (her)start")."""
    return _months_later(local_start, 12)


def _months_later(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
