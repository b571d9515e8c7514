"""No UTC and no ISO 8601 moment anywhere a user reads: files and command-line output.

The demo goes through every command that writes a file or prints a result, run as a user
runs them (`python -m app` in a subprocess). Every file is then read as a person sees it:
the cells of every sheet (hidden ones too, with how Excel shows a date), the text of every PDF
(pdftotext) and of every Word file, and everything printed. A moment must read as Dutch time
(dd-mm-jjjj uu:mm). Left out, as machine text in ISO on purpose: `dump` (JSON for checks by
IT) and the package's sheet Planversie-inhoud (a frozen plan version as a JSON document, marked
"niet wijzigen").
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.core.hotspots.hotspot_list import list_hotspots
from app.kernel.workspace import open_workspace

# An ISO date or moment (2026-12-03, 2026-12-03T05:54, 2026-12-03 05:54), or the word UTC.
ISO_OR_UTC = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|T\d{2}:\d{2}|\bUTC\b", re.IGNORECASE)
MACHINE_SHEETS = frozenset({"Planversie-inhoud"})
# How Excel would show a date cell in ISO order.
ISO_DATE_FORMAT = re.compile(r"y{2,4}-m{1,2}-d{1,2}", re.IGNORECASE)


@dataclass(frozen=True)
class Run:
    command: str
    output: str


@dataclass(frozen=True)
class Written:
    runs: list[Run]
    files: list[Path]


def _run(folder: Path, *args: str) -> Run:
    completed = subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "WONINGINBRAKEN_DATA_DIR": str(folder / "data")},
        cwd=folder,
        timeout=600,
        check=False,
    )
    # A refusal (exit 1) is output a user reads as well; a bug (70) or usage error (2) is not
    # what this test is about.
    assert completed.returncode in (0, 1), (args, completed.stderr)
    return Run(" ".join(args[:1]), completed.stdout + completed.stderr)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Written:
    folder = tmp_path_factory.mktemp("lokale-tijden")
    gouda, rsiv = str(folder / "gouda.db"), str(folder / "rsiv.db")
    runs = [
        _run(folder, "demo", "--db", gouda, "--gemeente", "GM0513"),
        _run(folder, "demo", "--db", rsiv, "--rsiv"),
    ]
    workspace = open_workspace(Path(gouda))
    try:
        first = list_hotspots(workspace)[0]
        hotspot = first.neighbourhood_code or first.label
    finally:
        workspace.close()
    out = {
        name: str(folder / name)
        for name in (
            "pakket.xlsx",
            "formulier.xlsx",
            "plan.docx",
            "plan.pdf",
            "driehoek.docx",
            "driehoek.pdf",
            "evaluatie.pdf",
            "werkgroep.pdf",
            "werkgroep.xlsx",
            "rbo.pdf",
            "terugkoppeling.xlsx",
            "regio-evaluatie.pdf",
        )
    }
    runs += [
        _run(folder, "status", "--db", gouda),
        _run(folder, "check", "--db", gouda),
        _run(folder, "redact", "--db", gouda),
        _run(folder, "export", "--db", gouda, "--out", out["pakket.xlsx"], "--accept-findings"),
        _run(folder, "import", "--db", gouda, "--dry-run", out["pakket.xlsx"]),
        _run(folder, "form", "--db", gouda, "--hotspot", hotspot, "--out", out["formulier.xlsx"]),
        _run(folder, "plan-document", "--db", gouda, "--out", out["plan.docx"]),
        _run(folder, "plan-document", "--db", gouda, "--out", out["plan.pdf"]),
        _run(folder, "driehoek", "--db", gouda, "--out", out["driehoek.docx"]),
        _run(folder, "driehoek", "--db", gouda, "--out", out["driehoek.pdf"]),
        _run(folder, "evaluation", "--db", gouda, "--out", out["evaluatie.pdf"]),
        _run(folder, "import", "--db", rsiv, "--accept-findings", out["pakket.xlsx"]),
        _run(folder, "status", "--db", rsiv),
        _run(folder, "report", "--db", rsiv, "--out", out["werkgroep.pdf"]),
        _run(folder, "report", "--db", rsiv, "--out", out["werkgroep.xlsx"]),
        _run(folder, "report", "--db", rsiv, "--kind", "rbo", "--out", out["rbo.pdf"]),
        _run(folder, "evaluation", "--db", rsiv, "--out", out["regio-evaluatie.pdf"]),
        _run(
            folder,
            "feedback-export",
            "--db",
            rsiv,
            "--gemeente",
            "GM0513",
            "--out",
            out["terugkoppeling.xlsx"],
        ),
        _run(folder, "feedback-import", "--db", gouda, out["terugkoppeling.xlsx"]),
        _run(folder, "import", "--db", rsiv, out["pakket.xlsx"]),  # the same package again
    ]
    return Written(runs, [Path(path) for path in out.values()])


def test_every_file_the_demo_writes_exists(written: Written) -> None:
    missing = [path.name for path in written.files if not path.exists()]
    assert not missing, missing


def test_command_line_output_has_no_utc_or_iso_moment(written: Written) -> None:
    found = [
        (run.command, line)
        for run in written.runs
        for line in run.output.splitlines()
        if ISO_OR_UTC.search(line)
    ]
    assert not found, found


def test_workbooks_show_no_utc_or_iso_moment(written: Written) -> None:
    found: list[str] = []
    for path in written.files:
        if path.suffix != ".xlsx" or not path.exists():
            continue
        workbook = load_workbook(path)
        for sheet in workbook.worksheets:  # hidden sheets too: a person can unhide them
            if sheet.title in MACHINE_SHEETS:
                continue
            for row in sheet.iter_rows():
                for cell in row:
                    where = f"{path.name}, {sheet.title}!{cell.coordinate}"
                    if isinstance(cell.value, str) and ISO_OR_UTC.search(cell.value):
                        found.append(f"{where}: {cell.value[:80]}")
                    elif isinstance(cell.value, date | datetime) and ISO_DATE_FORMAT.search(
                        cell.number_format
                    ):
                        found.append(f"{where}: shown as {cell.number_format}")
    assert not found, found[:20]


def test_pdf_and_word_text_has_no_utc_or_iso_moment(written: Written) -> None:
    found: list[str] = []
    for path in written.files:
        if not path.exists() or path.suffix not in (".pdf", ".docx"):
            continue
        text = _pdf_text(path) if path.suffix == ".pdf" else _docx_text(path)
        found += [f"{path.name}: {line}" for line in text.splitlines() if ISO_OR_UTC.search(line)]
    assert not found, found[:20]


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _docx_text(path: Path) -> str:
    """The text of the body, headers, footers and notes: every word/*.xml part, tags removed."""
    with zipfile.ZipFile(path) as archive:
        parts = [
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        ]
    return "\n".join(re.sub(r"<[^>]+>", " ", part) for part in parts)
