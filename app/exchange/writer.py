"""Writes a package: one Excel table per record kind, a guide sheet and hidden metadata.

openpyxl's write-only mode streams rows to disk. Values go in as plain Python values (fast);
only cells that need a style (IDs, text that could be read as a formula) become cells.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from app.exchange.cells import stamp_cell
from app.exchange.guide import GUIDE_SHEET, MUNICIPALITY_SHEET, guide_lines
from app.exchange.metadata import (
    METADATA_SHEET,
    FeedbackMetadata,
    PackageMetadata,
    Record,
    metadata_rows,
)
from app.exchange.progress import Progress
from app.exchange.schema import NO, YES, Column, Kind, PackageSchema, Sheet
from app.exchange.text import sheet_text, text_cell
from app.exchange.unlocked_styles import UnlockingZipFile

# Dropdowns reach this many rows below the data, so rows a person adds get them too.
SPARE_ROWS = 1000

_LOCKED = Protection(locked=True, hidden=True)  # explicit, so unlocked_styles leaves it locked
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_KEY_FONT = Font(color="595959")
_KEY_FILL = PatternFill("solid", fgColor="EDEDED")
_WRAP = Alignment(wrap_text=True, vertical="top")
# Only the UUID is locked: a locked cell per column and row costs a styled cell each, and a
# changed timestamp is caught by the reader anyway.
_PROTECTED_KINDS = (Kind.ID,)


def write_package(
    path: Path,
    schema: PackageSchema,
    records: Mapping[str, Sequence[Record]],
    metadata: PackageMetadata,
    progress: Progress,
) -> None:
    """Write the package to `path`; records are in stored form, per table, in sheet order."""

    def fill(workbook: Workbook) -> None:
        _write_guide(workbook, schema, metadata.municipality_name)
        _write_municipality(workbook, metadata)
        for sheet in schema.sheets:
            write_data_sheet(workbook, sheet, records.get(sheet.table, ()), progress)
        write_metadata_sheet(workbook, metadata)

    write_workbook(path, fill)


def write_workbook(path: Path, fill: Callable[[Workbook], None]) -> None:
    """A write-only workbook filled by `fill`, its structure locked, saved to `path`."""
    workbook = Workbook(write_only=True)
    try:
        fill(workbook)
    except BaseException:
        discard_workbook(workbook)
        raise
    workbook.security = WorkbookProtection(lockStructure=True)
    try:
        with UnlockingZipFile(path, "w", compression=ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(workbook, archive).save()
    except BaseException:
        discard_workbook(workbook)  # a full disk: no half-written sheets left to complain later
        raise


def discard_workbook(workbook: Workbook) -> None:
    """Close and delete the sheets openpyxl streams to temporary files (cancel, failure)."""
    for worksheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            worksheet.close()
            worksheet._writer.cleanup()


def _header_cell(worksheet: Worksheet, text: str) -> WriteOnlyCell:
    cell = text_cell(worksheet, text)
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.protection = _LOCKED
    return cell


def _write_guide(workbook: Workbook, schema: PackageSchema, municipality_name: str) -> None:
    write_guide_sheet(workbook, guide_lines(schema, municipality_name))


def write_guide_sheet(workbook: Workbook, lines: Sequence[str]) -> None:
    """The "Toelichting" sheet: one line of wrapped text per row, the first as a title."""
    worksheet = workbook.create_sheet(GUIDE_SHEET)
    worksheet.column_dimensions["A"].width = 110
    for number, line in enumerate(lines):
        cell = text_cell(worksheet, line)
        cell.alignment = _WRAP
        if number == 0:
            cell.font = Font(bold=True, size=14)
        worksheet.append([cell])


def _write_municipality(workbook: Workbook, metadata: PackageMetadata) -> None:
    worksheet = workbook.create_sheet(MUNICIPALITY_SHEET)
    worksheet.column_dimensions["A"].width = 12
    worksheet.column_dimensions["B"].width = 40
    worksheet.append([_header_cell(worksheet, "CBS-code"), _header_cell(worksheet, "Naam")])
    worksheet.append(
        [
            sheet_text(worksheet, metadata.municipality_code),
            sheet_text(worksheet, metadata.municipality_name),
        ]
    )
    worksheet.protection.sheet = True


def write_metadata_sheet(workbook: Workbook, metadata: PackageMetadata | FeedbackMetadata) -> None:
    worksheet = workbook.create_sheet(METADATA_SHEET)
    worksheet.sheet_state = "hidden"
    worksheet.column_dimensions["A"].width = 26
    worksheet.column_dimensions["B"].width = 70
    for key, value in metadata_rows(metadata):
        worksheet.append([sheet_text(worksheet, key), sheet_text(worksheet, value)])
    worksheet.protection.sheet = True


def write_data_sheet(
    workbook: Workbook, sheet: Sheet, rows: Sequence[Record], progress: Progress
) -> None:
    worksheet = workbook.create_sheet(sheet.name)
    for number, column in enumerate(sheet.columns, 1):
        worksheet.column_dimensions[get_column_letter(number)].width = column.width
    worksheet.freeze_panes = "A2"
    worksheet.append([_header_cell(worksheet, column.header) for column in sheet.columns])
    _take_cells_as_they_are(worksheet)
    locked = _locked_style(worksheet)
    dated = _date_style(worksheet)
    converters = [_converter(worksheet, column, locked, dated) for column in sheet.columns]
    pairs = list(enumerate(converters))
    for row in rows:
        values = list(row)
        for position, convert in pairs:
            value = values[position]
            if value is not None and convert is not None:
                values[position] = convert(value)
        worksheet.append(values)
        progress.advance()
    last_row = max(len(rows) + 1, 2)  # an Excel table needs at least one data row
    _add_table(worksheet, sheet, last_row)
    _add_dropdowns(worksheet, sheet, last_row + SPARE_ROWS)
    _protect(worksheet)


def _converter(
    worksheet: Worksheet, column: Column, locked: StyleArray, dated: StyleArray
) -> Callable[[Any], Any] | None:
    """How a stored value becomes a cell value; None when it goes in as it is."""
    kind = column.kind
    if kind in _PROTECTED_KINDS:
        return lambda value: _styled_cell(worksheet, value, locked)
    if column.is_text:  # codes too: a code may start with "=" like any text
        return lambda value: sheet_text(worksheet, value)
    if kind in (Kind.DATE, Kind.MONTH):
        return _moment_cells(worksheet, date.fromisoformat, dated)
    if kind is Kind.DATETIME:  # openpyxl's own style for a date and time
        return _moment_cells(
            worksheet, datetime.fromisoformat, WriteOnlyCell(worksheet, datetime(2018, 1, 1))._style
        )
    if kind is Kind.TIMESTAMP:
        return stamp_cell
    if kind is Kind.BOOLEAN:
        return lambda value: YES if value else NO
    if kind is Kind.CHOICE and column.choices is not None:
        labels = {member.value: member.label for member in column.choices}
        return labels.__getitem__
    return None


def _moment_cells(
    worksheet: Worksheet, parse: Callable[[str], date], style: StyleArray
) -> Callable[[str], WriteOnlyCell]:
    """Date (or date and time) cells that share one style, built once: openpyxl would look the
    number format up again for every value it is given."""

    def cell(value: str) -> WriteOnlyCell:
        moment = WriteOnlyCell(worksheet)
        moment._value = parse(value)
        moment.data_type = "d"
        moment._style = style  # shared and never changed, as with the locked key cells
        return moment

    return cell


def _take_cells_as_they_are(worksheet: Worksheet) -> None:
    """Rows of this write-only sheet take a cell as it is. openpyxl first tries every value as
    a plain value and takes a cell only from the ValueError that raises, after formatting the
    cell's repr into its message: for the key and date cells of a large package that cost a
    tenth of the export."""

    def cells(values: Sequence[Any], row: int) -> Iterator[Cell]:
        plain = WriteOnlyCell(worksheet)
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                value.column, value.row = column, row
                yield value
                continue
            plain.value = value
            plain.column, plain.row = column, row
            yield plain
            if plain.has_style:  # openpyxl gave it a number format: the next needs its own
                plain = WriteOnlyCell(worksheet)

    worksheet._values_to_row = cells  # looked up on the sheet for every appended row


def _locked_style(worksheet: Worksheet) -> StyleArray:
    """The style of a locked key cell, built once: setting font, fill and protection per cell
    through openpyxl's descriptors costs more than writing the whole row."""
    prototype = WriteOnlyCell(worksheet)
    prototype.font = _KEY_FONT
    prototype.fill = _KEY_FILL
    prototype.protection = _LOCKED
    return prototype._style


