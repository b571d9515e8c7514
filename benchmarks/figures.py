"""Figures: aoristic hot times for 200,000 incidents and the 12-month rate for 100 buurten
over 10 years, against the goals (each under 1 s; hot times within 3x a plain pandas
groupby count of the same incidents).

    .venv/bin/python benchmarks/figures.py [--runs N]

Prints a Markdown table; the results are recorded in benchmarks/README.md ("Cijfers").
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.analysis import rate
from app.analysis.hot_times import aoristic_table

INCIDENTS = 200_000
BUURTEN = 100
YEARS = 10


def incidents(rng: np.random.Generator) -> pd.DataFrame:
    """Windows as the police register them: mostly hours, some overnight, some weekends."""
    start = pd.Timestamp("2009-01-01") + pd.to_timedelta(
        rng.integers(0, 10 * 365 * 24 * 60, INCIDENTS), unit="min"
    )
    minutes = np.where(
        rng.random(INCIDENTS) < 0.8,
        rng.integers(0, 12 * 60, INCIDENTS),
        rng.integers(12 * 60, 21 * 24 * 60, INCIDENTS),
    )
    return pd.DataFrame(
        {"window_start": start, "window_end": start + pd.to_timedelta(minutes, unit="min")}
    )


def monthly(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    months = pd.date_range("2009-01-01", periods=YEARS * 12, freq="MS")
    areas = [f"BU0513{number:04d}" for number in range(BUURTEN)]
    counts = pd.DataFrame(
        {
            "month": np.repeat(months, BUURTEN),
            "area": np.tile(areas, len(months)),
            "completed": rng.poisson(3, len(months) * BUURTEN),
            "attempts": rng.poisson(2, len(months) * BUURTEN),
        }
    )
    stock = pd.DataFrame(
        {
            "year": np.repeat(range(2009, 2009 + YEARS), BUURTEN),
            "area": np.tile(areas, YEARS),
            "dwellings": rng.integers(500, 3000, YEARS * BUURTEN),
        }
    )
    return counts, stock


def best(function: Callable[[], object], runs: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def rolling(counts: pd.DataFrame, stock: pd.DataFrame) -> pd.DataFrame:
    wide = rate.monthly_counts(counts)
    return rate.rolling_rates(wide["total"], rate.monthly_dwellings(stock, wide["total"].index))


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "onbekend"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(2017)
    frame = incidents(rng)
    counts, stock = monthly(rng)

    hot = best(lambda: aoristic_table(frame["window_start"], frame["window_end"]), args.runs)
    groupby = best(
        lambda: frame.groupby(
            [frame["window_start"].dt.day_of_week, frame["window_start"].dt.hour]
        ).size(),
        args.runs,
    )
    rates = best(lambda: rolling(counts, stock), args.runs)
    ratio = hot / groupby

    print(
        f"Machine: {os.cpu_count()} CPU's ({cpu_model()}), Python {platform.python_version()}, "
        f"pandas {pd.__version__}, numpy {np.__version__}; best of {args.runs} runs."
    )
    print()
    print("| meting | tijd | doel | gehaald |")
    print("|---|---|---|---|")
    print(
        f"| hottimes (aoristisch), {INCIDENTS:,} incidenten | {hot * 1000:.1f} ms | < 1 s | "
        f"{'ja' if hot < 1 else 'nee'} |"
    )
    print(f"| gewone pandas groupby-telling, dezelfde incidenten | {groupby * 1000:.1f} ms | | |")
    print(
        f"| verhouding hottimes / groupby | {ratio:.2f}x | ≤ 3x | {'ja' if ratio <= 3 else 'nee'} |"
    )
    print(
        f"| 12-maands risico, {BUURTEN} buurten x {YEARS} jaar | {rates * 1000:.1f} ms | < 1 s | "
        f"{'ja' if rates < 1 else 'nee'} |"
    )


if __name__ == "__main__":
    main()
