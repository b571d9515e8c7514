"""`form` and `import-form` on the command line: the same services, Dutch output, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.core.hotspots.hotspot_list import list_hotspots
from app.core.hotspots.hotspots import current_analysis
from app.kernel.workspace import Workspace, open_workspace
from database.enums import AnalysisState
from tests.exchange.form_filling import fill_form


def test_make_check_and_accept_a_form(
    demo_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hotspot = list_hotspots(demo_workspace)[2]
    database = demo_workspace.path
    demo_workspace.close()
    blank = tmp_path / "formulier.xlsx"

    assert main(["form", "--db", str(database), "--hotspot", hotspot.id, "--out", str(blank)]) == 0
    assert "Formulier gemaakt" in capsys.readouterr().out
    filled = fill_form(blank, tmp_path / "ingevuld.xlsx")

    assert main(["import-form", "--db", str(database), str(filled), "--dry-run"]) == 0
    shown = capsys.readouterr()
    assert "gewijzigd: 1. Dader" in shown.out and "Er is niets gewijzigd" in shown.out
    assert "12-03-2018" in shown.err  # the date typed as text, read as a date

    assert main(["import-form", "--db", str(database), str(filled), "--accept"]) == 0
    with open_workspace(database) as workspace:
        stored = current_analysis(workspace, hotspot.id)
    assert stored is not None and stored.state is AnalysisState.RECEIVED


def test_a_refused_form_exits_with_1(
    demo_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = demo_workspace.path
    demo_workspace.close()
    other = tmp_path / "iets.xlsx"
    other.write_bytes(b"PK\x03\x04 geen werkmap")

    assert main(["import-form", "--db", str(database), str(other)]) == 1
    assert "de werkruimte is niet gewijzigd" in capsys.readouterr().err


@pytest.mark.parametrize("how", ["name", "buurtcode", "name in other case"])
def test_form_takes_the_hotspot_by_its_name_or_buurtcode(
    demo_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    hotspot = list_hotspots(demo_workspace)[1]
    reference = {
        "name": hotspot.label,
        "buurtcode": hotspot.neighbourhood_code,
        "name in other case": hotspot.label.upper(),
    }[how]
    database = demo_workspace.path
    demo_workspace.close()
    blank = tmp_path / "formulier.xlsx"

    assert main(["form", "--db", str(database), "--hotspot", reference, "--out", str(blank)]) == 0
    assert f"hotspot {hotspot.label}," in capsys.readouterr().out
    assert blank.exists()


def test_an_unknown_hotspot_is_refused_with_the_names_to_choose_from(
    demo_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hotspots = list_hotspots(demo_workspace)
    database = demo_workspace.path
    demo_workspace.close()
    blank = tmp_path / "formulier.xlsx"

    assert main(["form", "--db", str(database), "--hotspot", "Nergens", "--out", str(blank)]) == 1
    refusal = capsys.readouterr().err
    assert "Hotspot 'Nergens' bestaat niet" in refusal
    assert all(f"'{hotspot.label}'" in refusal for hotspot in hotspots)
    assert "dump" not in refusal and not blank.exists()


def test_a_gemeente_outside_the_list_needs_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "nieuw.db"
    assert main(["init", "--db", str(database), "--gemeente", "GM9999"]) == 1
    refusal = capsys.readouterr().err
    assert "GM9999" in refusal and "--naam" in refusal
    assert not database.exists()
