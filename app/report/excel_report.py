"""The werkgroep report and the RBO summary as an Excel workbook: the PDF's content as tables.

Text from the gemeenten is written as text, never as a formula (the exchange's text rules:
control characters removed, a leading "=", "+", "-" or "@" kept literal with a quote prefix).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.core.region.overview import MunicipalityStanding
from app.core.region.practices import RULE_TEXT
from app.core.region.report_content import ReportContent, ReportKind
from app.exchange.text import text_cell
from app.exchange.writer import discard_workbook
from app.report import wording
from database.enums import GoalState

Value = str | int | float | date | None
BOLD = Font(bold=True)


def write_excel(
    content: ReportContent, path: Path, progress: Callable[[int], None] = lambda p: None
) -> Path:
    workbook = Workbook(write_only=True)
    try:
        _cover(workbook, content)
        _regional(workbook, content)
        _matrix(workbook, content)
        _practices(workbook, content)
        if content.kind is ReportKind.WERKGROEP:
            _attention(workbook, content)
            _agenda_sheets(workbook, content)
    except BaseException:
        discard_workbook(workbook)  # a refused text: no half sheets left behind
        raise
    progress(95)
    workbook.save(path)
    progress(100)
    return path


def _sheet(workbook: Workbook, title: str, widths: Sequence[int]) -> Worksheet:
    sheet = workbook.create_sheet(title)
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    return sheet


class Euros(int):
    """An amount in euros: shown as € 10.600 in Excel, still a number to calculate with."""


# Excel puts its own thousands separator in: a point in Dutch Excel.
EURO_FORMAT = '"€" #,##0'


def _cell(sheet: Worksheet, value: Value, *, bold: bool = False) -> WriteOnlyCell:
    cell = text_cell(sheet, value) if isinstance(value, str) else WriteOnlyCell(sheet, value=value)
    if isinstance(value, date):
        cell.number_format = "DD-MM-YYYY"
    if isinstance(value, Euros):
        cell.number_format = EURO_FORMAT
    if bold:
        cell.font = BOLD
    return cell


def _row(sheet: Worksheet, values: Iterable[Value], *, bold: bool = False) -> None:
    sheet.append([_cell(sheet, value, bold=bold) for value in values])


def _table(
    sheet: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Value]], *, frozen: bool = True
) -> None:
    if frozen:
        sheet.freeze_panes = "A2"
    _row(sheet, header, bold=True)
    for values in rows:
        _row(sheet, values)


def _cover(workbook: Workbook, content: ReportContent) -> None:
    overview = content.overview
    sheet = _sheet(workbook, "Omslag", (30, 14, 14, 14, 22))
    _row(sheet, [content.kind.heading], bold=True)
    _row(sheet, [f"Stand op {wording.long_date(content.made_on)}"])
    _row(sheet, [wording.werkgroep_text(overview)])
    _row(
        sheet,
        [f"Pakketten in deze rapportage: {len(overview.included)} van {len(overview.standings)}"],
        bold=True,
    )
    missing = ", ".join(row.name for row in overview.missing)
    _row(
        sheet, [f"Ontbrekende gemeenten: {missing}." if missing else "Geen ontbrekende gemeenten."]
    )
    _row(sheet, [])
    _table(
        sheet,
        ("Gemeente", "Volgnummer", "Gemaakt op", "Ontvangen op", "Binnen voor werkgroep"),
        [
            (
                row.name,
                row.package.sequence if row.package else None,
                row.package_date,
                row.arrived_on,
                wording.in_text(row),
            )
            for row in overview.standings
        ],
        frozen=False,
    )
    _row(sheet, [])
    _row(
        sheet,
        [
            "Privacy: namen en andere persoonsgegevens van verdachten staan niet in deze "
            "rapportage; hotshots en hotgroups alleen als aantal."
        ],
    )


def _regional(workbook: Workbook, content: ReportContent) -> None:
    overview = content.overview
    sheet = _sheet(workbook, "Regionaal", (28, 10, 11, 10, 11, 10, 10, 12, 12, *(9,) * 4, 12))
    sheet_rows = [_regional_values(row) for row in overview.standings]
    _table(
        sheet,
        (
            "Gemeente",
            "Code",
            "Risico 12 mnd",
            "T/m maand",
            "Nulmeting jaar",
            "Nulmeting risico",
            "Verschil",
            "Verschil %",
            "Boven regionaal 8",
            "Boven landelijk",
            "Doelen op koers",
            "Doelen risico",
            "Doelen achter",
            "Doelen onbekend",
            "Maatregelen",
            "Acties open",
            "Acties te laat",
            "Acties gereed",
            "Extra kosten",
            "Pakket volgnummer",
            "Pakket gemaakt op",
            "Ontvangen op",
            "Binnen voor werkgroep",
        ),
        sheet_rows,
    )
    _row(sheet, [])
    _row(sheet, ["Regionaal gemiddelde 2016", overview.regional_reference])
    if overview.national_rate is not None:
        _row(sheet, [f"Landelijk gemiddelde {overview.national_year}", overview.national_rate])
    if open_data := wording.open_data_text(overview):
        _row(sheet, [open_data])


def _regional_values(row: MunicipalityStanding) -> tuple[Value, ...]:
    rate = row.rate
    yes_no = {True: "ja", False: "nee", None: None}
    return (
        row.name,
        row.cbs_code,
        _rounded(rate.rate if rate else None),
        f"{rate.month:%m-%Y}" if rate and rate.month else None,
        rate.baseline_year if rate else None,
        _rounded(rate.baseline_rate if rate else None),
        _rounded(rate.change if rate else None),
        _rounded(rate.change_percent if rate else None, 0),
        yes_no[rate.above_regional] if rate else None,
        yes_no[rate.above_national] if rate else None,
        *(
            (row.goals_in(state) if row.has_package else None)
            for state in (
                GoalState.ON_TRACK,
                GoalState.AT_RISK,
                GoalState.BEHIND,
                GoalState.UNKNOWN,
            )
        ),
        row.measures if row.has_package else None,
        row.actions.open if row.has_package else None,
        row.actions.overdue if row.has_package else None,
        row.actions.done if row.has_package else None,
        Euros(row.extra_cost_eur) if row.has_package else None,
        row.package.sequence if row.package else None,
        row.package_date,
        row.arrived_on,
        wording.in_text(row),
    )


def _rounded(value: float | None, decimals: int = 1) -> float | None:
    return None if value is None else round(value, decimals)


def _matrix(workbook: Workbook, content: ReportContent) -> None:
    overview = content.overview
    sheet = _sheet(workbook, "3D-matrix", (28, *(14,) * len(overview.cells)))
    _table(
        sheet,
        ("Gemeente", *(wording.cell_label(cell) for cell in overview.cells)),
        [(row.name, *row.matrix_counts) for row in overview.included],
    )
    _row(sheet, [])
    _row(sheet, ["Aantal maatregelen (niet gestopt) per doelgroep en aard; 0 is een lege cel."])
    for cell in overview.cells:
        names = overview.gemeenten_without(cell)
        if names:
            _row(sheet, [f"Leeg: {wording.cell_label(cell)}", ", ".join(names)])
        marked = overview.gemeenten_marked_empty(cell)
        if marked:
            _row(sheet, [f"Bewust leeg: {wording.cell_label(cell)}", ", ".join(marked)])


def _practices(workbook: Workbook, content: ReportContent) -> None:
    sheet = _sheet(workbook, "Goede voorbeelden", (44, 18, 14, 50, 50))
    _table(
        sheet,
        (
            "Maatregel",
            "Doelgroep",
            "Aard",
            "Geborgd in regulier werk (evaluatie)",
            "Loopt in gemeenten met dalend risico",
        ),
        [
            (
                practice.title,
                practice.target_group.label,
                practice.intervention.label,
                ", ".join(practice.embedded_in),
                ", ".join(practice.falling_rate_in),
            )
            for practice in content.practices
        ],
    )
    _row(sheet, [])
    _row(sheet, [f"Regel: {RULE_TEXT}"])


def _attention(workbook: Workbook, content: ReportContent) -> None:
    """The points the PDF of a large region prints per gemeente, one row each to filter on."""
    sheet = _sheet(workbook, "Aandachtspunten", (28, 16, 100))
    _table(
        sheet,
        ("Gemeente", "Onderwerp", "Aandachtspunt"),
        [
            (row.name, subject, text)
            for row in content.overview.included
            for subject, text in wording.attention_points(row)
        ],
    )


def _agenda_sheets(workbook: Workbook, content: ReportContent) -> None:
    agendas = content.agendas
    scan = _sheet(workbook, "Scan en analyse", (28, 14, 8, 70, 10))
    _table(
        scan,
        ("Gemeente", "Onderdeel", "Aantal", "Omschrijving", "Personen"),
        [
            row
            for standing, agenda in agendas
            for row in (
                (standing.name, "samenvatting", None, agenda.problem_summary, None),
                *(
                    (
                        standing.name,
                        line.kind.label,
                        line.count,
                        ", ".join(line.labels) or "alleen aantallen",
                        line.persons or None,
                    )
                    for line in agenda.hots
                ),
                (standing.name, "probleemanalyses verwerkt", agenda.analyses_processed, "", None),
                (standing.name, "probleemanalyses open", agenda.analyses_waiting, "", None),
                (standing.name, "verdiepende analyses (DIK)", agenda.deep_analyses, "", None),
            )
        ],
    )
    goals = _sheet(workbook, "Doelstellingen", (28, 50, 11, 9, 9, 12, 9, 10))
    _table(
        goals,
        ("Gemeente", "Doelstelling", "Nulmeting", "Jaar", "Streefwaarde", "Termijn", "Nu", "Stand"),
        [
            (
                standing.name,
                progress.goal.title,
                progress.goal.baseline_value,
                progress.goal.baseline_year,
                progress.goal.target_value,
                progress.goal.deadline,
                _rounded(progress.current_value),
                progress.state.label,
            )
            for standing, _agenda in agendas
            for progress in standing.goals
        ],
    )
    measures = _sheet(workbook, "Maatregelen", (28, 50, 18, 14, 12, 14))
    _table(
        measures,
        ("Gemeente", "Maatregel", "Doelgroep", "Aard", "Status", "Extra kosten"),
        [
            (
                standing.name,
                line.title,
                line.target_group.label,
                line.intervention.label,
                line.status.label,
                Euros(line.extra_cost_eur),
            )
            for standing, agenda in agendas
            for line in agenda.measures
        ],
    )
    notes = _sheet(workbook, "Successen en knelpunten", (28, 18, 12, 90))
    _table(
        notes,
        ("Gemeente", "Soort", "Datum", "Tekst"),
        [
            row
            for standing, agenda in agendas
            for row in (
                (standing.name, "successen", None, agenda.successes),
                (standing.name, "knelpunten", None, agenda.bottlenecks),
                *((standing.name, "besluit", day, text) for day, text in agenda.decisions),
                (standing.name, "communicatie", None, agenda.communication),
                *(((standing.name, "kosten", None, agenda.costs),) if agenda.costs else ()),
                *(
                    ((standing.name, "bron", None, agenda.progress_source),)
                    if agenda.progress_source
                    else ()
                ),
            )
        ],
    )
    werkgroep = _sheet(workbook, "Sinds vorige werkgroep", (28, 24, 12, 90))
    _table(
        werkgroep,
        ("Gemeente", "Soort", "Datum", "Tekst"),
        [
            row
            for standing, _agenda in agendas
            if (extras := content.extras.get(standing.cbs_code)) is not None
            for row in (
                *(
                    (standing.name, "gewijzigd sinds werkgroep", extras.since, line)
                    for line in extras.change_lines()
                ),
                *((standing.name, "notitie RSIV", None, note) for note in extras.notes),
                *(
                    (standing.name, "suggestie werkgroep", item.werkgroep_on, item.text)
                    for item in extras.suggestions
                ),
            )
        ],
    )
