"""The gemeente's one plan van aanpak: every measure, action, goal and hot item belongs to it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.plan.lookup import existing_plan_id
from app.kernel.errors import UserError
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.models import Plan


class NoMunicipalityError(UserError):
    """The workspace is the RSIV's regional one: it has no plan of its own to edit."""


def own_municipality_id(workspace: Workspace) -> str:
    code = workspace.summary.municipality_code
    if not code:
        raise NoMunicipalityError(
            "Deze werkruimte is de regionale werkruimte van het RSIV; daarin staat geen eigen "
            "plan van aanpak. Open de werkruimte van een gemeente om het plan te bewerken."
        )
    return municipality_id(code)


def plan_id(session: Session, workspace: Workspace) -> str:
    """The id of the gemeente's plan, created (with a default title) on first use."""
    owner = own_municipality_id(workspace)
    found = existing_plan_id(session, workspace)
    if found:
        return found
    name = workspace.summary.municipality_name or ""
    plan = Plan(municipality_id=owner, title=f"Plan van aanpak woninginbraken {name}".strip())
    session.add(plan)
    session.flush()
    return plan.id
