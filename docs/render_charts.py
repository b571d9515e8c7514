"""Render every chart of the Cijfers screen from demo data into docs/screenshots/.

    .venv/bin/python docs/render_charts.py [--gemeente GM0513] [--svg]

The demo workspace is made in a temporary folder; nothing in the user's data folder changes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def render(target: Path, cbs_code: str, *, svg: bool) -> list[Path]:
    from app.analysis.charts.style import save_chart
    from app.core.figures.charts import ChartKind, build_chart
    from app.core.figures.figures import load_figures
    from app.demo.gemeente import fill_demo
    from app.kernel.workspace import create_workspace
    from database.enums import WorkspaceRole

    written = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WONINGINBRAKEN_DATA_DIR"] = folder
        path = Path(folder) / "demo.db"
        with create_workspace(path, WorkspaceRole.MUNICIPALITY, cbs_code, is_demo=True) as ws:
            fill_demo(ws)
            figures = load_figures(ws)
            place = ws.summary.display_name
        target.mkdir(parents=True, exist_ok=True)
        for kind in ChartKind:
            figure = build_chart(figures, kind, place)
            for suffix in (".png", ".svg") if svg else (".png",):
                written.append(save_chart(figure, target / f"cijfers-{kind.value}{suffix}"))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gemeente", default="GM0513")
    parser.add_argument("--svg", action="store_true", help="also write SVG files")
    parser.add_argument("--target", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    for path in render(args.target, args.gemeente, svg=args.svg):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
