"""A gemeente workspace reads the RSIV's return package and shows the newest one.

Only the rsiv_feedback table is written: the plan's records are never touched. Every check
happens before the one insert, so a refused file leaves the workspace file as it was.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from app.core.errors import UserError
from app.core.feedback import werkgroep_of
from app.core.feedback_received import ReceivedFeedback, current_feedback
from app.core.moments import dutch_moment
from app.core.workspace import Workspace
from app.exchange.feedback_reader import read_feedback
from database.enums import WorkspaceRole
from database.models import RsivFeedback


def import_feedback(workspace: Workspace, path: Path) -> ReceivedFeedback:
    """Read `path` into this gemeente workspace; a refusal raises UserError and changes nothing."""
    summary = workspace.summary
    if summary.role is not WorkspaceRole.MUNICIPALITY:
        raise UserError(
            "Een terugkoppeling van het RSIV is voor een gemeente: lees het in de werkruimte "
            "van die gemeente in."
        )
    read = read_feedback(Path(path))
    metadata = read.metadata
    if metadata.municipality_code != summary.municipality_code:
        raise UserError(
            f"Deze terugkoppeling is voor {metadata.municipality_name} "
            f"({metadata.municipality_code}); deze werkruimte is van "
            f"{summary.municipality_name} ({summary.municipality_code}). Er is niets ingelezen. "
            f"Kies de terugkoppeling voor {summary.municipality_name}."
        )
    exported_at = _moment(metadata.exported_at)
    suggestions = [
        {"werkgroep_on": str(row[1]), "text": str(row[2])}
        for row in read.records["werkgroep_suggestion"]
    ]
    figures = [
        {"code": row[0], "label": row[1], "value": row[2], "unit": row[3] or ""}
        for row in read.records["feedback_figure"]
    ]
    with workspace.reading() as session:
        earlier = session.get(RsivFeedback, metadata.export_id)
        if earlier is not None:
            raise UserError(
                f"Deze terugkoppeling is al ingelezen op "
                f"{dutch_moment(earlier.received_at)}; er is niets "
                "veranderd."
            )
    with workspace.transaction() as session:
        session.add(
            RsivFeedback(
                export_id=metadata.export_id,
                municipality_code=metadata.municipality_code,
                rsiv_workspace_id=metadata.workspace_id,
                exported_at=exported_at,
                received_at=datetime.now(UTC),
                werkgroep_on=werkgroep_of(
                    [date.fromisoformat(item["werkgroep_on"]) for item in suggestions],
                    exported_at.date(),
                ),
                suggestions=json.dumps(suggestions, ensure_ascii=False),
                figures=json.dumps(figures, ensure_ascii=False),
                file_name=Path(path).name[:260],
            )
        )
    shown = current_feedback(workspace)
    assert shown is not None
    return shown


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as problem:
        raise UserError(
            f"De exportdatum '{text}' van de terugkoppeling is ongeldig. Vraag het RSIV om het "
            "bestand opnieuw te sturen."
        ) from problem
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
