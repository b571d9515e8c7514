"""The bijdragers the RSIV has merged: gemeenten outside the region that share good practices.

Shown apart from the region's table (docs/bijdragers.md): their measures go into the list of
good practices only, never into the figures, goals or gaps of the participating gemeenten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.core.packages.history import current_packages
from app.core.region.members import region_members
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.models import Measure


@dataclass(frozen=True)
class Contributor:
    cbs_code: str
    name: str
    package_date: date | None  # the day the bijdrager made its current package
    measures: int


def contributors(workspace: Workspace) -> tuple[Contributor, ...]:
    """Every gemeente outside the region with a merged package, by name."""
    members = {member.cbs_code for member in region_members(workspace)}
    outside = [entry for code, entry in current_packages(workspace).items() if code not in members]
    with workspace.reading() as session:
        counts = dict(
            session.execute(
                select(Measure.municipality_id, func.count()).group_by(Measure.municipality_id)
            ).all()
        )
    rows = [
        Contributor(
            entry.municipality_code,
            entry.municipality_name,
            date.fromisoformat(entry.exported_at[:10]) if entry.exported_at else None,
            int(counts.get(municipality_id(entry.municipality_code), 0)),
        )
        for entry in outside
    ]
    return tuple(sorted(rows, key=lambda row: row.name))
