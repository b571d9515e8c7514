"""Text from users, made safe for a spreadsheet cell.

Excel cells hold at most 32,767 characters and XML cannot carry most control characters.
A text starting with one of FORMULA_STARTS is written as a text cell with a quote prefix, so
neither openpyxl, Excel nor LibreOffice turns it into a formula (OWASP CSV injection).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.cell import WriteOnlyCell

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The characters XML 1.0 cannot hold (tab, line feed and carriage return are allowed).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    """Remove control characters; Windows line ends become the line feed a cell stores."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARACTERS.sub("", text)


def has_control_characters(text: str) -> bool:
    return _CONTROL_CHARACTERS.search(text) is not None


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def text_cell(sheet: Worksheet, value: str) -> WriteOnlyCell:
    """Text for a write-only sheet, never a formula."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would store "=..." as a formula
    cell.quotePrefix = looks_like_formula(value)  # and Excel keeps it text when edited
    return cell


def put_text(cell: Cell, value: str) -> None:
    """Put text in a cell as text, never as a formula (openpyxl would store "=..." as one)."""
    if not value:
        return
    cell.value = value
    if looks_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
