"""`woninginbraken --selftest`: does this installation work, end to end?

Run by CI in the frozen bundle, and by IT after deploying it to a locked-down laptop. It makes
a workspace, migrates it, fills it with demo data, exports a package and imports it into a
second workspace, loads the PostgreSQL driver (without connecting), draws the charts and the
main window offscreen, and removes what it made. Everything happens in one temporary folder,
and the data folder and matplotlib's cache point into it for the run, so the self-test writes
nothing anywhere else. Each check prints one Dutch line; the exit code is 0 only when all held.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, __version__
from app.kernel.paths import DATA_DIR_ENV

if TYPE_CHECKING:
    from app.kernel.workspace import Workspace

DEMO_MUNICIPALITY = "GM0513"  # Gouda: the memo's example plan
WINDOW_SIZE = (1280, 800)


class SkippedError(Exception):
    """A check that cannot run because an earlier one failed."""


@dataclass
class SelftestRun:
    """What the checks hand on to each other, and everything to close at the end."""

    folder: Path
    workspace: Workspace | None = None
    package: Path | None = None
    cleanups: list[Callable[[], object]] = field(default_factory=list)  # results ignored

    def require_workspace(self) -> Workspace:
        if self.workspace is None:
            raise SkippedError("de werkruimte is niet aangemaakt")
        return self.workspace


def run_selftest() -> int:
    print(f"Zelftest van {APP_NAME} {__version__}", flush=True)
    folder = Path(tempfile.mkdtemp(prefix="woninginbraken-zelftest-"))
    failures = 0
    try:
        with _isolated_environment(folder):
            run = SelftestRun(folder)
            try:
                for check in CHECKS:
                    failures += not _report(check, run)
            finally:
                for cleanup in reversed(run.cleanups):
                    with contextlib.suppress(Exception):
                        cleanup()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        failures += 1
        _print_line("FOUT", f"tijdelijke map niet verwijderd: {folder}")
    else:
        _print_line("OK", "tijdelijke bestanden verwijderd")
    if failures:
        print(f"Zelftest mislukt: {failures} controle(s) niet geslaagd.", flush=True)
        return 1
    print(f"Zelftest geslaagd: alle {len(CHECKS) + 1} controles in orde.", flush=True)
    return 0


@contextlib.contextmanager
def _isolated_environment(folder: Path) -> Iterator[None]:
    """Point the data folder and matplotlib's cache into `folder`; draw Qt offscreen."""
    overrides = {
        DATA_DIR_ENV: str(folder / "gegevens"),
        "MPLCONFIGDIR": str(folder / "matplotlib"),
    }
    if not os.environ.get("QT_QPA_PLATFORM"):
        overrides["QT_QPA_PLATFORM"] = "offscreen"
    saved = {name: os.environ.get(name) for name in overrides}
    os.environ.update(overrides)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _report(check: Callable[[SelftestRun], str], run: SelftestRun) -> bool:
    started = time.perf_counter()
    try:
        detail = check(run)
    except SkippedError as skipped:
        _print_line("FOUT", f"{_label(check)}: overgeslagen, want {skipped}")
        return False
    except Exception as error:
        _print_line("FOUT", f"{_label(check)}: {type(error).__name__}: {error}")
        traceback.print_exc(file=sys.stderr)
        return False
    seconds = time.perf_counter() - started
    duration = f"{seconds:.1f}".replace(".", ",")
    _print_line("OK", f"{detail} ({duration} s)")
    return True


def _print_line(status: str, text: str) -> None:
    print(f"{status:<5} {text}", flush=True)


def _label(check: Callable[[SelftestRun], str]) -> str:
    return (check.__doc__ or check.__name__).strip()


def _create_workspace(run: SelftestRun) -> str:
    """werkruimte aanmaken en migreren"""
    from app.kernel.workspace import create_workspace
    from database import migrate
    from database.enums import WorkspaceRole

    path = run.folder / "gegevens" / "zelftest.db"
    workspace = create_workspace(path, WorkspaceRole.MUNICIPALITY, DEMO_MUNICIPALITY)
    run.workspace = workspace
    run.cleanups.append(workspace.close)
    with workspace.engine.connect() as connection:
        revision = migrate.current_revision(connection)
    if revision != migrate.head_revision():
        raise AssertionError(f"schema {revision}, verwacht {migrate.head_revision()}")
    return f"werkruimte aangemaakt en gemigreerd naar schema {revision}"


