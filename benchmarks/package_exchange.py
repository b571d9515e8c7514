"""Package export and import of a large gemeente, next to the bare floor of the same work.

    .venv/bin/python benchmarks/package_exchange.py [--runs N]

Large package: 5,000 actions, 500 measures, 10 years of monthly figures for 100 buurten.
Export is compared with reading the same rows with sqlite3 and writing them with openpyxl's
write-only mode; import (with every check, the diff and the backup) with reading the cells
with python-calamine and inserting the rows with sqlite3's executemany. Goals: export within
1.5x, import within 2x. Prints a Markdown table; results are in benchmarks/README.md ("Pakket").
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from app.core.packages.export import export_package
from app.core.packages.importer import apply_import, preview_import
from app.exchange.records import read_records
from app.exchange.versions import CURRENT
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.enums import WorkspaceRole

ACTIONS = 5_000
MEASURES = 500
BUURTEN = 100
YEARS = 10
CODE = "GM0513"
STAMP = "2017-11-01 09:00:00.000000"


def fill_large(path: Path, code: str = CODE) -> None:
    """Rows written straight into the tables: a benchmark needs volume, not the services.

    Random but reproducible per gemeente (`code`), so nine gemeenten get distinct UUIDs.
    """
    rng = random.Random(2017 if code == CODE else f"2017-{code}")
    gemeente = municipality_id(code)
    connection = sqlite3.connect(path)
    plan = str(uuid.UUID(int=rng.getrandbits(128)))

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def text(words: int) -> str:
        return " ".join(
            rng.choice(
                (
                    "inbraak",
                    "buurt",
                    "preventie",
                    "actie",
                    "café",
                    "overleg",
                    "woning",
                    "politie",
                    "'s avonds",
                    '"slot"',
                )
            )
            for _ in range(words)
        )

    connection.execute(
        "INSERT INTO plan (id, municipality_id, created_at, updated_at, title, project_lead, "
        "problem_summary, organisation, communication) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            plan,
            gemeente,
            STAMP,
            STAMP,
            "Plan van aanpak",
            "projectleider",
            text(200),
            text(50),
            text(50),
        ),
    )
    measures = [uid() for _ in range(MEASURES)]
    connection.executemany(
        "INSERT INTO measure (id, municipality_id, created_at, updated_at, plan_id, title, "
        "description, target_group, intervention, status, period_start, period_end, dark_days, "
        "extra_cost_eur) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                m,
                gemeente,
                STAMP,
                STAMP,
                plan,
                text(5),
                text(40),
                rng.choice(("offender", "victim_dwelling", "environment")),
                rng.choice(("preventive", "repressive", "administrative")),
                rng.choice(("planned", "running", "completed")),
                "2018-01-01",
                "2019-12-31",
                rng.randint(0, 1),
                rng.randint(0, 20000),
            )
            for m in measures
        ],
    )
    connection.executemany(
        "INSERT INTO action (id, municipality_id, created_at, updated_at, plan_id, title, "
        "description, owner, start_date, due_date, status, measure_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                uid(),
                gemeente,
                STAMP,
                STAMP,
                plan,
                text(6),
                text(25),
                "wijkagent",
                (date(2018, 1, 1) + timedelta(days=rng.randint(0, 700))).isoformat(),
                (date(2018, 2, 1) + timedelta(days=rng.randint(0, 700))).isoformat(),
                rng.choice(("open", "in_progress", "done", "cancelled")),
                rng.choice(measures),
            )
            for _ in range(ACTIONS)
        ],
    )
    buurten = [f"BU{code[2:]}{number:04d}" for number in range(BUURTEN)]
    connection.executemany(
        "INSERT INTO neighbourhood (id, municipality_id, created_at, updated_at, code, name) "
        "VALUES (?,?,?,?,?,?)",
        [(uid(), gemeente, STAMP, STAMP, code, f"Buurt {code[-4:]}") for code in buurten],
    )
    months = [date(2009 + m // 12, m % 12 + 1, 1).isoformat() for m in range(YEARS * 12)]
    connection.executemany(
        "INSERT INTO monthly_figure (id, municipality_id, created_at, updated_at, month, "
        "neighbourhood_code, completed, attempts) VALUES (?,?,?,?,?,?,?,?)",
        [
            (uid(), gemeente, STAMP, STAMP, month, code, rng.randint(0, 9), rng.randint(0, 6))
            for month in months
            for code in buurten
        ],
    )
    connection.commit()
    connection.close()


def floor_export(database: Path, target: Path) -> None:
    """The same rows read with sqlite3 and written with openpyxl's write-only mode."""
    connection = sqlite3.connect(database)
    records = read_records(connection, CURRENT, municipality_id(CODE))
    connection.close()
    workbook = Workbook(write_only=True)
    for sheet in CURRENT.sheets:
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.append([column.header for column in sheet.columns])
        for row in records[sheet.table]:
            worksheet.append(row)
    workbook.save(target)


