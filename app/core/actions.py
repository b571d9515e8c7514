"""The action list (actielijst): tasks with an owner, a due date and a status.

`action_rows` returns compact tuples fetched with one query, so a screen can hold a hundred
thousand actions without building ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import delete, select, update
from sqlalchemy.orm import aliased

from app.core.errors import FieldError
from app.core.plans import own_municipality_id, plan_id
from app.core.workspace import Workspace
from database.enums import ActionStatus
from database.models import Action, Decision, Measure, Meeting

TITLE_MAX = 300
OWNER_MAX = 200


class ActionRow(NamedTuple):
    """One line of the action list, with the titles of its measure and meeting."""

    id: str
    title: str
    owner: str
    start_date: date | None
    due_date: date | None
    status: ActionStatus
    measure_id: str | None
    measure_title: str
    meeting_id: str | None
    meeting_title: str
    decision_id: str | None
    description: str
    completed_on: date | None


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
class StatusSnapshot:
    """An action's status before a change, so the change can be undone exactly."""

    status: ActionStatus
    completed_on: date | None


def is_overdue(due_date: date | None, status: ActionStatus, today: date) -> bool:
    """Overdue: past its due date and not finished (gereed) or dropped (vervallen)."""
    return (
        due_date is not None
        and due_date < today
        and status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    )


def action_rows(workspace: Workspace, ids: Iterable[str] | None = None) -> list[ActionRow]:
    """The gemeente's actions (all, or those in `ids`), oldest due date first, in one query."""
    owner = own_municipality_id(workspace)
    measure = aliased(Measure)
    meeting = aliased(Meeting)
    statement = (
        select(
            Action.id,
            Action.title,
            Action.owner,
            Action.start_date,
            Action.due_date,
            Action.status,
            Action.measure_id,
            measure.title,
            Action.meeting_id,
            meeting.title,
            Action.decision_id,
            Action.description,
            Action.completed_on,
        )
        .outerjoin(measure, measure.id == Action.measure_id)
        .outerjoin(meeting, meeting.id == Action.meeting_id)
        .where(Action.municipality_id == owner)
        .order_by(Action.due_date, Action.title)
    )
    if ids is not None:
        statement = statement.where(Action.id.in_(list(ids)))
    with workspace.reading() as session:
        return [
            ActionRow(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7] or "",
                row[8],
                row[9] or "",
                row[10],
                row[11],
                row[12],
            )
            for row in session.execute(statement)
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
    return ActionInput(
        title=title,
        owner=owner,
        start_date=data.start_date,
        due_date=data.due_date,
        status=data.status,
        measure_id=data.measure_id,
        meeting_id=data.meeting_id,
        decision_id=data.decision_id,
        description=data.description.strip(),
    )


def add_action(workspace: Workspace, data: ActionInput, action_id: str | None = None) -> str:
    """Store a new action; `action_id` lets redo recreate the same record."""
    clean = validate_action(data)
    with workspace.transaction() as session:
        action = Action(
            municipality_id=own_municipality_id(workspace),
            plan_id=plan_id(session, workspace),
            completed_on=date.today() if clean.status is ActionStatus.DONE else None,
            **_columns(clean),
        )
        if action_id:
            action.id = action_id
        session.add(action)
        session.flush()
        return action.id


def update_action(workspace: Workspace, action_id: str, data: ActionInput) -> None:
    clean = validate_action(data)
    with workspace.transaction() as session:
        action = session.get_one(Action, action_id)
        if clean.status is not action.status:
            action.completed_on = date.today() if clean.status is ActionStatus.DONE else None
        for name, value in _columns(clean).items():
            setattr(action, name, value)


def delete_actions(workspace: Workspace, action_ids: Iterable[str]) -> None:
    ids = list(action_ids)
    with workspace.transaction() as session:
        session.execute(delete(Action).where(Action.id.in_(ids)))


def restore_actions(workspace: Workspace, rows: Iterable[ActionRow]) -> None:
    """Put deleted actions back exactly as they were (undo of a delete)."""
    owner = own_municipality_id(workspace)
    with workspace.transaction() as session:
        plan = plan_id(session, workspace)
        for row in rows:
            session.add(
                Action(
                    id=row.id,
                    municipality_id=owner,
                    plan_id=plan,
                    completed_on=row.completed_on,
                    **_columns(input_of_row(row)),
                )
            )


def input_of_row(row: ActionRow) -> ActionInput:
    """The editable fields of a listed action, to change one of them and save."""
    return ActionInput(
        title=row.title,
        owner=row.owner,
        start_date=row.start_date,
        due_date=row.due_date,
        status=row.status,
        measure_id=row.measure_id,
        meeting_id=row.meeting_id,
        decision_id=row.decision_id,
        description=row.description,
    )


def status_snapshot(workspace: Workspace, action_ids: Iterable[str]) -> dict[str, StatusSnapshot]:
    ids = list(action_ids)
    statement = select(Action.id, Action.status, Action.completed_on).where(Action.id.in_(ids))
    with workspace.reading() as session:
        return {row[0]: StatusSnapshot(row[1], row[2]) for row in session.execute(statement)}


def set_status(workspace: Workspace, action_ids: Iterable[str], status: ActionStatus) -> None:
    """Give many actions one status in one transaction; gereed records today as done."""
    ids = list(action_ids)
    completed_on = date.today() if status is ActionStatus.DONE else None
    with workspace.transaction() as session:
        session.execute(
            update(Action)
            .where(Action.id.in_(ids), Action.status != status)
            .values(status=status, completed_on=completed_on)
        )


def restore_status(workspace: Workspace, snapshot: Mapping[str, StatusSnapshot]) -> None:
    with workspace.transaction() as session:
        for action_id, before in snapshot.items():
            session.execute(
                update(Action)
                .where(Action.id == action_id)
                .values(status=before.status, completed_on=before.completed_on)
            )


def decision_action_input(workspace: Workspace, decision_id: str) -> ActionInput:
    """A new action pre-filled from a meeting decision: its text, meeting and date."""
    with workspace.reading() as session:
        decision = session.get_one(Decision, decision_id)
        meeting = session.get_one(Meeting, decision.meeting_id)
        return ActionInput(
            title=decision.text.strip().splitlines()[0][:TITLE_MAX] if decision.text else "",
            start_date=meeting.held_on,
            meeting_id=meeting.id,
            decision_id=decision.id,
        )


def _columns(data: ActionInput) -> dict[str, object]:
    return {
        "title": data.title,
        "owner": data.owner,
        "start_date": data.start_date,
        "due_date": data.due_date,
        "status": data.status,
        "measure_id": data.measure_id,
        "meeting_id": data.meeting_id,
        "decision_id": data.decision_id,
        "description": data.description,
    }
