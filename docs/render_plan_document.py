"""Page images of the Gouda demo's plan van aanpak (Word, printed through LibreOffice, and the
PDF) and of its report to the driehoek, saved as docs/screenshots/plan-document-*.png.

    .venv/bin/python docs/render_plan_document.py

Needs LibreOffice (soffice) and poppler-utils (pdftoppm). LibreOffice only prints the Word
file for the picture; the program itself never needs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET = ROOT / "docs" / "screenshots"
MADE_ON = date(2019, 1, 31)  # the demo's own "today", so the pictures do not change daily
PAGES = {"docx": (1, 4), "pdf": (1, 4), "driehoek": (1, 2)}


def _pages(pdf: Path, name: str, pages: tuple[int, ...]) -> list[Path]:
    made = []
    for page in pages:
        stem = TARGET / f"plan-document-{name}-{page}"
        options = ["-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile"]
        subprocess.run(["pdftoppm", *options, str(pdf), str(stem)], check=True)
        made.append(stem.with_suffix(".png"))
    return made


def render() -> list[Path]:
    from app.demo.gemeente import fill_demo
    from app.kernel.workspace import create_workspace
    from app.report.document_export import write_driehoek_report, write_plan_document
    from database.enums import WorkspaceRole

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["WONINGINBRAKEN_DATA_DIR"] = name
        workspace = create_workspace(
            folder / "demo.db", WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True
        )
        try:
            fill_demo(workspace)
            word = write_plan_document(workspace, folder / "plan.docx", MADE_ON)
            pdf = write_plan_document(workspace, folder / "plan.pdf", MADE_ON)
            report = write_driehoek_report(workspace, folder / "driehoek.pdf", MADE_ON)
        finally:
            workspace.close()
        printed = ["--headless", "--convert-to", "pdf", "--outdir", str(folder / "lo")]
        subprocess.run(
            ["libreoffice", *printed, str(word)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return [
            *_pages(folder / "lo" / "plan.pdf", "docx", PAGES["docx"]),
            *_pages(pdf, "pdf", PAGES["pdf"]),
            *_pages(report, "driehoek", PAGES["driehoek"]),
        ]


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ROOT))
