"""The RSIV's regional overview and the report pages, for the handleiding.

    .venv/bin/python docs/screenshots_region.py        # report pages (PDF -> PNG, poppler)
    .venv/bin/python docs/render_screenshots.py regio  # the regional screen

Both start from nine demo packages merged into an RSIV workspace in a temporary folder, as
the coordinator would; the peildatum is today (the demo is dated around it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AS_OF = date.today()
OUTPUT = ROOT / "docs" / "screenshots"
REPORT_PAGES = 4  # cover, regional picture, matrix and best practices, the first gemeente


def build_rsiv(folder: Path) -> Path:
    from app.demo.region import fill_regional_demo
    from app.kernel.workspace import create_workspace
    from database.enums import WorkspaceRole

    rsiv = folder / "rsiv.db"
    with create_workspace(rsiv, WorkspaceRole.REGION, is_demo=True) as region:
        fill_regional_demo(region)
    return rsiv


def render_report_pages() -> list[Path]:
    from app.core.region.report_content import ReportKind, report_content
    from app.kernel.workspace import open_workspace
    from app.report import write_report

    written = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WONINGINBRAKEN_DATA_DIR"] = folder
        with open_workspace(build_rsiv(Path(folder))) as workspace:
            werkgroep = report_content(workspace, ReportKind.WERKGROEP, AS_OF)
            rbo = report_content(workspace, ReportKind.RBO, AS_OF)
        pdf = write_report(werkgroep, Path(folder) / "werkgroep.pdf")
        rbo_pdf = write_report(rbo, Path(folder) / "rbo.pdf")
        for source, first, last, stem in (
            (pdf, 1, REPORT_PAGES, "rapportage-werkgroep"),
            (rbo_pdf, 4, 4, "rapportage-rbo"),
        ):
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    str(first),
                    "-l",
                    str(last),
                    str(source),
                    str(OUTPUT / stem),
                ],
                check=True,
            )
        written = sorted(OUTPUT.glob("rapportage-*.png"))
    return written


def register(screen: Callable[[str], Callable[..., object]]) -> None:
    @screen("regio")
    def region(window: object) -> None:
        from PySide6.QtWidgets import QApplication

        from app.kernel.workspace import open_workspace
        from app.ui.region.region_page import RegionPage
        from app.ui.window.main_window import MainWindow

        assert isinstance(window, MainWindow)
        folder = Path(tempfile.mkdtemp(prefix="regio-"))
        workspace = open_workspace(build_rsiv(folder))
        window.attach(workspace)
        page = window.page("overview")
        assert isinstance(page, RegionPage)
        page.clock = lambda: AS_OF
        page.refresh()
        while page.snapshot is None or page.snapshot.overview.today != AS_OF:
            QApplication.processEvents()
            time.sleep(0.02)  # not a busy loop: the figures are computed on the thread pool
        window.destroyed.connect(workspace.close)


if __name__ == "__main__":
    for path in render_report_pages():
        print(path.relative_to(ROOT))
