"""What the Overzicht shows: counts of what the plan holds, and what needs attention now.

Actions, meetings and the matrix are read from the tables here (not through their screens'
services) so the Overzicht depends on nothing but the schema and the figures. Everything is
read through the Core tables: this is the first screen after start, and importing the ORM and
mapping its classes would cost about a third of the start-up (benchmarks/README.md, "Start").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Row, ScalarSelect, Table, func, select

from app.core.course.timeline import Milestone, late_milestones
from app.core.feedback.received import ReceivedFeedback, current_feedback
from app.core.hotspots.answer_deadlines import LateAnswer, late_analyses, late_deep_analyses
from app.core.hotspots.hotspot_list import list_hotspots
from app.core.matrix.gaps import plan_gaps
from app.core.plan.lookup import existing_plan_id
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.enums import (
    ActionStatus,
    AnalysisState,
    GoalState,
    HotKind,
    InterventionKind,
    MeetingTier,
    TargetGroup,
)
from database.tables import (
    action_table,
    deliberately_empty_cell_table,
    goal_table,
    hot_item_table,
    measure_table,
    meeting_table,
    plan_table,
)

if TYPE_CHECKING:
    from app.analysis.goals import GoalProgress
    from app.core.figures.figures import RateSummary


@dataclass(frozen=True)
class PlanCounts:
    plan_title: str | None
    hotspots: int
    goals: int
    measures: int
    open_actions: int
    meetings: int


def plan_counts(workspace: Workspace) -> PlanCounts:
    """One statement for all counts: it is compiled at every start, before the first paint."""

    def count(table: Table, *conditions: ColumnElement[bool]) -> ScalarSelect[int]:
        return select(func.count()).select_from(table).where(*conditions).scalar_subquery()

    statement = select(
        select(plan_table.c.title).limit(1).scalar_subquery(),
        count(hot_item_table, hot_item_table.c.kind == HotKind.HOTSPOT),
        count(goal_table),
        count(measure_table),
        count(action_table, action_table.c.status.in_(OPEN_STATUSES)),
        count(meeting_table),
    )
    with workspace.connection() as connection:
        title, hotspots, goals, measures, open_actions, meetings = connection.execute(
            statement
        ).one()
    return PlanCounts(
        plan_title=title,
        hotspots=hotspots,
        goals=goals,
        measures=measures,
        open_actions=open_actions,
        meetings=meetings,
    )


# The Overzicht proper: what needs the projectleider's attention this week.

UPCOMING_DAYS = 7
MEETINGS_SHOWN = 4
OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
# The Overzicht lists a few overdue and upcoming actions and counts the rest: reading every
# open action would cost seconds at 100,000 actions, on the GUI thread.
ACTIONS_LISTED = 10


@dataclass(frozen=True)
class ActionItem:
    id: str
    title: str
    owner: str
    due_date: date


@dataclass(frozen=True)
class MeetingItem:
    id: str
    title: str
    tier: MeetingTier
    held_on: date


@dataclass(frozen=True)
class GoalItem:
    id: str
    title: str
    unit: str
    target_value: float
    deadline: date
    current_value: float | None
    state: GoalState


@dataclass(frozen=True)
class HotspotItem:
    id: str
    label: str
    state: AnalysisState | None  # None: no analysis at all


@dataclass(frozen=True)
class MatrixGap:
    target_group: TargetGroup
    intervention: InterventionKind


@dataclass(frozen=True)
class FigureOverview:
    """The parts of the Overzicht computed from the figures (pandas): rate and goal progress."""

    rate: RateSummary | None
    progress: dict[str, GoalProgress]


@dataclass(frozen=True)
class PlanOverview:
    """Everything the Overzicht shows, read at one moment.

    `figures` is None when the overview was read without its figures (see figure_overview).
    """

    today: date
    counts: PlanCounts
    figures: FigureOverview | None
    goals: tuple[GoalItem, ...]
    overdue_actions: tuple[ActionItem, ...]  # the first ACTIONS_LISTED by due date
    upcoming_actions: tuple[ActionItem, ...]
    next_meetings: tuple[MeetingItem, ...]
    matrix_gaps: tuple[MatrixGap, ...]
    waiting_hotspots: tuple[HotspotItem, ...]
    late_analyses: tuple[LateAnswer, ...] = ()  # forms sent, no answer in time
    late_deep_analyses: tuple[LateAnswer, ...] = ()  # DIK requests without an answer in time
    late_milestones: tuple[Milestone, ...] = ()  # milestones of the course past their day
    feedback: ReceivedFeedback | None = None  # the newest feedback from the RSIV
    marked_empty: int = 0  # cells marked bewust leeg: no gaps, counted apart
    overdue_count: int = 0  # all overdue actions, also those not listed
    upcoming_count: int = 0


def figure_overview(workspace: Workspace) -> FigureOverview:
    """Rate and goal progress: this loads pandas, so the window can ask for it after painting."""
    from app.core.figures.figures import load_figures
    from app.core.goals.progress import progress_by_goal

    return FigureOverview(
        rate=load_figures(workspace).rate_summary(), progress=progress_by_goal(workspace)
    )


def plan_overview(
    workspace: Workspace, today: date | None = None, figures: FigureOverview | None = None
) -> PlanOverview:
    """The Overzicht of the workspace's own gemeente (a regional workspace gets counts only).

    Without `figures`, rate and goal states are left out (goals show as unknown).
    """
    today = today or date.today()
    counts = plan_counts(workspace)
    if not workspace.summary.municipality_code:
        return PlanOverview(today, counts, figures, (), (), (), (), (), ())
    progress = figures.progress if figures else {}
    with workspace.connection() as connection:
        plan = existing_plan_id(connection, workspace)
        owner = municipality_id(workspace.summary.municipality_code)
        action = action_table.c
        open_actions = (
            action.plan_id == plan,
            action.status.in_(OPEN_STATUSES),
            action.due_date.is_not(None),
        )
        overdue = (*open_actions, action.due_date < today)
        upcoming = (
            *open_actions,
            action.due_date >= today,
            action.due_date <= today + timedelta(days=UPCOMING_DAYS),
        )
        listed = select(action.id, action.title, action.owner, action.due_date).order_by(
            action.due_date, action.title
        )
        overdue_actions = tuple(
            ActionItem(*row)
            for row in connection.execute(listed.where(*overdue).limit(ACTIONS_LISTED))
        )
        upcoming_actions = tuple(
            ActionItem(*row)
            for row in connection.execute(listed.where(*upcoming).limit(ACTIONS_LISTED))
        )
        overdue_count = connection.execute(
            select(func.count()).select_from(action_table).where(*overdue)
        ).scalar_one()
        upcoming_count = connection.execute(
            select(func.count()).select_from(action_table).where(*upcoming)
        ).scalar_one()
        meeting = meeting_table.c
        meeting_items = tuple(
            MeetingItem(*row)
            for row in connection.execute(
                select(meeting.id, meeting.title, meeting.tier, meeting.held_on)
                .where(meeting.municipality_id == owner, meeting.held_on >= today)
                .order_by(meeting.held_on)
                .limit(MEETINGS_SHOWN)
            )
        )
        measure = measure_table.c
        placed = tuple(
            connection.execute(
                select(measure.target_group, measure.intervention, measure.status).where(
                    measure.plan_id == plan
                )
            )
        )
        marked_empty = tuple(
            connection.execute(
                select(
                    deliberately_empty_cell_table.c.target_group,
                    deliberately_empty_cell_table.c.intervention,
                ).where(deliberately_empty_cell_table.c.plan_id == plan)
            )
        )
        goal = goal_table.c
        goal_items = tuple(
            _goal_item(row, progress.get(row.id))
            for row in connection.execute(
                select(goal.id, goal.title, goal.unit, goal.target_value, goal.deadline)
                .where(goal.plan_id == plan)
                .order_by(goal.deadline, goal.title)
            )
        )
        late = late_analyses(connection, plan, today)
        late_deep = late_deep_analyses(connection, plan, today)
    return PlanOverview(
        today=today,
        counts=counts,
        figures=figures,
        goals=goal_items,
        overdue_actions=overdue_actions,
        upcoming_actions=upcoming_actions,
        overdue_count=overdue_count,
        upcoming_count=upcoming_count,
        next_meetings=meeting_items,
        matrix_gaps=tuple(
            MatrixGap(g, k) for g, k in plan_gaps(placed, {(g, k) for g, k in marked_empty})
        ),
        waiting_hotspots=tuple(
            HotspotItem(row.id, row.label, row.analysis_state)
            for row in list_hotspots(workspace)
            if row.waits_for_analysis
        ),
        late_analyses=late,
        late_deep_analyses=late_deep,
        late_milestones=late_milestones(workspace, today),
        feedback=current_feedback(workspace),
        marked_empty=len(marked_empty),
    )


def _goal_item(goal: Row, progress: GoalProgress | None) -> GoalItem:
    return GoalItem(
        id=goal.id,
        title=goal.title,
        unit=goal.unit,
        target_value=goal.target_value,
        deadline=goal.deadline,
        current_value=progress.current_value if progress else None,
        state=progress.state if progress else GoalState.UNKNOWN,
    )
