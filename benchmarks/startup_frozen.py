"""Start-up of the frozen program against the same start from source: process start to (a) the
first painted main window and (b) the Overzicht showing a demo workspace's data.

    bash packaging/build.sh        # the bundle in dist/woninginbraken/
    .venv/bin/python benchmarks/startup_frozen.py [--runs N]

Both are started the same way, alternately, with WONINGINBRAKEN_EXIT_AFTER_PAINT=1 (the app
prints "painted <epoch> ..." and "overview <epoch> ..." and quits) on one demo workspace,
offscreen. Goal: the frozen program at most 1.5x the start from source. Writes the machine,
the bundle size and a Markdown table to stdout; results are recorded in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
BUNDLE = REPOSITORY / "dist" / "woninginbraken"
FROZEN = BUNDLE / ("woninginbraken.exe" if sys.platform == "win32" else "woninginbraken")
STAGES = {"painted": "eerste venster getekend", "overview": "Overzicht met gegevens"}
GOAL_RATIO = 1.5


def timed(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from just before the process starts to each stage the app reports."""
    started = time.time()
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, check=True, cwd=REPOSITORY
    )
    stages = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in STAGES:
            stages[parts[0]] = float(parts[1]) - started
    missing = set(STAGES) - stages.keys()
    if missing:
        raise RuntimeError(f"{command[0]} reported no {', '.join(sorted(missing))}")
    return stages


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPU's ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def bundle_size() -> str:
    # Symbolic links (PyInstaller makes some on Linux and macOS) count once, as their target.
    files = [path for path in BUNDLE.rglob("*") if path.is_file() and not path.is_symlink()]
    total = sum(path.stat().st_size for path in files)
    return f"{total / 2**20:.0f} MiB in {len(files)} bestanden"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    if not FROZEN.exists():
        sys.exit(f"{FROZEN} ontbreekt: bouw eerst met packaging/build.sh")
    with tempfile.TemporaryDirectory() as folder:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            WONINGINBRAKEN_DATA_DIR=folder,
            WONINGINBRAKEN_EXIT_AFTER_PAINT="1",
        )
        db = Path(folder) / "gouda.db"
        subprocess.run(
            [str(FROZEN), "demo", "--db", str(db), "--gemeente", "GM0513"],
            env=env,
            check=True,
            capture_output=True,
        )
        commands = {
            "bevroren": [str(FROZEN), "--db", str(db)],
            "uit de broncode": [sys.executable, "-m", "app", "--db", str(db)],
        }
        for command in commands.values():  # warm the file cache once, not measured
            timed(command, env)
        samples: dict[str, dict[str, list[float]]] = {name: {} for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                for stage, seconds in timed(command, env).items():
                    samples[name].setdefault(stage, []).append(seconds)

    print(f"Machine: {machine()}; mediaan van {args.runs} starts, offscreen.")
    print(f"Bundel: {bundle_size()}.")
    print()
    print("| meting | bevroren | uit de broncode | verhouding | doel | gehaald |")
    print("|---|---|---|---|---|---|")
    for stage, label in STAGES.items():
        frozen = statistics.median(samples["bevroren"][stage])
        source = statistics.median(samples["uit de broncode"][stage])
        ratio = frozen / source
        met = "ja" if ratio <= GOAL_RATIO else "nee"
        print(
            f"| {label} | {frozen:.3f} s | {source:.3f} s | {ratio:.2f}x "
            f"| ≤ {GOAL_RATIO}x | {met} |"
        )


if __name__ == "__main__":
    main()
