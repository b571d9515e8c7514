"""Reading a figures file (CSV or XLSX) into a header and numbered rows of raw cells.

CSV as Dutch Excel writes it: ';' between fields (',' and tab are accepted too), UTF-8 with
or without Excel's byte-order mark, or Windows-1252 (the older "CSV (gescheiden door
lijstscheidingsteken)"). The header is checked from the first 64 kB before the rest is read,
so a wrong or binary file is refused at once, however large it is.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from app.core.figures.formats import normalise_name
from app.kernel.errors import UserError

HEAD_BYTES = 64 * 1024
DELIMITERS = (";", ",", "\t")
TEXT_SUFFIXES = frozenset({".csv", ".txt"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})


@dataclass(frozen=True)
class RawTable:
    """Header names (normalised) and rows as (row number as the user sees it, cells)."""

    header: list[str]
    rows: Iterator[tuple[int, list[object]]]
    place: str  # "" for CSV, "blad 'Cijfers', " for Excel: the start of every error line


HeaderCheck = Callable[[list[str]], None]


def read_table(path: Path, check_header: HeaderCheck) -> RawTable:
    """Open `path` and call `check_header` on its header before reading any further."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Het bestand {path} bestaat niet. Controleer het pad.")
    if path.stat().st_size == 0:
        raise UserError(f"Het bestand {path.name} is leeg. Kies het bestand met de cijfers.")
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, check_header)
    if suffix in TEXT_SUFFIXES:
        return _read_csv(path, check_header)
    raise UserError(
        f"{path.name} is geen CSV- of Excel-bestand. Bewaar de cijfers in Excel als "
        "'CSV (gescheiden door lijstscheidingsteken)' of als .xlsx."
    )


def _read_csv(path: Path, check_header: HeaderCheck) -> RawTable:
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if b"\x00" in head:
        raise UserError(
            f"{path.name} is geen tekstbestand (CSV): het bevat binaire gegevens. Kies het "
            "CSV-bestand met de cijfers, of bewaar het in Excel opnieuw als CSV."
        )
    first_line_end = head.find(b"\n")
    if first_line_end < 0 and len(head) == HEAD_BYTES:
        raise UserError(
            f"{path.name} heeft geen kopregel: de eerste 64 kB bevatten geen regeleinde. Is dit "
            "wel een CSV-bestand met cijfers?"
        )
    header_line = head[: first_line_end if first_line_end >= 0 else len(head)]
    header_text = header_line.decode("utf-8", errors="replace").lstrip("\ufeff").rstrip("\r")
    if not header_text.strip():
        raise UserError(
            f"{path.name} is leeg of begint met een lege regel. De eerste regel moet de kopregel "
            "met de kolomnamen zijn."
        )
    delimiter = _delimiter(header_text)
    header = [normalise_name(name) for name in next(csv.reader([header_text], delimiter=delimiter))]
    check_header(header)
    text = _decode(path.name, path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    rows = ((number, list(cells)) for number, cells in enumerate(reader, start=2))
    return RawTable(header, _without_blank_rows(rows), "")


def _decode(name: str, data: bytes) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UserError(
            f"{name} bevat tekens die niet als tekst te lezen zijn (byte {error.start + 1}). "
            "Bewaar het bestand in Excel als 'CSV UTF-8 (door komma's gescheiden)'."
        ) from None


def _delimiter(header_text: str) -> str:
    """The separator that splits the header into the most fields (';' wins a tie)."""
    return max(DELIMITERS, key=lambda delimiter: len(header_text.split(delimiter)))


def _read_excel(path: Path, check_header: HeaderCheck) -> RawTable:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise UserError(
            f"{path.name} is geen geldig Excel-bestand (.xlsx). Open het in Excel en bewaar het "
            "opnieuw, of lever de cijfers als CSV."
        ) from None
    sheet = workbook.worksheets[0]
    cells = sheet.iter_rows(values_only=True)
    first = next(cells, None)
    if first is None:
        workbook.close()
        raise UserError(
            f"Het eerste blad van {path.name} is leeg. Zet de cijfers op het eerste blad."
        )
    header = [normalise_name(name) for name in first]
    while header and not header[-1]:
        header.pop()
    try:
        check_header(header)
    except UserError:
        workbook.close()
        raise
    rows = ((number, list(row)) for number, row in enumerate(cells, start=2))

    def closing_rows() -> Iterator[tuple[int, list[object]]]:
        yield from _without_blank_rows(rows)
        workbook.close()

    return RawTable(header, closing_rows(), f"blad '{sheet.title}', ")


def _without_blank_rows(
    rows: Iterator[tuple[int, list[object]]],
) -> Iterator[tuple[int, list[object]]]:
    """Skip rows with only empty cells: Excel writes ';;;' for a row it once touched."""
    for number, cells in rows:
        if any(cell is not None and str(cell).strip() for cell in cells):
            yield number, cells
