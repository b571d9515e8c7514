"""Backups are kept per workspace: the clean-up after a new backup touches no other
workspace's backups and never the one being restored, and restoring leaves nothing beside it."""

from __future__ import annotations

from pathlib import Path

from app.kernel.backups import list_backups, restore_backup
from app.kernel.paths import backup_dir
from app.kernel.workspace import BACKUPS_KEPT, backup_workspace, create_workspace
from database.enums import WorkspaceRole


def test_backing_up_one_workspace_leaves_another_workspaces_backups(
    tmp_path: Path, isolated_data_dir: Path
) -> None:
    with create_workspace(tmp_path / "werkruimte-oud.db", WorkspaceRole.REGION) as old:
        [kept] = [backup_workspace(old.path, reason="voor-pakket")]
    with create_workspace(tmp_path / "werkruimte.db", WorkspaceRole.REGION) as current:
        for _ in range(BACKUPS_KEPT + 2):
            backup_workspace(current.path, reason="voor-pakket")
        assert len(list_backups(current.path)) == BACKUPS_KEPT
    assert kept.exists()
    assert [backup.path for backup in list_backups(tmp_path / "werkruimte-oud.db")] == [kept]


def test_restoring_the_oldest_backup_keeps_it_and_leaves_no_sidecar_files(
    tmp_path: Path, isolated_data_dir: Path
) -> None:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as workspace:
        for _ in range(BACKUPS_KEPT):
            backup_workspace(workspace.path, reason="voor-pakket")
        oldest = list_backups(workspace.path)[-1].path
        restore_backup(workspace, oldest)
        assert oldest.exists()
        assert oldest in [backup.path for backup in list_backups(workspace.path)]
    assert not [p.name for p in backup_dir().rglob("*") if p.name.endswith(("-wal", "-shm"))]
