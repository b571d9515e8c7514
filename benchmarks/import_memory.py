"""Peak memory of importing the largest files a user may read in: a package and figures files.

    .venv/bin/python benchmarks/import_memory.py [--actions 90000]

Builds a package of about 20 MB (the large benchmark gemeente of package_exchange.py with
`--actions` actions), a 20 MB figures CSV of the most incidents a figures file may hold
(100,000) and the same incidents as .xlsx, then reads
each in through `python -m app` in a fresh subprocess (a package into an empty workspace, so
every record is added) and reports the subprocess's peak memory (ru_maxrss). Goal: under
500 MB for every file up to 20 MB. Results are in benchmarks/README.md ("Geheugen bij inlezen").
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

GOAL_MB = 500
INCIDENT_HEADER = "datum_van;tijd_van;datum_tot;tijd_tot;buurtcode;poging;modus_operandi"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=90_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="geheugen-"))
    os.environ["WONINGINBRAKEN_DATA_DIR"] = str(folder / "data")

    import package_exchange

    from app.core.packages.export import export_package
    from app.kernel.workspace import create_workspace, open_workspace
    from database.enums import WorkspaceRole

    package_exchange.ACTIONS = args.actions
    source = folder / "bron.db"
    create_workspace(source, WorkspaceRole.MUNICIPALITY, package_exchange.CODE).close()
    package_exchange.fill_large(source)
    package = folder / "pakket.xlsx"
    with open_workspace(source) as workspace:
        export_package(workspace, package, accept_findings=True)
    csv_file, xlsx_file = _figures(folder)
    rows = []
    for label, command, file in (
        ("pakket (alles nieuw)", "import", package),
        ("cijfers CSV, 100.000 incidenten", "figures", csv_file),
        ("cijfers XLSX, 100.000 incidenten", "figures", xlsx_file),
    ):
        target = folder / f"leeg-{command}-{file.suffix[1:]}.db"
        create_workspace(target, WorkspaceRole.MUNICIPALITY, package_exchange.CODE).close()
        seconds, peak_kb, code = _measure([command, "--db", str(target), str(file)])
        rows.append((label, file.stat().st_size, seconds, peak_kb, code))
    print(
        f"Machine: {os.cpu_count()} CPU's, {platform.system()}, Python "
        f"{platform.python_version()}; {date.today():%d-%m-%Y}"
    )
    print("| bestand | grootte | exit | tijd | piekgeheugen | doel | gehaald |")
    print("|---|---|---|---|---|---|---|")
    for label, size, seconds, peak_kb, code in rows:
        peak = peak_kb / 1024
        print(
            f"| {label} | {size / 2**20:.1f} MB | {code} | {seconds:.1f} s | {peak:.0f} MB | "
            f"< {GOAL_MB} MB | {'ja' if peak < GOAL_MB and code == 0 else 'nee'} |"
        )
    return 0 if all(r[3] / 1024 < GOAL_MB and r[4] == 0 for r in rows) else 1


def _figures(folder: Path) -> tuple[Path, Path]:
    """As many incidents as a figures file may hold, each with a long modus operandi (the
    column allows 200 characters): about 20 MB of CSV."""
    from openpyxl import Workbook

    from app.exchange.limits import MAX_FIGURE_ROWS

    rng = random.Random(2017)
    first = date(2016, 1, 1)
    lines = []
    for _ in range(MAX_FIGURE_ROWS):
        start = first + timedelta(days=rng.randrange(730))
        end = start + timedelta(days=rng.choice((0, 0, 1, 2)))
        buurt = f"BU0513{rng.randrange(100):04d}"
        method = rng.choice(("flipperen", "cilinder trekken", "raam forceren", "via achterom"))
        lines.append(
            [
                f"{start:%d-%m-%Y}",
                f"{rng.randrange(24):02d}:{rng.randrange(60):02d}",
                f"{end:%d-%m-%Y}",
                "23:59",
                buurt,
                rng.choice(("ja", "nee")),
                f"{method}, {'via de achterdeur ' * rng.randint(8, 10)}".strip()[:200],
            ]
        )
    csv_file = folder / "incidenten.csv"
    csv_file.write_text(
        "\n".join([INCIDENT_HEADER, *(";".join(line) for line in lines)]) + "\n", "utf-8"
    )
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Incidenten")
    sheet.append(INCIDENT_HEADER.split(";"))
    for line in lines:
        sheet.append(line)
    xlsx_file = folder / "incidenten.xlsx"
    workbook.save(xlsx_file)
    return csv_file, xlsx_file


def _measure(argv: list[str]) -> tuple[float, int, int]:
    """Seconds, peak resident memory (kB) and exit code of `python -m app argv`."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "app", *argv],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    errors = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(errors[-2000:], file=sys.stderr)
    return time.perf_counter() - started, usage.ru_maxrss, code


if __name__ == "__main__":
    sys.exit(main())
