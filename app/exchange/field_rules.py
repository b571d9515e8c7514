"""Field rules (length, required, choices) are declared once: in the package schema.

Every text a user types must fit in the package, so the schema's columns are the one source.
The core's validators, the form widgets' limits and docs/package-format.md ask here instead
of repeating a number; a test compares them all with the schema.
"""

from __future__ import annotations

from functools import cache

from app.exchange.schema import Column
from app.exchange.versions import CURRENT


@cache
def _columns() -> dict[tuple[str, str], Column]:
    return {
        (sheet.table, column.field): column for sheet in CURRENT.sheets for column in sheet.columns
    }


def rule(table: str, field: str) -> Column | None:
    """The package column of `table.field`, or None when the field does not travel."""
    return _columns().get((table, field))


def max_length(table: str, field: str) -> int:
    """How many characters `table.field` may hold (a KeyError when it declares none)."""
    column = rule(table, field)
    if column is None or column.max_length is None:
        raise KeyError(f"{table}.{field} has no length in the package schema")
    return column.max_length
