"""Backups are kept per workspace id, not per file name: two files called werkruimte.db in
different folders are two workspaces, and neither's clean-up touches the other's backups."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.kernel.backups import list_backups, restore_backup
from app.kernel.paths import backup_dir
from app.kernel.workspace import BACKUPS_KEPT, backup_workspace, create_workspace, open_workspace
from database.enums import WorkspaceRole


def test_two_workspaces_of_one_name_keep_their_own_backups(tmp_path: Path) -> None:
    first_path = tmp_path / "gouda" / "werkruimte.db"
    second_path = tmp_path / "delft" / "werkruimte.db"
    with create_workspace(first_path, WorkspaceRole.MUNICIPALITY, "GM0513") as first:
        kept = backup_workspace(first.path, reason="voor-pakket")
    with create_workspace(second_path, WorkspaceRole.MUNICIPALITY, "GM0503") as second:
        for _ in range(BACKUPS_KEPT + 3):
            backup_workspace(second.path, reason="voor-pakket")
        assert len(list_backups(second.path)) == BACKUPS_KEPT
        assert kept not in [backup.path for backup in list_backups(second.path)]

    assert kept.exists()
    assert [backup.path for backup in list_backups(first_path)] == [kept]


def test_a_renamed_workspace_still_lists_and_restores_its_backups(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "werkruimte.db", WorkspaceRole.REGION) as workspace:
        made = backup_workspace(workspace.path, reason="voor-pakket")
    renamed = tmp_path / "rsiv-2018.db"
    shutil.move(tmp_path / "werkruimte.db", renamed)
    [listed] = list_backups(renamed)
    assert listed.path == made
    with open_workspace(renamed) as workspace:
        safety = restore_backup(workspace, made)
    assert safety.parent == made.parent


def test_backups_made_before_the_change_are_still_offered(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "werkruimte.db", WorkspaceRole.REGION) as workspace:
        made = backup_workspace(workspace.path, reason="voor-pakket")
    flat = backup_dir() / made.name
    shutil.move(made, flat)
    with create_workspace(tmp_path / "ander" / "werkruimte.db", WorkspaceRole.REGION):
        pass
    assert [backup.path for backup in list_backups(tmp_path / "werkruimte.db")] == [flat]
    assert list_backups(tmp_path / "ander" / "werkruimte.db") == []
