"""The areas of the navigation, in the order a projectleider works through a plan.

The RSIV's regional workspace holds no plan of its own: there the navigation leaves out the
areas that edit one (marked gemeente_only) instead of showing screens that could not be saved.
It does hold the werkgroep's own meetings and actions (app.core.plan.plans.meeting_owner_id).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.ui.window.context import ScreenContext
from database.enums import WorkspaceRole

ScreenFactory = Callable[[ScreenContext], QWidget]


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    factory: ScreenFactory
    gemeente_only: bool = False

    def available_in(self, role: WorkspaceRole) -> bool:
        return not (self.gemeente_only and role is WorkspaceRole.REGION)


def _overview(context: ScreenContext) -> QWidget:
    """A gemeente's Overzicht; in the RSIV workspace the regional overview of all gemeenten."""
    if context.workspace.summary.role is WorkspaceRole.REGION:
        from app.ui.region.region_page import RegionPage

        return RegionPage(context)
    from app.ui.overview.overview_page import OverviewPage

    return OverviewPage(context)


def _plan(context: ScreenContext) -> QWidget:
    from app.ui.plan.plan_page import PlanPage

    return PlanPage(context)


def _matrix(context: ScreenContext) -> QWidget:
    from app.ui.matrix.matrix_page import MatrixPage

    return MatrixPage(context)


def _actions(context: ScreenContext) -> QWidget:
    from app.ui.actions.action_list_page import ActionListPage

    return ActionListPage(context)


def _meetings(context: ScreenContext) -> QWidget:
    from app.ui.meetings.meetings_page import MeetingsPage

    return MeetingsPage(context)


def _progress(context: ScreenContext) -> QWidget:
    from app.ui.progress.progress_page import ProgressPage

    return ProgressPage(context)


def _problem(context: ScreenContext) -> QWidget:
    from app.ui.plan.problem_page import ProblemPage

    return ProblemPage(context)


def _hotspots(context: ScreenContext) -> QWidget:
    from app.ui.hotspots.hotspots_page import HotspotsPage

    return HotspotsPage(context)


def _goals(context: ScreenContext) -> QWidget:
    from app.ui.goals.goals_page import GoalsPage

    return GoalsPage(context)


def _organisation(context: ScreenContext) -> QWidget:
    from app.ui.plan.organisation_page import OrganisationPage

    return OrganisationPage(context)


def _figures(context: ScreenContext) -> QWidget:
    from app.ui.figures.figures_page import FiguresPage

    return FiguresPage(context)


def _timeline(context: ScreenContext) -> QWidget:
    from app.ui.course.timeline_page import TimelinePage

    return TimelinePage(context)


def _revisions(context: ScreenContext) -> QWidget:
    from app.ui.course.revisions_page import RevisionsPage

    return RevisionsPage(context)


def _evaluation(context: ScreenContext) -> QWidget:
    """A gemeente's evaluation; in the RSIV workspace all evaluations side by side."""
    if context.workspace.summary.role is WorkspaceRole.REGION:
        from app.ui.region.evaluation_page import RegionalEvaluationPage

        return RegionalEvaluationPage(context)
    from app.ui.course.evaluation_page import EvaluationPage

    return EvaluationPage(context)


AREAS: tuple[Area, ...] = (
    Area("overview", "Overzicht", _overview),
    Area("plan", "Plan", _plan, gemeente_only=True),
    Area("problem", "Probleembeschrijving", _problem, gemeente_only=True),
    Area("hotspots", "Hotspots", _hotspots, gemeente_only=True),
    Area("goals", "Doelstellingen", _goals, gemeente_only=True),
    Area("matrix", "3D-matrix", _matrix, gemeente_only=True),
    # The RSIV chairs the werkgroep: its workspace keeps its own meetings and actions.
    Area("actions", "Actielijst", _actions),
    Area("meetings", "Overleggen", _meetings),
    Area("progress", "Voortgang", _progress, gemeente_only=True),
    Area("organisation", "Organisatie", _organisation, gemeente_only=True),
    Area("figures", "Cijfers", _figures),
    Area("timeline", "Tijdlijn", _timeline),
    Area("revisions", "Planversies", _revisions),
    Area("evaluation", "Evaluatie", _evaluation),
)
