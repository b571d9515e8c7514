"""Importing CBS open data: burglaries per month (47022NED) and dwelling stock per year
(Kerncijfers wijken en buurten), for the workspace's gemeente or the RSIV's whole region.

The file is read and checked completely (app.exchange.cbs_opendata) before anything is
stored. Periods the file holds replace what an earlier open-data import stored for them, per
gemeente, so reading the same download twice changes nothing. A withheld cell is stored as
unknown (NULL), never as zero. Buurt names from the code list beside the file are added to a
gemeente's buurten (a name the gemeente already gave a buurt stays).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, select
from sqlalchemy.orm import Session

from app.analysis.numbers import dutch_number
from app.analysis.periods import month_label
from app.exchange.cbs_opendata import OpenDataFile, OpenDataKind, read_open_data
from app.kernel.errors import UserError
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.tables import municipality_table, neighbourhood_table, open_data_figure_table
from database.tables.open_data import BURGLARIES, DWELLINGS

# What the screens and reports say wherever an open-data count is shown.
SPLIT_UNKNOWN = "incl. pogingen, verdeling onbekend"
_MEASURE = {OpenDataKind.BURGLARIES: BURGLARIES, OpenDataKind.DWELLINGS: DWELLINGS}
_SKIPPED = {
    "offence": "van andere soorten misdrijf",
    "roll-up": "met het totaal van alle misdrijven (0.0.0)",
    "not a month": "met een jaar- of kwartaalcijfer",
    "not a year": "zonder jaarcijfer",
    "area": "van andere gebieden",
}


@dataclass(frozen=True)
class OpenDataImportResult:
    kind: OpenDataKind
    source: str
    stored: int
    replaced: int
    withheld: int
    gemeenten: int
    wijken: int
    buurten: int
    first: date
    last: date
    skipped: tuple[tuple[str, int], ...]  # (reason, rows), in the order of _SKIPPED
    code_list: str

    @property
    def period(self) -> str:
        if self.kind is OpenDataKind.DWELLINGS:
            first, last = self.first.year, self.last.year
            return str(first) if first == last else f"{first} t/m {last}"
        if self.first == self.last:
            return month_label(self.first)
        return f"{month_label(self.first)} t/m {month_label(self.last)}"

    @property
    def message(self) -> str:
        areas = f"{_count(self.gemeenten, 'gemeente', 'gemeenten')}, " + (
            f"{_count(self.wijken, 'wijk', 'wijken')} en {_count(self.buurten, 'buurt', 'buurten')}"
        )
        if self.kind is OpenDataKind.BURGLARIES:
            text = (
                f"{dutch_number(self.stored)} maandcijfers woninginbraak uit CBS-tabel "
                f"{self.source} ingelezen ({self.period}; {areas}). Het aantal is "
                f"{SPLIT_UNKNOWN}."
            )
        else:
            text = (
                f"{dutch_number(self.stored)} cijfers woningvoorraad uit {self.source} ingelezen "
                f"({self.period}; {areas})."
            )
        if self.withheld:
            verb = "staat" if self.withheld == 1 else "staan"
            text += (
                f" {_count(self.withheld, 'cel', 'cellen')} heeft CBS achtergehouden: die {verb} "
                "als onbekend, niet als 0."
            )
        if self.skipped:
            parts = [
                f"{_count(rows, 'regel', 'regels')} {_SKIPPED[reason]}"
                for reason, rows in self.skipped
            ]
            text += " Niet overgenomen: " + ", ".join(parts) + "."
        text += (
            f" Buurtnamen uit {self.code_list}." if self.code_list else " Zonder codelijst: codes."
        )
        if self.replaced:
            text += (
                f" {_count(self.replaced, 'eerder ingelezen cijfer', 'eerder ingelezen cijfers')} "
                "voor dezelfde periode vervangen, niet verdubbeld."
            )
        return text


def import_open_data(workspace: Workspace, path: Path) -> OpenDataImportResult:
    """Read `path` for the workspace's gemeente (or the RSIV's region) and store it."""
    path = Path(path)
    codes = _gemeenten(workspace)
    data = read_open_data(path, codes)
    if not data.cells:
        raise UserError(_nothing_for(path.name, data, codes))
    measure = _MEASURE[data.kind]
    owners = {code: municipality_id(code) for code in codes}
    rows: list[tuple[object, ...]] = [
        (
            owners[cell.municipality_code],
            measure,
            cell.period.isoformat(),
            cell.area_code,
            cell.value,
            data.source,
        )
        for cell in data.cells
    ]
    present = {cell.municipality_code for cell in data.cells}
    periods = {cell.period for cell in data.cells}
    table = open_data_figure_table
    with workspace.transaction() as session:
        deleted = session.execute(
            delete(table).where(
                table.c.measure == measure,
                table.c.municipality_id.in_([owners[code] for code in present]),
                table.c.period.in_(periods),
            )
        )
        replaced = cast(CursorResult[Any], deleted).rowcount
        _insert(session, rows)
        if workspace.summary.municipality_code:
            _add_buurt_names(session, owners[workspace.summary.municipality_code], data)
    areas = {cell.area_code for cell in data.cells}
    return OpenDataImportResult(
        kind=data.kind,
        source=data.source,
        stored=len(rows),
        replaced=replaced,
        withheld=data.withheld,
        gemeenten=len(present),
        wijken=sum(1 for area in areas if area.startswith("WK")),
        buurten=sum(1 for area in areas if area.startswith("BU")),
        first=min(periods),
        last=max(periods),
        skipped=tuple((key, data.skipped[key]) for key in _SKIPPED if data.skipped[key]),
        code_list=data.code_list,
    )


def _insert(session: Session, rows: list[tuple[object, ...]]) -> None:
    """One executemany through the driver: SQLAlchemy's bind processing per row would add
    seconds for the ~200,000 cells of a whole eenheid (benchmarks/README.md, "Open data")."""
    connection = session.connection()
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(column.name for column in open_data_figure_table.columns)
    markers = ", ".join(marker for _ in open_data_figure_table.columns)
    connection.exec_driver_sql(
        f"INSERT INTO {open_data_figure_table.name} ({names}) VALUES ({markers})", rows
    )


def _gemeenten(workspace: Workspace) -> list[str]:
    """The workspace's own gemeente, or in the RSIV's workspace the gemeenten of its region."""
    own = workspace.summary.municipality_code
    if own:
        return [own]
    town = municipality_table.c
    with workspace.connection() as connection:
        return list(
            connection.scalars(
                select(town.cbs_code).where(town.is_participant.is_(True)).order_by(town.cbs_code)
            )
        )


def _add_buurt_names(session: Session, owner: str, data: OpenDataFile) -> None:
    """Buurten from the code list that the gemeente does not have yet, with their CBS name."""
    if not data.names:
        return
    buurt = neighbourhood_table.c
    known = set(session.scalars(select(buurt.code).where(buurt.municipality_id == owner)))
    new = [
        {"municipality_id": owner, "code": code, "name": name[:100]}
        for code, name in sorted(data.names.items())
        if code.startswith("BU") and code not in known
    ]
    if new:
        session.execute(insert(neighbourhood_table), new)


def _nothing_for(file_name: str, data: OpenDataFile, codes: list[str]) -> str:
    what = (
        "maandcijfers woninginbraak (soort misdrijf 1.1.1)"
        if data.kind is OpenDataKind.BURGLARIES
        else "cijfers woningvoorraad"
    )
    where = codes[0] if len(codes) == 1 else f"de gemeenten van de regio ({', '.join(codes)})"
    return (
        f"{file_name} bevat geen {what} voor {where}: van de {dutch_number(data.rows_read)} "
        "regels hoort er geen bij. Download de tabel bij CBS opnieuw met deze gemeente, haar "
        "wijken en buurten en de maanden die u nodig heeft."
    )


def _count(number: int, singular: str, plural: str) -> str:
    return f"{dutch_number(number)} {singular if number == 1 else plural}"
