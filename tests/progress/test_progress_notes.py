"""The two-monthly voortgangsnotitie: written in a gemeente, carried by the package, merged at
the RSIV and printed in the werkgroep report; checked for private data on the way out."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.core.packages.export import PrivacyFindingsError, export_package
from app.core.packages.importer import import_package
from app.core.packages.merge import merge_package
from app.core.progress.notes import (
    ProgressDraft,
    add_note,
    checked_note,
    list_notes,
    notes_of,
    update_note,
)
from app.core.region.report_content import ReportKind, report_content
from app.exchange.schema import PROGRESS_NOTES
from app.kernel.errors import FieldError
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace, create_workspace
from app.report import write_report
from database.enums import WorkspaceRole

GOUDA = "GM0513"
TODAY = date(2026, 12, 3)
NOTE = ProgressDraft(
    period_start=date(2026, 10, 1),
    period_end=date(2026, 11, 30),
    successes="Veertig woonadviezen gegeven in Korte Akkeren; twee aanhoudingen op heterdaad.",
    bottlenecks="De woningcorporatie plant het hang- en sluitwerk pas na de zomer.",
    communication="Buurtavond in de Goudse Hout en een bericht in de huis-aan-huiskrant.",
    costs="Inbraakwerende sloten: 6.200 euro uit het budget van de aanpak.",
    author="projectleider",
)


@pytest.fixture
def gouda(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, GOUDA) as workspace:
        yield workspace


@pytest.fixture
def rsiv(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as workspace:
        yield workspace


def test_a_note_is_refused_with_a_sentence_for_its_field() -> None:
    with pytest.raises(FieldError) as backwards:
        checked_note(ProgressDraft(date(2026, 11, 30), date(2026, 10, 1), successes="x"))
    assert backwards.value.field == "period_end"
    with pytest.raises(FieldError) as empty:
        checked_note(ProgressDraft(date(2026, 10, 1), date(2026, 11, 30)))
    assert empty.value.field == "successes"


def test_a_note_knows_who_wrote_it_and_when_in_dutch_time(gouda: Workspace) -> None:
    note_id = add_note(gouda, NOTE)
    update_note(gouda, note_id, NOTE)
    [row] = list_notes(gouda)
    assert row.period == "01-10-2026 t/m 30-11-2026"
    assert row.draft == checked_note(NOTE)
    assert len(row.written) == len("03-12-2026 10:15") and row.written[2] == "-"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_a_note_travels_to_the_werkgroep_report(
    gouda: Workspace, rsiv: Workspace, tmp_path: Path
) -> None:
    add_note(gouda, NOTE)
    package = tmp_path / "pakket-gouda.xlsx"
    export_package(gouda, package)
    assert openpyxl.load_workbook(package)[PROGRESS_NOTES].max_row == 2

    outcome = merge_package(rsiv, package, backup=False)
    assert outcome.refusal is None
    [merged] = notes_of(rsiv, municipality_id(GOUDA))
    assert merged.draft == checked_note(NOTE)

    content = report_content(rsiv, ReportKind.WERKGROEP, TODAY)
    pdf = write_report(content, tmp_path / "werkgroep.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    words = " ".join(text.stdout.decode().split())
    for part in (NOTE.successes, NOTE.bottlenecks, NOTE.communication, NOTE.costs):
        assert part in words
    assert "Uit de voortgangsnotitie over 01-10-2026 t/m 30-11-2026, geschreven door " in words

    excel = write_report(content, tmp_path / "werkgroep.xlsx")
    sheet = openpyxl.load_workbook(excel)["Successen en knelpunten"]
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows(min_row=2)]
    assert ("Gouda", "kosten", None, NOTE.costs) in rows


def test_a_package_made_before_the_notes_still_imports(gouda: Workspace, tmp_path: Path) -> None:
    package = tmp_path / "oud-pakket.xlsx"
    export_package(gouda, package)
    workbook = openpyxl.load_workbook(package)
    del workbook[PROGRESS_NOTES]
    workbook.save(package)

    with create_workspace(tmp_path / "nieuw.db", WorkspaceRole.MUNICIPALITY, GOUDA) as restored:
        preview = import_package(restored, package)
        assert not [problem for problem in preview.problems if problem.is_error]
        assert not [problem for problem in preview.problems if PROGRESS_NOTES in problem.message]
        assert list_notes(restored) == []


def test_a_bsn_in_a_note_is_found_before_export(gouda: Workspace, tmp_path: Path) -> None:
    add_note(
        gouda,
        ProgressDraft(
            date(2026, 10, 1), date(2026, 11, 30), bottlenecks="Bewoner met BSN 1112.22.333 belde."
        ),
    )
    target = tmp_path / "pakket.xlsx"
    with pytest.raises(PrivacyFindingsError) as refusal:
        export_package(gouda, target, accept_findings=True)
    assert "BSN" in str(refusal.value)
    assert f"{PROGRESS_NOTES}!" in str(refusal.value)
    assert not target.exists()
