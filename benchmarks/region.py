"""A region of 350 gemeenten on both RSIV stores: merging, the regional overview, the report.

    .venv/bin/python benchmarks/region.py [--gemeenten 350] [--pakketten MAP]
        [--pg postgresql://user@/postgres?host=/run/dir] [--stores sqlite,postgresql]

The packages are the generated demo region's (`demo --rsiv --gemeenten N`: each gemeente's
demo workspace made through the services and its package exported), made before the clock
starts and kept in --pakketten so a second run reuses them. Per store, in a fresh RSIV
workspace of that region:

- merging every package as `import MAP` does (read and check all, then each in its own
  transaction, with the backup before each on SQLite); goal under 3 minutes;
- the regional overview (`regional_overview`, what the Overzicht and the reports read);
  goal under 1 s;
- the werkgroep report, PDF, as `report` makes it; goal under 30 s.

The floor for merging: the same packages' cells read with python-calamine and inserted with
executemany into an empty workspace of the same store (as in benchmarks/package_exchange.py).
PostgreSQL: a new database on the cluster of --pg (or WONINGINBRAKEN_TEST_PG), dropped
afterwards. Prints Markdown; results are in benchmarks/README.md ("Regio van 350 gemeenten").
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
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from package_exchange import cpu_model
from python_calamine import CalamineWorkbook
from sqlalchemy import Column

from app.core.packages.merge import merge_previewed, package_files, preview_merges
from app.core.region.overview import regional_overview
from app.core.region.report_content import ReportKind, report_content
from app.demo.generated import generated_region
from app.demo.region import demo_packages
from app.exchange.versions import CURRENT
from app.kernel.reference import municipality_id
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import Workspace, create_workspace
from app.report import write_report
from database.dialect import RawConnection, raw_connection
from database.enums import WorkspaceRole
from database.tables.base import metadata

GOALS = {"merge": 180.0, "overview": 1.0, "report": 30.0}
# Every package is dated around this day, so a kept folder stays valid on later days.
PEILDATUM = date(2026, 12, 3)


def make_packages(folder: Path, count: int) -> list[Path]:
    """The generated region's demo packages in `folder`, made once."""
    folder.mkdir(parents=True, exist_ok=True)
    members = generated_region(count)
    wanted = [folder / f"pakket-{member.cbs_code}.xlsx" for member in members]
    if all(path.is_file() for path in wanted):
        return wanted
    for path in folder.iterdir():
        path.unlink()
    started = time.perf_counter()
    for done, _package in enumerate(
        demo_packages(folder, members, seed=2017, today=PEILDATUM), start=1
    ):
        if done % 25 == 0:
            print(f"  {done} pakketten gemaakt ({time.perf_counter() - started:.0f} s)", flush=True)
    return wanted


@contextmanager
def fresh_rsiv(store: str, folder: Path, pg: str | None, count: int) -> Iterator[Workspace]:
    """An empty RSIV workspace of the generated region on `store`."""
    region = [(member.cbs_code, member.name) for member in generated_region(count)]
    if store == "sqlite":
        path = folder / f"rsiv-{uuid.uuid4().hex[:8]}.db"
        with create_workspace(path, WorkspaceRole.REGION, is_demo=True, region=region) as work:
            yield work
        return
    assert pg is not None
    address = _new_database(pg)
    try:
        with create_workspace(address, WorkspaceRole.REGION, is_demo=True, region=region) as work:
            yield work
    finally:
        _drop_database(pg, address)


def _new_database(pg: str) -> ServerAddress:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    name = f"regio_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    options = conninfo_to_dict(pg)
    return ServerAddress(f"postgresql://{options['user']}@/{name}?host={options['host']}")


