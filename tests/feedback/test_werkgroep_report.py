"""The werkgroep report adds per gemeente: changes since the last werkgroep, the RSIV's notes
and the werkgroep's suggestions, in the PDF and in the Excel version."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.core.actions.actions import ActionInput, add_action
from app.core.course.revisions import freeze_revision
from app.core.feedback.suggestions import add_suggestion
from app.core.region.notes import add_municipality_note
from app.core.region.report_content import ReportKind, report_content
from app.core.region.werkgroep_changes import werkgroep_extras
from app.kernel.workspace import Workspace
from app.report import write_report
from tests.feedback.conftest import GOUDA

AS_OF = date(2019, 1, 31)  # the last werkgroep before it: 15-11-2018
NOTE = "Gouda vraagt om hulp bij de evaluatie van de subsidieregeling."
SUGGESTION = "Deel de resultaten van de buurtpreventieteams in de volgende werkgroep."


def test_a_change_after_the_last_werkgroep_is_named(gemeente_copy: Workspace) -> None:
    freeze_revision(gemeente_copy, "voor werkgroep november", at=datetime(2018, 11, 8, tzinfo=UTC))
    add_action(gemeente_copy, ActionInput(title="Preventieavond Korte Akkeren"))

    extras = werkgroep_extras(gemeente_copy, GOUDA, AS_OF)

    assert extras.since == date(2018, 11, 15)
    assert extras.change_lines() == [
        "Acties: 1 nieuw, 0 gewijzigd, 0 verwijderd (nieuw: Preventieavond Korte Akkeren)"
    ]


def test_without_an_earlier_revision_the_report_says_so(gemeente_copy: Workspace) -> None:
    extras = werkgroep_extras(gemeente_copy, GOUDA, date(2018, 3, 1))  # before any revision
    assert extras.change_lines() == [
        "Niet te bepalen: de gemeente legde vóór die werkgroep geen planversie vast."
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_pdf_and_excel_hold_the_block_notes_and_suggestions(
    rsiv_nine: Workspace, tmp_path: Path
) -> None:
    add_municipality_note(rsiv_nine, GOUDA, NOTE)
    add_suggestion(rsiv_nine, GOUDA, date(2018, 11, 15), SUGGESTION)
    content = report_content(rsiv_nine, ReportKind.WERKGROEP, AS_OF)
    assert len(content.extras) == 9

    pdf = write_report(content, tmp_path / "werkgroep.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    words = " ".join(text.stdout.decode().split())
    assert words.count("Gewijzigd sinds de vorige werkgroep (15-11-2018)") == 9
    assert NOTE in words and SUGGESTION in words

    excel = write_report(content, tmp_path / "werkgroep.xlsx")
    sheet = openpyxl.load_workbook(excel)["Sinds vorige werkgroep"]
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows(min_row=2)]
    assert ("Gouda", "notitie RSIV", None, NOTE) in rows
    assert any(row[1] == "suggestie werkgroep" and row[3] == SUGGESTION for row in rows)
    assert sum(1 for row in rows if row[1] == "gewijzigd sinds werkgroep") >= 9


def test_the_rbo_summary_leaves_them_out(rsiv_nine: Workspace) -> None:
    assert report_content(rsiv_nine, ReportKind.RBO, AS_OF).extras == {}
