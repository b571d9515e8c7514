"""The project's course for the handleiding: timeline, plan revisions, the evaluation.

    .venv/bin/python docs/render_screenshots.py tijdlijn tijdlijn-rsiv planversies evaluatie
    .venv/bin/python docs/screenshots_course.py   # the evaluation PDFs' pages (poppler)

The gemeente screens use the Gouda demo; the RSIV ones nine merged demo packages. The demo is
dated around today, which is the peildatum of the timeline.
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
sys.path.insert(0, str(ROOT / "docs"))

OUTPUT = ROOT / "docs" / "screenshots"


def render_evaluation_pages() -> list[Path]:
    """Every page of the Gouda evaluation and of the regional evaluation, at 60 dpi."""
    from screenshots_region import build_rsiv

    from app.kernel.workspace import open_workspace
    from app.report.evaluation_export import write_evaluation

    with tempfile.TemporaryDirectory() as folder:
        os.environ["WONINGINBRAKEN_DATA_DIR"] = folder
        rsiv_path = build_rsiv(Path(folder))
        with open_workspace(Path(folder) / "GM0513.db") as gouda:
            gemeente_pdf, _ = write_evaluation(gouda, Path(folder) / "gouda.pdf", date.today())
        with open_workspace(rsiv_path) as rsiv:
            regional_pdf, _ = write_evaluation(rsiv, Path(folder) / "regio.pdf", date.today())
        for old in OUTPUT.glob("evaluatie-pdf-*.png"):
            old.unlink()
        for source, stem in (
            (gemeente_pdf, "evaluatie-pdf-gemeente"),
            (regional_pdf, "evaluatie-pdf-regio"),
        ):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", str(source), str(OUTPUT / stem)], check=True
            )
    return sorted(OUTPUT.glob("evaluatie-pdf-*.png"))


def register(screen: Callable[[str], Callable[..., object]]) -> None:
    @screen("tijdlijn")
    def timeline(window: object) -> None:
        from app.ui.window.main_window import MainWindow

        assert isinstance(window, MainWindow)
        window.navigate("timeline")

    @screen("tijdlijn-rsiv")
    def timeline_region(window: object) -> None:
        from screenshots_region import build_rsiv

        from app.kernel.workspace import open_workspace
        from app.ui.window.main_window import MainWindow

        assert isinstance(window, MainWindow)
        folder = Path(tempfile.mkdtemp(prefix="tijdlijn-"))
        workspace = open_workspace(build_rsiv(folder))
        window.attach(workspace)
        window.navigate("timeline")
        window.destroyed.connect(workspace.close)

    @screen("planversies")
    def revisions(window: object) -> None:
        from app.ui.window.main_window import MainWindow

        assert isinstance(window, MainWindow)
        window.navigate("revisions")
        page = window.page("revisions")
        page.older.setCurrentIndex(0)  # type: ignore[union-attr]
        page.newer.setCurrentIndex(1)  # type: ignore[union-attr]

    @screen("evaluatie")
    def evaluation(window: object) -> None:
        from app.ui.window.main_window import MainWindow

        assert isinstance(window, MainWindow)
        window.navigate("evaluation")

    @screen("evaluatie-b3w")
    def evaluation_checklist(window: object) -> None:
        from PySide6.QtWidgets import QApplication, QScrollArea

        from app.ui.window.main_window import MainWindow

        assert isinstance(window, MainWindow)
        window.navigate("evaluation")
        page = window.page("evaluation")
        QApplication.processEvents()
        area = page.findChild(QScrollArea)  # type: ignore[union-attr]
        area.ensureWidgetVisible(page.b3w)  # type: ignore[union-attr]
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())

    @screen("evaluatie-rsiv")
    def evaluation_region(window: object) -> None:
        from PySide6.QtWidgets import QApplication
        from screenshots_region import build_rsiv

        from app.kernel.workspace import open_workspace
        from app.ui.window.main_window import MainWindow

        assert isinstance(window, MainWindow)
        folder = Path(tempfile.mkdtemp(prefix="evaluatie-"))
        workspace = open_workspace(build_rsiv(folder))
        window.attach(workspace)
        window.navigate("evaluation")
        page = window.page("evaluation")
        while page.regional is None:  # type: ignore[union-attr]
            QApplication.processEvents()
            time.sleep(0.02)  # the figures are computed on the thread pool
        window.destroyed.connect(workspace.close)


if __name__ == "__main__":
    for path in render_evaluation_pages():
        print(path.relative_to(ROOT))
