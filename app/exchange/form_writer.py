"""Writes the wijkagent's form: one protected, printable sheet and a hidden metadata sheet.

Only the yellow answer cells are unlocked. Answers prefilled from the current analysis are
written as text (a quote prefix keeps "=..." from becoming a formula). The sheet prints on A4
portrait, scaled to the page width.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from app.exchange.form_layout import (
    AUTHOR_HINTS,
    AUTHOR_LABELS,
    AUTHOR_SECTION,
    COLUMN_WIDTHS,
    LAST_COLUMN,
    MEASURE_COLUMNS,
    MEASURE_HEADERS,
    MEASURE_KEY,
    MEASURE_ROWS,
    MEASURES_HEADER_KEY,
    MEASURES_SECTION,
    METADATA_KEYS,
    SECTIONS,
    FormContent,
    FormMetadata,
    HotTimesTable,
)
from app.exchange.metadata import METADATA_SHEET
from app.exchange.text import put_text
from app.kernel.moments import file_moment
from database.enums import InterventionKind, TargetGroup

NAVY = "1F4E78"
_THIN = Side(style="thin", color="A6A6A6")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_ANSWER_FILL = PatternFill("solid", fgColor="FFF4C2")
_FACT_FILL = PatternFill("solid", fgColor="F2F2F2")
_BAND_FILL = PatternFill("solid", fgColor=NAVY)
_GUIDE_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEAT = ("FFFFFF", "FCE4D6", "F8CBAD", "F4B183", "ED7D31")
_TOP_WRAP = Alignment(wrap_text=True, vertical="top")
_ANSWER_ALIGN = Alignment(horizontal="left", vertical="top", wrap_text=True, indent=1)
_UNLOCKED = Protection(locked=False)
ANSWER_HEIGHT = 96  # points: about seven lines of text in the printed box

FONT_NAME = "Arial"  # on every office PC; LibreOffice substitutes Liberation Sans


def _font(**style: object) -> Font:
    return Font(name=FONT_NAME, **style)


GUIDE = (
    "Zo vult u dit formulier in",
    "•  Typ alleen in de gele vakken; de rest van het blad is beveiligd.",
    "•  Een nieuwe regel in een vak: Alt+Enter (Mac: Control+Option+Enter).",
    "•  Kies doelgroep en aard van een maatregel uit de keuzelijst (het pijltje naast het vak).",
    "•  Noem geen namen van verdachten, slachtoffers of bewoners, en vul alleen "
    "werkgegevens van uzelf in.",
    "•  Voeg geen rijen of bladen toe. Sla op als Excel-werkmap (.xlsx) en stuur het bestand "
    "terug.",
)


def write_form(path: Path, content: FormContent) -> FormMetadata:
    """Write the form to `path`; returns the metadata as written (with rows and checksum)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = content.metadata.sheet
    rows = _FormSheet(sheet).fill(content)
    metadata = replace(
        content.metadata, answer_rows=",".join(f"{key}:{row}" for key, row in rows.items())
    ).signed()
    _write_metadata(workbook, metadata)
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.save(path)
    return metadata


