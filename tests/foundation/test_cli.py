"""The command line answers in Dutch, on one line, with an exit code scripts can rely on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def test_init_makes_a_workspace_and_check_accepts_it(tmp_path: Path) -> None:
    db = tmp_path / "delft.db"
    created = _run("init", "--db", str(db), "--gemeente", "GM0503")
    assert created.returncode == 0, created.stderr
    assert "Delft" in created.stdout
    assert db.exists()


def test_a_missing_workspace_is_one_dutch_line_and_exit_1(tmp_path: Path) -> None:
    result = _run("dump", "--db", str(tmp_path / "weg.db"))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Fout: ") and "bestaat niet" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_usage_error_is_dutch_and_exit_2(tmp_path: Path) -> None:
    result = _run("init", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert "verplicht" in result.stderr and "--gemeente" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_an_unknown_subcommand_is_dutch() -> None:
    result = _run("verstuur")
    assert result.returncode == 2
    assert "ongeldige keuze" in result.stderr


def test_help_is_dutch() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: woninginbraken")
    for english in ("usage:", "show this help", "positional arguments", "options:"):
        assert english not in result.stdout
    sub = _run("export", "--help")
    assert "toon deze hulp en stop" in sub.stdout
