"""A gemeente workspace reads the RSIV's return package and shows the newest one.

Only the rsiv_feedback table is written: the plan's records are never touched. Every check
happens before the one insert, so a refused file leaves the workspace file as it was.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from app.core.feedback.received import ReceivedFeedback, current_feedback
from app.core.feedback.suggestions import werkgroep_of
from app.exchange.feedback_reader import read_feedback
from app.exchange.privacy import PrivacyFinding, refuse_blocking, scan_feedback
from app.kernel.errors import UserError
from app.kernel.moments import dutch_moment
from app.kernel.workspace import Workspace
from database.enums import WorkspaceRole
from database.models import RsivFeedback


class FeedbackFindingsError(UserError):
    """The privacy scan found something; nothing is read in until the user accepts it."""

    def __init__(self, name: str, findings: list[PrivacyFinding]) -> None:
        super().__init__(
            f"De privacycontrole vond mogelijk privégegevens in {name}; er is niets ingelezen. "
            "Controleer elke plaats en lees de terugkoppeling opnieuw in met --accept-findings "
            "als die zo in de werkruimte mag:\n"
            + "\n".join(finding.sentence for finding in findings)
        )
        self.findings = findings


def import_feedback(
    workspace: Workspace, path: Path, *, accept_findings: bool = False
) -> ReceivedFeedback:
    """Read `path` into this gemeente workspace; a refusal raises UserError and changes nothing.

    A BSN refuses the file; other privacy findings raise FeedbackFindingsError unless the user
    accepted them (`accept_findings`).
    """
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
    findings = scan_feedback(read.records)
    refuse_blocking(findings, f"De terugkoppeling {Path(path).name} is niet ingelezen")
    if findings and not accept_findings:
        raise FeedbackFindingsError(Path(path).name, findings)
    exported_at = _moment(metadata.exported_at)
    suggestions = [
        {"werkgroep_on": str(row[1]), "text": str(row[2])}
        for row in read.records["werkgroep_suggestion"]
    ]
    figures = [
        {"code": row[0], "label": row[1], "value": row[2], "unit": row[3] or ""}
        for row in read.records["feedback_figure"]
    ]
    practices = [
        {
            "title": str(row[0]),
            "target_group": str(row[1]),
            "intervention": str(row[2]),
            "gemeenten": str(row[3] or ""),
            "why": str(row[4] or ""),
            "description": str(row[5] or ""),
        }
        for row in read.records["good_practice"]
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
                practices=json.dumps(practices, ensure_ascii=False),
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
