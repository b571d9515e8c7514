"""Checks every sheet, header and cell of a package and turns rows into stored records.

All problems are collected, not just the first: each names its sheet, cell, column and value
and says in Dutch how to fix it. Nothing here touches a workspace.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, cast

from openpyxl.utils import get_column_letter

from app.exchange.cells import SLOW, CellFixed, CellInvalid, parser_for, quick_converter_for
from app.exchange.limits import MAX_ROWS_PER_SHEET
from app.exchange.metadata import Record
from app.exchange.problems import Problem, error, warning
from app.exchange.progress import Progress
from app.exchange.schema import Column, Kind, PackageSchema, Sheet

Cells = Sequence[Sequence[Any]]


@dataclass
class SheetRecords:
    """The records of one sheet with the Excel row each came from."""

    records: list[Record] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)


@dataclass
class Validation:
    records: dict[str, SheetRecords] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)


def validate_sheet(
    sheet: Sheet, cells: Cells, now: str, validation: Validation, progress: Progress
) -> None:
    """Read one data sheet (its cells from A1) into `validation`."""
    problems = validation.problems
    result = SheetRecords()
    validation.records[sheet.table] = result
    positions = _header_positions(sheet, cells[0] if cells else [], problems)
    if positions is None:
        return
    if len(cells) - 1 > MAX_ROWS_PER_SHEET:
        problems.append(
            error(
                f"Blad {sheet.name} heeft {len(cells) - 1:,} rijen onder de kop; een pakket heeft "
                f"hoogstens {MAX_ROWS_PER_SHEET:,} rijen per blad. Verwijder de lege of "
                "overbodige rijen onder de tabel.".replace(",", "."),
                sheet=sheet.name,
            )
        )
        return
    empty_rows: list[int] = []
    rows: list[Sequence[Any]] = []
    width = len(cells[0])
    for index in range(1, len(cells)):
        row = cells[index]
        if _is_empty_row(row):
            empty_rows.append(index + 1)
            continue
        rows.append(row if len(row) == width else [*row[:width], *[""] * (width - len(row))])
        result.row_numbers.append(index + 1)
    # Column by column: zip(*rows) would hold an iterator per row, which the cycle collector
    # tracks (and on a large sheet moves to its oldest generation, making it walk the heap).
    by_position = [tuple(map(itemgetter(position), rows)) for position in range(width)]
    stored_columns = [
        _convert_column(sheet, column, positions[column.field], by_position, now, result, problems)
        for column in sheet.columns
    ]
    result.records = list(zip(*stored_columns, strict=True)) if rows else []
    progress.advance(len(rows))
    _report_empty_rows(sheet, empty_rows, result.row_numbers, problems)


def _is_empty_row(row: Sequence[Any]) -> bool:
    """Empty or only spaces; most rows start with a filled ID, so this stops at once."""
    first = row[0] if row else ""
    if first != "" and (type(first) is not str or not first.isspace()):
        return False
    filled = [value for value in row if value != ""]
    if not filled:
        return True
    first = filled[0]
    if type(first) is not str or not first.isspace():
        return False
    return all(type(value) is str and value.isspace() for value in filled)


def _convert_column(
    sheet: Sheet,
    column: Column,
    position: int,
    by_position: list[tuple[Any, ...]],
    now: str,
    result: SheetRecords,
    problems: list[Problem],
) -> list[Any]:
    """The stored values of one column: a quick pass, then the full parser where needed."""
    values = by_position[position]
    stored = quick_converter_for(column)(values)
    slow = [index for index, value in enumerate(stored) if value is SLOW]
    if not slow:
        return stored
    parse = parser_for(column)
    # What an empty cell stores when that does not depend on its row (most optional columns).
    constant = column.kind not in (Kind.ID, Kind.TIMESTAMP) and not column.required
    empty = _empty_value(sheet, column, position, 0, now, result, problems) if constant else None
    for index in slow:
        value = values[index]
        row_number = result.row_numbers[index]
        if value == "" or (type(value) is str and value.isspace()):
            stored[index] = (
                empty
                if constant
                else _empty_value(sheet, column, position, row_number, now, result, problems)
            )
            continue
        try:
            stored[index] = parse(value)
        except CellFixed as fixed:
            stored[index] = fixed.stored
            problems.append(_at(warning, fixed.message, sheet, column, position, row_number, value))
        except CellInvalid as invalid:
            stored[index] = None
            problems.append(_at(error, invalid.message, sheet, column, position, row_number, value))
    return stored


def _empty_value(
    sheet: Sheet,
    column: Column,
    position: int,
    row_number: int,
    now: str,
    result: SheetRecords,
    problems: list[Problem],
) -> Any:
    if column.kind is Kind.ID:
        return str(uuid.uuid4())
    if column.kind is Kind.TIMESTAMP:
        return None if column.nullable else now
    if column.required:
        problems.append(
            _at(
                error,
                f"{column.header} is verplicht. Vul een waarde in.",
                sheet,
                column,
                position,
                row_number,
                "",
            )
        )
        return None
    if column.default is not None:
        return column.default
    if column.kind is Kind.BOOLEAN:
        return 0
    if column.is_text and not column.nullable:
        return ""
    return None


def _at(
    make: Any,
    message: str,
    sheet: Sheet,
    column: Column,
    position: int,
    row_number: int,
    value: Any,
) -> Problem:
    cell = f"{sheet.name}!{get_column_letter(position + 1)}{row_number}"
    shown = str(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return make(message, sheet=sheet.name, cell=cell, column=column.header, value=shown)


def _header_positions(
    sheet: Sheet, header: Sequence[Any], problems: list[Problem]
) -> dict[str, int] | None:
    """Column positions by field, matched on the Dutch header; None when a column is missing."""
    found = {
        str(text).strip(): position for position, text in enumerate(header) if str(text).strip()
    }
    positions: dict[str, int] = {}
    missing: list[Column] = []
    for column in sheet.columns:
        matched = next(
            (name for name in (column.header, *column.former_headers) if name in found), None
        )
        if matched is not None:
            positions[column.field] = found[matched]
        else:
            missing.append(column)
    known = {name for column in sheet.columns for name in (column.header, *column.former_headers)}
    unknown = [(text, position) for text, position in found.items() if text not in known]
    for column in missing:
        hint = ""
        if unknown:
            hint = (
                " Gevonden onbekende kop(pen): "
                + ", ".join(
                    f"'{_short(text)}' in {sheet.name}!{get_column_letter(p + 1)}1"
                    for text, p in unknown[:5]
                )
                + "."
            )
        problems.append(
            error(
                f"De kolom '{column.header}' ontbreekt op blad {sheet.name}.{hint} Zet de "
                f"kolomkop terug als '{column.header}'.",
                sheet=sheet.name,
                column=column.header,
            )
        )
    if missing:
        return None
    for text, position in unknown:
        problems.append(
            warning(
                f"De kolom '{_short(text)}' hoort niet bij het pakket en is genegeerd.",
                sheet=sheet.name,
                cell=f"{sheet.name}!{get_column_letter(position + 1)}1",
                column=text,
            )
        )
    order = [positions[column.field] for column in sheet.columns]
    if order != sorted(order):
        problems.append(
            warning(
                f"De kolommen op blad {sheet.name} staan in een andere volgorde dan in het "
                "pakket; ze zijn op hun kop gelezen.",
                sheet=sheet.name,
            )
        )
    return positions


def _short(text: str) -> str:
    """A header as a message quotes it: a pasted essay is cut short."""
    return text if len(text) <= 40 else text[:37] + "..."


def _report_empty_rows(
    sheet: Sheet, empty_rows: list[int], data_rows: list[int], problems: list[Problem]
) -> None:
    if not empty_rows:
        return
    last_data = data_rows[-1] if data_rows else 1
    inside = [number for number in empty_rows if number < last_data]
    trailing = len(empty_rows) - len(inside)
    if inside:
        shown = ", ".join(map(str, inside[:10])) + (" ..." if len(inside) > 10 else "")
        problems.append(warning(f"Lege rijen overgeslagen: {shown}.", sheet=sheet.name))
    if trailing:
        problems.append(
            warning(f"{trailing} lege rij(en) onder de tabel zijn genegeerd.", sheet=sheet.name)
        )


def check_relations(schema: PackageSchema, validation: Validation) -> None:
    """Duplicate keys, unique combinations and references between sheets."""
    # An ID cell holds its text, or None when it was not a valid ID (an error is reported).
    ids: dict[str, set[str | None]] = {}
    for sheet in schema.sheets:
        result = validation.records.get(sheet.table)
        if result is None:
            continue
        _check_duplicates(sheet, result, validation.problems)
        if sheet.keyed_by_id:
            ids[sheet.table] = {cast(str | None, record[0]) for record in result.records}
    # Only used when there is exactly one plan; not sorted, as None and text do not compare.
    plans = list(ids.get("plan", ()))
    for sheet in schema.sheets:
        result = validation.records.get(sheet.table)
        if result is not None:
            _check_references(schema, sheet, result, ids, plans, validation.problems)


def _check_duplicates(sheet: Sheet, result: SheetRecords, problems: list[Problem]) -> None:
    keys = [sheet.key_fields, *sheet.unique_together]
    for fields in keys:
        positions = [sheet.fields.index(name) for name in fields]
        values = list(map(itemgetter(*positions), result.records)) if positions else []
        if positions and len(set(values)) == len(values):
            continue  # no two alike (the usual case): nothing to report, found in C
        seen: dict[tuple[Any, ...], int] = {}
        for record, row_number in zip(result.records, result.row_numbers, strict=True):
            key = tuple(record[p] for p in positions)
            if None in key and fields == sheet.key_fields:
                continue
            first = seen.setdefault(key, row_number)
            if first == row_number:
                continue
            headers = " + ".join(sheet.column(name).header for name in fields)
            problems.append(
                error(
                    f"Rij {row_number} heeft dezelfde {headers} als rij {first}. Elke rij moet "
                    "uniek zijn: verwijder de dubbele rij of pas de waarde aan.",
                    sheet=sheet.name,
                    cell=f"{sheet.name}!{get_column_letter(positions[0] + 1)}{row_number}",
                    column=headers,
                    value=" / ".join("" if v is None else str(v) for v in key),
                )
            )


def _check_references(
    schema: PackageSchema,
    sheet: Sheet,
    result: SheetRecords,
    ids: dict[str, set[str | None]],
    plans: list[str | None],
    problems: list[Problem],
) -> None:
    for position, column in enumerate(sheet.columns):
        if column.kind is not Kind.REFERENCE or column.references is None:
            continue
        targets = ids.get(column.references, set())
        target_sheet = schema.sheet(column.references).name
        letter = get_column_letter(position + 1)
        for index, record in enumerate(result.records):
            value = record[position]
            row_number = result.row_numbers[index]
            if value is None and column.field == "plan_id":
                if len(plans) == 1:
                    result.records[index] = record = (
                        *record[:position],
                        plans[0],
                        *record[position + 1 :],
                    )
                    continue
                message = "Vul de ID van het plan in (blad Plan)."
            elif value is None or value in targets:
                continue
            else:
                message = (
                    f"Deze ID komt niet voor op blad {target_sheet}. Kopieer een bestaande ID "
                    f"uit de kolom ID van blad {target_sheet}"
                    + (", of maak de cel leeg." if column.nullable else ".")
                )
            problems.append(
                error(
                    message,
                    sheet=sheet.name,
                    cell=f"{sheet.name}!{letter}{row_number}",
                    column=column.header,
                    value="" if value is None else str(value),
                )
            )
