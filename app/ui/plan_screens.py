"""Factories for the plan screens a projectleider edits: probleembeschrijving, hotspots,
doelstellingen and organisatie.

The RSIV's regional workspace holds no plan of its own, so there these areas explain that
instead of offering forms that could not be saved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.context import ScreenContext
from app.ui.empty_state import EmptyStatePage


def _regional(context: ScreenContext, title: str) -> QWidget | None:
    if context.workspace.summary.municipality_code:
        return None
    return EmptyStatePage(
        title,
        QCoreApplication.translate(
            "plan_screens",
            "Dit is de regionale werkruimte van het RSIV; daarin staat geen eigen plan van "
            "aanpak. Open de werkruimte van een gemeente om dit deel van het plan te bewerken.",
        ),
    )


def problem_screen(context: ScreenContext) -> QWidget:
    from app.ui.problem_page import ProblemPage

    return _regional(context, "Probleembeschrijving") or ProblemPage(context)


def hotspots_screen(context: ScreenContext) -> QWidget:
    from app.ui.hotspots_page import HotspotsPage

    return _regional(context, "Hotspots") or HotspotsPage(context)


def goals_screen(context: ScreenContext) -> QWidget:
    from app.ui.goals_page import GoalsPage

    return _regional(context, "Doelstellingen") or GoalsPage(context)


def organisation_screen(context: ScreenContext) -> QWidget:
    from app.ui.organisation_page import OrganisationPage

    return _regional(context, "Organisatie") or OrganisationPage(context)
