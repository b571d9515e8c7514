"""`feedback-export` and `feedback-import` on the command line: exit codes and messages."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.core.feedback.suggestions import add_suggestion
from app.kernel.workspace import Workspace
from tests.exchange.conftest import file_hash
from tests.exchange.test_cli import _run
from tests.feedback.conftest import GOUDA, WERKGROEP


def test_export_for_gouda_import_once_then_refused(
    rsiv_nine: Workspace, region_sources: Path, tmp_path: Path
) -> None:
    add_suggestion(rsiv_nine, GOUDA, WERKGROEP, "Plan een preventieavond in de hotspot.")
    rsiv = rsiv_nine.path or rsiv_nine.server
    rsiv_nine.close()
    gouda = tmp_path / "gouda.db"
    shutil.copy(region_sources / f"{GOUDA}.db", gouda)
    data, out = tmp_path / "data", tmp_path / "terugkoppeling.xlsx"

    made = _run(
        "feedback-export", "--db", str(rsiv), "--gemeente", GOUDA, "--out", str(out), data_dir=data
    )
    assert made.returncode == 0, made.stderr
    assert "Terugkoppeling gemaakt voor Gouda" in made.stdout and "1 suggestie" in made.stdout

    read = _run("feedback-import", "--db", str(gouda), str(out), data_dir=data)
    assert read.returncode == 0, read.stderr
    assert "15-03-2018" in read.stdout and "het plan is niet gewijzigd" in read.stdout

    before = file_hash(gouda)
    again = _run("feedback-import", "--db", str(gouda), str(out), data_dir=data)
    assert again.returncode == 1
    assert "al ingelezen" in again.stderr
    assert file_hash(gouda) == before

    plan = _run(
        "feedback-import",
        "--db",
        str(gouda),
        str(region_sources / f"pakket-{GOUDA}.xlsx"),
        data_dir=data,
    )
    assert plan.returncode == 1 and "Bestand > Pakket importeren" in plan.stderr


def test_export_for_all_into_a_folder_and_refusals(rsiv_nine: Workspace, tmp_path: Path) -> None:
    rsiv = rsiv_nine.path or rsiv_nine.server
    rsiv_nine.close()
    data, folder = tmp_path / "data", tmp_path / "uit"
    folder.mkdir()
    made = _run("feedback-export", "--db", str(rsiv), "--out", str(folder), data_dir=data)
    assert made.returncode == 0, made.stderr
    assert len(list(folder.glob("terugkoppeling-*.xlsx"))) == 9

    unknown = _run(
        "feedback-export",
        "--db",
        str(rsiv),
        "--gemeente",
        "GM9999",
        "--out",
        str(tmp_path / "x.xlsx"),
        data_dir=data,
    )
    assert unknown.returncode == 1 and "doet niet mee" in unknown.stderr
    delft = next(folder.glob("terugkoppeling-Delft-*.xlsx"))
    in_rsiv = _run("feedback-import", "--db", str(rsiv), str(delft), data_dir=data)
    assert in_rsiv.returncode == 1 and "werkruimte van die gemeente" in in_rsiv.stderr