def _drop_database(pg: str, address: ServerAddress) -> None:
    import psycopg

    with psycopg.connect(pg, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{address.name}" WITH (FORCE)')


def merge_all(workspace: Workspace, folder: Path) -> tuple[float, float]:
    """What `import MAP` does: seconds on the clock and of this process's CPU time (on a shared
    machine the second says more)."""
    start, cpu = time.perf_counter(), time.process_time()
    outcomes = merge_previewed(workspace, preview_merges(workspace, package_files([folder])))
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    refused = [outcome.refusal for outcome in outcomes if outcome.refusal is not None]
    assert not refused, refused[0]
    return seconds, cpu


def floor_merge(workspace: Workspace, packages: list[Path]) -> float:
    """The cells read with python-calamine and inserted with executemany, one transaction per
    package: no checks (foreign keys neither, as sqlite3's default connection), no diff, no
    history."""
    order = [table.name for table in metadata.sorted_tables]
    sheets = sorted(CURRENT.sheets, key=lambda sheet: order.index(sheet.table))
    start = time.perf_counter()
    for package in packages:
        gemeente = municipality_id(package.stem.removeprefix("pakket-"))
        with _bare(workspace) as raw, CalamineWorkbook.from_path(str(package)) as book:
            for sheet in sheets:
                if sheet.name not in book.sheet_names:
                    continue  # an optional sheet (Voortgang) the package does not have
                rows = book.get_sheet_by_name(sheet.name).to_python()[1:]
                if not rows:
                    continue
                columns = list(sheet.fields)
                if sheet.keyed_by_id:
                    columns.append("municipality_id")
                    rows = [(*row, gemeente) for row in rows]
                table = metadata.tables[sheet.table]
                kinds = [_python_type(table.c[column]) for column in columns]
                rows = [
                    [_cell(cell, kind) for cell, kind in zip(row, kinds, strict=True)]
                    for row in rows
                ]
                marks = ",".join("?" * len(columns))
                raw.executemany(
                    f"INSERT INTO {sheet.table} ({','.join(columns)}) VALUES ({marks})", rows
                )
    return time.perf_counter() - start


@contextmanager
def _bare(workspace: Workspace) -> Iterator[RawConnection]:
    """One transaction on a driver connection without foreign-key checks."""
    if workspace.path is not None:
        connection = sqlite3.connect(workspace.path)
        with connection:
            yield connection
        connection.close()
        return
    with workspace.transaction() as session:
        raw = raw_connection(session)
        raw.execute("SET LOCAL session_replication_role = replica")
        yield raw


def _python_type(column: Column[Any]) -> type | None:
    try:
        return column.type.python_type
    except NotImplementedError:
        return None


def _cell(cell: Any, kind: type | None) -> Any:
    """An empty cell is '' in a text column and NULL in any other; whole numbers are read as
    floats."""
    if kind is str:
        return cell
    if cell == "":
        return None
    if kind is int and isinstance(cell, float):
        return int(cell)
    if kind is bool:
        return cell in ("ja", True, 1)
    return cell


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """The best of `runs`: seconds on the clock, and of this process's CPU time."""
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        work()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gemeenten", type=int, default=350)
    parser.add_argument("--pakketten", type=Path, help="map om de pakketten in te bewaren")
    parser.add_argument("--pg", default=os.environ.get("WONINGINBRAKEN_TEST_PG"))
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--runs", type=int, default=3, help="runs van overzicht en rapport")
    parser.add_argument("--geen-vloer", action="store_true", help="sla de vloer over")
    args = parser.parse_args()
    stores = args.stores.split(",")
    if "postgresql" in stores and not args.pg:
        parser.error("geen PostgreSQL-cluster: geef --pg of zet WONINGINBRAKEN_TEST_PG")
    scratch = Path(tempfile.mkdtemp(prefix="regio-bench-"))
    os.environ["WONINGINBRAKEN_DATA_DIR"] = str(scratch / "data")
    folder = args.pakketten or scratch / "pakketten"
    print(
        f"Machine: {os.cpu_count()} CPU's ({cpu_model()}), {platform.system()}, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}.\n",
        flush=True,
    )
    print("| opslag | meting | tijd | CPU-tijd | vloer | doel | gehaald | load average |")
    print("|---|---|---|---|---|---|---|---|", flush=True)
    try:
        packages = make_packages(folder, args.gemeenten)
        for store in stores:
            label = "SQLite" if store == "sqlite" else "PostgreSQL"

            def line(
                key: str,
                name: str,
                measured: tuple[float, float],
                floor: str = "",
                label: str = label,
            ) -> None:
                seconds, cpu = measured
                verdict = "ja" if seconds < GOALS[key] else "nee"
                print(
                    f"| {label} | {name} | {seconds:.2f} s | {cpu:.2f} s | {floor} | "
                    f"< {GOALS[key]:.0f} s | {verdict} | {os.getloadavg()[0]:.1f} |",
                    flush=True,
                )

            floor = ""
            if not args.geen_vloer:
                with fresh_rsiv(store, scratch, args.pg, args.gemeenten) as workspace:
                    floor = f"{floor_merge(workspace, packages):.1f} s"
                print(f"vloer {label}: {floor}", flush=True)
            with fresh_rsiv(store, scratch, args.pg, args.gemeenten) as workspace:
                merged = merge_all(workspace, folder)
                line("merge", f"{len(packages)} pakketten samenvoegen", merged, floor)
                overview = timed(lambda w=workspace: regional_overview(w), args.runs)
                line("overview", "regionaal overzicht", overview)
                report = timed(
                    lambda w=workspace: write_report(
                        report_content(w, ReportKind.WERKGROEP), scratch / "werkgroep.pdf"
                    ),
                    args.runs,
                )
                line("report", "werkgroeprapportage (PDF)", report)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