def _second_instance_refused(run: SelftestRun) -> str:
    """tweede opening van dezelfde werkruimte weigeren"""
    from app.kernel.errors import WorkspaceLockedError
    from app.kernel.workspace import open_workspace

    workspace = run.require_workspace()
    assert workspace.path is not None  # the self-test's workspace is a file
    try:
        second = open_workspace(workspace.path)
    except WorkspaceLockedError:
        return "tweede opening van dezelfde werkruimte geweigerd (vergrendeld)"
    second.close()
    raise AssertionError("de werkruimte kon twee keer tegelijk worden geopend")


def _fill_demo(run: SelftestRun) -> str:
    """demogegevens vullen"""
    from app.core.overview.overview import plan_counts
    from app.demo.gemeente import fill_demo

    workspace = run.require_workspace()
    fill_demo(workspace)
    counts = plan_counts(workspace)
    if not counts.measures or not counts.hotspots:
        raise AssertionError("de demowerkruimte heeft geen maatregelen of hotspots")
    return (
        f"demogegevens gevuld: {counts.hotspots} hotspots, {counts.measures} maatregelen, "
        f"{counts.goals} doelstellingen"
    )


def _export_package(run: SelftestRun) -> str:
    """pakket exporteren"""
    from app.core.packages.export import export_package

    workspace = run.require_workspace()
    result = export_package(workspace, run.folder / "pakket.xlsx", accept_findings=True)
    if result.path.stat().st_size == 0:
        raise AssertionError("het pakket is leeg")
    run.package = result.path
    return f"pakket geëxporteerd: {result.record_count} rijen in {result.path.name}"


def _import_package(run: SelftestRun) -> str:
    """pakket inlezen in een tweede werkruimte"""
    from app.core.overview.overview import plan_counts
    from app.core.packages.importer import import_package
    from app.kernel.workspace import create_workspace
    from database.enums import WorkspaceRole

    workspace = run.require_workspace()
    if run.package is None:
        raise SkippedError("er is geen pakket geëxporteerd")
    path = run.folder / "gegevens" / "tweede-laptop.db"
    # A demo workspace: the demo package is refused by a real one.
    second = create_workspace(path, WorkspaceRole.MUNICIPALITY, DEMO_MUNICIPALITY, is_demo=True)
    run.cleanups.append(second.close)
    preview = import_package(second, run.package)
    errors = [problem for problem in preview.problems if problem.is_error]
    if errors:
        raise AssertionError(f"het pakket werd geweigerd: {errors[0]}")
    if plan_counts(second) != plan_counts(workspace):
        raise AssertionError("de tweede werkruimte bevat niet hetzelfde plan")
    return f"pakket ingelezen in een tweede werkruimte: {preview.change_count} wijzigingen"


def _postgres_driver(run: SelftestRun) -> str:
    """PostgreSQL-stuurprogramma voor de RSIV-werkruimte op een server"""
    import psycopg
    from psycopg import pq

    # Loads libpq and parses an address as the program does; nothing connects.
    libpq = pq.version()
    options = psycopg.conninfo.conninfo_to_dict("postgresql://rsiv@/woninginbraken?host=/map")
    if options.get("dbname") != "woninginbraken":
        raise AssertionError(f"een adres werd verkeerd gelezen: {options}")
    return (
        f"PostgreSQL-stuurprogramma aanwezig: psycopg {psycopg.__version__} ({pq.__impl__}), "
        f"libpq {libpq // 10000}.{libpq % 10000}"
    )


def _numpy_arithmetic(run: SelftestRun) -> str:
    """rekenen met NumPy (BLAS en LAPACK)"""
    import numpy as np

    # Known answers: the Linux bundle swaps NumPy's OpenBLAS for reference BLAS and LAPACK.
    rows = [[50.0 * i + j for j in range(50)] for i in range(50)]
    # The sum of all entries of a matrix squared: column sums times row sums.
    product = sum(sum(row[k] for row in rows) * sum(rows[k]) for k in range(50))
    matrix = np.array([[4.0, 1.0, 2.0], [1.0, 5.0, 3.0], [2.0, 3.0, 6.0]])
    years = np.arange(7.0)
    outcomes = {
        "matrixproduct": ((np.array(rows) @ np.array(rows)).sum(), product),
        "vergelijkingen oplossen": (np.linalg.solve(matrix, [8.0, 0.0, 14.0]), [1.0, -2.0, 3.0]),
        "determinant": (np.linalg.det(matrix), 70.0),
        "inverse": (np.linalg.inv(matrix) @ matrix, np.eye(3)),
        "trendlijn": (np.polyfit(years, 3 * years**2 + 1, 2), [3.0, 0.0, 1.0]),
        "eigenwaarden": (np.linalg.eigvalsh([[2.0, 1.0], [1.0, 2.0]]), [1.0, 3.0]),
    }
    wrong = [name for name, (got, want) in outcomes.items() if not np.allclose(got, want)]
    if wrong:
        raise AssertionError(f"verkeerde uitkomst: {', '.join(wrong)}")
    return f"rekenen met NumPy klopt ({', '.join(outcomes)})"


