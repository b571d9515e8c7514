"""The "already open" lock belongs to the workspace file, whatever path leads to it; paths that
are not regular files are refused before anything reads them; more cloud folders are seen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.kernel import location
from app.kernel.errors import WorkspaceError, WorkspaceLockedError
from app.kernel.location import unsafe_location_reason
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole
from tests.storage import crash

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links and pipes: POSIX")


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    path = tmp_path / "werkruimte.db"
    create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0513").close()
    return path


@posix_only
def test_a_hard_link_to_an_open_workspace_is_refused(workspace_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "elders"
    other.mkdir()
    link = other / "werkruimte.db"
    os.link(workspace_path, link)
    with open_workspace(workspace_path):
        with pytest.raises(WorkspaceLockedError):
            open_workspace(link)
        result = crash.run(["check", "--db", str(link)], tmp_path / "data")
        assert result.returncode == 1 and "al geopend" in result.stderr, result.stderr
    open_workspace(link).close()


@posix_only
def test_a_symlink_to_an_open_workspace_is_refused(workspace_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "snelkoppeling.db"
    link.symlink_to(workspace_path)
    with open_workspace(link), pytest.raises(WorkspaceLockedError):
        open_workspace(workspace_path)


@posix_only
def test_a_planted_lock_symlink_is_not_followed(workspace_path: Path, tmp_path: Path) -> None:
    victim = tmp_path / "slachtoffer.txt"
    (tmp_path / "werkruimte.db.lock").symlink_to(victim)
    open_workspace(workspace_path).close()
    assert not victim.exists()


def test_a_file_that_is_not_a_workspace_gets_no_lock_file_beside_it(tmp_path: Path) -> None:
    notes = tmp_path / "map" / "notities.db"
    notes.parent.mkdir()
    notes.write_text("boodschappenlijst", encoding="utf-8")
    for command in ("check", "dump", "export"):
        argv = [command, "--db", str(notes)]
        if command == "export":
            argv += ["--out", str(notes.parent / "pakket.xlsx")]
        result = crash.run(argv, tmp_path / "data")
        assert result.returncode == 1 and "geen werkruimte" in result.stderr, result.stderr
    assert [path.name for path in notes.parent.iterdir()] == ["notities.db"]


@posix_only
def test_a_pipe_as_workspace_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "werkruimte.db"
    os.mkfifo(pipe)
    # The timeout only guards the test run: before the fix `check` waited forever.
    result = subprocess.run(
        [sys.executable, "-m", "app", "check", "--db", str(pipe)],
        cwd=crash.ROOT,
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "geen gewoon bestand" in result.stderr and "Traceback" not in result.stderr


@posix_only
def test_a_device_as_workspace_is_refused() -> None:
    with pytest.raises(WorkspaceError, match="geen gewoon bestand"):
        open_workspace(Path("/dev/null"))


def test_a_folder_as_workspace_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="is een map"):
        open_workspace(tmp_path)


@pytest.fixture
def mounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fake = tmp_path / "mounts"
    fake.write_text("/dev/sda1 / ext4 rw,relatime 0 0\n")
    monkeypatch.setattr(location, "MOUNTS_FILE", fake)
    return fake


@pytest.mark.parametrize(
    "folder",
    [
        "MEGA",
        "MEGAsync",
        "pCloud Drive",
        "SynologyDrive",
        "Synology Drive/team",
        "Nextcloud",
        "ownCloud",
        "Box",
        "iCloudDrive",
        "Proton Drive",
        "Library/CloudStorage/OneDrive-Gemeente",
        "Stack",
        "Tresorit",
    ],
)
def test_more_cloud_folders_are_refused(folder: str, tmp_path: Path, mounts: Path) -> None:
    reason = unsafe_location_reason(tmp_path / folder / "werkruimte")
    assert reason is not None and "clouddienst" in reason


@pytest.mark.parametrize("folder", ["Boxtel", "Megafoon", "Stacks", "Documenten/Boxmeer"])
def test_ordinary_folders_that_look_alike_are_allowed(
    folder: str, tmp_path: Path, mounts: Path
) -> None:
    assert unsafe_location_reason(tmp_path / folder / "werkruimte") is None


@pytest.mark.parametrize(
    "fs_type", ["fuse.pcloud", "fuse.mega-fuse", "fuse.s3fs", "fuse.google-drive-ocamlfuse"]
)
def test_cloud_mounts_are_refused(fs_type: str, mounts: Path) -> None:
    with mounts.open("a") as handle:
        handle.write(f"cloud /home/projectleider/wolk {fs_type} rw 0 0\n")
    reason = unsafe_location_reason(Path("/home/projectleider/wolk/gouda"))
    assert reason == f"deze map ligt op een schijf van een clouddienst ({fs_type})"
