"""Killing a real command with SIGKILL at seeded moments, and reading what it left behind.

A command runs as `python -m app ...` in a subprocess with its own data folder. Half of the
kills fall anywhere in a run; the other half after a marker (e.g. the backup that precedes the
write), so the write phase itself is hit, not only the interpreter's start-up.
"""

from __future__ import annotations

import ctypes
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.inspection.dump import dump_workspace
from app.kernel.paths import DATA_DIR_ENV
from app.kernel.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"
Marker = Callable[[], bool]


def start(argv: list[str], data: Path) -> subprocess.Popen[bytes]:
    """`python -m app ARGV`, or `python -c CODE` when argv is ["-c", CODE]."""
    environment = _environment(data)
    command = [sys.executable, *argv] if argv[0] == "-c" else [sys.executable, "-m", "app", *argv]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def run(argv: list[str], data: Path, *, as_user: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the command to its end; `as_user`: without root's right to write everywhere."""
    environment = _environment(data)
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=_as_a_user if as_user else None,
    )


def _environment(data: Path) -> dict[str, str]:
    """The data folder `data`; matplotlib's cache where the program itself puts it."""
    environment = {**os.environ, DATA_DIR_ENV: str(data)}
    environment.pop("MPLCONFIGDIR", None)
    return environment


PR_CAPBSET_DROP = 24
# Root writes everywhere; without these the folder's rights apply to it as to a user.
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def _as_a_user() -> None:
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")


def one_dutch_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The refusal: exit 1, one line on stderr with `words`, no traceback or English errno."""
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Fout: "), result.stderr
    for english in ("Traceback", "Errno", "malformed", "*** in database", "Permission denied"):
        assert english not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@dataclass(frozen=True)
class Timing:
    total: float  # seconds from start to exit
    after_marker: float  # seconds from the marker to exit


def timed(argv: list[str], data: Path, marker: Marker) -> Timing:
    """A full run, to know where the kills can fall; the command must succeed."""
    began = time.perf_counter()
    process = start(argv, data)
    marked = wait_for(marker, process) or time.perf_counter()
    assert process.wait() == 0, f"{argv} failed without a kill"
    ended = time.perf_counter()
    return Timing(ended - began, ended - marked)


def wait_for(marker: Marker, process: subprocess.Popen[bytes]) -> float | None:
    """The moment `marker` holds, or None when the process ended first."""
    while process.poll() is None:
        if marker():
            return time.perf_counter()
        time.sleep(0.001)
    return None


def kill_during(
    argv: list[str], data: Path, marker: Marker, timing: Timing, rng: random.Random, number: int
) -> None:
    """Start the command and SIGKILL it: anywhere (even numbers) or after the marker (odd)."""
    process = start(argv, data)
    if number % 2 == 0:
        time.sleep(rng.uniform(0, timing.total))
    else:
        wait_for(marker, process)
        time.sleep(rng.uniform(0, timing.after_marker))
    process.send_signal(signal.SIGKILL)
    process.wait()


def state(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every record, as `dump` shows it."""
    with open_workspace(path) as workspace:
        return dump_workspace(workspace)


def revision_and_tables(path: Path) -> tuple[str, frozenset[str]]:
    """What a killed process left, read without opening (and so without migrating) it."""
    connection = sqlite3.connect(path)
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        tables = frozenset(
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
    finally:
        connection.close()
    return revision, tables


def kill_seed(name: str) -> random.Random:
    """One seeded generator per command, so a failing moment can be replayed."""
    return random.Random(f"2017-{name}")
