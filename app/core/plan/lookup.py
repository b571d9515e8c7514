"""Finding the gemeente's plan while only reading: a missing plan is an empty plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.tables import plan_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def existing_plan_id(reader: Connection | Session, workspace: Workspace) -> str | None:
    """The id of the gemeente's plan, or None (no plan yet, or a regional workspace)."""
    code = workspace.summary.municipality_code
    if not code:
        return None
    owner = municipality_id(code)
    plan = plan_table.c
    return reader.scalars(select(plan.id).where(plan.municipality_id == owner)).first()
