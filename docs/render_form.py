"""Print the wijkagent's form of the Gouda demo's first hotspot through LibreOffice and save
its first page to docs/screenshots/wijkagent-formulier.png.

    .venv/bin/python docs/render_form.py

Needs LibreOffice (soffice) and poppler-utils (pdftoppm).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.exchange.form_filling import convert  # noqa: E402

TARGET = ROOT / "docs" / "screenshots" / "wijkagent-formulier.png"


def render() -> Path:
    from app.core.hotspots.analysis_forms import make_form
    from app.core.hotspots.hotspots import list_hotspots
    from app.demo.gemeente import fill_demo
    from app.kernel.workspace import create_workspace
    from database.enums import WorkspaceRole

    with tempfile.TemporaryDirectory() as folder:
        os.environ["WONINGINBRAKEN_DATA_DIR"] = folder
        workspace = create_workspace(
            Path(folder) / "demo.db", WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True
        )
        try:
            fill_demo(workspace, seed=2017)
            hotspot = list_hotspots(workspace)[0]
            form = make_form(workspace, hotspot.id, Path(folder) / "formulier.xlsx")
        finally:
            workspace.close()
        pdf = convert(form.path, "pdf", Path(folder) / "pdf")
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "110",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(TARGET.with_suffix("")),
            ],
            check=True,
        )
    return TARGET


if __name__ == "__main__":
    print(render().relative_to(ROOT))
