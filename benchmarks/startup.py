"""Start-up of `python -m app`: process start to (a) the first painted main window and
(b) the Overzicht showing a demo workspace's data, next to a bare PySide6 window and a bare
window that also imports SQLAlchemy's ORM, all started the same way.

    .venv/bin/python benchmarks/startup.py [--runs N]

Writes a table to stdout; the results are recorded in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(command: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    stages: dict[str, float] = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("painted", "overview"):
            stages[parts[0]] = float(parts[1]) - started
    return stages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            WONINGINBRAKEN_DATA_DIR=folder,
            WONINGINBRAKEN_EXIT_AFTER_PAINT="1",
        )
        db = Path(folder) / "gouda.db"
        subprocess.run(
            [sys.executable, "-m", "app", "demo", "--db", str(db), "--gemeente", "GM0513"],
            env=env,
            check=True,
            capture_output=True,
        )
        commands = {
            "bare window": [sys.executable, str(HERE / "bare_window.py")],
            "bare window + SQLAlchemy ORM": [sys.executable, str(HERE / "bare_window.py"), "--orm"],
            "app": [sys.executable, "-m", "app", "--db", str(db)],
        }
        samples: dict[str, dict[str, list[float]]] = {name: {} for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                for stage, seconds in timed(command, env).items():
                    samples[name].setdefault(stage, []).append(seconds)
    median = {
        name: {stage: statistics.median(values) for stage, values in stages.items()}
        for name, stages in samples.items()
    }
    bare = median["bare window"]["painted"]
    bare_orm = median["bare window + SQLAlchemy ORM"]["painted"]
    app_painted = median["app"]["painted"]
    app_overview = median["app"]["overview"]
    print(f"runs per command: {args.runs} (median)")
    print(f"bare window painted:              {bare:.3f} s")
    print(f"bare window + ORM painted:        {bare_orm:.3f} s")
    print(f"app main window painted (a):      {app_painted:.3f} s = {app_painted / bare:.2f}x bare")
    print(
        f"app Overzicht with data (b):      {app_overview:.3f} s = "
        f"{app_overview / bare_orm:.2f}x bare + ORM"
    )
    print("goal: (a) <= 2.0x bare, (b) <= 1.5x bare + ORM")


if __name__ == "__main__":
    main()
