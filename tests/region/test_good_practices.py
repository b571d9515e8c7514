"""Good practices across the region: a cell left empty on purpose travels in the package, the
RSIV's good-practice list travels in the feedback, and a bijdrager (Leiden) adds practices
without changing the region's figures."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import __version__
from app.core.feedback.export import export_feedback
from app.core.feedback.importing import FeedbackFindingsError, import_feedback
from app.core.feedback.received import current_feedback
from app.core.matrix.empty_cells import empty_cell_reasons, mark_cell_empty
from app.core.matrix.measures import MeasureInput, add_measure
from app.core.packages.export import export_package
from app.core.packages.importer import import_package
from app.core.packages.merge import merge_package
from app.core.region.contributors import contributors
from app.core.region.overview import RegionalOverview, regional_overview
from app.core.region.practices import best_practices
from app.exchange.metadata import PackageMetadata, content_hash
from app.exchange.progress import Progress
from app.exchange.records import read_records
from app.exchange.schema import FORMAT_ID, V2
from app.exchange.writer import write_package
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.dialect import raw_connection
from database.enums import InterventionKind, MeasureStatus, TargetGroup, WorkspaceRole

GOUDA, LEIDEN = "GM0513", "GM0546"
REASON = "repressief richt zich niet op slachtoffers"
LEIDEN_PRACTICE = "Inbraakpreventie-estafette met buurtbewoners"


def _gouda_gap(overview: RegionalOverview) -> tuple[TargetGroup, InterventionKind]:
    gaps = overview.standing(GOUDA).matrix_gaps
    assert gaps, "the Gouda demo needs a gap for this test"
    return gaps[0]


def _figures(overview: RegionalOverview) -> list[tuple[object, ...]]:
    """What the region's table counts per participant."""
    return [
        (
            row.cbs_code,
            row.matrix_counts,
            row.matrix_gaps,
            row.measures,
            row.extra_cost_eur,
            row.actions,
            tuple(progress.state for progress in row.goals),
            row.rate.rate if row.rate else None,
        )
        for row in overview.standings
    ]


def test_a_cell_left_empty_travels_in_the_package_and_is_no_gap_at_the_rsiv(
    rsiv_nine: Workspace, gemeente_copy: Workspace, tmp_path: Path
) -> None:
    before = regional_overview(rsiv_nine)
    cell = _gouda_gap(before)
    mark_cell_empty(gemeente_copy, *cell, REASON)
    package = tmp_path / "pakket-gouda.xlsx"
    export_package(gemeente_copy, package, accept_findings=True)

    assert merge_package(rsiv_nine, package).merged
    after = regional_overview(rsiv_nine)
    gouda = after.standing(GOUDA)
    assert cell not in gouda.matrix_gaps
    assert len(gouda.matrix_gaps) == len(before.standing(GOUDA).matrix_gaps) - 1
    assert gouda.empty_reason(cell) == REASON
    assert "Gouda" in after.gemeenten_marked_empty(cell)
    assert "Gouda" not in after.gemeenten_without(cell)

    # The same package read into a new workspace of Gouda brings the mark along.
    with create_workspace(
        tmp_path / "nieuw.db", WorkspaceRole.MUNICIPALITY, GOUDA, is_demo=True
    ) as rebuilt:
        import_package(rebuilt, package)
        assert empty_cell_reasons(rebuilt) == empty_cell_reasons(gemeente_copy)
        assert empty_cell_reasons(rebuilt)[cell] == REASON


def _version_2_package(workspace: Workspace, path: Path) -> Path:
    """A package as the previous version of the program wrote it: no sheet Bewust leeg."""
    summary = workspace.summary
    with workspace.reading() as session:
        owner = (
            session.connection()
            .exec_driver_sql("SELECT id FROM municipality WHERE cbs_code = ?", (GOUDA,))
            .scalar_one()
        )
        records = read_records(raw_connection(session), V2, owner)
    metadata = PackageMetadata(
        format_id=FORMAT_ID,
        format_version=2,
        municipality_code=GOUDA,
        municipality_name=summary.municipality_name or "",
        workspace_id=summary.id,
        sequence=50,
        export_id=str(uuid.uuid4()),
        exported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        app_version=__version__,
        content_hash=content_hash(V2, records),
        is_demo=True,
    )
    write_package(path, V2, records, metadata, Progress(1))
    return path


def test_an_older_package_without_the_sheet_still_merges(
    rsiv_nine: Workspace, gemeente_copy: Workspace, tmp_path: Path
) -> None:
    old = _version_2_package(gemeente_copy, tmp_path / "pakket-v2.xlsx")
    before = regional_overview(rsiv_nine).standing(GOUDA).marked_empty
    outcome = merge_package(rsiv_nine, old)
    assert outcome.merged, outcome.refusal
    # A package without the sheet says nothing about the marks: they stay as they were.
    assert regional_overview(rsiv_nine).standing(GOUDA).marked_empty == before


