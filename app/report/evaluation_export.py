"""The evaluation PDF of a workspace: the gemeente's own, or the regional one of the RSIV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.kernel.workspace import Workspace
from database.enums import WorkspaceRole

# The record kinds whose texts the gemeente's evaluation PDF shows: a BSN there refuses it.
# (The regional evaluation is made of merged packages, which were scanned on arrival.)
IN_THE_EVALUATION = frozenset(
    {"plan", "goal", "measure", "evaluation", "measure_evaluation", "b3w_check"}
)


def write_evaluation(
    workspace: Workspace, path: Path, today: date | None = None
) -> tuple[Path, str]:
    """Write the PDF; returns the path and what it is ("Evaluatie ..." in Dutch)."""
    from app.report import wording
    from app.report.evaluation_pdf import write_evaluation_pdf, write_regional_pdf

    today = today or date.today()
    if workspace.summary.role is WorkspaceRole.REGION:
        from app.core.region.evaluation import regional_evaluation

        regional = regional_evaluation(workspace, today)
        return write_regional_pdf(regional, path), "Regionale evaluatie"
    from app.core.course.evaluation import evaluation_view
    from app.core.privacy.redaction import refuse_bsn

    refuse_bsn(
        workspace,
        lambda finding: finding.table in IN_THE_EVALUATION and not finding.revision_id,
        "De evaluatie (PDF)",
    )
    view = evaluation_view(workspace)
    written = write_evaluation_pdf(view, path, wording.long_date(today))
    return written, f"Evaluatie van {view.name}"
