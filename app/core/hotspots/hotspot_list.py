"""The hotspots of the plan as the list shows them: where each is and how far its analyses are.

Read through the Core tables (no mapped classes), so the Overzicht can show the hotspots that
wait for an analysis right at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Row, Select, select

from app.core.plan.lookup import existing_plan_id
from app.kernel.errors import RecordGoneError
from app.kernel.workspace import Workspace
from database.enums import AnalysisState, DeepAnalysisState, HotKind
from database.tables import deep_analysis_request_table, hot_item_table, hotspot_analysis_table


@dataclass(frozen=True)
class HotspotRow:
    """A hotspot in the list: where it is and how far its analyses are."""

    id: str
    label: str
    neighbourhood_code: str
    neighbourhood_name: str
    analysis_state: AnalysisState | None
    analysis_version: int
    deep_state: DeepAnalysisState | None

    @property
    def waits_for_analysis(self) -> bool:
        """No analysis yet, or one that was asked for but not processed."""
        return self.analysis_state in (
            None,
            AnalysisState.NOT_REQUESTED,
            AnalysisState.SENT,
            AnalysisState.RECEIVED,
        )


def list_hotspots(workspace: Workspace) -> list[HotspotRow]:
    with workspace.connection() as connection:
        plan = existing_plan_id(connection, workspace)
        statement = _rows(
            hot_item_table.c.plan_id == plan, hot_item_table.c.kind == HotKind.HOTSPOT
        ).order_by(hot_item_table.c.position, hot_item_table.c.label)
        return [_row(values) for values in connection.execute(statement)]


def get_hotspot(workspace: Workspace, hotspot_id: str) -> HotspotRow:
    with workspace.connection() as connection:
        found = connection.execute(_rows(hot_item_table.c.id == hotspot_id)).first()
    if found is None:
        raise RecordGoneError.about("De hotspot")  # read through Core: no ORM class to name
    return _row(found)


def _rows(*conditions: ColumnElement[bool]) -> Select:
    """One row per hot item with its current analysis (the highest version) and DIK request
    (the latest asked for)."""
    item = hot_item_table.c
    analysis = hotspot_analysis_table
    request = deep_analysis_request_table
    newest_analysis = (
        select(analysis.c.version)
        .where(analysis.c.hot_item_id == item.id)
        .order_by(analysis.c.version.desc())
        .limit(1)
    )
    newest_request = (
        select(request.c.state)
        .where(request.c.hot_item_id == item.id)
        .order_by(request.c.requested_on.desc(), request.c.created_at.desc())
        .limit(1)
    )
    return select(
        item.id,
        item.label,
        item.neighbourhood_code,
        item.neighbourhood_name,
        newest_analysis.with_only_columns(analysis.c.state).scalar_subquery(),
        newest_analysis.scalar_subquery(),
        newest_request.scalar_subquery(),
    ).where(*conditions)


def _row(values: Row) -> HotspotRow:
    id_, label, code, name, state, version, deep_state = values
    return HotspotRow(
        id=id_,
        label=label,
        neighbourhood_code=code or "",
        neighbourhood_name=name or "",
        analysis_state=state,
        analysis_version=version or 0,
        deep_state=deep_state,
    )
