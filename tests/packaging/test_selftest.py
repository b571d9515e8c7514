"""`python -m app --selftest` from source: every check passes, and nothing is left behind.

The frozen bundle runs the same self-test in CI (packaging/ci_build_and_selftest.sh).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.selftest import CHECKS

REPOSITORY = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class SelftestOutcome:
    returncode: int
    lines: list[str]
    stderr: str
    home: Path
    temp: Path
    data: Path


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> SelftestOutcome:
    """One self-test run with an empty HOME, temp folder and data folder of its own."""
    home = tmp_path_factory.mktemp("home")
    temp = tmp_path_factory.mktemp("temp")
    data = tmp_path_factory.mktemp("data")
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("XDG_", "QT_", "MPL")) and name != "PYTHONDONTWRITEBYTECODE"
    }
    # No QT_QPA_PLATFORM: the self-test must choose offscreen drawing by itself.
    environment.update(
        HOME=str(home), TMPDIR=str(temp), WONINGINBRAKEN_DATA_DIR=str(data),
        PYTHONDONTWRITEBYTECODE="1",
    )  # fmt: skip
    completed = subprocess.run(
        [sys.executable, "-m", "app", "--selftest"],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return SelftestOutcome(
        completed.returncode, completed.stdout.splitlines(), completed.stderr, home, temp, data
    )


def test_the_selftest_passes_and_prints_each_check(outcome: SelftestOutcome) -> None:
    statuses = [line for line in outcome.lines if line.startswith(("OK ", "FOUT "))]
    assert outcome.returncode == 0, "\n".join(outcome.lines) + outcome.stderr
    assert len(statuses) == len(CHECKS) + 1  # and the removal of its temporary folder
    assert all(line.startswith("OK ") for line in statuses)
    assert outcome.lines[0].startswith("Zelftest van Aanpak Woninginbraken")
    assert outcome.lines[-1].startswith("Zelftest geslaagd")
    for expected in (
        "werkruimte aangemaakt",
        "demogegevens gevuld",
        "pakket geëxporteerd",
        "pakket ingelezen in een tweede werkruimte",
        "PostgreSQL-stuurprogramma aanwezig: psycopg 3.",
        "grafieken getekend",
        "hoofdvenster en",
    ):
        assert any(expected in line for line in statuses), expected


def test_the_selftest_leaves_the_data_folder_and_temp_folder_empty(
    outcome: SelftestOutcome,
) -> None:
    assert list(outcome.data.iterdir()) == []
    assert list(outcome.temp.iterdir()) == []


def test_the_selftest_writes_nothing_in_home(outcome: SelftestOutcome) -> None:
    written = sorted(str(path.relative_to(outcome.home)) for path in outcome.home.rglob("*"))
    assert written == []


def test_a_failing_check_is_reported_in_dutch_and_fails_the_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app import selftest

    def broken(run: selftest.SelftestRun) -> str:
        """werkruimte aanmaken en migreren"""
        raise OSError("schijf vol")

    monkeypatch.setattr(selftest, "CHECKS", (broken, selftest._fill_demo))
    assert selftest.run_selftest() == 1
    lines = capsys.readouterr().out.splitlines()
    assert "FOUT  werkruimte aanmaken en migreren: OSError: schijf vol" in lines
    assert "FOUT  demogegevens vullen: overgeslagen, want de werkruimte is niet aangemaakt" in lines
    assert lines[-1].startswith("Zelftest mislukt")
