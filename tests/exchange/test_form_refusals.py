"""Returned forms that cannot be trusted or read are refused precisely; nothing is stored."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from app.core.hotspots.analysis_forms import accept_form, make_form, preview_form
from app.core.hotspots.hotspot_list import list_hotspots
from app.core.plan import problem
from app.exchange.form_layout import METADATA_KEYS, FormMetadata
from app.exchange.form_reader import FormRefusedError
from app.exchange.metadata import METADATA_SHEET
from app.kernel.moments import moment_from_file
from app.kernel.workspace import Workspace, open_workspace
from tests.exchange.conftest import file_hash
from tests.exchange.form_filling import fill_form, form_sheet, row_of


@dataclass(frozen=True)
class Issued:
    database: Path
    hotspot_id: str
    other_hotspot_id: str
    form: Path  # filled in by the wijkagent


@pytest.fixture
def issued(demo_workspace: Workspace, tmp_path: Path) -> Issued:
    first, second, *_ = list_hotspots(demo_workspace)
    blank = tmp_path / "formulier.xlsx"
    make_form(demo_workspace, first.id, blank)
    filled = fill_form(blank, tmp_path / "ingevuld.xlsx")
    demo_workspace.close()
    return Issued(demo_workspace.path, first.id, second.id, filled)


def _refusal(database: Path, form: Path, hotspot_id: str | None = None) -> str:
    before = file_hash(database)
    with open_workspace(database) as workspace, pytest.raises(FormRefusedError) as refusal:
        preview_form(workspace, form, hotspot_id)
    assert file_hash(database) == before, "a refused form changed the workspace"
    message = str(refusal.value)
    assert message.startswith("Het formulier is niet ingelezen")
    return message


def _edited(form: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    workbook = openpyxl.load_workbook(form)
    edit(workbook)
    target = form.with_name("bewerkt.xlsx")
    workbook.save(target)
    return target


def _metadata(workbook: openpyxl.Workbook) -> dict[str, openpyxl.cell.Cell]:
    sheet = workbook[METADATA_SHEET]
    labels = {label: key for key, label in METADATA_KEYS.items()}
    return {labels[row[0].value]: row[1] for row in sheet.iter_rows()}


def test_a_form_of_another_workspace(
    issued: Issued, new_workspace: Callable[..., Workspace]
) -> None:
    delft = new_workspace("GM0503", name="delft.db")
    delft.close()
    message = _refusal(delft.path, issued.form)
    assert "gemaakt in een andere werkruimte (gemeente GM0513)" in message


def test_a_form_of_another_hotspot_than_the_one_chosen(issued: Issued) -> None:
    message = _refusal(issued.database, issued.form, issued.other_hotspot_id)
    assert "hoort bij hotspot" in message and "niet bij de gekozen hotspot" in message


def test_a_form_for_a_hotspot_that_no_longer_exists(issued: Issued) -> None:
    with open_workspace(issued.database) as workspace:
        problem.delete_hot_item(workspace, issued.hotspot_id)
    assert "bestaat niet meer in deze werkruimte" in _refusal(issued.database, issued.form)


def test_tampered_metadata(issued: Issued) -> None:
    def raise_version(workbook: openpyxl.Workbook) -> None:
        _metadata(workbook)["form_version"].value = "7"

    message = _refusal(issued.database, _edited(issued.form, raise_version))
    assert "verborgen gegevens van het formulier (blad Metadata) zijn gewijzigd" in message


def test_tampered_metadata_with_a_recomputed_checksum(issued: Issued) -> None:
    def move_to_other_hotspot(workbook: openpyxl.Workbook) -> None:
        cells = _metadata(workbook)
        cells["hotspot_id"].value = issued.other_hotspot_id
        values = {key: cell.value for key, cell in cells.items()}
        values["format_version"] = int(values["format_version"])
        values["form_version"] = int(values["form_version"])
        # The sheet shows the moment in Dutch time; the checksum covers it in ISO 8601.
        issued_at = moment_from_file(values["issued_at"])
        assert issued_at is not None
        values["issued_at"] = issued_at.isoformat(timespec="microseconds")
        cells["checksum"].value = FormMetadata(**values).expected_checksum()

    message = _refusal(issued.database, _edited(issued.form, move_to_other_hotspot))
    assert "passen niet bij het formulier dat deze werkruimte maakte" in message


def test_a_formula_in_an_answer(issued: Issued) -> None:
    cell: list[str] = []

    def formula(workbook: openpyxl.Workbook) -> None:
        sheet = form_sheet(workbook)
        address = f"B{row_of(sheet, '5. Werkwijze')}"
        sheet[address] = '=HYPERLINK("http://example.org";"klik")'
        cell.append(f"{sheet.title}!{address}")

    message = _refusal(issued.database, _edited(issued.form, formula))
    assert f"{cell[0]}: Hier staat een formule" in message


@pytest.mark.parametrize("change", ["insert", "delete"])
def test_rows_inserted_or_deleted(issued: Issued, change: str) -> None:
    expected: list[str] = []

    def restructure(workbook: openpyxl.Workbook) -> None:
        sheet = form_sheet(workbook)
        sheet.protection.sheet = False
        row = row_of(sheet, "2. Slachtoffer")
        if change == "insert":
            expected.append(f"In cel A{row} hoort '2. Slachtoffer / doelwit' te staan")
            sheet.insert_rows(row)
        else:
            expected.append(f"In cel A{row - 1} hoort '1. Dader' te staan")
            sheet.delete_rows(row - 1)

    message = _refusal(issued.database, _edited(issued.form, restructure))
    assert expected[0] in message
    assert "rijen ingevoegd, verwijderd of verplaatst" in message


def test_an_older_form_than_one_already_imported(issued: Issued, tmp_path: Path) -> None:
    with open_workspace(issued.database) as workspace:
        newer = make_form(workspace, issued.hotspot_id, tmp_path / "nieuwer.xlsx")
        filled = fill_form(newer.path, tmp_path / "nieuwer-ingevuld.xlsx")
        accept_form(workspace, preview_form(workspace, filled))
    message = _refusal(issued.database, issued.form)
    older = newer.form_version - 1
    assert f"Dit is formulier versie {older}" in message
    assert f"versie {newer.form_version} (gemaakt op" in message
    assert "Een ouder formulier wordt niet meer ingelezen" in message


def test_an_incomplete_proposed_measure_names_its_cell(issued: Issued) -> None:
    def drop_choice(workbook: openpyxl.Workbook) -> None:
        sheet = form_sheet(workbook)
        header = next(r for r in range(1, sheet.max_row) if sheet[f"B{r}"].value == "Maatregel")
        sheet[f"E{header + 1}"] = None

    message = _refusal(issued.database, _edited(issued.form, drop_choice))
    assert "Maatregel 1 is niet compleet: vul ook 'Doelgroep' in" in message
    assert "!E" in message


def test_a_macro_workbook_is_refused_by_the_package_checks(issued: Issued) -> None:
    renamed = issued.form.with_suffix(".xlsm")
    shutil.copy(issued.form, renamed)
    assert "macro's" in _refusal(issued.database, renamed)
