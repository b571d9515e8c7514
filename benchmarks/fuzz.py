"""The fuzzer's large run: mutated packages, forms, feedback and figures files.

    .venv/bin/python benchmarks/fuzz.py [--cases 10000] [--seed 0] [--subprocess-every 50]

Each case makes one mutated file (tests/fuzz/mutations.py) and reads it in through
`app.cli.main`, the function the command line calls, into a fresh copy of a workspace; every
`--subprocess-every`-th case runs as a real `python -m app` subprocess whose peak memory is
measured. Prints the outcomes and every invariant break; results are in benchmarks/README.md
("Fuzzing").
"""

from __future__ import annotations

import argparse
import collections
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--subprocess-every", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    os.environ["WONINGINBRAKEN_DATA_DIR"] = str(folder / "data")
    os.environ["MPLCONFIGDIR"] = str(folder / "data" / "matplotlib")

    from tests.fuzz.corpus import build_corpus
    from tests.fuzz.harness import KINDS, run_case

    corpus = build_corpus(folder / "corpus")
    cases = folder / "cases"
    cases.mkdir()
    counts: collections.Counter[tuple[str, int]] = collections.Counter()
    breaks: list[str] = []
    slowest = 0.0
    peak_subprocess = 0
    started = time.perf_counter()
    for number in range(args.cases):
        kind = KINDS[number % len(KINDS)]
        seed = args.seed + number
        as_subprocess = args.subprocess_every > 0 and number % args.subprocess_every == 0
        outcome = run_case(corpus, kind, seed, cases, subprocess_run=as_subprocess)
        counts[(kind, outcome.exit_code)] += 1
        slowest = max(slowest, outcome.seconds)
        peak_subprocess = max(peak_subprocess, outcome.memory_kb or 0)
        for found in outcome.breaks():
            breaks.append(f"{kind} seed {seed} ({outcome.mutation}): {found}")
            print(breaks[-1], outcome.stderr[-600:], sep="\n", file=sys.stderr, flush=True)
        if (number + 1) % 500 == 0:
            print(f"{number + 1} cases, {len(breaks)} breaks", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    in_process_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"Machine: {os.cpu_count()} CPU's, {platform.system()}, Python {platform.python_version()}"
    )
    print(f"{args.cases} cases in {elapsed:.0f} s, seed {args.seed}")
    print("| soort | 0 ingelezen | 1 geweigerd | 2 gebruik | anders |")
    print("|---|---|---|---|---|")
    for kind in KINDS:
        row = [counts[(kind, code)] for code in (0, 1, 2)]
        other = sum(n for (k, code), n in counts.items() if k == kind and code not in (0, 1, 2))
        print(f"| {kind} | {row[0]} | {row[1]} | {row[2]} | {other} |")
    print(f"invariant breaks: {len(breaks)}")
    print(f"slowest case: {slowest:.2f} s")
    print(f"peak memory, fuzz process (all in-process cases): {in_process_kb // 1024} MB")
    print(f"peak memory, largest subprocess case: {peak_subprocess // 1024} MB")
    return 1 if breaks else 0


if __name__ == "__main__":
    sys.exit(main())
