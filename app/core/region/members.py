"""The gemeenten of the RSIV's region, as the coordinator chose them.

Kept in the workspace's municipality table (`is_participant`), so a region outside eenheid
Den Haag works the same way: the default is the ten of the memo, and a gemeente outside the
reference list is added with its CBS code and name.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select, update

from app.kernel.errors import UserError
from app.kernel.reference import MunicipalityRef, municipalities
from app.kernel.workspace import Workspace, any_municipality
from database.enums import WorkspaceRole
from database.tables import municipality_table

_TOWN = municipality_table.c


def region_members(workspace: Workspace) -> tuple[MunicipalityRef, ...]:
    """The region's gemeenten: those of the reference list in its order (the memo's), then
    the others by name."""
    with workspace.connection() as connection:
        rows = connection.execute(
            select(_TOWN.cbs_code, _TOWN.name, _TOWN.police_team).where(
                _TOWN.is_participant.is_(True)
            )
        ).all()
    order = {ref.cbs_code: index for index, ref in enumerate(municipalities())}
    rows = sorted(rows, key=lambda row: (order.get(row[0], len(order)), row[1]))
    return tuple(MunicipalityRef(code, name, team, True) for code, name, team in rows)


def find_member(workspace: Workspace, cbs_code: str) -> MunicipalityRef | None:
    """A gemeente the workspace knows (in the region or not), or None."""
    with workspace.connection() as connection:
        row = connection.execute(
            select(_TOWN.cbs_code, _TOWN.name, _TOWN.police_team, _TOWN.is_participant).where(
                _TOWN.cbs_code == cbs_code.strip().upper()
            )
        ).one_or_none()
    return None if row is None else MunicipalityRef(*row)


def set_region(
    workspace: Workspace, members: Sequence[tuple[str, str | None]]
) -> tuple[MunicipalityRef, ...]:
    """Make `members` ((code, name or None) each) the region; known gemeenten keep their name."""
    if workspace.summary.role is not WorkspaceRole.REGION:
        raise UserError(
            "Alleen het RSIV kiest de gemeenten van de regio; dit is de werkruimte van een "
            "gemeente."
        )
    if not members:
        raise UserError("Een regio heeft minstens één gemeente. Geef de CBS-codes op.")
    chosen = []
    for code, name in members:
        known = find_member(workspace, code)
        chosen.append(known if known is not None else any_municipality(code, name))
    with workspace.transaction() as session:
        session.execute(update(municipality_table).values(is_participant=False))
        for member in chosen:
            if find_member(workspace, member.cbs_code) is None:
                session.execute(
                    insert(municipality_table).values(
                        id=member.id,
                        cbs_code=member.cbs_code,
                        name=member.name,
                        police_team=member.police_team,
                        is_participant=True,
                    )
                )
            else:
                session.execute(
                    update(municipality_table)
                    .where(_TOWN.cbs_code == member.cbs_code)
                    .values(is_participant=True)
                )
    return region_members(workspace)
