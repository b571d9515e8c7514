"""The validation report of a package written to a file, so a gemeente can fix what it lists.

Values come from a file someone else made: every cell is written as text, never as a formula.
In .xlsx a text cell with a quote prefix; in .csv (semicolons, for Dutch Excel) a value that
starts like a formula gets a leading apostrophe, as OWASP advises against CSV injection.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from app.exchange.problems import Problem
from app.exchange.text import clean_text, looks_like_formula, text_cell
from app.kernel.errors import UserError
from app.kernel.files import written_file

HEADERS = ("Ernst", "Blad", "Cel", "Kolom", "Waarde", "Uitleg")
WIDTHS = (14, 20, 16, 24, 30, 90)
SHEET_TITLE = "Controle"


def report_rows(problems: Sequence[Problem]) -> list[tuple[str, ...]]:
    """The report's cells per problem, in the order of HEADERS."""
    return [
        (p.severity.value, p.sheet, p.cell, p.column, clean_text(p.value), p.message)
        for p in problems
    ]


def write_problem_report(path: Path, problems: Sequence[Problem]) -> Path:
    """Write `problems` in their order to `path`: .xlsx or .csv, chosen by the suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(f"Kies een naam die eindigt op .xlsx of .csv in plaats van '{path.name}'.")
    with written_file(path, "Het overzicht van de problemen") as temporary:
        if suffix == ".csv":
            _write_csv(temporary, report_rows(problems))
        else:
            _write_xlsx(temporary, report_rows(problems))
    return path


def _write_csv(path: Path, rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";", quoting=csv.QUOTE_ALL)
        writer.writerow(HEADERS)
        writer.writerows(tuple(_csv_text(value) for value in row) for row in rows)


def _csv_text(value: str) -> str:
    return "'" + value if looks_like_formula(value) else value


def _write_xlsx(path: Path, rows: list[tuple[str, ...]]) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for number, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = [text_cell(sheet, text) for text in HEADERS]
    for cell in header:
        cell.font = bold
    sheet.append(header)
    for row in rows:
        sheet.append([text_cell(sheet, value) for value in row])
    workbook.save(path)
