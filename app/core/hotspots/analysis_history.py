"""Every version of a hotspot's analysis, and the measures each proposes.

A proposed measure is placed in the 3D matrix with one click: it becomes a planned measure
aimed at the hotspot, and remembers which measure it became.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.hotspots.hotspots import AnalysisDraft, draft_of
from app.core.matrix.measures import MeasureInput, add_measure, delete_measure
from app.core.records import existing
from app.exchange.form_layout import ProposedRow
from app.kernel.workspace import Workspace
from database.models import HotspotAnalysis, ProposedMeasure


@dataclass(frozen=True)
class ProposedItem:
    id: str
    row: ProposedRow
    measure_id: str | None  # set once placed in the 3D matrix


@dataclass(frozen=True)
class AnalysisVersion:
    version: int
    draft: AnalysisDraft
    measures: tuple[ProposedItem, ...]


def proposed_items(session: Session, analysis: HotspotAnalysis | None) -> tuple[ProposedItem, ...]:
    if analysis is None:
        return ()
    rows = session.scalars(
        select(ProposedMeasure)
        .where(ProposedMeasure.analysis_id == analysis.id)
        .order_by(ProposedMeasure.position)
    )
    return tuple(
        ProposedItem(
            row.id,
            ProposedRow(row.title, row.target_group, row.intervention, row.partner),
            row.measure_id,
        )
        for row in rows
    )


def analysis_versions(workspace: Workspace, hotspot_id: str) -> tuple[AnalysisVersion, ...]:
    """All versions, newest first."""
    with workspace.reading() as session:
        analyses = session.scalars(
            select(HotspotAnalysis)
            .where(HotspotAnalysis.hot_item_id == hotspot_id)
            .order_by(HotspotAnalysis.version.desc())
        ).all()
        return tuple(
            AnalysisVersion(a.version, draft_of(a), proposed_items(session, a)) for a in analyses
        )


def place_proposed_measure(
    workspace: Workspace, proposed_id: str, measure_id: str | None = None
) -> str:
    """Add the proposed measure to the plan (status gepland, aimed at its hotspot).

    Returns the new measure's id; `measure_id` lets redo recreate the same record.
    """
    with workspace.reading() as session:
        proposed = existing(session, ProposedMeasure, proposed_id)
        analysis = existing(session, HotspotAnalysis, proposed.analysis_id)
        author = f" door {analysis.author_name}" if analysis.author_name else ""
        data = MeasureInput(
            title=proposed.title,
            target_group=proposed.target_group,
            intervention=proposed.intervention,
            description=(
                f"Voorgesteld in de probleemanalyse (versie {analysis.version}){author}."
                + (f" Uitvoering: {proposed.partner}." if proposed.partner else "")
            ),
            hot_item_ids=(analysis.hot_item_id,),
        )
    placed = add_measure(workspace, data, measure_id)
    with workspace.transaction() as session:
        existing(session, ProposedMeasure, proposed_id).measure_id = placed
    return placed


def unplace_proposed_measure(workspace: Workspace, proposed_id: str) -> None:
    """Undo of placing: the measure goes; the proposal stays, unplaced."""
    with workspace.reading() as session:
        measure_id = existing(session, ProposedMeasure, proposed_id).measure_id
    if measure_id:
        delete_measure(workspace, measure_id)
