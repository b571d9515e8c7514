"""The action list (actielijst): tasks with an owner, a due date and a status.

`action_list` returns compact tuples fetched with one plain query, so a screen can hold a hundred
thousand actions without building ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.core.plan.plans import action_plan_id, meeting_owner_id
from app.core.records import (
    assign,
    columns_of,
    draft_of,
    existing,
    insert_record,
    read_record,
    refuse_gone_links,
)
from app.core.validation import limited_text
from app.exchange.field_rules import max_length
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.dialect import json_rows, raw_connection
from database.enums import ActionStatus
from database.models import Action, Decision, Measure, Meeting

# From the package schema: an action must fit in the package.
TITLE_MAX = max_length("action", "title")
OWNER_MAX = max_length("action", "owner")
ID_BATCH = 500


class ActionRow(NamedTuple):
    """One line of the action list, as stored: dates as ISO text, status as its value.

    Parsing happens on use (the properties), so loading 100,000 rows stays cheap and the
    ISO text sorts in date order.
    """

    id: str
    title: str
    owner: str
    start_iso: str | None
    due_iso: str | None
    status_value: str
    measure_id: str | None
    meeting_id: str | None

    @property
    def start_date(self) -> date | None:
        return date.fromisoformat(self.start_iso) if self.start_iso else None

    @property
    def due_date(self) -> date | None:
        return date.fromisoformat(self.due_iso) if self.due_iso else None

    @property
    def status(self) -> ActionStatus:
        return _STATUSES[self.status_value]


@dataclass(frozen=True)
class ActionList:
    """The rows of the action list and the titles of the measures and meetings they name.

    `records` are the rows as read, plain tuples in ActionRow's field order: making 100,000
    named tuples up front costs about a third of reading them, so `rows` makes them on use.
    """

    records: Sequence[Sequence[Any]]
    measure_titles: dict[str, str]
    meeting_titles: dict[str, str]

    @property
    def rows(self) -> list[ActionRow]:
        return list(map(ActionRow._make, self.records))


@dataclass(frozen=True)
class ActionInput:
    """What a user fills in for an action; validated by `add_action` and `update_action`."""

    title: str
    owner: str = ""
    start_date: date | None = None
    due_date: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    measure_id: str | None = None
    meeting_id: str | None = None
    decision_id: str | None = None
    description: str = ""


@dataclass(frozen=True)
class ActionSnapshot:
    id: str
    data: ActionInput
    completed_on: date | None


@dataclass(frozen=True)
class StatusSnapshot:
    """An action's status before a change, so the change can be undone exactly."""

    status: ActionStatus
    completed_on: date | None


def is_overdue(due_iso: str | None, status_value: str, today_iso: str) -> bool:
    """Overdue: past its due date and not finished (gereed) or dropped (vervallen)."""
    return due_iso is not None and due_iso < today_iso and status_value in _UNFINISHED


def action_list(workspace: Workspace, ids: Iterable[str] | None = None) -> ActionList:
    """The gemeente's actions (all, or those in `ids`) as compact rows.

    One plain SQL read on the driver's cursor, without joins, ORM objects or SQLAlchemy's
    result rows: at 100,000 actions building ORM rows or converting every date up front
    costs seconds, and SQLAlchemy's row processing alone about a third of the read. All
    actions come as one JSON text that the store builds in a single step: fetching 100,000
    rows one by one hands the interpreter lock back and forth 100,000 times, and while a
    background job (the Overzicht's figures) holds it, each handover waits; that made the
    Actielijst open twice as slowly. The rows come in due-date order, the list's first order,
    so sorting them again costs little. The titles of the few measures and meetings come as
    two small lookups.
    """
    owner = meeting_owner_id(workspace)
    fields = "id, title, owner, start_date, due_date, status, measure_id, meeting_id"
    sql = f"SELECT {fields} FROM action WHERE municipality_id = ?"
    with workspace.reading() as session:
        connection = session.connection()
        raw = raw_connection(connection)
        if ids is None:
            rows = json_rows(
                raw, fields, "action", "municipality_id = ?", "due_date IS NULL, due_date", (owner,)
            )
        else:
            rows = []
            for batch in _batches(ids):
                batch_sql = f"{sql} AND id IN ({', '.join('?' * len(batch))})"
                rows.extend(raw.execute(batch_sql, (owner, *batch)).fetchall())
        measure_titles = dict(
            connection.execute(
                select(Measure.id, Measure.title).where(Measure.municipality_id == owner)
            ).all()
        )
        meeting_titles = dict(
            connection.execute(
                select(Meeting.id, Meeting.title).where(Meeting.municipality_id == owner)
            ).all()
        )
    return ActionList(rows, measure_titles, meeting_titles)


def action_input(workspace: Workspace, action_id: str) -> ActionInput:
    """Every editable field of one action, for the edit dialog and inline edits."""
    return read_record(workspace, Action, action_id, _input_of)


def action_snapshots(workspace: Workspace, ids: Iterable[str]) -> list[ActionSnapshot]:
    """Full copies of actions, taken before a delete so the undo can put them back."""
    with workspace.reading() as session:
        return [
            ActionSnapshot(action.id, _input_of(action), action.completed_on)
            for batch in _batches(ids)
            for action in session.scalars(select(Action).where(Action.id.in_(batch)))
        ]


