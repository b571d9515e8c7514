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
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.enums import WorkspaceRole
from tests.conftest import drop_server_database, new_server_database
from tests.ui.conftest import make_window  # noqa: F401 - the screen tests' window fixture

CODES = [reference.cbs_code for reference in participants()]
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


@pytest.fixture(scope="session")
def region_server_templates(region_sources: Path) -> Iterator[dict[str, ServerAddress]]:
    """The same two RSIV workspaces on the PostgreSQL test cluster, made once per run; each
    test gets a copy (CREATE DATABASE ... TEMPLATE)."""
    templates = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(region_sources / "data"))
        for name, codes in (("nine", CODES), ("eight", [c for c in CODES if c != LEFT_OUT])):
            templates[name] = new_server_database()
            with create_workspace(templates[name], WorkspaceRole.REGION, is_demo=True) as workspace:
                for code in codes:
                    package = region_sources / f"pakket-{code}.xlsx"
                    assert merge_package(workspace, package).merged
    yield templates
    for address in templates.values():
        drop_server_database(address)


def _copy(
    request: pytest.FixtureRequest, rsiv_store: str, tmp_path: Path, name: str
) -> Iterator[Workspace]:
    """A copy of the named RSIV workspace on this run's store (see tests/conftest.py)."""
    location: Path | ServerAddress
    if rsiv_store == "sqlite":
        location = tmp_path / f"rsiv-{name}.db"
        shutil.copy(request.getfixturevalue("region_sources") / f"rsiv-{name}.db", location)
    else:
        templates = request.getfixturevalue("region_server_templates")
        location = new_server_database(template=templates[name].name)
    try:
        with open_workspace(location) as workspace:
            yield workspace
    finally:
        if isinstance(location, ServerAddress):
            drop_server_database(location)


@pytest.fixture
def rsiv_nine(
    request: pytest.FixtureRequest, rsiv_store: str, tmp_path: Path
) -> Iterator[Workspace]:
    yield from _copy(request, rsiv_store, tmp_path, "nine")


@pytest.fixture
def rsiv_eight(
    request: pytest.FixtureRequest, rsiv_store: str, tmp_path: Path
) -> Iterator[Workspace]:
    yield from _copy(request, rsiv_store, tmp_path, "eight")


@pytest.fixture
def gemeente_copy(region_sources: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of Gouda's demo workspace (the source of its package)."""
    path = tmp_path / "gouda.db"
    shutil.copy(region_sources / "GM0513.db", path)
    with open_workspace(path) as workspace:
        yield workspace
