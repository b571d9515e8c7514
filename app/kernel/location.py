"""Is a folder safe for a SQLite workspace? Network shares and cloud-synced folders are not.

SQLite relies on the file system's locks; SMB/NFS shares and sync clients (OneDrive, Dropbox,
...) break them or copy half-written files, which can corrupt a workspace.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

MOUNTS_FILE = Path("/proc/mounts")

# Folder names a sync client makes, compared case-insensitively with each part of the path.
# Prefixes: these names never start an ordinary folder's name, and clients add to them
# ("OneDrive - Gemeente Gouda", "Dropbox (Persoonlijk)", "GoogleDrive-naam@example.org").
CLOUD_FOLDER_PREFIXES = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "icloud",
    "nextcloud",
    "owncloud",
    "box sync",
    "sharepoint",
    "megasync",
    "mega sync",
    "pcloud",
    "synologydrive",
    "synology drive",
    "proton drive",
    "protondrive",
    "tresorit",
    "seadrive",
    "seafile",
    "sync.com",
    "yandex.disk",
    "mobile documents",  # macOS iCloud Drive: ~/Library/Mobile Documents/com~apple~CloudDocs
)
# Whole names only: as prefixes they would catch "Boxtel" or "Megafoon".
CLOUD_FOLDER_NAMES = frozenset(
    {
        "box",
        "mega",
        "stack",  # TransIP Stack
        "cloudstorage",  # macOS ~/Library/CloudStorage: every File Provider client
        "my drive",
        "mijn drive",
    }
)
# FUSE file systems of sync clients and cloud storage (fs type 'fuse.<name>').
CLOUD_MOUNT_WORDS = (
    "pcloud",
    "mega",
    "dropbox",
    "onedrive",
    "google",
    "gdrive",
    "drive",
    "nextcloud",
    "owncloud",
    "s3fs",
    "gcsfuse",
    "goofys",
    "rclone",
    "box",
    "proton",
    "synology",
    "seadrive",
    "seafile",
    "icloud",
    "yandex",
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
    "fuse.gvfsd-fuse",  # GNOME's SMB/WebDAV mounts under /run/user/<id>/gvfs
    "ceph",
    "glusterfs",
    "fuse.glusterfs",
}


def unsafe_location_reason(path: Path) -> str | None:
    """A Dutch reason why `path` must not hold a workspace, or None when it may."""
    # realpath, not abspath: a local-looking symlink or junction may lead to a share, and on
    # Windows it turns a mapped drive letter into the share's UNC path.
    resolved = Path(os.path.realpath(path))
    text = str(resolved)
    if text.startswith(("\\\\", "//")):
        return "deze map ligt op een netwerkschijf"
    for part in resolved.parts:
        lowered = part.casefold()
        if lowered in CLOUD_FOLDER_NAMES or lowered.startswith(CLOUD_FOLDER_PREFIXES):
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
    if not MOUNTS_FILE.exists():
        return None
    best_point, best_type = "", ""
    for line in MOUNTS_FILE.read_text(errors="replace").splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fs_type = _unescape_mount_point(fields[1]), fields[2]
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best_point):
            best_point, best_type = point, fs_type
    if best_type in NETWORK_FILESYSTEMS:
        return f"deze map ligt op een netwerkschijf ({best_type})"
    subtype = best_type.removeprefix("fuse.").casefold()
    if best_type.startswith("fuse.") and any(word in subtype for word in CLOUD_MOUNT_WORDS):
        return f"deze map ligt op een schijf van een clouddienst ({best_type})"
    return None


def _unescape_mount_point(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes (\\040 ...)."""
    return re.sub(r"\\([0-7]{3})", lambda match: chr(int(match.group(1), 8)), field)
