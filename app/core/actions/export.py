"""Writing a view of the action list to an Excel file.

Text typed by users goes through the exchange's one text-cell writer: never a formula (a title
such as "=HYPERLINK(...)" or "+31 6 ..." stays literal), control characters cleaned (a vertical
tab, Word's Shift+Enter, becomes a line break), so opening the file runs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from app.core.actions.actions import ActionList, is_overdue
from app.exchange.text import text_cell
from app.exchange.writer import discard_workbook
from app.kernel.files import written_file

HEADERS = (
    "Omschrijving",
    "Actiehouder",
    "Startdatum",
    "Termijn",
    "Status",
    "Te laat",
    "Maatregel",
    "Overleg",
)
COLUMN_WIDTHS = (50, 24, 12, 12, 12, 8, 40, 40)
PROGRESS_EVERY = 2000


class ExportCancelledError(Exception):
    """The user stopped the export before anything was written."""


def export_actions(
    path: Path,
    shown: ActionList,
    today: date,
    progress: Callable[[int], None] = lambda done: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Path:
    """Write the rows of `shown` (in their order) to `path` as one sheet "Actielijst"."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Actielijst")
    for column, width in enumerate(COLUMN_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + column)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in HEADERS:
        cell = text_cell(sheet, text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    today_iso = today.isoformat()
    try:
        _append_rows(sheet, shown, today_iso, progress, cancelled)
    except BaseException:
        discard_workbook(workbook)  # a refused text or a cancel: no half sheet left behind
        raise
    with written_file(path, "De actielijst") as temporary:
        workbook.save(temporary)
    progress(len(shown.rows))
    return path


def _append_rows(
    sheet: Worksheet,
    shown: ActionList,
    today_iso: str,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> None:
    for number, row in enumerate(shown.rows, start=1):
        overdue = is_overdue(row.due_iso, row.status_value, today_iso)
        sheet.append(
            [
                text_cell(sheet, row.title),
                text_cell(sheet, row.owner),
                _date_cell(sheet, row.start_date),
                _date_cell(sheet, row.due_date),
                text_cell(sheet, row.status.label),
                text_cell(sheet, "ja" if overdue else ""),
                text_cell(sheet, shown.measure_titles.get(row.measure_id or "", "")),
                text_cell(sheet, shown.meeting_titles.get(row.meeting_id or "", "")),
            ]
        )
        if number % PROGRESS_EVERY == 0:
            if cancelled():
                raise ExportCancelledError
            progress(number)


def _date_cell(sheet: Worksheet, value: date | None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if value is not None:
        cell.number_format = "DD-MM-YYYY"
    return cell