def _dutch_sorting(run: SelftestRun) -> str:
    """Nederlands sorteren (ICU)"""
    from PySide6.QtCore import QCollator, QLocale

    # On Linux Qt sorts with ICU's data, which the bundle keeps for Dutch and English only.
    dutch = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    words = ["Zaandam", "ijs", "Émile", "appel", "IJsselstein", "école"]
    expected = ["appel", "école", "Émile", "ijs", "IJsselstein", "Zaandam"]
    ordered = sorted(words, key=QCollator(dutch).sortKey)
    if ordered != expected:
        raise AssertionError(f"volgorde {ordered}, verwacht {expected}")
    return f"Nederlands gesorteerd: {', '.join(ordered)}"


def _render_charts(run: SelftestRun) -> str:
    """grafieken tekenen"""
    from app.analysis.charts.style import save_chart
    from app.core.figures.charts import ChartKind, build_chart
    from app.core.figures.figures import load_figures

    workspace = run.require_workspace()
    figures = load_figures(workspace)
    place = workspace.summary.display_name
    for kind in ChartKind:
        for suffix in (".png", ".svg"):
            path = save_chart(build_chart(figures, kind, place), run.folder / f"{kind}{suffix}")
            if path.stat().st_size == 0:
                raise AssertionError(f"{path.name} is leeg")
    return f"{len(ChartKind)} grafieken getekend als PNG en SVG"


def _render_main_window(run: SelftestRun) -> str:
    """hoofdvenster offscreen tekenen"""
    from PySide6.QtWidgets import QApplication

    from app.ui.window.areas import AREAS
    from app.ui.window.main_window import MainWindow
    from app.ui.window.settings import open_settings

    workspace = run.require_workspace()
    slot_errors = _collect_slot_errors(run)
    application = QApplication.instance() or QApplication([sys.argv[0]])
    settings = open_settings(run.folder)
    window = MainWindow(settings)
    # Closing saves the window layout; syncing now writes it before the folder is removed.
    run.cleanups.extend((settings.sync, window.close))
    window.resize(*WINDOW_SIZE)
    window.show()
    window.attach(workspace)
    for area in AREAS:
        window.navigate(area.key)
        application.processEvents()
        if slot_errors or window.page(area.key) is None:
            reason = slot_errors[0] if slot_errors else "geen scherm gemaakt"
            raise AssertionError(f"het scherm '{area.title}' werkt niet: {reason}")
        picture = window.grab()
        if picture.isNull() or picture.width() < WINDOW_SIZE[0] // 2:
            raise AssertionError(f"het scherm '{area.title}' is niet getekend")
    picture.save(str(run.folder / "hoofdvenster.png"))
    return (
        f"hoofdvenster en {len(AREAS)} schermen getekend "
        f"({QApplication.platformName()}, {picture.width()} bij {picture.height()} pixels)"
    )


def _collect_slot_errors(run: SelftestRun) -> list[str]:
    """Errors raised in Qt slots: Qt reports them through sys.excepthook and carries on."""
    errors: list[str] = []
    previous = sys.excepthook

    def collect(kind: type[BaseException], error: BaseException, trace: object) -> None:
        errors.append(f"{kind.__name__}: {error}")
        previous(kind, error, trace)  # type: ignore[arg-type]

    sys.excepthook = collect
    run.cleanups.append(lambda: setattr(sys, "excepthook", previous))
    return errors


CHECKS: tuple[Callable[[SelftestRun], str], ...] = (
    _create_workspace,
    _second_instance_refused,
    _fill_demo,
    _export_package,
    _import_package,
    _postgres_driver,
    _numpy_arithmetic,
    _dutch_sorting,
    _render_charts,
    _render_main_window,
)
