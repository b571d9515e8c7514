"""Metingen: values of a goal measured by hand, for goals the burglary figures cannot measure
(kind "anders", such as "200 woonadviezen") or that are counted elsewhere.

A goal with measurements of its own is assessed from them (app.analysis.goals); a goal without
any from the figures, as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.plan.plans import own_municipality_id
from app.core.records import (
    RecordSnapshot,
    assign,
    columns_of,
    delete_record,
    draft_of,
    existing,
    insert_record,
    read_record,
    restore_record,
)
from app.core.validation import field_text, limited_text
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.models import Goal, GoalMeasurement

FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass(frozen=True)
class MeasurementDraft:
    """One measured value as the user enters it."""

    measured_on: date
    value: float
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class MeasurementRow:
    id: str
    goal_id: str
    draft: MeasurementDraft


def checked_measurement(draft: MeasurementDraft) -> MeasurementDraft:
    """The draft as it will be stored, or FieldError naming the field that is wrong."""
    if not FIRST_YEAR <= draft.measured_on.year <= LAST_YEAR:
        raise FieldError(
            "measured_on",
            f"De datum van de meting ({draft.measured_on:%d-%m-%Y}) moet tussen {FIRST_YEAR} "
            f"en {LAST_YEAR} liggen.",
        )
    if not math.isfinite(draft.value) or draft.value < 0:
        raise FieldError(
            "value", "Een gemeten waarde is een getal van 0 of meer; vul de waarde opnieuw in."
        )
    return replace(
        draft,
        value=float(draft.value),
        source=field_text("goal_measurement", "source", draft.source),
        note=limited_text("note", draft.note),
    )


def list_measurements(workspace: Workspace, goal_id: str) -> list[MeasurementRow]:
    """The goal's measurements, oldest first."""
    with workspace.reading() as session:
        rows = session.scalars(
            select(GoalMeasurement)
            .where(GoalMeasurement.goal_id == goal_id)
            .order_by(GoalMeasurement.measured_on)
        )
        return [_row(row) for row in rows]


def get_measurement(workspace: Workspace, measurement_id: str) -> MeasurementRow:
    return read_record(workspace, GoalMeasurement, measurement_id, _row)


def add_measurement(
    workspace: Workspace,
    goal_id: str,
    draft: MeasurementDraft,
    measurement_id: str | None = None,
) -> str:
    """Store a new measurement; `measurement_id` lets redo bring back the same record."""
    checked = checked_measurement(draft)
    with workspace.transaction() as session:
        goal = existing(session, Goal, goal_id)
        _refuse_same_day(session, goal, checked.measured_on, None)
        row = GoalMeasurement(
            goal_id=goal.id, municipality_id=own_municipality_id(workspace), **columns_of(checked)
        )
        return insert_record(session, row, measurement_id)


def update_measurement(workspace: Workspace, measurement_id: str, draft: MeasurementDraft) -> None:
    checked = checked_measurement(draft)
    with workspace.transaction() as session:
        row = existing(session, GoalMeasurement, measurement_id)
        goal = existing(session, Goal, row.goal_id)
        _refuse_same_day(session, goal, checked.measured_on, measurement_id)
        assign(row, columns_of(checked))


def delete_measurement(workspace: Workspace, measurement_id: str) -> RecordSnapshot:
    return delete_record(workspace, GoalMeasurement, measurement_id)


def restore_measurement(workspace: Workspace, snapshot: RecordSnapshot) -> None:
    restore_record(workspace, snapshot)


def _refuse_same_day(session: Session, goal: Goal, day: date, own_id: str | None) -> None:
    other = session.scalars(
        select(GoalMeasurement.id).where(
            GoalMeasurement.goal_id == goal.id,
            GoalMeasurement.measured_on == day,
            GoalMeasurement.id != (own_id or ""),
        )
    ).first()
    if other:
        raise FieldError(
            "measured_on",
            f"Doelstelling '{goal.title}' heeft al een meting op {day:%d-%m-%Y}; pas die meting "
            "aan of kies een andere datum.",
        )


def _row(row: GoalMeasurement) -> MeasurementRow:
    return MeasurementRow(id=row.id, goal_id=row.goal_id, draft=draft_of(MeasurementDraft, row))
