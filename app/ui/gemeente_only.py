"""Screens that edit a gemeente's own plan; the RSIV's regional workspace has none."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.context import ScreenContext
from app.ui.empty_state import EmptyStatePage
from database.enums import WorkspaceRole


def for_gemeente(
    context: ScreenContext, title: str, build: Callable[[ScreenContext], QWidget]
) -> QWidget:
    """The screen, or a page that explains why a regional workspace has no such screen."""
    if context.workspace.summary.role is not WorkspaceRole.REGION:
        return build(context)
    return EmptyStatePage(
        QCoreApplication.translate("Areas", title),
        QCoreApplication.translate(
            "Areas",
            "Deze werkruimte is de regionale werkruimte van het RSIV; daarin staat geen eigen "
            "plan van aanpak. Open de werkruimte van een gemeente om dit scherm te gebruiken.",
        ),
    )
