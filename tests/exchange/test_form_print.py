"""The form prints on A4 portrait: LibreOffice's PDF of it has the page size and the width."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.hotspots.analysis_forms import make_form
from app.core.hotspots.hotspot_list import list_hotspots
from app.kernel.workspace import Workspace
from tests.exchange.form_filling import convert

A4_POINTS = (595.3, 841.9)


def poppler(tool: str, *arguments: str) -> str:
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} (poppler-utils) is nodig voor deze test in CI")
        pytest.skip(f"{tool} (poppler-utils) is niet geïnstalleerd")
    return subprocess.run(
        [found, *arguments], check=True, capture_output=True, text=True, timeout=60
    ).stdout


def test_the_first_page_fits_a4_portrait_width(demo_workspace: Workspace, tmp_path: Path) -> None:
    hotspot = list_hotspots(demo_workspace)[0]  # one with incidents: the hot-times table
    form = make_form(demo_workspace, hotspot.id, tmp_path / "formulier.xlsx")
    pdf = convert(form.path, "pdf", tmp_path / "pdf")

    info = poppler("pdfinfo", "-f", "1", "-l", "1", str(pdf))
    width, height = map(float, re.search(r"Page\s+1 size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (width, height) == pytest.approx(A4_POINTS, abs=1)

    first_page = poppler("pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-")
    assert f"Probleemanalyse hotspot {hotspot.label}" in first_page
    # Every column is on the page: the hot-times row carries its weekday and all six blocks,
    # and the block headings end with the last column (nothing was pushed to a next page).
    monday = next(line for line in first_page.splitlines() if line.strip().startswith("Maandag"))
    assert len(monday.split()) == 7
    assert "20-24 uur" in first_page
    assert "1. Dader" in first_page and "Over deze hotspot" in first_page
