"""The areas of the navigation, in the order a projectleider works through a plan.

An area without a screen yet shows an empty state that says so; later work adds a factory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.ui.context import ScreenContext

ScreenFactory = Callable[[ScreenContext], QWidget]


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    empty_text: str
    factory: ScreenFactory | None = None


def _overview(context: ScreenContext) -> QWidget:
    """A gemeente's Overzicht; in the RSIV workspace the regional overview of all gemeenten."""
    from database.enums import WorkspaceRole

    if context.workspace.summary.role is WorkspaceRole.REGION:
        from app.ui.region_page import RegionPage

        return RegionPage(context)
    from app.ui.overview_page import OverviewPage

    return OverviewPage(context)


def _matrix(context: ScreenContext) -> QWidget:
    from app.ui.gemeente_only import for_gemeente
    from app.ui.matrix_page import MatrixPage

    return for_gemeente(context, "3D-matrix", MatrixPage)


def _actions(context: ScreenContext) -> QWidget:
    from app.ui.action_list_page import ActionListPage
    from app.ui.gemeente_only import for_gemeente

    return for_gemeente(context, "Actielijst", ActionListPage)


def _meetings(context: ScreenContext) -> QWidget:
    from app.ui.gemeente_only import for_gemeente
    from app.ui.meetings_page import MeetingsPage

    return for_gemeente(context, "Overleggen", MeetingsPage)


def _problem(context: ScreenContext) -> QWidget:
    from app.ui.plan_screens import problem_screen

    return problem_screen(context)


def _hotspots(context: ScreenContext) -> QWidget:
    from app.ui.plan_screens import hotspots_screen

    return hotspots_screen(context)


def _goals(context: ScreenContext) -> QWidget:
    from app.ui.plan_screens import goals_screen

    return goals_screen(context)


def _organisation(context: ScreenContext) -> QWidget:
    from app.ui.plan_screens import organisation_screen

    return organisation_screen(context)


def _figures(context: ScreenContext) -> QWidget:
    from app.ui.figures_page import FiguresPage

    return FiguresPage(context)


def _timeline(context: ScreenContext) -> QWidget:
    from app.ui.timeline_page import TimelinePage

    return TimelinePage(context)


def _revisions(context: ScreenContext) -> QWidget:
    from app.ui.revisions_page import RevisionsPage

    return RevisionsPage(context)


def _evaluation(context: ScreenContext) -> QWidget:
    """A gemeente's evaluation; in the RSIV workspace all evaluations side by side."""
    from database.enums import WorkspaceRole

    if context.workspace.summary.role is WorkspaceRole.REGION:
        from app.ui.regional_evaluation_page import RegionalEvaluationPage

        return RegionalEvaluationPage(context)
    from app.ui.evaluation_page import EvaluationPage

    return EvaluationPage(context)


AREAS: tuple[Area, ...] = (
    Area("overview", "Overzicht", "", _overview),
    Area(
        "problem",
        "Probleembeschrijving",
        "Hier komt de probleembeschrijving langs de zeven hots: hotspots, hotshots, "
        "hotgroups, hotvictims, hottimes, hottargets en hotfacilities. Dit scherm is nog "
        "niet beschikbaar in deze versie.",
        _problem,
    ),
    Area(
        "hotspots",
        "Hotspots",
        "Hier komen de hotspots met de probleemanalyse van de wijkagent en de stand van "
        "een verdiepende analyse (DIK). Dit scherm is nog niet beschikbaar in deze versie.",
        _hotspots,
    ),
    Area(
        "goals",
        "Doelstellingen",
        "Hier komen de SMART-doelstellingen met nulmeting, streefwaarde, termijn en "
        "eigenaar. Dit scherm is nog niet beschikbaar in deze versie.",
        _goals,
    ),
    Area(
        "matrix",
        "3D-matrix",
        "Hier komt de 3D-matrix: maatregelen per doelgroep (dader, slachtoffer/woning, "
        "omgeving) en aard (preventief, repressief, bestuurlijk, nazorg). Dit scherm is nog "
        "niet beschikbaar in deze versie.",
        _matrix,
    ),
    Area(
        "actions",
        "Actielijst",
        "Hier komt de actielijst met eigenaar, termijn en status van elke actie. Dit scherm "
        "is nog niet beschikbaar in deze versie.",
        _actions,
    ),
    Area(
        "meetings",
        "Overleggen",
        "Hier komen de strategische, tactische (werkgroep) en operationele overleggen met "
        "hun besluiten. Dit scherm is nog niet beschikbaar in deze versie.",
        _meetings,
    ),
    Area(
        "organisation",
        "Organisatie",
        "Hier komen de partners met hun rol en contactpersoon. Dit scherm is nog niet "
        "beschikbaar in deze versie.",
        _organisation,
    ),
    Area(
        "figures",
        "Cijfers",
        "Hier komen de inbraakcijfers, het inbraakrisico per 1.000 woningen en de grafieken. "
        "Dit scherm is nog niet beschikbaar in deze versie.",
        _figures,
    ),
    Area("timeline", "Tijdlijn", "", _timeline),
    Area("revisions", "Planversies", "", _revisions),
    Area(
        "evaluation",
        "Evaluatie",
        "Hier komt de evaluatie na twaalf maanden: resultaten, maatregelen en de B3W-checklist.",
        _evaluation,
    ),
)
