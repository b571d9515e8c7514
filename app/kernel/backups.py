"""The backups of a workspace, listed for Bestand > Herstellen, and restoring one of them.

Backups are made by `backup_workspace` (before a migration, an import or a merge, and before
a restore itself, so a restore can be undone); a workspace on a PostgreSQL server gets a
restorable point instead (`app.kernel.server_backups`). The file name carries the moment and
the reason; this module turns them back into a row a person can choose from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.kernel.errors import WorkspaceError
from app.kernel.paths import backup_dir
from app.kernel.server_backups import (
    SNAPSHOT_NAME,
    restore_server,
    snapshot_server,
    snapshot_workspace_id,
)
from app.kernel.workspace import (
    BACKUP_NAME,
    BACKUP_STAMP_FORMAT,
    Workspace,
    backup_belongs_to,
    backup_workspace,
    legacy_backup_pattern,
    workspace_backup_dir,
    workspace_id_of,
)

# What each reason in a file name means to the user.
_REASONS = {
    "voor-pakket": "voor het inlezen van een pakket",
    "voor-samenvoegen": "voor het samenvoegen van een pakket",
    "voor-herstel": "voor het terugzetten van een reservekopie",
}
# A server workspace gets one restorable point per merge job: '<base>_<number of packages>'.
SEVERAL_MERGES = "voor-samenvoegen-reeks"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime  # UTC
    reason: str  # as in the file name
    size_bytes: int

    @property
    def description(self) -> str:
        """The reason in Dutch, e.g. 'voor het samenvoegen van een pakket (GM0513, nr. 3)'."""
        if self.reason.startswith("voor-samenvoegen-reeks_"):
            return f"voor het samenvoegen van {self.reason.partition('_')[2]} pakketten"
        if self.reason.startswith("voor-migratie-"):
            return f"voor de schema-update (versie {self.reason.removeprefix('voor-migratie-')})"
        base, _, detail = self.reason.partition("_")
        if base == SEVERAL_MERGES:
            return f"voor het samenvoegen van {detail} pakketten"
        text = _REASONS.get(base, self.reason)
        return f"{text} ({detail.replace('_', ', ')})" if detail else text


def backup_reason(base: str, *details: str) -> str:
    """A reason for a backup's file name; details are kept to letters, digits and dashes."""
    cleaned = [re.sub(r"[^A-Za-z0-9-]", "", detail) for detail in details]
    return "_".join([base, *filter(None, cleaned)])


def backup_before(workspace: Workspace, reason: str) -> Path:
    """A backup of the open workspace before a change: a copy of its file, or on a server a
    restorable point in the data folder."""
    if workspace.path is None:
        return snapshot_server(workspace, reason)
    return backup_workspace(workspace.path, reason)


def list_workspace_backups(workspace: Workspace) -> list[BackupInfo]:
    """The backups of the open workspace, newest first (on a server: its restorable points)."""
    if workspace.path is not None:
        return list_backups(workspace.path)
    workspace_id = workspace.summary.id
    found = [
        _info(path, match)
        for path in _files(workspace_backup_dir(workspace_id))
        if (match := SNAPSHOT_NAME.match(path.name)) and snapshot_workspace_id(path) == workspace_id
    ]
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def list_backups(workspace_path: Path) -> list[BackupInfo]:
    """The backups of the workspace at `workspace_path`, newest first: those in its own folder
    (named by its id), and older ones, flat in the backup folder, that hold the same id."""
    workspace_id = workspace_id_of(workspace_path)
    if not workspace_id:
        return []
    found = [
        _info(path, match)
        for path in _files(workspace_backup_dir(workspace_id))
        if (match := BACKUP_NAME.match(path.name))
    ]
    legacy = legacy_backup_pattern(workspace_path)
    found += [
        _info(path, match)
        for path in _files(backup_dir())
        if (match := legacy.match(path.name)) and backup_belongs_to(path, workspace_id)
    ]
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.is_file()] if folder.is_dir() else []


def _info(path: Path, match: re.Match[str]) -> BackupInfo:
    made_at = datetime.strptime(match.group(1), BACKUP_STAMP_FORMAT).replace(tzinfo=UTC)
    return BackupInfo(path, made_at, match.group(2), path.stat().st_size)


def restore_backup(workspace: Workspace, backup: Path) -> Path:
    """Put `backup` back as the open workspace's content; returns the backup made just before.

    Callers finish any background work on the workspace first: its engine is replaced.
    """
    backup = Path(backup)
    if workspace.path is None:
        return restore_server(workspace, backup)
    if not backup.is_file():
        raise WorkspaceError(
            f"De reservekopie {backup} bestaat niet (meer). Kies een andere reservekopie."
        )
    return workspace.restore_from(backup)
