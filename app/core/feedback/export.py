"""The RSIV writes a return package for one gemeente, or for every participant into a folder.

The file appears only when complete (written beside its destination, then renamed); writing
it changes nothing in the RSIV workspace.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from app import __version__
from app.core.feedback.figures import comparison_figures
from app.core.feedback.suggestions import require_rsiv, suggestion_rows, werkgroep_of
from app.core.meetings.meetings import werkgroep_dates
from app.core.packages.export import checked_destination
from app.core.region.members import find_member, region_members
from app.core.region.overview import RegionalOverview, regional_overview
from app.core.region.practices import BestPractice, best_practices
from app.exchange.feedback_schema import FEEDBACK_CURRENT
from app.exchange.feedback_writer import write_feedback
from app.exchange.formats import FEEDBACK_FORMAT_ID
from app.exchange.metadata import FeedbackMetadata, Record, content_hash
from app.exchange.privacy import PrivacyFinding, refuse_blocking, scan_feedback
from app.kernel.errors import UserError
from app.kernel.files import written_file
from app.kernel.workspace import Workspace
from database.models import WorkspaceInfo


@dataclass(frozen=True)
class FeedbackExport:
    path: Path
    municipality_code: str
    municipality_name: str
    export_id: str
    suggestions: int
    findings: tuple[PrivacyFinding, ...] = ()  # shown to the RSIV; a BSN refuses the export


def export_feedback(
    workspace: Workspace,
    cbs_code: str,
    path: Path,
    *,
    overview: RegionalOverview | None = None,
    practices: list[Record] | None = None,
) -> FeedbackExport:
    """Write the return package of gemeente `cbs_code` to `path` (.xlsx); `practices`: the
    good-practice list when already made for another gemeente's package."""
    require_rsiv(workspace)
    path = checked_destination(path, "Een terugkoppeling")
    reference = find_member(workspace, cbs_code)
    if reference is None or not reference.is_participant:
        raise UserError(
            f"Gemeentecode '{cbs_code}' doet niet mee aan de aanpak; kies een van de "
            "deelnemende gemeenten."
        )
    overview = overview or regional_overview(workspace)
    records: dict[str, list[Record]] = {
        "werkgroep_suggestion": [
            (row.id, row.werkgroep_on.isoformat(), row.text)
            for row in suggestion_rows(workspace, reference.cbs_code)
        ],
        "feedback_figure": [
            (figure.code, figure.label, _stored(figure.value), figure.unit)
            for figure in comparison_figures(overview, reference.cbs_code)
        ],
        "good_practice": practices
        if practices is not None
        else good_practice_records(workspace, overview),
    }
    findings = scan_feedback(records)
    refuse_blocking(findings, f"De terugkoppeling voor {reference.name} is niet gemaakt")
    with workspace.reading() as session:
        workspace_id = session.scalars(select(WorkspaceInfo.id)).one()
    metadata = FeedbackMetadata(
        format_id=FEEDBACK_FORMAT_ID,
        format_version=FEEDBACK_CURRENT.version,
        municipality_code=reference.cbs_code,
        municipality_name=reference.name,
        workspace_id=workspace_id,
        export_id=str(uuid.uuid4()),
        exported_at=datetime.now(UTC).isoformat(),
        app_version=__version__,
        content_hash=content_hash(FEEDBACK_CURRENT, records),
    )
    with written_file(path, "De terugkoppeling") as temporary:
        days = [date.fromisoformat(str(row[1])) for row in records["werkgroep_suggestion"]]
        werkgroep_on = werkgroep_of(days, overview.today, werkgroep_dates(workspace))
        write_feedback(temporary, records, metadata, werkgroep_on)
    return FeedbackExport(
        path,
        reference.cbs_code,
        reference.name,
        metadata.export_id,
        len(records["werkgroep_suggestion"]),
        tuple(findings),
    )


def export_all_feedback(workspace: Workspace, folder: Path) -> list[FeedbackExport]:
    """One return package per participant in `folder`, named after the gemeente."""
    require_rsiv(workspace)
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"De map {folder} bestaat niet. Kies een bestaande map.")
    overview = regional_overview(workspace)
    practices = good_practice_records(workspace, overview)
    stamp = overview.today.strftime("%Y-%m-%d")
    return [
        export_feedback(
            workspace,
            reference.cbs_code,
            folder / feedback_file_name(reference.name, stamp),
            overview=overview,
            practices=practices,
        )
        for reference in region_members(workspace)
    ]


def feedback_file_name(municipality_name: str, stamp: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in municipality_name)
    return f"terugkoppeling-{safe}-{stamp}.xlsx"


def good_practice_records(workspace: Workspace, overview: RegionalOverview) -> list[Record]:
    """The RSIV's good-practice list as the rows of the sheet Goede voorbeelden."""
    return [
        (
            practice.title,
            practice.target_group.value,
            practice.intervention.value,
            ", ".join(practice.gemeenten),
            _why(practice),
            practice.description,
        )
        for practice in best_practices(workspace, overview)
    ]


def _why(practice: BestPractice) -> str:
    reasons = []
    if practice.embedded_in:
        reasons.append(f"geborgd in het reguliere werk in {', '.join(practice.embedded_in)}")
    if practice.falling_rate_in:
        reasons.append(f"loopt bij een dalend risico in {', '.join(practice.falling_rate_in)}")
    if practice.contributed_by:
        reasons.append(f"voorbeeld van bijdrager {', '.join(practice.contributed_by)}")
    return "; ".join(reasons)


def _stored(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)
