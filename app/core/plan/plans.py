"""The gemeente's one plan van aanpak: every measure, action, goal and hot item belongs to it."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from app.core.plan.lookup import existing_plan_id
from app.core.records import insert_record
from app.kernel.errors import UserError
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.models import Plan
from database.models.base import Exchanged


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


def add_plan_record(
    workspace: Workspace,
    model: type[Exchanged],
    columns: Mapping[str, object],
    record_id: str | None,
) -> str:
    """Store a new record of the gemeente's plan (made on first use) and return its id;
    `record_id` lets redo bring back the same record."""
    with workspace.transaction() as session:
        record = model(
            plan_id=plan_id(session, workspace),
            municipality_id=own_municipality_id(workspace),
            **columns,
        )
        return insert_record(session, record, record_id)
