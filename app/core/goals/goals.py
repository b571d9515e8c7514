"""Doelstellingen: the SMART goals of the gemeente's plan."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from app.core.plan.lookup import existing_plan_id
from app.core.plan.plans import add_plan_record
from app.core.records import (
    RecordSnapshot,
    columns_of,
    draft_of,
    existing,
    put_back,
    read_record,
    take,
    update_record,
)
from app.core.validation import field_text, limited_text, required_field_text
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.enums import GoalIndicator
from database.models import Goal, GoalMeasurement

FIRST_BASELINE_YEAR = 2000
LAST_BASELINE_YEAR = 2100

# The unit a projectleider means with each indicator, offered when the unit is still empty.
SUGGESTED_UNITS = {
    GoalIndicator.BURGLARY_RATE: "per 1.000 woningen",
    GoalIndicator.BURGLARY_COUNT: "woninginbraken per jaar",
    GoalIndicator.ATTEMPT_SHARE: "% van de inbraken",
    GoalIndicator.OTHER: "",
}


@dataclass(frozen=True)
class GoalDraft:
    """One SMART goal as the user enters it."""

    title: str
    indicator: GoalIndicator
    unit: str
    baseline_value: float
    baseline_year: int
    target_value: float
    deadline: date
    owner: str = ""
    description: str = ""
    neighbourhood_code: str = ""


@dataclass(frozen=True)
class GoalRow:
    id: str
    draft: GoalDraft


def checked_goal(draft: GoalDraft) -> GoalDraft:
    """The draft as it will be stored, or FieldError naming the field that is wrong."""
    title = required_field_text("goal", "title", draft.title, "een titel voor de doelstelling")
    unit = draft.unit.strip()
    if not unit:
        raise FieldError(
            "unit",
            "Vul de eenheid van de streefwaarde in, bijvoorbeeld 'per 1.000 woningen' of "
            "'woninginbraken per jaar'; zonder eenheid is een doel niet meetbaar.",
        )
    unit = field_text("goal", "unit", unit)
    if not FIRST_BASELINE_YEAR <= draft.baseline_year <= LAST_BASELINE_YEAR:
        raise FieldError(
            "baseline_year",
            f"Het jaar van de nulmeting moet tussen {FIRST_BASELINE_YEAR} en "
            f"{LAST_BASELINE_YEAR} liggen.",
        )
    if draft.deadline.year <= draft.baseline_year:
        raise FieldError(
            "deadline",
            f"De termijn ({draft.deadline:%d-%m-%Y}) moet na het jaar van de nulmeting "
            f"({draft.baseline_year}) liggen.",
        )
    if draft.baseline_value < 0 or draft.target_value < 0:
        field = "baseline_value" if draft.baseline_value < 0 else "target_value"
        raise FieldError(field, "Een nulmeting of streefwaarde kan niet negatief zijn.")
    return replace(
        draft,
        title=title,
        unit=unit,
        owner=field_text("goal", "owner", draft.owner),
        description=limited_text("description", draft.description),
        neighbourhood_code=field_text("goal", "neighbourhood_code", draft.neighbourhood_code),
    )


def list_goals(workspace: Workspace) -> list[GoalRow]:
    with workspace.reading() as session:
        plan = existing_plan_id(session, workspace)
        goals = session.scalars(
            select(Goal).where(Goal.plan_id == plan).order_by(Goal.deadline, Goal.title)
        )
        return [_row(goal) for goal in goals]


def get_goal(workspace: Workspace, goal_id: str) -> GoalRow:
    return read_record(workspace, Goal, goal_id, _row)


def add_goal(workspace: Workspace, draft: GoalDraft, goal_id: str | None = None) -> str:
    """Store a new goal; `goal_id` lets redo bring back the same record."""
    return add_plan_record(workspace, Goal, _columns(checked_goal(draft)), goal_id)


def update_goal(workspace: Workspace, goal_id: str, draft: GoalDraft) -> None:
    update_record(workspace, Goal, goal_id, _columns(checked_goal(draft)))


@dataclass(frozen=True)
class DeletedGoal:
    """A deleted goal with its measurements (deleted along with it), for undo."""

    goal: RecordSnapshot
    measurements: tuple[RecordSnapshot, ...]


def delete_goal(workspace: Workspace, goal_id: str) -> DeletedGoal:
    with workspace.transaction() as session:
        goal = existing(session, Goal, goal_id)
        measurements = session.scalars(
            select(GoalMeasurement).where(GoalMeasurement.goal_id == goal_id)
        )
        deleted = DeletedGoal(take(goal), tuple(take(row) for row in measurements))
        session.delete(goal)
        return deleted


def restore_goal(workspace: Workspace, deleted: DeletedGoal) -> None:
    with workspace.transaction() as session:
        for snapshot in (deleted.goal, *deleted.measurements):
            put_back(session, snapshot)


def _columns(draft: GoalDraft) -> dict[str, object]:
    return {**columns_of(draft), "neighbourhood_code": draft.neighbourhood_code or None}


def _row(goal: Goal) -> GoalRow:
    return GoalRow(
        id=goal.id,
        draft=draft_of(GoalDraft, goal, neighbourhood_code=goal.neighbourhood_code or ""),
    )
