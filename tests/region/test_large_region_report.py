"""The werkgroep report of a region of more than 30 gemeenten: regional tables, and per
gemeente only what needs attention; made by the `report` command from a generated demo region
and read back as a user would (pdftotext, pdftoppm, openpyxl)."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import matplotlib
import pytest
from matplotlib.backends.backend_pdf import PdfPages
from openpyxl import load_workbook

from app.core.region.overview import ActionCounts
from app.core.region.report_content import ReportContent, ReportKind, report_content
from app.kernel.workspace import open_workspace
from app.report import write_report
from app.report.page_writer import PageWriter, core_font_text
from app.report.wording import cell_label
from database.enums import GoalState

ROOT = Path(__file__).resolve().parents[2]
GEMEENTEN = 31  # one more than the nine-gemeente layout is kept for
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


def _app(*arguments: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WONINGINBRAKEN_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def large_region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An RSIV workspace of 31 generated gemeenten, each with its demo package merged."""
    folder = tmp_path_factory.mktemp("large-region")
    database = folder / "regio.db"
    made = _app("demo", "--rsiv", "--gemeenten", str(GEMEENTEN), "--db", str(database), data=folder)
    assert made.returncode == 0, made.stderr
    return database


def _content(database: Path, kind: ReportKind = ReportKind.WERKGROEP) -> ReportContent:
    with open_workspace(database) as workspace:
        return report_content(workspace, kind)


