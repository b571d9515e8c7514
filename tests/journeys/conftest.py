"""Windows for the journey tests: Gouda's demo, a new gemeente and the RSIV with nine packages.

The demo workspace is made once per run and copied for each test, so every test starts from
the same records.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.demo.gemeente import fill_demo
from app.kernel.paths import DATA_DIR_ENV
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole
from tests.region.conftest import (  # noqa: F401 - shared fixtures
    region_server_templates,
    region_sources,
    rsiv_nine,
)
from tests.ui.conftest import make_window  # noqa: F401 - the screen tests' window fixture


@pytest.fixture(scope="session")
def gouda_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("journeys")
    path = root / "gouda-demo.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(root / "data"))
        with create_workspace(
            path, WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True
        ) as workspace:
            fill_demo(workspace)
    return path


@pytest.fixture
def gouda_demo(gouda_demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "gouda-demo.db"
    shutil.copy(gouda_demo_file, path)
    with open_workspace(path) as workspace:
        yield workspace


@pytest.fixture
def demo_window(make_window: object, gouda_demo: Workspace) -> MainWindow:  # noqa: F811
    return make_window(gouda_demo)  # type: ignore[operator]


@pytest.fixture
def new_gemeente(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "nieuw.db", WorkspaceRole.MUNICIPALITY, "GM0503") as opened:
        yield opened


@pytest.fixture
def region_window(make_window: object, rsiv_nine: Workspace) -> MainWindow:  # noqa: F811
    return make_window(rsiv_nine)  # type: ignore[operator]
