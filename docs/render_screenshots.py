"""Render the screens offscreen with demo data to docs/screenshots/<name>.png (1366x768).

    .venv/bin/python docs/render_screenshots.py            # every screen
    .venv/bin/python docs/render_screenshots.py goals      # only these
    .venv/bin/python docs/render_screenshots.py --150      # as <name>-150.png: a 1920x1080
                                                           # laptop at 150% (1280x720 usable)

Each screen is one function registered with @screen(name): it gets the main window with the
demo workspace of Gouda attached and brings the screen into view; it may return a widget to
save instead of the window (a dialog). The demo is dated around today (the plan in its tenth
month), so overdue actions and next meetings look as they would during the project.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.ui.window.main_window import MainWindow  # noqa: E402
from app.ui.window.settings import open_settings  # noqa: E402

OUTPUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
# The common municipal laptop: 1920x1080 at 150%, so 1280x720 for the program's layout.
SCALED = "--150"
SCALED_SIZE = (1280, 720)

Render = Callable[[MainWindow], QWidget | None]
SCREENS: dict[str, Render] = {}


def screen(name: str) -> Callable[[Render], Render]:
    def register(render: Render) -> Render:
        SCREENS[name] = render
        return render

    return register


@screen("overview")
def overview(window: MainWindow) -> None:
    window.navigate("overview")
    page = window.page("overview")
    page.refresh()  # type: ignore[attr-defined]
    while not page.figures_loaded:  # type: ignore[attr-defined]
        QApplication.processEvents()
        time.sleep(0.02)  # rate and goal states are computed on the thread pool
    for _ in range(3):  # the new cards are shown and laid out through queued events
        QApplication.processEvents()


@screen("problem")
def problem(window: MainWindow) -> None:
    window.navigate("problem")


@screen("problem-hotshots")
def problem_hotshots(window: MainWindow) -> None:
    window.navigate("problem")
    page = window.page("problem")
    page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]


@screen("hotspots")
def hotspots(window: MainWindow) -> None:
    window.navigate("hotspots")
    page = window.page("hotspots")
    page.detail_tabs.setCurrentIndex(0)  # type: ignore[attr-defined]


@screen("hotspots-dik")
def hotspots_deep_analysis(window: MainWindow) -> None:
    window.navigate("hotspots")
    page = window.page("hotspots")
    page.detail_tabs.setCurrentIndex(1)  # type: ignore[attr-defined]


@screen("hotspots-formulier")
def hotspots_form_comparison(window: MainWindow) -> QWidget:
    """A form the wijkagent filled in, beside the current analysis, before Overnemen."""
    from app.core.hotspots.analysis_forms import make_form, preview_form
    from app.ui.hotspots.form_comparison_dialog import FormComparisonDialog
    from tests.exchange.form_filling import fill_form

    window.navigate("hotspots")
    page = window.page("hotspots")
    hotspot_id = page.editor.current_id()  # type: ignore[attr-defined]
    workspace = window.workspace
    with tempfile.TemporaryDirectory() as folder:
        blank = make_form(workspace, hotspot_id, Path(folder) / "formulier.xlsx")  # type: ignore[arg-type]
        filled = fill_form(blank.path, Path(folder) / "ingevuld.xlsx")
        preview = preview_form(workspace, filled)  # type: ignore[arg-type]
    dialog = FormComparisonDialog(preview, window)
    dialog.resize(1280, 760)
    return dialog


@screen("goals")
def goals(window: MainWindow) -> None:
    window.navigate("goals")


@screen("goals-refused")
def goals_refused(window: MainWindow) -> QWidget:
    """The new-goal dialog after 'Toevoegen' with the unit left empty."""
    window.navigate("goals")
    editor = window.page("goals").editor  # type: ignore[attr-defined]
    editor.start_new()
    dialog = editor.new_dialog
    dialog.form.title.setText("Minder inbraken in Korte Akkeren")
    dialog.form.unit.clear()
    dialog.add_button.click()
    return dialog


@screen("organisation")
def organisation(window: MainWindow) -> None:
    window.navigate("organisation")


@screen("voortgang")
def progress(window: MainWindow) -> None:
    window.navigate("progress")


@screen("cijfers")
def figures(window: MainWindow) -> None:
    window.navigate("figures")
    window.page("figures").tabs.setCurrentIndex(1)  # type: ignore[attr-defined]


@screen("cijfers-scherm-hotspots")
def figures_hotspots(window: MainWindow) -> None:
    window.navigate("figures")
    window.page("figures").tabs.setCurrentIndex(2)  # type: ignore[attr-defined]


@screen("cijfers-scherm-doelstellingen")
def figures_goals(window: MainWindow) -> None:
    window.navigate("figures")
    window.page("figures").tabs.setCurrentIndex(4)  # type: ignore[attr-defined]


@screen("cijfers-importfout")
def figures_import_refused(window: MainWindow) -> QWidget:
    """The error list the import service gives for monthly counts with three mistakes."""
    from app.core.figures.importing import FiguresImportError, import_figures
    from app.ui.packages.import_errors_dialog import ImportErrorsDialog

    window.navigate("figures")
    with tempfile.TemporaryDirectory() as folder:
        broken = Path(folder) / "maandcijfers-2019.csv"
        broken.write_text(
            "periode;gemeentecode;buurtcode;woninginbraken;pogingen\n"
            "2019-01;GM0513;;veel;4\n2019-02;GM0513;;31;-2\n2019-03;GM0513;BU0513999;3;2\n",
            encoding="utf-8",
        )
        try:
            import_figures(window.workspace, broken)  # type: ignore[arg-type]
        except FiguresImportError as error:
            return ImportErrorsDialog(broken.name, error.problems, window)
    raise AssertionError("the broken example file was accepted")


from screenshots_actions import register as register_week_screens  # noqa: E402

register_week_screens(screen)

from screenshots_package import register as register_package_screens  # noqa: E402

register_package_screens(screen)

from screenshots_region import register as register_region_screens  # noqa: E402

register_region_screens(screen)

from screenshots_course import register as register_course_screens  # noqa: E402

register_course_screens(screen)

from screenshots_feedback import register as register_feedback_screens  # noqa: E402

register_feedback_screens(screen)

from screenshots_practices import register as register_practice_screens  # noqa: E402

register_practice_screens(screen)


def render(names: list[str], scaled: bool = False) -> list[Path]:
    from app.demo.gemeente import fill_demo
    from app.kernel.workspace import create_workspace
    from database.enums import WorkspaceRole

    unknown = sorted(set(names) - set(SCREENS))
    if unknown:
        raise SystemExit(f"Onbekend scherm: {', '.join(unknown)}. Kies uit: {', '.join(SCREENS)}")
    from app.ui.window.launch import install_dutch_qt_texts

    if scaled:
        os.environ["QT_SCALE_FACTOR"] = "1.5"  # read when the application starts
    size, suffix = (SCALED_SIZE, "-150") if scaled else (SIZE, "")
    app = QApplication.instance() or QApplication(sys.argv)
    install_dutch_qt_texts(app)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WONINGINBRAKEN_DATA_DIR"] = folder
        workspace = create_workspace(
            Path(folder) / "demo.db", WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True
        )
        fill_demo(workspace, seed=2017)
        settings = open_settings(Path(folder))
        try:
            for name in names or list(SCREENS):
                window = MainWindow(settings)
                window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
                window.resize(*size)
                window.attach(workspace)
                window.show()
                app.processEvents()
                target = SCREENS[name](window) or window
                target.show()
                app.processEvents()
                path = OUTPUT / f"{name}{suffix}.png"
                target.grab().save(str(path))
                saved.append(path)
                window.close()
                window.deleteLater()
                app.processEvents()
        finally:
            workspace.close()
    return saved


if __name__ == "__main__":
    arguments = [argument for argument in sys.argv[1:] if argument != SCALED]
    for written in render(arguments, scaled=SCALED in sys.argv[1:]):
        print(written.relative_to(ROOT))
