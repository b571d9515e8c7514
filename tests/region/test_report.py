"""The werkgroep report opens in a real PDF reader (poppler) and the Excel has the same content."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.core.region.report_content import ReportKind, report_content
from app.kernel.reference import participants
from app.kernel.workspace import Workspace
from app.report import write_report
from database.enums import HotKind
from database.models import HotItem

AS_OF = date(2019, 1, 31)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


def _pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def _report(workspace: Workspace, path: Path, kind: ReportKind = ReportKind.WERKGROEP) -> Path:
    return write_report(report_content(workspace, kind, AS_OF), path)


@needs_poppler
def test_the_pdf_names_all_nine_gemeenten_and_renders(rsiv_nine: Workspace, tmp_path: Path) -> None:
    path = _report(rsiv_nine, tmp_path / "werkgroep.pdf")
    text = _pdf_text(path)
    for reference in participants():
        assert reference.name in text
    assert "Pakketten in deze rapportage: 9 van 9" in text
    assert "Van alle deelnemende gemeenten is een pakket ontvangen." in text
    for heading in ("Samengevatte scan en analyse", "(Extra) kosten", "Successen en knelpunten"):
        assert text.count(heading) == 9
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "3", str(path), str(tmp_path / "p")],
        check=True,
    )
    assert len(list(tmp_path.glob("p-*.png"))) == 3
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout
    assert b"A4" in info


@needs_poppler
def test_the_pdf_says_which_gemeente_is_missing(rsiv_eight: Workspace, tmp_path: Path) -> None:
    text = _pdf_text(_report(rsiv_eight, tmp_path / "werkgroep.pdf"))
    assert "Pakketten in deze rapportage: 8 van 9" in text
    assert "Ontbrekende gemeenten: Midden-Delfland." in text
    assert "Midden-Delfland (vervolg)" not in text
    assert text.count("Samengevatte scan en analyse") == 8


@needs_poppler
def test_no_hotshot_label_enters_the_report(rsiv_nine: Workspace, tmp_path: Path) -> None:
    with rsiv_nine.reading() as session:
        labels = session.scalars(
            select(HotItem.label).where(HotItem.kind.in_([HotKind.HOTSHOT, HotKind.HOTGROUP]))
        ).all()
    assert labels
    text = _pdf_text(_report(rsiv_nine, tmp_path / "werkgroep.pdf"))
    assert not [label for label in labels if label in text]


@needs_poppler
def test_the_rbo_summary_is_shorter(rsiv_nine: Workspace, tmp_path: Path) -> None:
    rbo = _pdf_text(_report(rsiv_nine, tmp_path / "rbo.pdf", ReportKind.RBO))
    assert "Voortgang per gemeente" in rbo
    assert "Samengevatte scan en analyse" not in rbo
    for reference in participants():
        assert reference.name in rbo


def test_the_excel_report_has_the_same_content(rsiv_eight: Workspace, tmp_path: Path) -> None:
    content = report_content(rsiv_eight, ReportKind.WERKGROEP, AS_OF)
    workbook = load_workbook(write_report(content, tmp_path / "werkgroep.xlsx"))
    assert workbook.sheetnames[:4] == ["Omslag", "Regionaal", "3D-matrix", "Goede voorbeelden"]
    cover = [cell for row in workbook["Omslag"].values for cell in row if cell]
    assert "Ontbrekende gemeenten: Midden-Delfland." in cover
    regional = list(workbook["Regionaal"].values)
    names = [row[0] for row in regional[1:10]]
    assert names == [row.name for row in content.overview.standings]
    for row, standing in zip(regional[1:10], content.overview.standings, strict=True):
        expected = round(standing.rate.rate, 1) if standing.rate and standing.rate.rate else None
        assert row[2] == expected
    goals = list(workbook["Doelstellingen"].values)[1:]
    assert len(goals) == sum(len(standing.goals) for standing, _ in content.agendas)
    practices = list(workbook["Goede voorbeelden"].values)[1:]
    assert [row[0] for row in practices[: len(content.practices)]] == [
        p.title for p in content.practices
    ]
    # Amounts are numbers shown as € 10.600, the same as on the screens and in the PDF.
    header = [cell.value for cell in workbook["Maatregelen"][1]]
    costs = [row[header.index("Extra kosten")] for row in workbook["Maatregelen"].iter_rows(2)]
    assert costs and all(cell.number_format == '"€" #,##0' for cell in costs)
    assert all(isinstance(cell.value, int) for cell in costs)


def test_text_that_looks_like_a_formula_stays_text(rsiv_nine: Workspace, tmp_path: Path) -> None:
    from database.models import Plan

    with rsiv_nine.transaction() as session:
        plan = session.scalars(select(Plan)).first()
        assert plan is not None
        plan.communication = '=HYPERLINK("http://example.org","klik")'
    path = write_report(report_content(rsiv_nine, ReportKind.WERKGROEP, AS_OF), tmp_path / "r.xlsx")
    workbook = load_workbook(path)
    cells = [cell for row in workbook["Successen en knelpunten"].iter_rows() for cell in row]
    found = [cell for cell in cells if str(cell.value).startswith("=HYPERLINK")]
    assert found and all(cell.data_type == "s" for cell in found)


def test_the_report_command_works_headless(region_sources: Path, tmp_path: Path) -> None:
    database = tmp_path / "rsiv.db"
    shutil.copy(region_sources / "rsiv-eight.db", database)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "report",
            "--db",
            str(database),
            "--out",
            str(tmp_path / "r.pdf"),
            "--peildatum",
            "2019-01-31",
        ],
        capture_output=True,
        text=True,
        env={
            "QT_QPA_PLATFORM": "none",
            "PATH": "/usr/bin:/bin",
            "WONINGINBRAKEN_DATA_DIR": str(tmp_path / "data"),
        },
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert "8 van 9" in result.stdout and "Midden-Delfland" in result.stdout
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "report",
            "--db",
            str(database),
            "--out",
            str(tmp_path / "r.docx"),
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "WONINGINBRAKEN_DATA_DIR": str(tmp_path / "data")},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert refused.returncode == 1 and ".pdf of .xlsx" in refused.stderr


def test_the_report_layer_runs_without_qt() -> None:
    code = (
        "import app.report.pdf_report, app.report.excel_report, sys; "
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@needs_poppler
def test_dollar_signs_in_user_text_are_printed_as_typed(tmp_path: Path) -> None:
    from matplotlib.backends.backend_pdf import PdfPages

    from app.report.page_writer import PageWriter

    typed = "Budget $5 per woning en $10 per flat"
    path = tmp_path / "dollar.pdf"
    with PdfPages(path) as pdf:
        writer = PageWriter(pdf, "voettekst")
        writer.heading("Kosten")
        writer.text(typed)
        writer.finish()
    assert typed in _pdf_text(path)


def test_chart_text_is_never_read_as_mathtext() -> None:
    import matplotlib

    from app.analysis.charts.style import new_figure

    figure = new_figure()
    title = figure.add_subplot().set_title("Hotspot $Noord$ en $Zuid$")
    assert matplotlib.rcParams["text.parse_math"] is False
    assert title.get_parse_math() is False