def _text(path: Path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def _squeezed(text: str) -> str:
    """Without white space: a line broken anywhere (also after a hyphen) still matches."""
    return re.sub(r"\s+", "", text)


@needs_poppler
def test_the_report_command_writes_a_compact_report_with_every_gemeente(
    large_region: Path, tmp_path: Path
) -> None:
    path = tmp_path / "werkgroep.pdf"

    made = _app("report", "--db", str(large_region), "--out", str(path), data=tmp_path)

    assert made.returncode == 0, made.stderr
    assert made.stderr == ""  # no library warning reaches the user
    assert f"{GEMEENTEN} van {GEMEENTEN} gemeenten" in made.stdout
    content = _content(large_region)
    text = _text(path)
    flat = " ".join(text.split())
    assert f"Pakketten in deze rapportage: {GEMEENTEN} van {GEMEENTEN}" in flat
    assert f"Deze regio telt {GEMEENTEN} gemeenten. Bij meer dan 30 gemeenten" in flat
    # Every gemeente is named in the regional table and has its block of attention points.
    begin = flat.index("Regionaal beeld per gemeente")
    table = flat[begin : flat.index("3D-matrix over alle", begin)]
    attention = _squeezed(text[text.index("Gemeenten die aandacht vragen") :])
    included = content.overview.included
    for number, row in enumerate(included):
        assert row.name in table
        start = attention.index(_squeezed(f"{row.name} pakket"))
        end = (
            attention.index(_squeezed(f"{included[number + 1].name} pakket"), start)
            if number + 1 < len(included)
            else None
        )
        block = attention[start:end]
        for progress in row.goals:
            if progress.state is GoalState.BEHIND:
                assert _squeezed(progress.goal.title) in block
        if row.actions.overdue:
            assert (
                _squeezed(f"{row.actions.overdue} van de {row.actions.open} open acties") in block
            )
        for cell in row.matrix_gaps:
            assert _squeezed(cell_label(cell)) in block
    # Compact: far fewer pages than gemeenten, where the nine-gemeente layout has two each.
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(info.stdout.split("Pages:")[1].split()[0])
    assert pages < GEMEENTEN
    _nothing_cut_off(path)
    # The cover, the regional table and a page of gemeente blocks render.
    attention_page = next(
        number
        for number, page in enumerate(text.split("\f"), start=1)
        if "Gemeenten die aandacht vragen" in page
    )
    for page in (1, 3, attention_page):
        pages_png = ["-f", str(page), "-l", str(page), str(path), str(tmp_path / f"page{page}")]
        subprocess.run(["pdftoppm", "-png", "-r", "40", *pages_png], check=True)
    assert len(list(tmp_path.glob("page*.png"))) == 3


def _nothing_cut_off(path: Path) -> None:
    """Every word lies inside the page's margins (0.7 inch on the left and right)."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = re.search(r'width="([\d.]+)" height="([\d.]+)"', boxes)
    assert page is not None
    width, height = float(page.group(1)), float(page.group(2))
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', boxes)
    assert words
    margin = 0.7 * 72 - 1
    for x_min, _y_min, x_max, y_max in words:
        assert margin <= float(x_min) and float(x_max) <= width - margin
        assert float(y_max) <= height - 0.3 * 72


@needs_poppler
def test_a_gemeente_without_attention_points_is_one_row(large_region: Path, tmp_path: Path) -> None:
    content = _content(large_region)
    overview = content.overview
    quiet = overview.included[0]
    # As if it had met its goals, done its actions on time and filled every cell.
    calm = replace(
        quiet,
        goals=tuple(replace(p, state=GoalState.ON_TRACK) for p in quiet.goals),
        actions=ActionCounts(open=4, overdue=0, done=quiet.actions.done),
        matrix_counts=tuple(max(n, 1) for n in quiet.matrix_counts),
    )
    standings = tuple(calm if row is quiet else row for row in overview.standings)
    content = replace(content, overview=replace(overview, standings=standings))

    text = " ".join(_text(write_report(content, tmp_path / "r.pdf")).split())

    assert f"Gemeenten die aandacht vragen: {GEMEENTEN - 1} van {GEMEENTEN}" in text
    rows = text[text.index("Gemeenten zonder aandachtspunten: 1") :]
    assert quiet.name in rows
    assert f"{quiet.name} pakket" not in text  # no block of its own


@needs_poppler
def test_the_order_goals_are_read_in_does_not_change_the_report(
    large_region: Path, tmp_path: Path
) -> None:
    """PostgreSQL and SQLite may return a gemeente's goals in another order."""
    content = _content(large_region)
    overview = content.overview
    reversed_goals = tuple(replace(row, goals=row.goals[::-1]) for row in overview.standings)
    other = replace(content, overview=replace(overview, standings=reversed_goals))

    first = _text(write_report(content, tmp_path / "a.pdf"))
    second = _text(write_report(other, tmp_path / "b.pdf"))

    assert "doelstellingen achter" in first
    assert first == second


def test_the_excel_report_of_a_large_region_has_every_gemeente(
    large_region: Path, tmp_path: Path
) -> None:
    content = _content(large_region)

    workbook = load_workbook(write_report(content, tmp_path / "werkgroep.xlsx"), read_only=True)

    regional = list(workbook["Regionaal"].values)
    assert [row[0] for row in regional[1 : GEMEENTEN + 1]] == [
        row.name for row in content.overview.standings
    ]
    goals = list(workbook["Doelstellingen"].values)[1:]
    assert len(goals) == sum(len(row.goals) for row, _ in content.agendas)
    measures = {row[0] for row in list(workbook["Maatregelen"].values)[1:]}
    assert measures == {row.name for row in content.overview.included}
    # The attention points of the PDF, one row each, to filter on.
    attention = list(workbook["Aandachtspunten"].values)[1:]
    for row in content.overview.included:
        if row.actions.overdue:
            late = f"{row.actions.overdue} van de {row.actions.open} open acties over de termijn."
            assert (row.name, "acties", late) in attention
        behind = [p for p in row.goals if p.state is GoalState.BEHIND]
        assert any(
            name == row.name and subject == "doelstellingen" for name, subject, _ in attention
        ) == bool(behind)


@needs_poppler
def test_the_rbo_summary_of_a_large_region_has_progress_not_attention(
    large_region: Path, tmp_path: Path
) -> None:
    content = _content(large_region, ReportKind.RBO)

    text = " ".join(_text(write_report(content, tmp_path / "rbo.pdf")).split())

    assert "Voortgang per gemeente" in text
    assert "aandacht vragen" not in text
    for row in content.overview.standings:
        assert row.name in text


def test_letters_the_built_in_font_lacks_are_shown_by_their_base_letter() -> None:
    windows_1252 = "Café € 10 \u2013 \u2018x\u2019 \u2026"  # en dash, quotes, ellipsis
    assert core_font_text(windows_1252) == windows_1252
    assert core_font_text("Şehir → Łódź") == "Sehir ? ?ódz"


@needs_poppler
def test_lines_in_the_built_in_font_are_evenly_spaced(tmp_path: Path) -> None:
    path = tmp_path / "regels.pdf"
    # An apostrophe, and a line without tall letters, beside ordinary ones.
    lines = ["Burgernet tijdens", "Extra boa's", "een x-as", "Buurtpreventie"]
    with matplotlib.rc_context({"pdf.use14corefonts": True}), PdfPages(path) as pdf:
        writer = PageWriter(pdf, "voettekst", core_fonts=True)
        for line in lines:
            writer.text(line, size=9)
        writer.finish()
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    tops = []
    for line in lines:
        word = re.search(rf'yMin="([\d.]+)"[^>]*>{re.escape(line.split()[0])}<', boxes)
        assert word is not None
        tops.append(float(word.group(1)))
    steps = [later - earlier for earlier, later in itertools.pairwise(tops)]
    assert max(steps) - min(steps) < 0.5
