"""What the Overzicht shows first: a count of what the plan holds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.core.workspace import Workspace
from database.enums import ActionStatus, HotKind
from database.models import Action, Goal, HotItem, Measure, Meeting, Plan


@dataclass(frozen=True)
class PlanCounts:
    plan_title: str | None
    hotspots: int
    goals: int
    measures: int
    open_actions: int
    meetings: int


def plan_counts(workspace: Workspace) -> PlanCounts:
    with workspace.reading() as session:
        title = session.scalars(select(Plan.title)).first()

        def count(statement: object) -> int:
            return int(session.scalar(statement) or 0)  # type: ignore[arg-type]

        return PlanCounts(
            plan_title=title,
            hotspots=count(
                select(func.count()).select_from(HotItem).where(HotItem.kind == HotKind.HOTSPOT)
            ),
            goals=count(select(func.count()).select_from(Goal)),
            measures=count(select(func.count()).select_from(Measure)),
            open_actions=count(
                select(func.count())
                .select_from(Action)
                .where(Action.status.in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]))
            ),
            meetings=count(select(func.count()).select_from(Meeting)),
        )
