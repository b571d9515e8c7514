"""A demo gemeente walked through the course, and the other eight as plain demo packages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.packages.export import export_package
from app.demo.gemeente import fill_demo
from app.kernel.paths import DATA_DIR_ENV
from app.kernel.reference import participants
from app.kernel.workspace import Workspace, create_workspace
from database.enums import WorkspaceRole

GOUDA = "GM0513"
# The course tests walk the memo's own calendar: the demo plan starts on 1 January 2018.
MEMO_TODAY = date(2018, 10, 15)


@pytest.fixture(scope="session")
def other_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A demo package for every participant except Gouda, made once per test run."""
    root = tmp_path_factory.mktemp("course-packages")
    packages = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(root / "data"))
        for reference in participants():
            if reference.cbs_code == GOUDA:
                continue
            with create_workspace(
                root / f"{reference.cbs_code}.db", WorkspaceRole.MUNICIPALITY, reference.cbs_code
            ) as workspace:
                fill_demo(workspace, today=MEMO_TODAY)
                path = root / f"pakket-{reference.cbs_code}.xlsx"
                export_package(workspace, path, accept_findings=True)
                packages[reference.cbs_code] = path
    return packages


@pytest.fixture
def gouda(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, GOUDA) as workspace:
        fill_demo(workspace, today=MEMO_TODAY)
        yield workspace


@pytest.fixture
def rsiv(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True) as workspace:
        yield workspace
