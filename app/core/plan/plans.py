"""The gemeente's one plan van aanpak: every measure, action, goal and hot item belongs to it."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.plan.lookup import existing_plan_id
from app.core.records import insert_record
from app.kernel.errors import UserError
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.enums import WorkspaceRole
from database.models import Municipality, Plan
from database.models.base import Exchanged

# The RSIV chairs the werkgroep, so its regional workspace keeps meetings and actions of its
# own. They belong to this owner, never to a gemeente: a merge replaces a gemeente's records
# only, and the RSIV's own records never travel in a package.
REGION_OWNER_CODE = "RSIV"
REGION_OWNER_NAME = "RSIV (werkgroep woninginbraken)"
REGION_PLAN_TITLE = "Werkgroep woninginbraken (RSIV)"


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


def meeting_owner_id(workspace: Workspace) -> str:
    """Whose meetings and actions the workspace keeps: the gemeente's, or in the RSIV's
    regional workspace the RSIV's own (the werkgroep it chairs)."""
    if workspace.summary.role is WorkspaceRole.REGION:
        return municipality_id(REGION_OWNER_CODE)
    return own_municipality_id(workspace)


def meeting_owner_for_writing(session: Session, workspace: Workspace) -> str:
    """`meeting_owner_id`, its row made on the RSIV's first own meeting or action."""
    owner = meeting_owner_id(workspace)
    if workspace.summary.role is WorkspaceRole.REGION and session.get(Municipality, owner) is None:
        session.add(
            Municipality(
                id=owner,
                cbs_code=REGION_OWNER_CODE,
                name=REGION_OWNER_NAME,
                police_team=None,
                is_participant=False,
            )
        )
        session.flush()
    return owner


def action_plan_id(session: Session, workspace: Workspace) -> str:
    """The plan an action belongs to: the gemeente's, or the RSIV's werkgroep plan, made on
    its first action (an action always has a plan)."""
    if workspace.summary.role is not WorkspaceRole.REGION:
        return plan_id(session, workspace)
    owner = meeting_owner_for_writing(session, workspace)
    found = session.scalar(select(Plan.id).where(Plan.municipality_id == owner))
    if found:
        return found
    plan = Plan(municipality_id=owner, title=REGION_PLAN_TITLE)
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
