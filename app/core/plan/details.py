"""The plan's own fields: title, projectleider, lokale start, the driehoek's assignment,
organisation, communication and budget.

Filling in the day of the driehoek's commitment ends the Tijdlijn's "Opdracht driehoek - te
laat" (app.core.course.timeline reads the same column).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from app.core.plan.lookup import existing_plan_id
from app.core.plan.plans import plan_id
from app.core.validation import limited_text, required_text
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.models import Plan

FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass(frozen=True)
class PlanDetails:
    """The fields of the plan van aanpak itself, as the user enters them."""

    title: str
    project_lead: str = ""
    local_start: date | None = None
    triangle_commitment: date | None = None
    triangle_assignment: str = ""
    organisation: str = ""
    communication: str = ""
    budget: str = ""


FIELDS = tuple(field.name for field in fields(PlanDetails))


def checked_plan_details(details: PlanDetails) -> PlanDetails:
    """The details as they will be stored, or FieldError naming the field that is wrong."""
    for field, day in (
        ("local_start", details.local_start),
        ("triangle_commitment", details.triangle_commitment),
    ):
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise FieldError(
                field,
                f"De datum {day:%d-%m-%Y} ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}; vul de "
                "juiste datum in of maak het veld leeg met Ctrl+Delete.",
            )
    return replace(
        details,
        title=required_text("title", details.title, "een titel voor het plan", 200),
        project_lead=limited_text("project_lead", details.project_lead, 200),
        triangle_assignment=limited_text("triangle_assignment", details.triangle_assignment),
        organisation=limited_text("organisation", details.organisation),
        communication=limited_text("communication", details.communication),
        budget=limited_text("budget", details.budget),
    )


def load_plan_details(workspace: Workspace) -> PlanDetails:
    """The plan's fields; a plan not yet stored shows the title it will get."""
    with workspace.reading() as session:
        found = existing_plan_id(session, workspace)
        if found is None:
            name = workspace.summary.municipality_name or ""
            return PlanDetails(title=f"Plan van aanpak woninginbraken {name}".strip())
        plan = session.get_one(Plan, found)
        return PlanDetails(**{field: getattr(plan, field) for field in FIELDS})


def save_plan_details(workspace: Workspace, details: PlanDetails) -> None:
    checked = checked_plan_details(details)
    with workspace.transaction() as session:
        plan = session.get_one(Plan, plan_id(session, workspace))
        for field in FIELDS:
            setattr(plan, field, getattr(checked, field))
