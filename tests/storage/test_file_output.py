"""Saving into a folder the user may not write to, or onto a full disk, through the real
command line: one Dutch sentence naming the folder (exit 1), no traceback, no file left over,
and the workspace unchanged (#14 item 3, #15 root cause 11)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.storage import crash
from tests.storage.conftest import GOUDA, Sources

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="folder rights and mounts: Linux")


@pytest.fixture
def locked_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """An 8 KB file system: room for two blocks, not for a package or a report."""
    folder = tmp_path / "vol"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("no permission to mount a small file system here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def _commands(sources: Sources, tmp_path: Path, folder: Path) -> dict[str, list[str]]:
    gouda = sources.copy(sources.gouda, tmp_path / "gouda.db")
    rsiv = sources.copy(sources.rsiv, tmp_path / "rsiv.db")
    return {
        "export": ["export", "--db", str(gouda), "--out", str(folder / "pakket.xlsx"),
                   "--accept-findings"],
        "feedback-export": ["feedback-export", "--db", str(rsiv), "--gemeente", GOUDA,
                            "--out", str(folder / "terug.xlsx")],
        "report-xlsx": ["report", "--db", str(rsiv), "--out", str(folder / "rapport.xlsx")],
        "report-pdf": ["report", "--db", str(rsiv), "--out", str(folder / "rapport.pdf")],
        "form": ["form", "--db", str(gouda), "--hotspot", sources.hotspot,
                 "--out", str(folder / "formulier.xlsx")],
        "evaluation": ["evaluation", "--db", str(gouda), "--out", str(folder / "evaluatie.pdf")],
    }  # fmt: skip


def _assert_refused(
    result: subprocess.CompletedProcess[str], folder: Path, words: str, before: object, db: Path
) -> None:
    crash.one_dutch_line(result, str(folder), words)
    assert list(folder.iterdir()) == []
    assert crash.state(db) == before


@pytest.mark.parametrize(
    "command", ["export", "feedback-export", "report-xlsx", "report-pdf", "form", "evaluation"]
)
def test_saving_into_a_folder_without_write_permission_is_refused_in_dutch(
    command: str, sources: Sources, tmp_path: Path, locked_folder: Path
) -> None:
    argv = _commands(sources, tmp_path, locked_folder)[command]
    db = Path(argv[argv.index("--db") + 1])
    before = crash.state(db)
    result = crash.run(argv, tmp_path / "data", as_user=True)
    _assert_refused(result, locked_folder, "u mag daar niet schrijven", before, db)


@pytest.mark.parametrize("command", ["export", "report-pdf"])
def test_saving_onto_a_full_disk_is_refused_in_dutch(
    command: str, sources: Sources, tmp_path: Path, full_disk: Path
) -> None:
    argv = _commands(sources, tmp_path, full_disk)[command]
    db = Path(argv[argv.index("--db") + 1])
    before = crash.state(db)
    result = crash.run(argv, tmp_path / "data", as_user=True)
    _assert_refused(result, full_disk, "de schijf is vol", before, db)


def test_a_report_over_a_folder_names_the_folder(sources: Sources, tmp_path: Path) -> None:
    rsiv = sources.copy(sources.rsiv, tmp_path / "rsiv.db")
    (tmp_path / "rapport.pdf").mkdir()
    result = crash.run(
        ["report", "--db", str(rsiv), "--out", str(tmp_path / "rapport.pdf")], tmp_path
    )
    assert result.returncode == 1 and "is een map" in result.stderr, result.stderr
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".~")]
