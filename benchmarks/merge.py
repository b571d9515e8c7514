"""Merging nine large packages into one RSIV workspace, next to importing them one by one.

    .venv/bin/python benchmarks/merge.py [--runs N]

Each of the nine participating gemeenten gets a package the size of the package benchmark
(5,000 actions, 500 measures, 10 years of monthly figures for 100 buurten; see
package_exchange.py). Measured: merging the nine, one after another, into one empty RSIV
workspace (every check, the diff, the backup before each merge, the history and the record
provenance), against importing the same nine packages one by one into nine empty gemeente
workspaces. Workspaces are opened before the clock starts, as in the app. Goal: merge within
1.5x. Prints a Markdown table; results are in benchmarks/README.md ("Samenvoegen (RSIV)").
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from package_exchange import cpu_model, fill_large

from app.core.packages.export import export_package
from app.core.packages.importer import apply_import, preview_import
from app.core.packages.merge import merge_package
from app.exchange.versions import CURRENT
from app.kernel.reference import participants
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.enums import WorkspaceRole


def make_packages(folder: Path) -> dict[str, Path]:
    packages = {}
    for reference in participants():
        source = folder / f"bron-{reference.cbs_code}.db"
        create_workspace(source, WorkspaceRole.MUNICIPALITY, reference.cbs_code).close()
        fill_large(source, reference.cbs_code)
        packages[reference.cbs_code] = folder / f"pakket-{reference.cbs_code}.xlsx"
        with open_workspace(source) as workspace:
            export_package(workspace, packages[reference.cbs_code])
    return packages


def time_imports(folder: Path, packages: dict[str, Path]) -> float:
    """Nine imports, each into its own empty gemeente workspace; only the imports are timed."""
    total = 0.0
    for code, package in packages.items():
        path = folder / f"gemeente-{code}.db"
        path.unlink(missing_ok=True)
        with create_workspace(path, WorkspaceRole.MUNICIPALITY, code) as workspace:
            start = time.perf_counter()
            apply_import(workspace, preview_import(workspace, package))
            total += time.perf_counter() - start
    return total


def time_merge(folder: Path, packages: dict[str, Path]) -> float:
    path = folder / "rsiv.db"
    for leftover in folder.glob("rsiv.db*"):
        leftover.unlink()
    workspace: Workspace = create_workspace(path, WorkspaceRole.REGION)
    try:
        start = time.perf_counter()
        for package in packages.values():
            outcome = merge_package(workspace, package)
            assert outcome.merged, outcome.refusal
        return time.perf_counter() - start
    finally:
        workspace.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="samenvoegen-bench-"))
    os.environ["WONINGINBRAKEN_DATA_DIR"] = str(folder / "data")
    try:
        packages = make_packages(folder)
        imports, merges = [], []
        for _ in range(runs):  # interleaved, so a busy moment on the machine hits both
            imports.append(time_imports(folder, packages))
            merges.append(time_merge(folder, packages))
        connection = sqlite3.connect(folder / "rsiv.db")
        records = sum(
            connection.execute(f"SELECT count(*) FROM {sheet.table}").fetchone()[0]
            for sheet in CURRENT.sheets
        )
        connection.close()
        size_mb = (folder / "rsiv.db").stat().st_size / 1e6
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(
        f"Machine: {os.cpu_count()} CPU's ({cpu_model()}), Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}; beste van {runs} runs.\n"
    )
    print(f"RSIV-werkruimte na het samenvoegen: {records:,} records, {size_mb:.0f} MB.\n")
    print("| meting | tijd | vloer | verhouding | doel | gehaald |")
    print("|---|---|---|---|---|---|")
    merge_time, import_time = min(merges), min(imports)
    ratio = merge_time / import_time
    print(
        f"| 9 pakketten samenvoegen (RSIV) | {merge_time:.2f} s | {import_time:.2f} s "
        f"(9 x importeren) | {ratio:.2f}x | ≤ 1,5x | {'ja' if ratio <= 1.5 else 'nee'} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
