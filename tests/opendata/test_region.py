"""The RSIV reads one CBS download for its chosen region and compares the gemeenten's rates
with the region's and the national series, on screen and in the report."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from app.analysis.charts.region import rate_comparison_chart
from app.core.figures.importing import import_figures
from app.core.region.overview import regional_overview
from app.core.region.report_content import ReportKind, report_content
from app.kernel.workspace import create_workspace, open_workspace
from app.report import write_report
from database.enums import WorkspaceRole
from tests.opendata.files import crime_rows, dwelling_rows, write_csv, write_json


@pytest.fixture
def rsiv(tmp_path: Path) -> Path:
    path = tmp_path / "rsiv.db"
    region = [("GM0513", None), ("GM0503", None)]
    with create_workspace(path, WorkspaceRole.REGION, region=region) as workspace:
        import_figures(workspace, write_json(tmp_path / "47022NED.json", crime_rows()))
        import_figures(workspace, write_csv(tmp_path / "kerncijfers-2017.csv", dwelling_rows()))
    return path


def test_the_rsiv_reads_the_download_for_its_whole_region(rsiv: Path) -> None:
    with open_workspace(rsiv) as workspace:
        overview = regional_overview(workspace, date(2018, 3, 15))
    assert [row.name for row in overview.standings] == ["Gouda", "Delft"]
    gouda, delft = overview.standings
    assert not delft.has_package and delft.rate is not None
    # Delft: its gemeente row 40 + month % 3 over feb 2017 to jan 2018, 50,000 dwellings.
    expected = sum(40 + month % 3 for month in (*range(2, 13), 1)) / 50000 * 1000
    assert delft.rate.rate == pytest.approx(expected)
    assert gouda.rate is not None and gouda.rate.withheld_cells == 1


def test_the_region_rate_is_all_burglaries_over_all_dwellings(rsiv: Path) -> None:
    with open_workspace(rsiv) as workspace:
        comparison = regional_overview(workspace, date(2018, 3, 15)).comparison
    assert comparison is not None
    assert [name for name, _ in comparison.gemeenten] == ["Gouda", "Delft"]
    december = pd.Timestamp("2017-12-01")
    per_gemeente = sum(40 + month % 3 for month in range(1, 13))
    assert comparison.region[december] == pytest.approx(2 * per_gemeente / 82000 * 1000)

    figure = rate_comparison_chart(
        comparison.gemeenten, comparison.region, comparison.national, 8.0
    )
    lines = {line.get_gid() for line in figure.axes[0].get_lines()}
    assert {"region", "gemeente-Delft", "gemeente-Gouda"} <= lines
    texts = [text.get_text() for text in figure.axes[0].texts]
    assert any(text.startswith("Gouda ") for text in texts)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_werkgroep_report_says_so_and_draws_the_comparison(rsiv: Path, tmp_path: Path) -> None:
    with open_workspace(rsiv) as workspace:
        content = report_content(workspace, ReportKind.WERKGROEP, date(2018, 3, 15))
    path = write_report(content, tmp_path / "werkgroep.pdf")
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        .stdout.decode("utf-8")
        .split()
    )
    assert "CBS open data (47022NED) voor Gouda, Delft: incl. pogingen, verdeling onbekend." in text
    assert "achtergehouden cellen (onbekend, niet 0): Gouda 1." in text
    assert "Inbraakrisico door de tijd: gemeenten, regio en land" in text


def test_the_excel_report_says_which_counts_come_from_cbs(rsiv: Path, tmp_path: Path) -> None:
    with open_workspace(rsiv) as workspace:
        content = report_content(workspace, ReportKind.WERKGROEP, date(2018, 3, 15))
    path = write_report(content, tmp_path / "werkgroep.xlsx")
    sheet = openpyxl.load_workbook(path, read_only=True)["Regionaal"]
    texts = [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value]
    assert any(
        "CBS open data (47022NED) voor Gouda, Delft: incl. pogingen, verdeling onbekend." in text
        and "achtergehouden cellen (onbekend, niet 0): Gouda 1." in text
        for text in texts
    )
