"""Reading a figures file (CSV or XLSX) into a header and numbered rows of raw cells.

CSV as Dutch Excel writes it: ';' between fields (',' and tab are accepted too), UTF-8 with
or without Excel's byte-order mark, or Windows-1252 (the older "CSV (gescheiden door
lijstscheidingsteken)"). The header is checked from the first 64 kB before the rest is read,
so a wrong or binary file is refused at once, however large it is; the rest is streamed and
held to a byte and row limit. An .xlsx goes through the package's safety pass with the
figures' limits first (zip bombs, macros, sheet extent), then python-calamine reads it.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.figures.formats import normalise_name
from app.exchange.limits import (
    FIGURE_LIMITS,
    MAX_FIGURE_BYTES,
    MAX_FIGURE_ROWS,
    dutch_number,
)
from app.exchange.problems import PackageRefusedError
from app.exchange.reader import open_workbook, read_sheet
from app.exchange.safety import inspect_package
from app.kernel.errors import UserError
from app.kernel.files import unreadable_file

HEAD_BYTES = 64 * 1024
CHUNK = 1024 * 1024
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
    if problem := unreadable_file(path):
        raise UserError(problem)
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
    size = path.stat().st_size
    if size > MAX_FIGURE_BYTES:
        raise UserError(
            f"{path.name} is {size // (1024 * 1024)} MB; een cijferbestand is hoogstens "
            f"{MAX_FIGURE_BYTES // (1024 * 1024)} MB. Splits het bestand, bijvoorbeeld per jaar."
        )
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
    encoding = _encoding(path)
    csv.field_size_limit(HEAD_BYTES)  # one field is never larger than the header's window

    def streamed_rows() -> Iterator[tuple[int, list[object]]]:
        with path.open(encoding=encoding, newline="") as text:
            reader = csv.reader(text, delimiter=delimiter)
            try:
                next(reader, None)
                for number, cells in enumerate(reader, start=2):
                    if number > MAX_FIGURE_ROWS + 1:
                        raise _too_many_rows(path)
                    yield number, list(cells)
            except csv.Error:
                raise UserError(
                    f"{path.name} kan niet als CSV worden gelezen: een veld is te lang of een "
                    "aanhalingsteken wordt niet gesloten. Bewaar het bestand in Excel opnieuw als "
                    "CSV."
                ) from None

    return RawTable(header, _without_blank_rows(streamed_rows()), "")


def _too_many_rows(path: Path) -> UserError:
    return UserError(
        f"{path.name} heeft meer dan {dutch_number(MAX_FIGURE_ROWS)} regels onder de kopregel; "
        "dat is meer dan een cijferbestand bevat. Splits het bestand, bijvoorbeeld per jaar."
    )


def _encoding(path: Path) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252; read in chunks."""
    decoder: codecs.IncrementalDecoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    decoder = codecs.getincrementaldecoder("cp1252")()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                raise UserError(
                    f"{path.name} bevat tekens die niet als tekst te lezen zijn (byte "
                    f"{offset + error.start + 1}). Bewaar het bestand in Excel als 'CSV UTF-8 "
                    "(door komma's gescheiden)'."
                ) from None
            offset += len(chunk)
    return "cp1252"


def _delimiter(header_text: str) -> str:
    """The separator that splits the header into the most fields (';' wins a tie)."""
    return max(DELIMITERS, key=lambda delimiter: len(header_text.split(delimiter)))


def _read_excel(path: Path, check_header: HeaderCheck) -> RawTable:
    """The first sheet, after the package's safety pass with the figures' limits."""
    with path.open("rb") as handle:
        if handle.read(2) != b"PK":
            raise UserError(
                f"{path.name} is geen geldig Excel-bestand (.xlsx). Open het in Excel en bewaar "
                "het opnieuw, of lever de cijfers als CSV."
            )
    try:
        inspect_package(path, FIGURE_LIMITS)
        with open_workbook(path) as workbook:
            if not workbook.sheet_names:
                raise UserError(
                    f"{path.name} bevat geen bladen. Zet de cijfers op het eerste blad."
                )
            title = workbook.sheet_names[0]
            cells = read_sheet(workbook, title, path)
    except PackageRefusedError as refusal:
        raise UserError(
            "\n".join(problem.message for problem in refusal.problems if problem.is_error)
        ) from None
    if not cells or not any(_filled(cell) for cell in cells[0]):
        raise UserError(
            f"Het eerste blad van {path.name} is leeg. Zet de cijfers op het eerste blad."
        )
    header = [normalise_name(name) for name in cells[0]]
    while header and not header[-1]:
        header.pop()
    check_header(header)
    rows = ((number, list(row)) for number, row in enumerate(cells[1:], start=2))
    return RawTable(header, _without_blank_rows(rows), f"blad '{title}', ")


def _filled(cell: object) -> bool:
    return cell is not None and bool(str(cell).strip())


def _without_blank_rows(
    rows: Iterator[tuple[int, list[object]]],
) -> Iterator[tuple[int, list[object]]]:
    """Skip rows with only empty cells: Excel writes ';;;' for a row it once touched."""
    for number, cells in rows:
        if any(_filled(cell) for cell in cells):
            yield number, cells
