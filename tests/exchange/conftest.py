"""Workspaces and packages for the exchange tests, built through the services."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.core.inspection.dump import dump_workspace
from app.core.packages.export import export_package
from app.demo.gemeente import fill_demo
from app.kernel.workspace import Workspace, create_workspace
from database.enums import WorkspaceRole

GOUDA = "GM0513"
# Kept on the gemeente's own machine, never in a package: the forms sent to wijkagenten and the
# measures their analyses propose (a placed proposal travels as the measure it became), and the
# workspace's log of the packages it made and of what it removed as private data.
LOCAL_TABLES = (
    "analysis_form",
    "proposed_measure",
    "package_export",
    "werkgroep_suggestion",
    "rsiv_feedback",
    "privacy_redaction",
)


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


def comparable_dump(workspace: Workspace) -> dict[str, list[dict[str, object]]]:
    """The dump without what differs between two workspaces by nature.

    workspace_info is the file's own identity; LOCAL_TABLES never travel; the municipality
    rows are reference data that every workspace creates itself, so their timestamps are the
    workspace's creation moment. Single incidents stay with the gemeente and only their counts
    travel, for the RSIV: neither is part of what a gemeente's import restores.
    """
    dump = dump_workspace(workspace)
    del dump["workspace_info"]
    for table in (*LOCAL_TABLES, "incident", "incident_count"):
        del dump[table]
    dump["municipality"] = [
        {k: v for k, v in row.items() if k not in ("created_at", "updated_at")}
        for row in dump["municipality"]
    ]
    return dump


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
