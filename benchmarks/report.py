"""Producing the werkgroep PDF (and its Excel version) for nine large merged packages.

    .venv/bin/python benchmarks/report.py [--runs N]

The nine packages are those of the merge benchmark (benchmarks/merge.py: each the size of the
package benchmark, 5,000 actions, 500 measures and 10 years of monthly figures for 100
buurten), merged into one RSIV workspace before the clock starts. Measured: the whole report
as the `report` command makes it, with the workspace open: reading every gemeente's figures
and plan (the regional overview, best practices, agenda items) and writing the PDF. Goal:
under 10 s. Prints a Markdown table; results are in benchmarks/README.md ("Rapportage").
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import matplotlib
from merge import make_packages
from package_exchange import cpu_model

from app.core.packages.merge import merge_package
from app.core.region.report_content import ReportKind, report_content
from app.kernel.workspace import Workspace, create_workspace
from app.report import write_report
from database.enums import WorkspaceRole

GOAL_SECONDS = 10.0


def time_report(workspace: Workspace, path: Path, kind: ReportKind) -> tuple[float, float]:
    """Seconds to read the content and to write the file."""
    start = time.perf_counter()
    content = report_content(workspace, kind)
    read = time.perf_counter() - start
    write_report(content, path)
    return read, time.perf_counter() - start - read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="rapportage-bench-"))
    os.environ["WONINGINBRAKEN_DATA_DIR"] = str(folder / "data")
    results: dict[str, list[tuple[float, float]]] = {"pdf": [], "xlsx": [], "rbo": []}
    try:
        packages = make_packages(folder)
        with create_workspace(folder / "rsiv.db", WorkspaceRole.REGION) as workspace:
            for package in packages.values():
                assert merge_package(workspace, package).merged
            for _ in range(runs):
                results["pdf"].append(
                    time_report(workspace, folder / "w.pdf", ReportKind.WERKGROEP)
                )
                results["xlsx"].append(
                    time_report(workspace, folder / "w.xlsx", ReportKind.WERKGROEP)
                )
                results["rbo"].append(time_report(workspace, folder / "r.pdf", ReportKind.RBO))
            pages = len(re.findall(rb"/Type\s*/Page[^s]", (folder / "w.pdf").read_bytes()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(
        f"Machine: {os.cpu_count()} CPU's ({cpu_model()}), Python {platform.python_version()}, "
        f"matplotlib {matplotlib.__version__}; beste van {runs} runs.\n"
    )
    print(f"Werkgroep-PDF: {pages} pagina's.\n")
    print("| meting | lezen | schrijven | totaal | doel | gehaald |")
    print("|---|---|---|---|---|---|")
    labels = {
        "pdf": "werkgroeprapportage, PDF",
        "xlsx": "werkgroeprapportage, Excel",
        "rbo": "RBO-samenvatting, PDF",
    }
    for key, label in labels.items():
        read, write = min(results[key], key=sum)
        total = read + write
        verdict = "ja" if total < GOAL_SECONDS else "nee"
        goal = "< 10 s" if key == "pdf" else ""
        print(
            f"| {label} | {read:.2f} s | {write:.2f} s | {total:.2f} s | {goal} | "
            f"{verdict if goal else ''} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
