"""Open data: importing a CBS 47022NED file for a whole eenheid (about 1,500 buurten x 10
years x 12 months x 10 offence types, plus the gemeente, wijk and annual rows CBS mixes in),
as CSV and as JSON, against the goals (under 10 s and 500 MB peak memory), with baselines
beside it: pandas.read_csv of the same CSV filtered the same way, and json.load of the JSON.

    .venv/bin/python benchmarks/opendata.py [--buurten 1500] [--runs 1]

Each measurement runs in its own process, so its peak memory (ru_maxrss) is its own; both wall
and CPU time are shown (on a busy shared machine the wall time includes waiting for a core).
Prints a Markdown table; the results are recorded in benchmarks/README.md ("Open data").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The ten gemeenten of eenheid Den Haag in the reference list (Leiden is no participant: its
# rows are in the file and are left out, as another gemeente's rows would be).
GEMEENTEN = ("1916", "0513", "0627", "1901", "0503", "0603", "1783", "1842", "0518", "0546")
OFFENCES = (
    "0.0.0",
    "1.1.1",
    "1.1.2",
    "1.2.1",
    "1.2.2",
    "1.2.3",
    "1.3.1",
    "1.4.1",
    "2.1.1",
    "3.1.1",
)
YEARS = range(2016, 2026)
WIJKEN_PER_GEMEENTE = 10
COUNT = "GeregistreerdeMisdrijven_1"


def areas(buurten: int) -> list[str]:
    per_gemeente = buurten // len(GEMEENTEN)
    codes = []
    for gemeente in GEMEENTEN:
        codes.append(f"GM{gemeente}")
        codes += [f"WK{gemeente}{wijk:02d}" for wijk in range(WIJKEN_PER_GEMEENTE)]
        codes += [
            f"BU{gemeente}{number // 100 % WIJKEN_PER_GEMEENTE:02d}{number % 100:02d}"
            for number in range(per_gemeente)
        ]
    return codes


def periods() -> list[str]:
    found = []
    for year in YEARS:
        found += [f"{year}MM{month:02d}" for month in range(1, 13)]
        found.append(f"{year}JJ00")
    return found


def write_files(folder: Path, buurten: int) -> tuple[Path, Path, int]:
    """The CSV and the JSON of the same rows; one in five burglary counts withheld."""
    csv_path, json_path = folder / "47022NED.csv", folder / "47022NED.json"
    rows = 0
    with (
        csv_path.open("w", encoding="utf-8") as csv_file,
        json_path.open("w", encoding="utf-8") as json_file,
    ):
        csv_file.write(f'"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"{COUNT}"\n')
        json_file.write('{"odata.metadata":"47022NED/$metadata","value":[\n')
        for area in areas(buurten):
            padded = area.ljust(10)
            for period in periods():
                for offence in OFFENCES:
                    value = None if rows % 50 == 1 else rows % 13  # every 5th 1.1.1 row withheld
                    code = offence.ljust(8)
                    csv_file.write(
                        f'"{rows}";"{code}";"{padded}";"{period}";'
                        f'"{"." if value is None else value}"\n'
                    )
                    json_file.write(
                        ("," if rows else "")
                        + f'{{"ID":{rows},"SoortMisdrijf":"{code}","WijkenEnBuurten":"{padded}",'
                        f'"Perioden":"{period}","{COUNT}":{"null" if value is None else value}}}\n'
                    )
                    rows += 1
        json_file.write("]}\n")
    return csv_path, json_path, rows


def child(mode: str, file: Path, folder: Path) -> dict[str, float]:
    """One measurement in this process: seconds and peak memory."""
    wanted = {f"GM{code}" for code in GEMEENTEN[:-1]}
    if mode.startswith("import"):
        from app.core.figures.importing import import_figures
        from app.kernel.workspace import create_workspace
        from database.enums import WorkspaceRole

        role = WorkspaceRole.REGION if mode == "import-rsiv" else WorkspaceRole.MUNICIPALITY
        code = None if role is WorkspaceRole.REGION else "GM0513"
        with create_workspace(folder / f"{mode}-{file.suffix[1:]}.db", role, code) as workspace:
            start, cpu = time.perf_counter(), time.process_time()
            result = import_figures(workspace, file)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        stored = result.stored
    elif mode == "pandas":
        import pandas as pd

        start, cpu = time.perf_counter(), time.process_time()
        frame = pd.read_csv(file, sep=";", dtype=str)
        frame = frame.apply(lambda column: column.str.strip())
        frame = frame[
            (frame["SoortMisdrijf"] == "1.1.1")
            & frame["Perioden"].str.contains("MM")
            & frame["WijkenEnBuurten"].str.slice(2, 6).isin({code[2:] for code in wanted})
        ]
        stored = len(frame)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    else:  # json.load of the whole file
        start, cpu = time.perf_counter(), time.process_time()
        with file.open(encoding="utf-8") as handle:
            records = json.load(handle)["value"]
        stored = sum(
            1
            for record in records
            if record["SoortMisdrijf"].strip() == "1.1.1"
            and "MM" in record["Perioden"]
            and f"GM{record['WijkenEnBuurten'][2:6]}" in wanted
        )
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak, "stored": stored}


def measure(mode: str, file: Path, folder: Path) -> dict[str, float]:
    completed = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(file), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--buurten", type=int, default=1500)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "FOLDER"))
    args = parser.parse_args()
    if args.child:
        mode, file, folder = args.child
        print(json.dumps(child(mode, Path(file), Path(folder))))
        return
    with tempfile.TemporaryDirectory(prefix="opendata-bench-") as name:
        folder = Path(name)
        os.environ.setdefault("WONINGINBRAKEN_DATA_DIR", str(folder / "data"))
        csv_path, json_path, rows = write_files(folder, args.buurten)
        sizes = {path.suffix: path.stat().st_size / 1e6 for path in (csv_path, json_path)}
        print(
            f"{rows:,} rows, {len(areas(args.buurten)):,} areas; CSV {sizes['.csv']:.0f} MB, "
            f"JSON {sizes['.json']:.0f} MB; Python {platform.python_version()}, "
            f"{os.cpu_count()} CPU's, {platform.processor() or platform.machine()}"
        )
        print(f"load average at the start: {os.getloadavg()[0]:.1f}")
        print("| meting | tijd (wand) | CPU-tijd | piekgeheugen | opgeslagen | doel | gehaald |")
        print("|---|---|---|---|---|---|---|")
        for label, mode, file, goal in (
            ("RSIV, CSV (9 gemeenten)", "import-rsiv", csv_path, True),
            ("RSIV, JSON (9 gemeenten)", "import-rsiv", json_path, True),
            ("gemeente Gouda, CSV", "import-gemeente", csv_path, True),
            ("gemeente Gouda, JSON", "import-gemeente", json_path, True),
            ("baseline pandas.read_csv + filter", "pandas", csv_path, False),
            ("baseline json.load + filter", "json", json_path, False),
        ):
            result = measure(mode, file, folder)
            # CPU time is the fair figure on a shared machine: wall time there includes waiting.
            met = result["cpu"] < 10 and result["peak_mb"] < 500
            print(
                f"| {label} | {result['seconds']:.1f} s | {result['cpu']:.1f} s | "
                f"{result['peak_mb']:.0f} MB | "
                f"{result['stored']:,} | {'< 10 s, < 500 MB' if goal else ''} | "
                f"{('ja' if met else 'nee') if goal else ''} |"
            )


if __name__ == "__main__":
    main()
