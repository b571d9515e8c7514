"""Importing police figures: monthly counts, single incidents or dwelling stock.

The whole file is checked before anything is stored: one wrong cell and the workspace stays
exactly as it was, with a Dutch error line per row and column. A period that was imported
before is replaced, not added twice, and the result says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.analysis.periods import month_label
from app.core.figures.files import RawTable, read_table
from app.core.figures.formats import FORMATS, FigureFormat, FigureKind, best_match
from app.core.figures.open_data import OpenDataImportResult, import_open_data
from app.exchange.cbs_opendata import looks_like_open_data
from app.kernel.errors import UserError
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.models import DwellingStock, Incident, MonthlyFigure, Neighbourhood

ERRORS_SHOWN = 25
ERRORS_COLLECTED = 1000
MAX_WINDOW = timedelta(days=366)
_BUURTCODE = re.compile(r"^BU(\d{4})\d{4}$")


class FiguresImportError(UserError):
    """A file that was refused; `problems` holds every error line found."""

    def __init__(self, file_name: str, problems: list[str]) -> None:
        # A line quotes the cell; a long cell is cut so each problem stays one readable line.
        shown = [p if len(p) <= 300 else p[:297] + "..." for p in problems[:ERRORS_SHOWN]]
        lines = [
            f"{file_name} is niet ingelezen; er is niets opgeslagen. "
            f"{_count(len(problems), 'fout', 'fouten')}:",
            *(f"- {problem}" for problem in shown),
        ]
        if len(problems) > len(shown):
            lines.append(f"- ... en nog {len(problems) - len(shown)} andere fouten.")
        super().__init__("\n".join(lines))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class ImportResult:
    kind: FigureKind
    stored: int
    replaced: int
    period: str

    @property
    def message(self) -> str:
        label = {
            FigureKind.MONTHLY: "maandcijfers",
            FigureKind.INCIDENTS: "incidenten",
            FigureKind.DWELLINGS: "cijfers woningvoorraad",
        }[self.kind]
        text = f"{self.stored} {label} ingelezen ({self.period})."
        if self.replaced:
            text += (
                f" {_count(self.replaced, 'eerder ingelezen regel', 'eerder ingelezen regels')} "
                "voor dezelfde periode vervangen, niet verdubbeld."
            )
        return text


@dataclass(frozen=True)
class _Context:
    code: str
    municipality_id: str
    buurten: frozenset[str]


def import_figures(workspace: Workspace, path: Path) -> ImportResult | OpenDataImportResult:
    """Check the whole file, then store it in one transaction, replacing its period.

    CBS open data (JSON, or a CSV with CBS's column names) goes to its own use case, which the
    RSIV may use too: the public file covers its whole region."""
    if looks_like_open_data(path):
        return import_open_data(workspace, path)
    code = workspace.summary.municipality_code
    if not code:
        raise UserError(
            f"{Path(path).name} kan alleen in de werkruimte van een gemeente worden ingelezen: "
            "het RSIV ontvangt die cijfers via de pakketten van de gemeenten, en leest zelf "
            "alleen open data van CBS in (47022NED of Kerncijfers wijken en buurten)."
        )
    path = Path(path)
    owner = municipality_id(code)
    with workspace.reading() as session:
        buurten = frozenset(
            session.scalars(
                select(Neighbourhood.code).where(Neighbourhood.municipality_id == owner)
            )
        )
    context = _Context(code, owner, buurten)
    found: list[FigureFormat] = []
    table = read_table(path, lambda header: found.append(_check_header(path.name, header)))
    form = found[0]
    records = _parse_rows(path.name, form, table, context)
    with workspace.transaction() as session:
        return _STORE[form.kind](session, context, records)


def _check_header(file_name: str, header: list[str]) -> FigureFormat:
    form = best_match(header)
    if form is None:
        expected = " | ".join(f"{f.label}: {';'.join(c.name for c in f.columns)}" for f in FORMATS)
        shown = ";".join(header)[:120]
        raise FiguresImportError(
            file_name,
            [
                f"Rij 1: de kopregel '{shown}' is niet herkend. De eerste regel noemt de "
                f"kolommen van één van de drie soorten bestanden ({expected})."
            ],
        )
    problems = [
        f"Rij 1: kolom '{name}' ontbreekt in een bestand met {form.label}. Voeg de kolom toe."
        for name in form.names
        if name in form.required and name not in header
    ]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(f"Rij 1: kolom '{name}' staat twee keer in de kopregel.")
        elif name not in form.names:
            problems.append(
                f"Rij 1: kolom '{name or '(zonder naam)'}' hoort niet in een bestand met "
                f"{form.label}; toegestaan zijn {', '.join(form.names)}. Cijfers bevatten geen "
                "namen of adressen: verwijder de kolom."
            )
        seen.add(name)
    if problems:
        raise FiguresImportError(file_name, problems)
    return form


def _parse_rows(
    file_name: str, form: FigureFormat, table: RawTable, context: _Context
) -> list[tuple[int, dict[str, object]]]:
    problems: list[str] = []
    records: list[tuple[int, dict[str, object]]] = []
    positions = {name: index for index, name in enumerate(table.header)}
    for number, cells in table.rows:
        where = f"{table.place}rij {number}"
        record: dict[str, object] = {}
        for column in form.columns:
            index = positions.get(column.name)
            cell = cells[index] if index is not None and index < len(cells) else None
            try:
                record[column.name] = column.parse(cell)
            except ValueError as error:
                problems.append(f"{where.capitalize()}, kolom '{column.name}': {error}")
        if len(record) == len(form.columns):
            problems.extend(
                f"{where.capitalize()}, {problem}"
                for problem in _check_record(form, record, context)
            )
            records.append((number, record))
        if len(problems) >= ERRORS_COLLECTED:
            break
    if not records and not problems:
        problems.append(
            f"Het bestand bevat onder de kopregel geen regels met {form.label}. Vul de cijfers in "
            "onder de kopregel."
        )
    problems.extend(_duplicates(form, records))
    if problems:
        raise FiguresImportError(file_name, problems)
    return records


def _check_record(
    form: FigureFormat, record: dict[str, object], context: _Context
) -> Iterator[str]:
    if "gemeentecode" in record and record["gemeentecode"] != context.code:
        yield (
            f"kolom 'gemeentecode': '{record['gemeentecode']}' is niet de gemeente van deze "
            f"werkruimte ({context.code}). Lees alleen cijfers van uw eigen gemeente in."
        )
    buurt = str(record.get("buurtcode") or "")
    if buurt or form.kind is FigureKind.INCIDENTS:
        problem = _buurt_problem(buurt, context)
        if problem:
            yield f"kolom 'buurtcode': {problem}"
    today = date.today()
    if form.kind is FigureKind.MONTHLY and record["periode"] > today:  # type: ignore[operator]
        yield f"kolom 'periode': {record['periode']:%Y-%m} ligt in de toekomst."
    if form.kind is FigureKind.INCIDENTS:
        start, end = _window(record)
        if end < start:
            yield (
                "kolommen 'datum_tot' en 'tijd_tot': het einde ligt vóór het begin "
                f"({start:%d-%m-%Y %H:%M}). Controleer of 'van' en 'tot' verwisseld zijn."
            )
        elif end - start > MAX_WINDOW:
            yield "kolom 'datum_tot': het tijdvak is langer dan een jaar. Controleer het jaartal."
        if start.date() > today:
            yield f"kolom 'datum_van': {start:%d-%m-%Y} ligt in de toekomst."


def _buurt_problem(buurt: str, context: _Context) -> str | None:
    if not buurt:
        return "is leeg. Vul de CBS-buurtcode in, bijvoorbeeld BU05130101."
    match = _BUURTCODE.match(buurt)
    if not match:
        return (
            f"'{buurt}' is geen CBS-buurtcode. Die bestaat uit BU en acht cijfers, bijvoorbeeld "
            "BU05130101."
        )
    if match.group(1) != context.code[2:]:
        return (
            f"buurt '{buurt}' ligt niet in gemeente {context.code}: de cijfers 3 tot en met 6 "
            f"moeten {context.code[2:]} zijn."
        )
    if context.buurten and buurt not in context.buurten:
        return (
            f"buurt '{buurt}' is onbekend in deze werkruimte. Controleer de code of voeg de buurt "
            "eerst toe aan de buurten van de gemeente."
        )
    return None


def _duplicates(form: FigureFormat, records: list[tuple[int, dict[str, object]]]) -> list[str]:
    key_column = {FigureKind.MONTHLY: "periode", FigureKind.DWELLINGS: "jaar"}.get(form.kind)
    if key_column is None:
        return []
    first_row: dict[tuple[object, object], int] = {}
    problems = []
    for number, record in records:
        key = (record[key_column], record.get("buurtcode") or "")
        if key in first_row:
            value = record[key_column]
            shown = f"{value:%Y-%m}" if isinstance(value, date) else str(value)
            area = f"buurt {key[1]}" if key[1] else "de hele gemeente"
            problems.append(
                f"Rij {number}, kolom '{key_column}': {shown} voor {area} staat ook in rij "
                f"{first_row[key]}. {_EACH[key_column]} mag maar één keer per buurt in het bestand "
                "staan; verwijder een van beide regels."
            )
        else:
            first_row[key] = number
    return problems


_EACH = {"periode": "Elke maand", "jaar": "Elk jaar"}


def _window(record: dict[str, object]) -> tuple[datetime, datetime]:
    start = datetime.combine(record["datum_van"], record["tijd_van"])  # type: ignore[arg-type]
    end = datetime.combine(record["datum_tot"], record["tijd_tot"])  # type: ignore[arg-type]
    return start, end


def _store_monthly(
    session: Session, context: _Context, records: list[tuple[int, dict[str, object]]]
) -> ImportResult:
    rows: list[dict[str, Any]] = [
        {
            "municipality_id": context.municipality_id,
            "month": record["periode"],
            "neighbourhood_code": record.get("buurtcode") or None,
            "completed": record["woninginbraken"],
            "attempts": record["pogingen"],
        }
        for _, record in records
    ]
    replaced = _replace_periods(session, MonthlyFigure, MonthlyFigure.month, "month", rows)
    months = sorted({row["month"] for row in rows})
    return ImportResult(FigureKind.MONTHLY, len(rows), replaced, _month_span(months[0], months[-1]))


def _store_dwellings(
    session: Session, context: _Context, records: list[tuple[int, dict[str, object]]]
) -> ImportResult:
    rows: list[dict[str, Any]] = [
        {
            "municipality_id": context.municipality_id,
            "year": record["jaar"],
            "neighbourhood_code": record.get("buurtcode") or None,
            "dwellings": record["woningvoorraad"],
        }
        for _, record in records
    ]
    replaced = _replace_periods(session, DwellingStock, DwellingStock.year, "year", rows)
    years = sorted({row["year"] for row in rows})
    period = str(years[0]) if years[0] == years[-1] else f"{years[0]} t/m {years[-1]}"
    return ImportResult(FigureKind.DWELLINGS, len(rows), replaced, period)


def _replace_periods(
    session: Session,
    model: type[MonthlyFigure] | type[DwellingStock],
    period: InstrumentedAttribute[Any],
    key: str,
    rows: list[dict[str, Any]],
) -> int:
    """Delete what the file replaces, then insert its rows; returns how many were replaced.

    The gemeente's own rows and its buurt rows are separate levels: a file with buurten for
    March replaces every buurt row of March (including buurten it no longer lists) and leaves
    the gemeente row of March alone, and the other way round.
    """
    owner = rows[0]["municipality_id"]
    replaced = 0
    for per_buurt in (False, True):
        periods = {row[key] for row in rows if (row["neighbourhood_code"] is not None) == per_buurt}
        if periods:
            code = model.neighbourhood_code
            deleted = session.execute(
                delete(model).where(
                    model.municipality_id == owner,
                    period.in_(periods),
                    code.is_not(None) if per_buurt else code.is_(None),
                )
            )
            replaced += cast(CursorResult[Any], deleted).rowcount
    session.execute(insert(model), rows)
    return replaced


def _store_incidents(
    session: Session, context: _Context, records: list[tuple[int, dict[str, object]]]
) -> ImportResult:
    rows: list[dict[str, Any]] = []
    for _, record in records:
        start, end = _window(record)
        rows.append(
            {
                "municipality_id": context.municipality_id,
                "window_start": start,
                "window_end": end,
                "neighbourhood_code": record["buurtcode"],
                "is_attempt": record["poging"],
                "modus_operandi": record.get("modus_operandi") or "",
            }
        )
    first = min(row["window_start"] for row in rows).replace(day=1, hour=0, minute=0, second=0)
    last = max(row["window_start"] for row in rows)
    after = (last.replace(day=28) + timedelta(days=4)).replace(day=1, hour=0, minute=0, second=0)
    deleted = session.execute(
        delete(Incident).where(
            Incident.municipality_id == context.municipality_id,
            Incident.window_start >= first,
            Incident.window_start < after,
        )
    )
    replaced = cast(CursorResult[Any], deleted).rowcount
    session.execute(insert(Incident), rows)
    return ImportResult(
        FigureKind.INCIDENTS, len(rows), replaced, _month_span(first.date(), last.date())
    )


_STORE = {
    FigureKind.MONTHLY: _store_monthly,
    FigureKind.DWELLINGS: _store_dwellings,
    FigureKind.INCIDENTS: _store_incidents,
}


def _month_span(first: date, last: date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return month_label(first)
    return f"{month_label(first)} t/m {month_label(last)}"


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"
