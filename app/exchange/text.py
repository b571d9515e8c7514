"""Text from users, made safe for a spreadsheet cell: one cleaning, one text-cell writer.

Every column (codes too) is cleaned the same way, and every workbook the program writes puts
its text through `put_text`/`text_cell`. XML cannot carry most control characters, U+FFFE,
U+FFFF or lone surrogates; Excel cells hold at most 32,767 characters. A text starting with
one of FORMULA_STARTS is written as a text cell with a quote prefix, so neither openpyxl,
Excel nor LibreOffice turns it into a formula (OWASP CSV injection).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.cell import WriteOnlyCell

from app.exchange.limits import EXCEL_TEXT_LIMIT, dutch_number
from app.kernel.errors import UserError

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# What XML 1.0 cannot hold (tab, line feed and carriage return are allowed), the two
# non-characters U+FFFE/U+FFFF and lone surrogates (no encoder writes them).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Also a carriage return: a cell stores line ends as a line feed.
NEEDS_CLEANING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff\ud800-\udfff]")


class TextTooLongError(UserError):
    """A text longer than an Excel cell holds; it is never written (Excel would refuse it)."""

    def __init__(self, text: str) -> None:
        start = text[:40].replace("\n", " ")
        super().__init__(
            f"De tekst die begint met '{start}…' is {dutch_number(len(text))} tekens lang; een "
            f"Excel-cel bevat hoogstens {dutch_number(EXCEL_TEXT_LIMIT)} tekens. Maak de tekst "
            "korter en probeer het opnieuw."
        )


def clean_text(text: str) -> str:
    """Line ends become line feeds (Word's Shift+Enter, a vertical tab, too); the rest of
    what a cell cannot hold is removed."""
    if NEEDS_CLEANING.search(text) is None:
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNWRITABLE.sub("", text.replace("\x0b", "\n"))


def has_control_characters(text: str) -> bool:
    return _UNWRITABLE.search(text) is not None


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def cell_text(value: str) -> str:
    """The text as a cell stores it: cleaned, and refused when longer than a cell holds."""
    text = clean_text(value)
    if len(text) > EXCEL_TEXT_LIMIT:
        raise TextTooLongError(text)
    return text


def put_text(cell: Cell, value: str) -> None:
    """Put text in a cell as text, never as a formula; the one way text reaches a workbook."""
    text = cell_text(value)
    if not text:
        return
    cell.value = text
    cell.data_type = "s"  # openpyxl would store "=..." as a formula
    if looks_like_formula(text):
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


def text_cell(sheet: Worksheet, value: str) -> WriteOnlyCell:
    """Text for a write-only sheet, through `put_text`."""
    cell = WriteOnlyCell(sheet)
    put_text(cell, value)
    return cell


def sheet_text(sheet: Worksheet, value: str) -> str | WriteOnlyCell | None:
    """Text for a write-only row: the plain string when it needs no cell (fast), else a cell."""
    if not value:
        return None
    if (
        len(value) <= EXCEL_TEXT_LIMIT
        and not looks_like_formula(value)
        and NEEDS_CLEANING.search(value) is None
    ):
        return value
    return text_cell(sheet, value)
