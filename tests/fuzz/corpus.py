"""Valid seed files for the fuzzer, each made by the program itself, and the workspaces to
read them into: a gemeente package, a wijkagent form, an RSIV feedback file, figures files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from app.core.feedback.export import export_feedback
from app.core.feedback.suggestions import add_suggestion
from app.core.hotspots.analysis_forms import make_form
from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.demo.gemeente import fill_demo
from app.kernel.workspace import create_workspace
from database.enums import HotKind, WorkspaceRole
from database.models import HotItem

GOUDA = "GM0513"
WERKGROEP = date(2018, 3, 15)
MONTHLY_HEADER = "periode;gemeentecode;buurtcode;woninginbraken;pogingen"


@dataclass(frozen=True)
class Corpus:
    """Pristine workspaces (copied before each case) and one valid file per kind."""

    gemeente: Path
    rsiv: Path
    package: Path
    form: Path
    feedback: Path
    figures_csv: Path
    figures_xlsx: Path


def build_corpus(folder: Path) -> Corpus:
    """Make every seed through the services, as a user would; takes a few seconds."""
    folder.mkdir(parents=True, exist_ok=True)
    gemeente, rsiv = folder / "gemeente.db", folder / "rsiv.db"
    package, form = folder / "pakket.xlsx", folder / "formulier.xlsx"
    feedback = folder / "terugkoppeling.xlsx"
    first_package = folder / "pakket-1.xlsx"
    with create_workspace(gemeente, WorkspaceRole.MUNICIPALITY, GOUDA) as workspace:
        fill_demo(workspace, seed=2017)
        with workspace.reading() as session:
            hotspot = session.scalars(
                select(HotItem.id).where(HotItem.kind == HotKind.HOTSPOT).limit(1)
            ).one()
        make_form(workspace, hotspot, form)
        export_package(workspace, first_package, accept_findings=True)
        # The RSIV has merged package 1; the fuzzer mutates package 2, which it would merge.
        export_package(workspace, package, accept_findings=True)
    with create_workspace(rsiv, WorkspaceRole.REGION, is_demo=True) as workspace:
        assert merge_package(workspace, first_package).merged
        add_suggestion(workspace, GOUDA, WERKGROEP, "Betrek de woningcorporatie erbij.")
        export_feedback(workspace, GOUDA, feedback)
    figures_csv = folder / "maandcijfers.csv"
    rows = [
        f"{year}-{month:02d};{GOUDA};;{(year * month) % 40 + 10};{month % 5}"
        for year in (2016, 2017)
        for month in range(1, 13)
    ]
    figures_csv.write_text("\n".join([MONTHLY_HEADER, *rows]) + "\n", encoding="utf-8")
    figures_xlsx = folder / "maandcijfers.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in [MONTHLY_HEADER, *rows]:
        sheet.append(
            [int(cell) if cell.isascii() and cell.isdigit() else cell for cell in line.split(";")]
        )
    workbook.save(figures_xlsx)
    return Corpus(gemeente, rsiv, package, form, feedback, figures_csv, figures_xlsx)
