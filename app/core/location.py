"""Is a folder safe for a SQLite workspace? Network shares and cloud-synced folders are not.

SQLite relies on the file system's locks; SMB/NFS shares and sync clients (OneDrive, Dropbox,
...) break them or copy half-written files, which can corrupt a workspace.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CLOUD_FOLDER_MARKERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "icloud drive",
    "icloud",
    "nextcloud",
    "owncloud",
    "box sync",
    "sharepoint",
)

NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smbfs",
    "smb3",
    "fuse.sshfs",
    "afs",
    "9p",
    "fuse.rclone",
    "davfs",
    "fuse.davfs2",
}


def unsafe_location_reason(path: Path) -> str | None:
    """A Dutch reason why `path` must not hold a workspace, or None when it may."""
    resolved = Path(os.path.abspath(path))
    text = str(resolved)
    if text.startswith(("\\\\", "//")):
        return "deze map ligt op een netwerkschijf"
    for part in resolved.parts:
        lowered = part.casefold()
        if any(lowered.startswith(marker) for marker in CLOUD_FOLDER_MARKERS):
            return f"deze map wordt gesynchroniseerd met een clouddienst ({part})"
    if sys.platform == "win32":
        return _windows_drive_reason(resolved)
    return _posix_mount_reason(resolved)


def _windows_drive_reason(path: Path) -> str | None:
    import ctypes

    drive_remote = 4
    root = path.anchor
    if root and ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote:  # type: ignore[attr-defined]
        return f"station {root} is een netwerkschijf"
    return None


def _posix_mount_reason(path: Path) -> str | None:
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return None
    best_point, best_type = "", ""
    for line in mounts.read_text(errors="replace").splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fs_type = fields[1].replace("\\040", " "), fields[2]
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best_point):
            best_point, best_type = point, fs_type
    if best_type in NETWORK_FILESYSTEMS:
        return f"deze map ligt op een netwerkschijf ({best_type})"
    return None
