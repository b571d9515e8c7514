"""Nine demo packages and RSIV workspaces for the merge tests, built through the services."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.inspection.dump import dump_workspace
from app.core.packages.export import export_package
from app.demo.gemeente import fill_demo
from app.kernel.paths import DATA_DIR_ENV
from app.kernel.reference import municipality_id, participants
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.enums import WorkspaceRole
from tests.conftest import RsivLocation
from tests.exchange.conftest import comparable_dump as exchange_comparable_dump

GOUDA = "GM0513"
LEIDEN = "GM0546"
# Tables the merge writes as bookkeeping, next to the merged gemeente records.
HISTORY_TABLES = ("imported_package", "merged_record")
# What only the RSIV workspace holds: compared too where two RSIV workspaces are compared.
RSIV_TABLES = (*HISTORY_TABLES, "rsiv_note", "open_data_figure")


@dataclass(frozen=True)
class DemoPackages:
    folder: Path
    by_code: dict[str, Path]

    def in_order(self, codes: list[str]) -> list[Path]:
        return [self.by_code[code] for code in codes]


@pytest.fixture(scope="session")
def demo_packages(tmp_path_factory: pytest.TempPathFactory) -> DemoPackages:
    """One demo package (sequence 1) per participating gemeente, made once per test run."""
    root = tmp_path_factory.mktemp("demo-packages")
    folder = root / "pakketten"
    folder.mkdir()
    by_code = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(root / "data"))
        for reference in participants():
            by_code[reference.cbs_code] = _demo_package(root, folder, reference.cbs_code)
    return DemoPackages(folder, by_code)


def _demo_package(root: Path, folder: Path, cbs_code: str) -> Path:
    database = root / f"{cbs_code}.db"
    with create_workspace(
        database, WorkspaceRole.MUNICIPALITY, cbs_code, is_demo=True
    ) as workspace:
        fill_demo(workspace, seed=2017)
        path = folder / f"pakket-{cbs_code}.xlsx"
        export_package(workspace, path, accept_findings=True)
    return path


@pytest.fixture(scope="session")
def gemeente_sources(demo_packages: DemoPackages) -> Path:
    """The folder of the demo workspaces, to derive newer packages from."""
    return demo_packages.folder.parent


@pytest.fixture
def gouda_workspace(gemeente_sources: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of Gouda's demo workspace that has exported package 1 (so it exports 2 next)."""
    path = tmp_path / "gouda.db"
    shutil.copy(gemeente_sources / f"{GOUDA}.db", path)
    with open_workspace(path) as workspace:
        yield workspace


@pytest.fixture
def new_rsiv(rsiv_location: RsivLocation) -> Iterator[Callable[..., Workspace]]:
    """New RSIV workspaces on each store of the matrix (SQLite file, PostgreSQL database)."""
    opened: list[Workspace] = []

    def create(name: str = "rsiv.db") -> Workspace:
        # A demo RSIV: the demo packages it merges are refused by a real one.
        workspace = create_workspace(rsiv_location(name), WorkspaceRole.REGION, is_demo=True)
        opened.append(workspace)
        return workspace

    yield create
    for workspace in opened:
        workspace.close()


def comparable_dump(workspace: Workspace) -> dict[str, list[dict[str, object]]]:
    """The exchange tests' comparable dump, also without when the coordinator happened to merge."""
    dump = exchange_comparable_dump(workspace, keep=RSIV_TABLES)
    dump["imported_package"] = [
        {k: v for k, v in row.items() if k != "imported_at"} for row in dump["imported_package"]
    ]
    return dump


def merged_data(workspace: Workspace) -> dict[str, list[dict[str, object]]]:
    """The dump without the import history: what a refused package must leave untouched."""
    dump = dump_workspace(workspace)
    del dump["imported_package"]
    return dump


def rows_of(
    dump: dict[str, list[dict[str, object]]], cbs_code: str, *, other: bool = False
) -> dict[str, list[dict[str, object]]]:
    """The gemeente's rows in every table with a municipality_id (or everyone else's)."""
    wanted = municipality_id(cbs_code)
    return {
        table: [row for row in rows if (row["municipality_id"] == wanted) != other]
        for table, rows in dump.items()
        if rows and "municipality_id" in rows[0] and table != "imported_package"
    }
