"""The illustrative CBS files in docs/examples/cbs import as docs/figures-format.md says."""

from __future__ import annotations

from pathlib import Path

from app.core.figures.importing import import_figures
from app.core.overview.status import workspace_status
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "cbs"


def test_the_open_data_examples_import_into_gouda(tmp_path: Path) -> None:
    path = tmp_path / "gouda.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0513"):
        pass
    with open_workspace(path) as workspace:
        crime = import_figures(workspace, EXAMPLES / "47022NED.json").message
        again = import_figures(workspace, EXAMPLES / "47022NED.csv").message
        stock = import_figures(workspace, EXAMPLES / "kerncijfers-2017.csv").message
        status = workspace_status(workspace)
    assert crime.startswith("12 maandcijfers woninginbraak uit CBS-tabel 47022NED ingelezen")
    assert "1 cel heeft CBS achtergehouden" in crime
    assert "Buurtnamen uit WijkenEnBuurten.json" in crime
    assert "12 eerder ingelezen cijfers voor dezelfde periode vervangen" in again
    assert "4 cijfers woningvoorraad" in stock and "(2017;" in stock
    assert status.rate.withheld_cells == 1


def test_the_document_names_the_example_files() -> None:
    document = (EXAMPLES.parents[1] / "figures-format.md").read_text("utf-8")
    for example in EXAMPLES.iterdir():
        assert f"`{example.name}`" in document, example.name
    assert "ter\nillustratie" in document
