"""A wijkagent at work: open the form in a spreadsheet, type in the yellow boxes, pick from
the dropdowns, save; and LibreOffice saving the file as a person's office suite would."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

LONG_OFFENDER = (
    "Vooral jonge daders uit de buurt en uit Gouda-Oost.\n"
    "Ze komen op de fiets of scooter en gebruiken de achterpaden als vluchtroute.\n\n"
    "Twee bekende veelplegers zijn sinds de zomer weer actief.\n"
    + "\n".join(
        f"Week {week}: inbraken via de achterom, steeds tussen 18 en 23 uur."
        for week in range(1, 13)
    )
)


@dataclass(frozen=True)
class Filled:
    """What the wijkagent typed, as the workspace should store it."""

    texts: dict[str, str]
    author_name: str
    author_role: str
    written_on: date
    measures: tuple[tuple[str, str, str, str], ...]  # title, doelgroep, aard, partner


ANSWERS = Filled(
    texts={
        "1. Dader": LONG_OFFENDER,
        "2. Slachtoffer / doelwit": "Rijtjeshuizen met een achterom; ouderen die overdag weg zijn.",
        "3. Omgeving / plaats": "Donkere brandgangen, hoge heggen en weinig zicht vanaf straat.",
        "4. Tijden": "Vrijdag- en zaterdagavond tussen 18 en 23 uur, vooral in de wintermaanden.",
        "5. Werkwijze": "Flipperen van deuren en openstaande bovenramen.",
        "6. Bewoners en partners": "Bewoners melden verdachte situaties via de buurtapp.",
        "7. Conclusie": "Aanpak richten op de brandgangen en de avonduren in de donkere maanden.",
    },
    author_name="Sanne de Vries",
    author_role="wijkagent Sterrenpark, s.devries@politie.nl",
    written_on=date(2018, 3, 12),
    measures=(
        ("Brandgangen afsluiten met poorten", "omgeving", "preventief", "woningcorporatie"),
        ("Extra surveillance vrijdagavond", "dader", "repressief", "politie"),
    ),
)


def form_sheet(workbook: openpyxl.Workbook) -> Worksheet:
    [sheet] = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
    return sheet


def row_of(sheet: Worksheet, label: str) -> int:
    """The row whose label in column A starts with `label`, as a person finds it by eye."""
    for row in range(1, sheet.max_row + 1):
        value = sheet.cell(row=row, column=1).value
        if isinstance(value, str) and value.startswith(label):
            return row
    raise AssertionError(f"no row labelled {label!r}")


def type_into(cell: Cell, value: object) -> None:
    assert cell.protection.locked is False, f"{cell.coordinate} is locked: nobody can type there"
    cell.value = value


def choose(sheet: Worksheet, cell: Cell, label: str) -> None:
    """Pick `label` from the dropdown of `cell` (it must be one of the listed values)."""
    lists = [
        dv.formula1.strip('"').split(",")
        for dv in sheet.data_validations.dataValidation
        if cell.coordinate in dv.sqref
    ]
    assert lists and label in lists[0], f"{label!r} is not in the dropdown of {cell.coordinate}"
    type_into(cell, label)


def fill_form(path: Path, out: Path, answers: Filled = ANSWERS) -> Path:
    workbook = openpyxl.load_workbook(path)
    sheet = form_sheet(workbook)
    for label, text in answers.texts.items():
        type_into(sheet[f"B{row_of(sheet, label)}"], text)
    type_into(sheet[f"B{row_of(sheet, 'Naam')}"], answers.author_name)
    type_into(sheet[f"B{row_of(sheet, 'Functie en werkcontact')}"], answers.author_role)
    type_into(
        sheet[f"B{row_of(sheet, 'Datum')}"],
        f"{answers.written_on.day}-{answers.written_on.month}-{answers.written_on.year}",
    )
    first = _first_measure_row(sheet)
    for offset, (title, group, kind, partner) in enumerate(answers.measures):
        row = first + offset
        type_into(sheet[f"B{row}"], title)
        choose(sheet, sheet[f"E{row}"], group)
        choose(sheet, sheet[f"F{row}"], kind)
        type_into(sheet[f"G{row}"], partner)
    workbook.save(out)
    return out


def _first_measure_row(sheet: Worksheet) -> int:
    header = next(
        row for row in range(1, sheet.max_row + 1) if sheet[f"B{row}"].value == "Maatregel"
    )
    return header + 1


def soffice() -> str:
    """The LibreOffice binary; skipped only outside CI when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is nodig voor deze test in CI")
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    return found


def convert(path: Path, target: str, folder: Path) -> Path:
    """`soffice --headless --convert-to target`, with its own profile so runs never collide."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "lo-profiel"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = folder / f"{path.stem}.{target.split(':')[0]}"
    assert converted.exists(), f"LibreOffice made no {converted.name}"
    return converted
