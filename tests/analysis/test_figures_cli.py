"""`figures` and `status` on the command line, as a script would run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def test_import_then_status(tmp_path: Path) -> None:
    db = tmp_path / "gouda.db"
    assert _run("init", "--db", db, "--gemeente", "GM0513").returncode == 0
    for name in ("woningvoorraad.csv", "maandcijfers.csv"):
        result = _run("figures", "--db", db, EXAMPLES / name)
        assert result.returncode == 0, result.stderr
    again = _run("figures", "--db", db, EXAMPLES / "maandcijfers.csv")
    assert "36 eerder ingelezen regels voor dezelfde periode vervangen" in again.stdout

    status = _run("status", "--db", db)
    assert status.returncode == 0, status.stderr
    assert "Inbraakrisico (12 maanden t/m dec 2017): 15,5 per 1.000 woningen" in status.stdout

    data = json.loads(_run("status", "--db", db, "--json").stdout)
    assert data["rate"]["burglaries_12_months"] == 504
    assert data["rate"]["per_1000_dwellings"] == 504 / 32_560 * 1000
    assert data["goals"] == [] and data["overdue_actions"] == []


def test_a_refused_file_is_one_error_on_stderr(tmp_path: Path) -> None:
    db = tmp_path / "gouda.db"
    _run("init", "--db", db, "--gemeente", "GM0513")
    broken = tmp_path / "kapot.csv"
    broken.write_text("periode;gemeentecode;woninginbraken;pogingen\n2018-01;GM0513;-3;0\n")
    result = _run("figures", "--db", db, broken)
    assert result.returncode == 1
    assert result.stderr.startswith("Fout: kapot.csv is niet ingelezen")
    assert "Rij 2, kolom 'woninginbraken': '-3' is negatief" in result.stderr


def test_status_of_the_demo_lists_goals_with_their_state(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert _run("demo", "--db", db, "--gemeente", "GM0513").returncode == 0
    data = json.loads(_run("status", "--db", db, "--json").stdout)
    assert data["goals"]
    assert {goal["state"] for goal in data["goals"]} <= {"on_track", "at_risk", "behind", "unknown"}
    assert all(action["due_date"] < data["today"] for action in data["overdue_actions"])
    assert data["overdue_actions"]  # the demo plan ran in 2018-2019
