"""Runs one mutated file through the real entry point and checks the invariant.

The entry point is `app.cli.main`, the function `python -m app` calls; a sample of cases
also runs as a real subprocess, whose peak memory (ru_maxrss) is measured. The invariant:
exit 0, 1 or 2 (never 70 or an abort), no traceback, each problem one Dutch line, the
workspace byte-identical unless the file was accepted, under 1 GB and 60 s.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.cli import main
from tests.fuzz.corpus import Corpus
from tests.fuzz.mutations import mutate_csv, mutate_xlsx

MAX_SECONDS = 60.0
MAX_MEMORY_KB = 1024 * 1024
KINDS = ("pakket", "pakket-rsiv", "formulier", "terugkoppeling", "cijfers-csv", "cijfers-xlsx")
ROOT = Path(__file__).resolve().parents[2]
# English a library would print, or a Python traceback: never for a user.
_FOREIGN = re.compile(
    r"Traceback|File \"|Error\b|Exception|invalid literal|not supported|object has no|"
    r"onverwachts|could not|cannot|unexpected|panicked|backtrace",
)


@dataclass(frozen=True)
class Outcome:
    kind: str
    mutation: str
    exit_code: int
    seconds: float
    stderr: str
    workspace_changed: bool
    memory_kb: int | None = None  # measured for subprocess cases only

    def breaks(self) -> list[str]:
        """Every way this case broke the invariant (empty: it held)."""
        found = []
        if self.exit_code not in (0, 1, 2):
            found.append(f"exit {self.exit_code}")
        if _FOREIGN.search(self.stderr):
            found.append("traceback of Engelse bibliotheektekst")
        if self.exit_code == 1 and not self.stderr.strip():
            found.append("weigering zonder uitleg")
        if any(len(line) > 4000 for line in self.stderr.splitlines()):
            found.append("probleemregel langer dan 4000 tekens")
        if self.workspace_changed and self.exit_code != 0:
            found.append("werkruimte gewijzigd zonder exit 0")
        if self.seconds > MAX_SECONDS:
            found.append(f"{self.seconds:.0f} s")
        if self.memory_kb is not None and self.memory_kb > MAX_MEMORY_KB:
            found.append(f"{self.memory_kb // 1024} MB")
        return found


def case_file(corpus: Corpus, kind: str, rng: random.Random, folder: Path) -> tuple[str, Path]:
    """A mutated file of `kind`, written into `folder`."""
    seed = {
        "pakket": corpus.package,
        "pakket-rsiv": corpus.package,
        "formulier": corpus.form,
        "terugkoppeling": corpus.feedback,
        "cijfers-csv": corpus.figures_csv,
        "cijfers-xlsx": corpus.figures_xlsx,
    }[kind]
    data = seed.read_bytes()
    mutation, mutated = mutate_csv(rng, data) if kind == "cijfers-csv" else mutate_xlsx(rng, data)
    target = folder / seed.name
    target.write_bytes(mutated)
    return mutation, target


def arguments(kind: str, database: Path, file: Path) -> list[str]:
    if kind == "pakket-rsiv":
        # A proefrun: a real merge records a refused package in the RSIV's inbox, by design.
        return ["import", "--db", str(database), str(file), "--dry-run"]
    if kind == "pakket":
        return ["import", "--db", str(database), str(file)]
    if kind == "formulier":
        return ["import-form", "--db", str(database), str(file), "--accept"]
    if kind == "terugkoppeling":
        return ["feedback-import", "--db", str(database), str(file)]
    return ["figures", "--db", str(database), str(file)]


def run_case(
    corpus: Corpus, kind: str, seed: int, folder: Path, *, subprocess_run: bool = False
) -> Outcome:
    """One case: a fresh copy of the workspace, the mutated file, the real entry point."""
    rng = random.Random(f"{kind}-{seed}")
    mutation, file = case_file(corpus, kind, rng, folder)
    pristine = corpus.rsiv if kind == "pakket-rsiv" else corpus.gemeente
    database = folder / pristine.name
    shutil.copyfile(pristine, database)
    before = _digest(database)
    started = time.perf_counter()
    memory = None
    if subprocess_run:
        code, stderr, memory = _in_subprocess(arguments(kind, database, file))
    else:
        errors = io.StringIO()
        with (
            _native_stderr() as native,
            contextlib.redirect_stderr(errors),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            try:
                code = main(arguments(kind, database, file))
            except SystemExit as leaving:  # argparse's usage error
                code = int(leaving.code or 0)
        stderr = errors.getvalue() + "".join(native)
    seconds = time.perf_counter() - started
    return Outcome(kind, mutation, code, seconds, stderr, _digest(database) != before, memory)


@contextlib.contextmanager
def _native_stderr() -> Iterator[list[str]]:
    """What native code (Rust, C) writes to file descriptor 2, which sys.stderr misses."""
    sys.stderr.flush()
    saved = os.dup(2)
    written: list[str] = []
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield written
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            written.append(captured.read().decode("utf-8", errors="replace"))


def _in_subprocess(argv: list[str]) -> tuple[int, str, int]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=ROOT,
    )
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    code = process.returncode if process.returncode >= 0 else 128 - process.returncode
    return code, stderr, usage.ru_maxrss


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
