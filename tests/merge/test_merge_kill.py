"""A merge killed at any moment leaves the old or the new state of the gemeente, never a mix.

The command runs in a subprocess and gets SIGKILL (no clean-up of any kind) at random moments:
half spread over the whole run, half in the write phase, which starts when the backup before
the merge appears. Each time the workspace must hold Gouda's old or new records exactly, the
other gemeenten unchanged, and pass `check`.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.core.matrix.measures import delete_measure, measure_rows, update_measure
from app.core.packages.export import export_package
from app.core.packages.history import import_history
from app.core.packages.merge import merge_package
from app.kernel.paths import DATA_DIR_ENV
from app.kernel.workspace import Workspace, open_workspace
from tests.merge.conftest import GOUDA, DemoPackages, merged_data, rows_of

KILLS = 20
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@pytest.fixture
def rsiv_store() -> str:
    """Backups and copies of the workspace file: SQLite only."""
    return "sqlite"


def test_killing_a_merge_leaves_the_old_or_the_new_state(
    demo_packages: DemoPackages,
    gouda_workspace: Workspace,
    new_rsiv: Callable[..., Workspace],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rsiv = new_rsiv()
    for path in demo_packages.by_code.values():
        assert merge_package(rsiv, path).merged
    pristine = tmp_path / "voor.db"
    rsiv.close()
    shutil.copy(rsiv.path, pristine)
    newer = _newer_gouda_package(gouda_workspace)
    old_state = _state(pristine)
    new_state = _merged_copy(pristine, newer, tmp_path / "na.db")
    assert old_state[0] != new_state[0] and old_state[1] == new_state[1]

    duration, write_phase = _timed_run(pristine, newer, tmp_path)
    rng = random.Random(2017)
    outcomes = []
    for number in range(KILLS):
        target = tmp_path / "doel.db"
        for leftover in tmp_path.glob("doel.db*"):
            leftover.unlink()
        shutil.copy(pristine, target)
        data = tmp_path / f"data-{number}"
        process = _start_merge(target, newer, data)
        if number % 2 == 0:
            time.sleep(rng.uniform(0, duration))
        else:
            _wait_for_backup(data, process)
            time.sleep(rng.uniform(0, write_phase))
        process.send_signal(signal.SIGKILL)
        process.wait()

        state = _state(target)
        assert state in (old_state, new_state), f"kill {number}: a mix of old and new"
        outcomes.append("nieuw" if state == new_state else "oud")
        assert main(["check", "--db", str(target)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    print(
        f"after {KILLS} kills (run {duration:.2f} s, write phase {write_phase:.3f} s): "
        f"{outcomes.count('oud')} old, {outcomes.count('nieuw')} new"
    )
    assert "oud" in outcomes


def _newer_gouda_package(workspace: Workspace) -> Path:
    measures = measure_rows(workspace)
    for row in measures[:10]:
        update_measure(workspace, row.id, replace(row.data, title=f"{row.data.title} (herzien)"))
    for row in measures[10:14]:
        delete_measure(workspace, row.id)
    path = workspace.path.with_name("gouda-2.xlsx")
    export_package(workspace, path, accept_findings=True)
    return path


def _state(path: Path) -> tuple[object, object, object]:
    """Gouda's records, everyone else's, and the merged history rows of Gouda."""
    with open_workspace(path) as workspace:
        dump = merged_data(workspace)
        history = sorted(
            (row.sequence, row.outcome.value)
            for row in import_history(workspace)
            if row.municipality_code == GOUDA
        )
    return rows_of(dump, GOUDA), rows_of(dump, GOUDA, other=True), history


def _merged_copy(pristine: Path, package: Path, target: Path) -> tuple[object, object, object]:
    shutil.copy(pristine, target)
    with open_workspace(target) as workspace:
        assert merge_package(workspace, package).merged
    return _state(target)


def _start_merge(target: Path, package: Path, data: Path) -> subprocess.Popen[bytes]:
    environment = {**os.environ, DATA_DIR_ENV: str(data)}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "import", "--db", str(target), str(package)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _timed_run(pristine: Path, package: Path, folder: Path) -> tuple[float, float]:
    """How long the whole command takes, and how long from the backup to its end."""
    target = folder / "getimed.db"
    shutil.copy(pristine, target)
    start = time.perf_counter()
    process = _start_merge(target, package, folder / "data-getimed")
    _wait_for_backup(folder / "data-getimed", process)
    backed_up = time.perf_counter()
    assert process.wait() == 0
    end = time.perf_counter()
    return end - start, end - backed_up


def _wait_for_backup(data: Path, process: subprocess.Popen[bytes]) -> None:
    """Until the backup before the merge is complete: the transaction starts right after."""
    backups = data / "backups"
    while process.poll() is None:
        if backups.is_dir() and any(backups.rglob("*voor-samenvoegen*.db")):
            return
        time.sleep(0.001)
