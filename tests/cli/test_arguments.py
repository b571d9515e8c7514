"""How people write the command line: `--db` before the subcommand, Dutch dates, and output
piped into a program that stops reading."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.demo.gemeente import fill_demo
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("argumenten") / "gouda.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0513") as workspace:
        fill_demo(workspace)
    return path


def test_db_before_the_subcommand_means_the_same_as_after_it(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "--db", str(demo)]) == 0
    after = capsys.readouterr().out
    assert main(["--db", str(demo), "status"]) == 0
    assert capsys.readouterr().out == after
    assert main([f"--db={demo}", "status"]) == 0
    assert capsys.readouterr().out == after


@pytest.mark.parametrize("typed", ["15-01-2027", "5-1-2027", "2027-01-05"])
def test_the_peildatum_is_typed_as_on_the_screens(
    typed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db), "--gemeente", "GM0513", "--peildatum", typed]) == 0
    assert "Demowerkruimte gemaakt" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31-02-2027", "'31-02-2027' is geen datum; schrijf de peildatum als dd-mm-jjjj"),
        ("01-01-3122", "01-01-3122 ligt buiten 1990-2100"),
        ("morgen", "'morgen' is geen datum"),
    ],
)
def test_a_wrong_peildatum_is_a_usage_error_in_dutch(
    typed: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.db"
    with pytest.raises(SystemExit) as stopped:
        main(["demo", "--db", str(db), "--gemeente", "GM0513", "--peildatum", typed])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert said in error and ".." not in error
    assert not db.exists()


def test_output_into_a_program_that_stops_reading_is_no_crash(demo: Path) -> None:
    """`woninginbraken dump --db x.db | head`: head closes the pipe after a few lines."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "dump", "--db", str(demo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()
    error = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 1
    assert error.strip() == (
        "Gestopt: het programma dat de uitvoer las, las niet verder. "
        "Sla de uitvoer op in een bestand (> uitvoer.txt) om alles te krijgen."
    )


def test_bytes_that_are_no_text_are_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbled = b"A\xffB".decode("utf-8", "surrogateescape")  # how Linux hands such bytes over
    db = tmp_path / "n.db"
    with pytest.raises(SystemExit) as stopped:
        main(["init", "--db", str(db), "--gemeente", "GM0365", "--naam", garbled])
    assert stopped.value.code == 2
    assert "het argument 'A?B' bevat tekens die geen tekst zijn" in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
@pytest.mark.parametrize(
    ("command", "subject"),
    [
        ("import", "Het pakket is niet ingelezen"),
        ("import-form", "Het formulier is niet ingelezen"),
        ("feedback-import", "De terugkoppeling is niet ingelezen"),
        ("figures", ""),
    ],
)
def test_a_device_that_never_ends_is_named_for_what_it_is(
    command: str, subject: str, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--db", str(demo), "/dev/zero"]) == 1
    error = capsys.readouterr().err
    assert "/dev/zero is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat)" in error
    assert subject in error and "bestaat niet" not in error


def test_a_folder_given_as_figures_is_named_a_folder(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cijfers.csv"
    folder.mkdir()
    assert main(["figures", "--db", str(demo), str(folder)]) == 1
    assert f"{folder} is een map, geen bestand" in capsys.readouterr().err


def test_a_gemeente_name_longer_than_the_field_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "n.db"
    assert main(["init", "--db", str(db), "--gemeente", "GM0363", "--naam", "x" * 101]) == 1
    assert "is 101 tekens lang; hoogstens 100 past" in capsys.readouterr().err
    assert not db.exists()
