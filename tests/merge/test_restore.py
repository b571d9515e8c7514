"""Bestand > Herstellen: the backups made before each merge bring back the earlier state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.inspection.dump import dump_workspace
from app.core.inspection.integrity import check_workspace
from app.core.packages.export import export_package
from app.core.packages.history import current_packages
from app.core.packages.merge import merge_package
from app.kernel.backups import list_backups, restore_backup
from app.kernel.errors import WorkspaceError
from app.kernel.workspace import Workspace
from tests.merge.conftest import GOUDA, DemoPackages


@pytest.fixture
def rsiv_store() -> str:
    """Backups and copies of the workspace file: SQLite only."""
    return "sqlite"


def test_restoring_the_backup_before_a_merge_brings_back_the_earlier_state(
    demo_packages: DemoPackages, gouda_workspace: Workspace, new_rsiv: Callable[..., Workspace]
) -> None:
    rsiv = new_rsiv()
    for code in (GOUDA, "GM0503"):
        assert merge_package(rsiv, demo_packages.by_code[code]).merged
    earlier = dump_workspace(rsiv)
    newer = gouda_workspace.path.with_name("gouda-2.xlsx")
    export_package(gouda_workspace, newer, accept_findings=True)
    assert merge_package(rsiv, newer).merged
    assert dump_workspace(rsiv) != earlier

    latest = list_backups(rsiv.path)[0]
    # The demo sent five packages before its first export (nr6): this is the next one.
    assert latest.reason == "voor-samenvoegen_GM0513_nr7"
    assert latest.description == "voor het samenvoegen van een pakket (GM0513, nr7)"
    safety = restore_backup(rsiv, latest.path)

    assert dump_workspace(rsiv) == earlier
    assert current_packages(rsiv)[GOUDA].sequence == 6
    assert check_workspace(rsiv).ok
    assert list_backups(rsiv.path)[0].path == safety
    assert list_backups(rsiv.path)[0].description == "voor het terugzetten van een reservekopie"
    # The workspace stays open and usable: the newer package merges again.
    assert merge_package(rsiv, newer).merged
    # And the restore itself can be undone.
    restore_backup(rsiv, safety)
    assert current_packages(rsiv)[GOUDA].sequence == 7


def test_a_backup_of_another_workspace_is_not_restored(
    demo_packages: DemoPackages, new_rsiv: Callable[..., Workspace], tmp_path: Path
) -> None:
    first, other = new_rsiv("rsiv.db"), new_rsiv("ander.db")
    assert merge_package(other, demo_packages.by_code[GOUDA]).merged
    before = dump_workspace(first)

    with pytest.raises(WorkspaceError, match="andere werkruimte"):
        restore_backup(first, list_backups(other.path)[0].path)
    with pytest.raises(WorkspaceError, match="bestaat niet"):
        restore_backup(first, tmp_path / "weg.db")

    assert dump_workspace(first) == before