def floor_import(package: Path, database: Path) -> None:
    """The cells read with python-calamine and inserted with sqlite3's executemany."""
    gemeente = municipality_id(CODE)
    connection = sqlite3.connect(database)
    with CalamineWorkbook.from_path(str(package)) as workbook:
        for sheet in CURRENT.sheets:
            rows = workbook.get_sheet_by_name(sheet.name).to_python()[1:]
            columns = list(sheet.fields)
            if sheet.keyed_by_id:
                columns.append("municipality_id")
                rows = [(*row, gemeente) for row in rows]
            marks = ",".join("?" * len(columns))
            connection.executemany(
                f"INSERT INTO {sheet.table} ({','.join(columns)}) VALUES ({marks})", rows
            )
    connection.commit()
    connection.close()


def best_of(
    runs: int, prepare: Callable[[], object], work: Callable[[], object]
) -> tuple[float, float]:
    """The best wall-clock time and the best CPU time of this process (on a shared machine
    the CPU time is the work itself; the wall clock also counts waiting for a core)."""
    times, cpu_times = [], []
    for _ in range(runs):
        prepare()
        start, cpu = time.perf_counter(), time.process_time()
        work()
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
    return min(times), min(cpu_times)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "onbekend"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="pakket-bench-"))
    os.environ["WONINGINBRAKEN_DATA_DIR"] = str(folder / "data")
    try:
        source = folder / "groot.db"
        create_workspace(source, WorkspaceRole.MUNICIPALITY, CODE).close()
        empty = folder / "leeg.db"
        create_workspace(empty, WorkspaceRole.MUNICIPALITY, CODE).close()
        fill_large(source)
        package, bare = folder / "pakket.xlsx", folder / "kaal.xlsx"
        target = folder / "doel.db"

        workspace = open_workspace(source)
        export_time = best_of(runs, lambda: None, lambda: export_package(workspace, package))
        workspace.close()
        floor_export_time = best_of(runs, lambda: None, lambda: floor_export(source, bare))

        opened: list[Workspace] = []

        def fresh_target() -> None:
            shutil.copy(empty, target)

        def open_fresh_target() -> None:
            # The app has the workspace open when the user imports: opening is not timed.
            while opened:
                opened.pop().close()
            fresh_target()
            opened.append(open_workspace(target))

        def full_import() -> None:
            apply_import(opened[0], preview_import(opened[0], package))

        import_time = best_of(runs, open_fresh_target, full_import)
        while opened:
            opened.pop().close()
        floor_import_time = best_of(runs, fresh_target, lambda: floor_import(package, target))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(
        f"Machine: {os.cpu_count()} CPU's ({cpu_model()}), Python {platform.python_version()};"
        f" beste van {runs} runs.\n"
    )
    print(f"Load average bij het einde: {' / '.join(f'{v:.1f}' for v in os.getloadavg())}.\n")
    print("| meting | tijd | vloer | verhouding | CPU-tijd | vloer | verhouding | doel | gehaald |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, (measured, cpu), (floor, floor_cpu), goal in (
        ("export", export_time, floor_export_time, 1.5),
        ("import met alle controles", import_time, floor_import_time, 2.0),
    ):
        ratio, cpu_ratio = measured / floor, cpu / floor_cpu
        print(
            f"| {name} | {measured:.2f} s | {floor:.2f} s | {ratio:.2f}x | {cpu:.2f} s | "
            f"{floor_cpu:.2f} s | {cpu_ratio:.2f}x | ≤ {goal}x | "
            f"{'ja' if ratio <= goal else 'nee'} (CPU: {'ja' if cpu_ratio <= goal else 'nee'}) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