def _date_style(worksheet: Worksheet) -> StyleArray:
    """Dates as the Dutch read them: openpyxl would give a date cell the format yyyy-mm-dd."""
    prototype = WriteOnlyCell(worksheet)
    prototype.number_format = "DD-MM-YYYY"
    return prototype._style


def _styled_cell(worksheet: Worksheet, value: object, style: StyleArray) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value)
    cell._style = style  # shared and never changed: openpyxl only reads it to find the xf
    return cell


def _add_table(worksheet: Worksheet, sheet: Sheet, last_row: int) -> None:
    last_column = get_column_letter(len(sheet.columns))
    table = Table(displayName=sheet.table_name, ref=f"A1:{last_column}{last_row}")
    table.tableColumns = [
        TableColumn(id=number, name=column.header) for number, column in enumerate(sheet.columns, 1)
    ]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    with warnings.catch_warnings():
        # openpyxl warns that write-only tables need named columns: they are named above.
        warnings.simplefilter("ignore", UserWarning)
        worksheet.add_table(table)


def _add_dropdowns(worksheet: Worksheet, sheet: Sheet, last_row: int) -> None:
    for number, column in enumerate(sheet.columns, 1):
        allowed = column.allowed_values
        if not allowed:
            continue
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(allowed) + '"',
            allow_blank=not column.required,
            showErrorMessage=True,
            errorTitle=column.header,
            error=f"Kies een waarde uit de lijst: {', '.join(allowed)}.",
        )
        letter = get_column_letter(number)
        validation.add(f"{letter}2:{letter}{last_row}")
        worksheet.data_validations.append(validation)


def _protect(worksheet: Worksheet) -> None:
    """Protect the sheet (no password): only the locked ID cells are guarded."""
    protection = worksheet.protection
    protection.sheet = True
    protection.insertRows = False
    protection.deleteRows = False
    protection.formatColumns = False
    protection.formatRows = False
    protection.sort = False
    protection.autoFilter = False
