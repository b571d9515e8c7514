"""Workspaces and packages for the exchange tests, built through the services."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.core.inspection.dump import dump_workspace
from app.core.packages.export import export_package
from app.demo.gemeente import fill_demo
from app.exchange.workspace_local import MADE_BY_EVERY_WORKSPACE, NOT_CARRIED
from app.kernel.workspace import Workspace, create_workspace
from database.enums import WorkspaceRole

GOUDA = "GM0513"


@pytest.fixture
def new_workspace(tmp_path: Path) -> Iterator[Callable[..., Workspace]]:
    """Create empty gemeente workspaces; all are closed after the test."""
    opened: list[Workspace] = []

    def create(code: str = GOUDA, name: str | None = None, *, demo: bool = True) -> Workspace:
        """A demo workspace unless `demo` is False: the demo packages of these tests go into
        demo workspaces, as a real workspace refuses them."""
        path = tmp_path / (name or f"werkruimte-{len(opened)}.db")
        workspace = create_workspace(path, WorkspaceRole.MUNICIPALITY, code, is_demo=demo)
        opened.append(workspace)
        return workspace

    yield create
    for workspace in opened:
        workspace.close()


@pytest.fixture
def demo_workspace(new_workspace: Callable[..., Workspace]) -> Workspace:
    workspace = new_workspace(name="demo.db")
    fill_demo(workspace, seed=2017)
    return workspace


@pytest.fixture
def demo_package(demo_workspace: Workspace, tmp_path: Path) -> Path:
    path = tmp_path / "pakket-gouda.xlsx"
    export_package(demo_workspace, path, accept_findings=True)
    return path


def comparable_dump(
    workspace: Workspace, keep: tuple[str, ...] = ()
) -> dict[str, list[dict[str, object]]]:
    """The dump without what never travels in a package (app/exchange/workspace_local.py):
    the tables listed there except those in `keep`, and the moment each workspace made its
    own reference rows."""
    dump = dump_workspace(workspace)
    for table in NOT_CARRIED.keys() - set(keep):
        del dump[table]
    for table in MADE_BY_EVERY_WORKSPACE:
        dump[table] = [
            {k: v for k, v in row.items() if k not in ("created_at", "updated_at")}
            for row in dump[table]
        ]
    return dump


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