def validate_action(data: ActionInput) -> ActionInput:
    """The cleaned input, or a FieldError naming the field that is wrong."""
    title = data.title.strip()
    if not title:
        raise FieldError("title", "Vul een omschrijving van de actie in.")
    if len(title) > TITLE_MAX:
        raise FieldError("title", f"De omschrijving is te lang: maximaal {TITLE_MAX} tekens.")
    owner = data.owner.strip()
    if len(owner) > OWNER_MAX:
        raise FieldError(
            "owner", f"De naam van de eigenaar is te lang: maximaal {OWNER_MAX} tekens."
        )
    if data.start_date and data.due_date and data.due_date < data.start_date:
        raise FieldError(
            "due_date",
            f"De termijn ({data.due_date:%d-%m-%Y}) ligt vóór de startdatum "
            f"({data.start_date:%d-%m-%Y}). Kies een termijn op of na de startdatum.",
        )
    return replace(
        data, title=title, owner=owner, description=limited_text("description", data.description)
    )


def add_action(workspace: Workspace, data: ActionInput, action_id: str | None = None) -> str:
    """Store a new action; `action_id` lets redo recreate the same record."""
    clean = validate_action(data)
    completed_on = date.today() if clean.status is ActionStatus.DONE else None
    columns = {**columns_of(clean), "completed_on": completed_on}
    with workspace.transaction() as session:
        _refuse_gone_links(session, clean)
        action = Action(
            municipality_id=meeting_owner_id(workspace),
            plan_id=action_plan_id(session, workspace),
            **columns,
        )
        return insert_record(session, action, action_id)


def update_action(workspace: Workspace, action_id: str, data: ActionInput) -> None:
    clean = validate_action(data)
    with workspace.transaction() as session:
        action = existing(session, Action, action_id)
        _refuse_gone_links(session, clean)
        if clean.status is not action.status:
            action.completed_on = date.today() if clean.status is ActionStatus.DONE else None
        assign(action, columns_of(clean))


def _refuse_gone_links(session: Session, clean: ActionInput) -> None:
    refuse_gone_links(session, Measure, [clean.measure_id])
    refuse_gone_links(session, Meeting, [clean.meeting_id])
    refuse_gone_links(session, Decision, [clean.decision_id])


def delete_actions(workspace: Workspace, action_ids: Iterable[str]) -> None:
    with workspace.transaction() as session:
        for batch in _batches(action_ids):
            session.execute(delete(Action).where(Action.id.in_(batch)))


def restore_actions(workspace: Workspace, snapshots: Iterable[ActionSnapshot]) -> None:
    """Put deleted actions back exactly as they were (undo of a delete)."""
    owner = meeting_owner_id(workspace)
    with workspace.transaction() as session:
        plan = action_plan_id(session, workspace)
        for snapshot in snapshots:
            session.add(
                Action(
                    id=snapshot.id,
                    municipality_id=owner,
                    plan_id=plan,
                    completed_on=snapshot.completed_on,
                    **columns_of(snapshot.data),
                )
            )


def status_snapshot(workspace: Workspace, action_ids: Iterable[str]) -> dict[str, StatusSnapshot]:
    columns = select(Action.id, Action.status, Action.completed_on)
    with workspace.reading() as session:
        return {
            row[0]: StatusSnapshot(row[1], row[2])
            for batch in _batches(action_ids)
            for row in session.execute(columns.where(Action.id.in_(batch)))
        }


def set_status(workspace: Workspace, action_ids: Iterable[str], status: ActionStatus) -> None:
    """Give many actions one status in one transaction; gereed records today as done."""
    completed_on = date.today() if status is ActionStatus.DONE else None
    with workspace.transaction() as session:
        for batch in _batches(action_ids):
            session.execute(
                update(Action)
                .where(Action.id.in_(batch), Action.status != status)
                .values(status=status, completed_on=completed_on)
            )


def restore_status(workspace: Workspace, snapshot: Mapping[str, StatusSnapshot]) -> None:
    values = [
        {"id": action_id, "status": before.status, "completed_on": before.completed_on}
        for action_id, before in snapshot.items()
    ]
    if values:
        with workspace.transaction() as session:
            session.execute(update(Action), values)


def decision_action_input(workspace: Workspace, decision_id: str) -> ActionInput:
    """A new action pre-filled from a meeting decision: its text, meeting and date."""
    with workspace.reading() as session:
        decision = existing(session, Decision, decision_id)
        meeting = existing(session, Meeting, decision.meeting_id)
        return ActionInput(
            title=decision.text.strip().splitlines()[0][:TITLE_MAX] if decision.text else "",
            start_date=meeting.held_on,
            meeting_id=meeting.id,
            decision_id=decision.id,
        )


def _input_of(action: Action) -> ActionInput:
    return draft_of(ActionInput, action)


def _batches(ids: Iterable[str]) -> Iterator[list[str]]:
    """Distinct ids in groups small enough for SQLite's limit on parameters per statement."""
    batch: list[str] = []
    for item in dict.fromkeys(ids):
        batch.append(item)
        if len(batch) == ID_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


_STATUSES = {status.value: status for status in ActionStatus}
_UNFINISHED = frozenset({ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value})