def _leiden(tmp_path: Path, description: str = "") -> Path:
    """Leiden's bijdrager workspace with one practice and one stopped measure; its package."""
    with create_workspace(
        tmp_path / "leiden.db",
        WorkspaceRole.MUNICIPALITY,
        LEIDEN,
        is_demo=True,
        contributor=True,
    ) as leiden:
        assert leiden.summary.is_contributor
        add_measure(
            leiden,
            MeasureInput(
                LEIDEN_PRACTICE,
                TargetGroup.ENVIRONMENT,
                InterventionKind.PREVENTIVE,
                description=description or "Buurtbewoners lopen om beurten een preventieronde.",
                status=MeasureStatus.RUNNING,
            ),
        )
        add_measure(
            leiden,
            MeasureInput(
                "Gestopte proef met lokfietsen",
                TargetGroup.OFFENDER,
                InterventionKind.REPRESSIVE,
                status=MeasureStatus.STOPPED,
            ),
        )
        package = tmp_path / "pakket-leiden.xlsx"
        export_package(leiden, package, accept_findings=True)
    return package


def test_a_bijdrager_adds_practices_without_changing_the_region(
    rsiv_nine: Workspace, tmp_path: Path
) -> None:
    before = regional_overview(rsiv_nine)
    outcome = merge_package(rsiv_nine, _leiden(tmp_path))
    assert outcome.merged, outcome.refusal

    after = regional_overview(rsiv_nine)
    assert _figures(after) == _figures(before)
    assert LEIDEN not in [row.cbs_code for row in after.standings]
    [leiden] = contributors(rsiv_nine)
    assert (leiden.cbs_code, leiden.name, leiden.measures) == (LEIDEN, "Leiden", 2)
    practices = {practice.title: practice for practice in best_practices(rsiv_nine, after)}
    assert practices[LEIDEN_PRACTICE].contributed_by == ("Leiden",)
    assert "Gestopte proef met lokfietsen" not in practices


def test_the_good_practices_travel_to_the_gemeente_in_the_feedback(
    rsiv_nine: Workspace, gemeente_copy: Workspace, tmp_path: Path
) -> None:
    assert merge_package(rsiv_nine, _leiden(tmp_path)).merged
    path = tmp_path / "terugkoppeling-gouda.xlsx"
    export_feedback(rsiv_nine, GOUDA, path)

    received = import_feedback(gemeente_copy, path)
    shown = {practice.title: practice for practice in received.practices}
    leiden = shown[LEIDEN_PRACTICE]
    assert (leiden.target_group, leiden.intervention) == (
        TargetGroup.ENVIRONMENT,
        InterventionKind.PREVENTIVE,
    )
    assert leiden.gemeenten == "Leiden"
    assert leiden.why == "voorbeeld van bijdrager Leiden"
    assert leiden.description == "Buurtbewoners lopen om beurten een preventieronde."
    assert current_feedback(gemeente_copy) == received


def test_the_privacy_scan_checks_the_good_practices_on_the_way_out_and_in(
    rsiv_nine: Workspace, gemeente_copy: Workspace, tmp_path: Path
) -> None:
    leiden = _leiden(tmp_path, description="Bel de coördinator op 06-12345678 voor de rooster.")
    assert merge_package(rsiv_nine, leiden).merged
    path = tmp_path / "terugkoppeling-gouda.xlsx"
    made = export_feedback(rsiv_nine, GOUDA, path)
    found = f"Goed voorbeeld '{LEIDEN_PRACTICE}', veld Toelichting: telefoonnummer"
    assert any(finding.sentence.startswith(found) for finding in made.findings)

    with pytest.raises(FeedbackFindingsError) as refusal:
        import_feedback(gemeente_copy, path)
    assert found in refusal.value.message
    assert current_feedback(gemeente_copy) is None
    assert import_feedback(gemeente_copy, path, accept_findings=True).practices


def test_init_makes_a_bijdrager_workspace_and_refuses_a_participant(tmp_path: Path) -> None:
    def init(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", "init", *arguments],
            capture_output=True,
            text=True,
            check=False,
        )

    made = init("--db", str(tmp_path / "leiden.db"), "--gemeente", LEIDEN, "--bijdrager")
    assert made.returncode == 0, made.stderr
    assert "Leiden (bijdrager)" in made.stdout
    with open_workspace(tmp_path / "leiden.db") as workspace:
        assert workspace.summary.is_contributor

    refused = init("--db", str(tmp_path / "gouda.db"), "--gemeente", GOUDA, "--bijdrager")
    assert refused.returncode == 1
    assert "Gouda (GM0513) neemt deel aan het project" in refused.stderr
    assert not (tmp_path / "gouda.db").exists()
