"""Workspaces and files for the storage tests, made once per run through the services."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.feedback.export import export_feedback
from app.core.hotspots.analysis_forms import make_form
from app.core.hotspots.hotspot_list import list_hotspots
from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.demo.gemeente import fill_demo
from app.kernel.paths import DATA_DIR_ENV
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole
from tests.exchange.form_filling import fill_form

GOUDA = "GM0513"


@dataclass(frozen=True)
class Sources:
    folder: Path
    gouda: Path  # Gouda's demo workspace; package 1 exported, one form issued
    package: Path  # Gouda's package 1
    rsiv: Path  # an RSIV workspace with Gouda's package merged
    empty_rsiv: Path
    empty_gouda: Path
    feedback: Path  # the RSIV's return package for Gouda
    filled_form: Path  # a wijkagent's filled-in form from Gouda's workspace
    hotspot: str  # the hotspot of that form

    def copy(self, source: Path, target: Path) -> Path:
        shutil.copy(source, target)
        return target


@pytest.fixture(scope="session")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    root = tmp_path_factory.mktemp("storage")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(root / "data"))
        gouda = root / "gouda.db"
        package = root / "pakket-gouda.xlsx"
        blank = root / "formulier.xlsx"
        with create_workspace(gouda, WorkspaceRole.MUNICIPALITY, GOUDA, is_demo=True) as work:
            fill_demo(work, seed=2017)
            export_package(work, package, accept_findings=True)
            hotspot = list_hotspots(work)[2].id
            make_form(work, hotspot, blank)
        filled = fill_form(blank, root / "formulier-ingevuld.xlsx")
        rsiv = root / "rsiv.db"
        with create_workspace(rsiv, WorkspaceRole.REGION, is_demo=True) as work:
            assert merge_package(work, package).merged
            feedback = export_feedback(work, GOUDA, root / "terugkoppeling.xlsx").path
        empty_rsiv = root / "rsiv-leeg.db"
        create_workspace(empty_rsiv, WorkspaceRole.REGION, is_demo=True).close()
        empty_gouda = root / "gouda-leeg.db"
        create_workspace(empty_gouda, WorkspaceRole.MUNICIPALITY, GOUDA, is_demo=True).close()
    return Sources(root, gouda, package, rsiv, empty_rsiv, empty_gouda, feedback, filled, hotspot)
