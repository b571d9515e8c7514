"""Nine demo packages merged into RSIV workspaces, made once per test run through the services."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.demo.gemeente import fill_demo
from app.kernel.paths import DATA_DIR_ENV
from app.kernel.reference import participants
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.enums import WorkspaceRole
from tests.ui.conftest import make_window  # noqa: F401 - the screen tests' window fixture

LEFT_OUT = "GM1842"  # Midden-Delfland: its package has not arrived in the "eight" workspace


@pytest.fixture(scope="session")
def region_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Gemeente demo workspaces, their packages, and RSIV workspaces with nine and eight."""
    root = tmp_path_factory.mktemp("region")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(root / "data"))
        packages = {}
        for reference in participants():
            database = root / f"{reference.cbs_code}.db"
            with create_workspace(
                database, WorkspaceRole.MUNICIPALITY, reference.cbs_code, is_demo=True
            ) as workspace:
                fill_demo(workspace, seed=2017)
                packages[reference.cbs_code] = root / f"pakket-{reference.cbs_code}.xlsx"
                export_package(workspace, packages[reference.cbs_code], accept_findings=True)
        for name, codes in (
            ("nine", list(packages)),
            ("eight", [c for c in packages if c != LEFT_OUT]),
        ):
            with create_workspace(
                root / f"rsiv-{name}.db", WorkspaceRole.REGION, is_demo=True
            ) as workspace:
                for code in codes:
                    assert merge_package(workspace, packages[code]).merged
    return root


def _copy(region_sources: Path, tmp_path: Path, name: str) -> Iterator[Workspace]:
    path = tmp_path / f"rsiv-{name}.db"
    shutil.copy(region_sources / f"rsiv-{name}.db", path)
    with open_workspace(path) as workspace:
        yield workspace


@pytest.fixture
def rsiv_nine(region_sources: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield from _copy(region_sources, tmp_path, "nine")


@pytest.fixture
def rsiv_eight(region_sources: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield from _copy(region_sources, tmp_path, "eight")


@pytest.fixture
def gemeente_copy(region_sources: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of Gouda's demo workspace (the source of its package)."""
    path = tmp_path / "gouda.db"
    shutil.copy(region_sources / "GM0513.db", path)
    with open_workspace(path) as workspace:
        yield workspace
