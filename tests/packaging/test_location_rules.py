"""Where a workspace may live: network shares and cloud-synced folders are refused."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.kernel import location
from app.kernel.location import unsafe_location_reason


@pytest.fixture
def mounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake /proc/mounts: the test writes the lines it needs."""
    fake = tmp_path / "mounts"
    fake.write_text("/dev/sda1 / ext4 rw,relatime 0 0\n")
    monkeypatch.setattr(location, "MOUNTS_FILE", fake)
    return fake


def _add_mount(mounts: Path, point: str, fs_type: str) -> None:
    with mounts.open("a") as handle:
        handle.write(f"server:/export {point} {fs_type} rw 0 0\n")


@pytest.mark.parametrize(
    "folder",
    [
        "OneDrive - Gemeente Gouda/Documenten",
        "OneDrive",
        "Dropbox/werk",
        "Google Drive",
        "GoogleDrive-projectleider@example.org/Mijn Drive",
        "iCloud Drive",
        "Library/Mobile Documents/com~apple~CloudDocs",
        "Nextcloud",
        "ownCloud",
        "Box Sync",
        "SharePoint - Gemeente Delft",
    ],
)
def test_cloud_synced_folders_are_refused(folder: str, tmp_path: Path, mounts: Path) -> None:
    reason = unsafe_location_reason(tmp_path / folder / "werkruimte")
    assert reason is not None
    assert "clouddienst" in reason


def test_a_local_folder_is_allowed(tmp_path: Path, mounts: Path) -> None:
    assert unsafe_location_reason(tmp_path / "Documenten" / "woninginbraken") is None


@pytest.mark.parametrize("fs_type", ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "davfs"])
def test_a_network_mount_is_refused(fs_type: str, mounts: Path) -> None:
    _add_mount(mounts, "/srv/gedeeld", fs_type)
    reason = unsafe_location_reason(Path("/srv/gedeeld/gouda/werkruimte"))
    assert reason == f"deze map ligt op een netwerkschijf ({fs_type})"


def test_a_mount_point_with_spaces_is_read_from_its_escapes(mounts: Path) -> None:
    _add_mount(mounts, "/mnt/gemeente\\040gouda", "cifs")
    assert unsafe_location_reason(Path("/mnt/gemeente gouda/plan")) is not None


def test_the_innermost_mount_decides(mounts: Path) -> None:
    _add_mount(mounts, "/mnt/share", "cifs")
    _add_mount(mounts, "/mnt/share/lokaal", "ext4")
    assert unsafe_location_reason(Path("/mnt/share/lokaal/plan")) is None
    assert unsafe_location_reason(Path("/mnt/share/plan")) is not None


def test_a_sibling_with_the_same_prefix_is_not_the_mount(mounts: Path) -> None:
    _add_mount(mounts, "/mnt/share", "cifs")
    assert unsafe_location_reason(Path("/mnt/shared/plan")) is None
    assert unsafe_location_reason(Path("/mnt/share")) is not None


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need extra rights on Windows")
def test_a_local_link_to_a_network_mount_is_refused(tmp_path: Path, mounts: Path) -> None:
    _add_mount(mounts, "/mnt/share", "nfs4")
    link = tmp_path / "werk"
    link.symlink_to("/mnt/share/gouda", target_is_directory=True)
    assert unsafe_location_reason(link / "plan") == "deze map ligt op een netwerkschijf (nfs4)"


def test_without_a_mount_table_only_the_folder_names_count(tmp_path: Path, mounts: Path) -> None:
    mounts.unlink()  # as on macOS
    assert unsafe_location_reason(Path("/srv/gedeeld/plan")) is None
    assert unsafe_location_reason(tmp_path / "Dropbox" / "plan") is not None


def test_a_unc_path_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # On Windows realpath turns a mapped drive into its UNC path; stand in for that here.
    monkeypatch.setattr(
        location.os.path, "realpath", lambda _path: r"\\server\gedeeld\woninginbraken"
    )
    reason = unsafe_location_reason(Path("H:/woninginbraken"))
    assert reason == "deze map ligt op een netwerkschijf"