class _FormSheet:
    """Lays the form out row by row and remembers the row of every answer."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 1
        self.answer_rows: dict[str, int] = {}

    def fill(self, content: FormContent) -> dict[str, int]:
        for letter, width in COLUMN_WIDTHS.items():
            self.sheet.column_dimensions[letter].width = width
        self._title(content)
        self._guide()
        self._band("Over deze hotspot (ingevuld door de projectleider)")
        for label, value in content.facts:
            self._fact(label, value)
        answers = content.answers
        for section in SECTIONS:
            self._band(section.title)
            for question in section.questions:
                if question.field == "times" and content.hot_times is not None:
                    self._hot_times(content.hot_times)
                self._question(question.field, question.heading, question.hint)
                self._answer(question.field, getattr(answers, question.field), ANSWER_HEIGHT)
        self._measures(content)
        self._author(content)
        self._closing(content.return_to)
        self._print_setup(content)
        self._protect()
        return self.answer_rows

    def _cell(self, column: str, value: object = None) -> Cell:
        cell = self.sheet[f"{column}{self.row}"]
        if isinstance(value, str):
            put_text(cell, value)  # a hotspot label may start with "=" too
        elif value is not None:
            cell.value = value
        return cell

    def _merge(self, first: str, last: str = LAST_COLUMN) -> None:
        self.sheet.merge_cells(f"{first}{self.row}:{last}{self.row}")

    def _title(self, content: FormContent) -> None:
        self._cell("A", content.title).font = _font(bold=True, size=16, color=NAVY)
        self._merge("A")
        self.sheet.row_dimensions[self.row].height = 26
        self.row += 1
        self._cell("A", content.subtitle).font = _font(size=10, color="595959")
        self._merge("A")
        self.row += 2

    def _guide(self) -> None:
        text = CellRichText(
            TextBlock(InlineFont(rFont=FONT_NAME, b=True, sz=11, color=NAVY), GUIDE[0] + "\n"),
            "\n".join(GUIDE[1:]),
        )
        cell = self._cell("A", text)
        cell.alignment = _TOP_WRAP
        cell.fill = _GUIDE_FILL
        cell.font = _font(size=10)
        self._merge("A")
        self.sheet.row_dimensions[self.row].height = 74
        self.row += 2

    def _band(self, title: str) -> None:
        cell = self._cell("A", title)
        cell.font = _font(bold=True, size=12, color="FFFFFF")
        cell.fill = _BAND_FILL
        cell.alignment = Alignment(vertical="center")
        self._merge("A")
        self.sheet.row_dimensions[self.row].height = 20
        self.row += 1

    def _fact(self, label: str, value: str) -> None:
        self._cell("A", label).font = _font(bold=True, size=10)
        self._cell("A").alignment = _TOP_WRAP
        cell = self._cell("B", value)
        cell.fill = _FACT_FILL
        cell.alignment = _TOP_WRAP
        cell.font = _font(size=10)
        self._merge("B")
        lines = sum(1 + len(part) // 85 for part in value.split("\n"))
        self.sheet.row_dimensions[self.row].height = max(15, 13 * lines + 2)
        self.row += 1

    def _question(self, key: str, heading: str, hint: str) -> None:
        """The label cell of an answer: heading in bold, hint in grey beneath it."""
        label = CellRichText(
            TextBlock(InlineFont(rFont=FONT_NAME, b=True, sz=10), heading + "\n"),
            TextBlock(InlineFont(rFont=FONT_NAME, sz=8, color="595959"), hint),
        )
        self._cell("A", label).alignment = _TOP_WRAP
        self.answer_rows[key] = self.row

    def _answer(self, key: str, value: str, height: float, first: str = "B") -> None:
        cell = self._cell(first)
        put_text(cell, value)
        self._mark_answer(cell)
        self._merge(first)
        for column in "BCDEFG"[("BCDEFG".index(first)) :]:
            self.sheet[f"{column}{self.row}"].border = _BOX
        self.sheet.row_dimensions[self.row].height = height
        self.answer_rows.setdefault(key, self.row)
        self.row += 1

    def _mark_answer(self, cell: Cell) -> None:
        cell.fill = _ANSWER_FILL
        cell.alignment = _ANSWER_ALIGN
        cell.protection = _UNLOCKED
        cell.border = _BOX
        cell.font = _font(size=10)

    def _hot_times(self, table: HotTimesTable) -> None:
        self._cell("A", table.caption).font = _font(italic=True, size=9, color="595959")
        self._cell("A").alignment = _TOP_WRAP
        self._merge("A")
        self.sheet.row_dimensions[self.row].height = 26
        self.row += 1
        self._cell("A", "Gewogen aantal inbraken").font = _font(bold=True, size=9)
        for column, heading in zip("BCDEFG", table.blocks, strict=True):
            cell = self._cell(column, heading)
            cell.font = _font(bold=True, size=9)
            cell.alignment = Alignment(horizontal="center")
            cell.border = _BOX
        self.row += 1
        highest = max((max(values) for _day, values in table.rows), default=0) or 1
        for day, values in table.rows:
            self._cell("A", day).font = _font(size=9)
            for column, value in zip("BCDEFG", values, strict=True):
                cell = self._cell(column, round(value, 1))
                cell.number_format = "0.0"
                cell.font = _font(size=9)
                cell.alignment = Alignment(horizontal="center")
                cell.border = _BOX
                level = min(len(_HEAT) - 1, int(value / highest * len(_HEAT)))
                cell.fill = PatternFill("solid", fgColor=_HEAT[level])
            self.row += 1
        self.sheet.row_dimensions[self.row].height = 6
        self.row += 1

    def _measures(self, content: FormContent) -> None:
        self._band(MEASURES_SECTION)
        hint = self._cell(
            "A",
            "Welke maatregelen stelt u voor? Eén per regel; kies doelgroep en aard uit de lijst.",
        )
        hint.font = _font(italic=True, size=9, color="595959")
        self._merge("A")
        self.row += 1
        for field, heading in MEASURE_HEADERS.items():
            cell = self._cell(MEASURE_COLUMNS[field], heading)
            cell.font = _font(bold=True, size=10)
            cell.border = _BOX
        self._merge("B", "D")
        self.answer_rows[MEASURES_HEADER_KEY] = self.row
        self.row += 1
        groups = _dropdown(TargetGroup.labels(), "Doelgroep")
        kinds = _dropdown(InterventionKind.labels(), "Aard")
        prefilled = content.answers.measures
        for number in range(1, MEASURE_ROWS + 1):
            self._cell("A", str(number)).alignment = Alignment(
                horizontal="right", vertical="center"
            )
            proposed = prefilled[number - 1] if number <= len(prefilled) else None
            values = {
                "title": proposed.title if proposed else "",
                "target_group": proposed.target_group.label if proposed else "",
                "intervention": proposed.intervention.label if proposed else "",
                "partner": proposed.partner if proposed else "",
            }
            for field, column in MEASURE_COLUMNS.items():
                cell = self._cell(column)
                put_text(cell, values[field])
                self._mark_answer(cell)
            for column in "CD":
                self.sheet[f"{column}{self.row}"].border = _BOX
            self._merge("B", "D")
            groups.add(f"{MEASURE_COLUMNS['target_group']}{self.row}")
            kinds.add(f"{MEASURE_COLUMNS['intervention']}{self.row}")
            self.sheet.row_dimensions[self.row].height = 30
            self.answer_rows[MEASURE_KEY.format(n=number)] = self.row
            self.row += 1
        self.sheet.add_data_validation(groups)
        self.sheet.add_data_validation(kinds)

    def _author(self, content: FormContent) -> None:
        self._band(AUTHOR_SECTION)
        answers = content.answers
        for key, label in AUTHOR_LABELS.items():
            self._cell("A", label).font = _font(bold=True, size=10)
            self._cell("A").alignment = Alignment(vertical="center")
            self.answer_rows[key] = self.row
            if key == "written_on":
                self._date_answer(answers.written_on)
                continue
            self._answer(key, getattr(answers, key), 20)
            if AUTHOR_HINTS[key]:
                self._cell("A", AUTHOR_HINTS[key]).font = _font(italic=True, size=9, color="595959")
                self._merge("A")
                self.row += 1

    def _date_answer(self, written_on: date | None) -> None:
        cell = self._cell("B", written_on)
        cell.number_format = "DD-MM-YYYY"
        self._mark_answer(cell)
        self.sheet[f"C{self.row}"].border = _BOX
        self._merge("B", "C")
        note = self._cell("D", "bijvoorbeeld 12-3-2018")
        note.font = _font(italic=True, size=9, color="595959")
        self._merge("D")
        self.sheet.row_dimensions[self.row].height = 20
        self.row += 1

    def _closing(self, return_to: str) -> None:
        self.row += 1
        cell = self._cell(
            "A", f"Hartelijk dank! Sla het bestand op en stuur het terug aan {return_to}."
        )
        cell.font = _font(bold=True, size=10, color=NAVY)
        self._merge("A")

    def _print_setup(self, content: FormContent) -> None:
        sheet = self.sheet
        sheet.print_area = f"A1:{LAST_COLUMN}{self.row}"
        sheet.page_setup.orientation = "portrait"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7, footer=0.3)
        sheet.print_options.horizontalCentered = True
        sheet.oddFooter.left.text = content.title
        sheet.oddFooter.left.size = 8
        sheet.oddFooter.right.text = "Pagina &P van &N"
        sheet.oddFooter.right.size = 8
        sheet.sheet_view.showGridLines = False

    def _protect(self) -> None:
        protection = self.sheet.protection
        protection.sheet = True
        protection.formatRows = False  # a long answer may need a taller row
        protection.formatColumns = False
        protection.selectLockedCells = False
        protection.selectUnlockedCells = False


def _dropdown(choices: list[str], title: str) -> DataValidation:
    return DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=title,
        error=f"Kies een waarde uit de lijst: {', '.join(choices)}.",
    )


def _write_metadata(workbook: Workbook, metadata: FormMetadata) -> None:
    sheet = workbook.create_sheet(METADATA_SHEET)
    sheet.sheet_state = "hidden"
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 80
    for row, (key, label) in enumerate(METADATA_KEYS.items(), start=1):
        sheet.cell(row, 1, label)
        value = str(getattr(metadata, key))
        if key == "issued_at":  # a person may unhide the sheet: Dutch time, read back exactly
            value = file_moment(datetime.fromisoformat(value))
        put_text(sheet.cell(row, 2), value)  # the hotspot's label too
    sheet.protection.sheet = True
