"""The limits of every file the program exchanges, in one place for writers and readers.

A writer refuses what a reader would refuse (so the RSIV never refuses a gemeente's own
package), and the safety pass holds each sheet to these limits before a reader allocates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# What an Excel cell holds at most; longer text is refused at input and never written.
EXCEL_TEXT_LIMIT = 32_767

# Whole numbers are stored in SQLite's 64-bit integers.
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

# A decimal figure (a rate, a cost) is never larger; NaN and infinity are no figures.
MAX_DECIMAL = 1e12

# Every date and year a file may carry: older or later is a typing error (or an attack).
FIRST_YEAR = 1900
LAST_YEAR = 2100

# A gemeente makes a few packages a month; a higher number was typed, not counted.
MAX_SEQUENCE = 1_000_000
MAX_FORM_VERSION = 10_000

MAX_ROWS_PER_SHEET = 100_000  # data rows under the header of a package sheet
# Rows under the header of a figures file (CSV or Excel): years of a gemeente's incidents, and
# what an import holds in memory under 500 MB (benchmarks/import_memory.py).
MAX_FIGURE_ROWS = 100_000
MAX_FIGURE_BYTES = 64 * 1024 * 1024  # a figures CSV


@dataclass(frozen=True)
class SheetLimits:
    """The extent a sheet may have, counted from A1 to its farthest cell (what a reader
    materialises), and the cells a whole workbook may hold together."""

    rows: int  # under the header row
    columns: int
    cells: int  # rows x columns of one sheet's rectangle
    workbook_cells: int  # the sum of those rectangles over every sheet
    what: str  # Dutch, "een pakket": the kind of file in a refusal


PACKAGE_LIMITS = SheetLimits(
    rows=MAX_ROWS_PER_SHEET,
    columns=64,
    cells=2_500_000,
    workbook_cells=5_000_000,
    what="een pakket",
)
FORM_LIMITS = SheetLimits(
    rows=1_000, columns=64, cells=64_000, workbook_cells=200_000, what="een formulier"
)
FIGURE_LIMITS = SheetLimits(
    rows=MAX_FIGURE_ROWS,
    columns=64,
    cells=2_000_000,
    workbook_cells=2_500_000,
    what="een cijferbestand",
)


def dutch_number(number: int) -> str:
    """1.000.000: a point between thousands, as users read numbers."""
    return f"{number:,}".replace(",", ".")


def fits_int64(number: int) -> bool:
    return INT64_MIN <= number <= INT64_MAX


def is_finite(number: float) -> bool:
    return math.isfinite(number)


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def year_problem(year: int) -> str:
    """The Dutch explanation for a date outside FIRST_YEAR-LAST_YEAR."""
    return (
        f"het jaar {year} ligt buiten {FIRST_YEAR}-{LAST_YEAR}. Controleer het jaartal "
        "(vier cijfers)."
    )
