"""The RSIV with nine merged demo packages (tests/region's fixtures) and Gouda's workspace."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.feedback.export import export_feedback
from app.core.feedback.suggestions import add_suggestion
from app.kernel.workspace import Workspace, open_workspace
from tests.region.conftest import (  # noqa: F401 - fixtures shared with the region tests
    gemeente_copy,
    make_window,
    region_server_templates,
    region_sources,
    rsiv_nine,
)

GOUDA, DELFT = "GM0513", "GM0503"
WERKGROEP = date(2018, 3, 15)
SUGGESTIONS = (
    "Betrek de woningcorporatie bij het hang- en sluitwerk in de hotspot Korte Akkeren.",
    '=HYPERLINK("http://voorbeeld.nl") is geen formule maar tekst van de werkgroep.',
)


@pytest.fixture
def feedback_files(rsiv_nine: Workspace, tmp_path: Path) -> dict[str, Path]:  # noqa: F811 - the imported fixture
    """Return packages for Gouda (two suggestions) and Delft, made by the RSIV."""
    for text in SUGGESTIONS:
        add_suggestion(rsiv_nine, GOUDA, WERKGROEP, text)
    add_suggestion(rsiv_nine, DELFT, WERKGROEP, "Deel de aanpak van helingspunten in de regio.")
    files = {}
    for code in (GOUDA, DELFT):
        files[code] = tmp_path / f"terugkoppeling-{code}.xlsx"
        export_feedback(rsiv_nine, code, files[code])
    return files


@pytest.fixture
def gouda_path(gemeente_copy: Workspace) -> Path:  # noqa: F811 - the imported fixture
    """Gouda's demo workspace, closed, so a test can hash the file around an attempt."""
    path = gemeente_copy.path
    gemeente_copy.close()
    return path


@pytest.fixture
def gouda(gouda_path: Path) -> Iterator[Workspace]:
    with open_workspace(gouda_path) as workspace:
        yield workspace


@pytest.fixture
def plan_package(region_sources: Path, tmp_path: Path) -> Path:  # noqa: F811 - the imported fixture
    target = tmp_path / "pakket-gouda.xlsx"
    shutil.copy(region_sources / f"pakket-{GOUDA}.xlsx", target)
    return target
