"""Reads an incoming package: safety first, then metadata and version, then every cell.

python-calamine reads the cell values (many times faster than openpyxl); formulas, which
calamine does not report, were found by the safety pass in the raw sheet XML.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from app.exchange.formats import check_format
from app.exchange.guide import GUIDE_SHEET, MUNICIPALITY_SHEET
from app.exchange.limits import MAX_SEQUENCE, dutch_number, year_in_range
from app.exchange.metadata import (
    FORMER_METADATA_KEYS,
    METADATA_CHECK_KEY,
    METADATA_KEYS,
    METADATA_SHEET,
    OPTIONAL_METADATA,
    PackageMetadata,
    Record,
    content_hash,
    metadata_check,
)
from app.exchange.problems import PackageRefusedError, Problem, error, refuse, warning
from app.exchange.progress import CancelCheck, Progress, ProgressCallback
from app.exchange.safety import Inspection, inspect_package
from app.exchange.schema import FORMAT_ID, PackageSchema
from app.exchange.validator import SheetRecords, Validation, check_relations, validate_sheet
from app.exchange.versions import CURRENT, READABLE, upgrade_records
from app.kernel.moments import moment_from_file


@dataclass(frozen=True)
class ReadPackage:
    """A package read and checked, its records in stored form for the current schema."""

    path: Path
    metadata: PackageMetadata
    schema: PackageSchema
    sheets: dict[str, SheetRecords]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]

    def records(self, table: str) -> list[Record]:
        return self.sheets[table].records


def read_package(
    path: Path,
    *,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ReadPackage:
    """Check and read `path`; a file that cannot be read at all raises PackageRefusedError.

    Problems in cells do not raise: they are in `problems`, and the importer refuses when
    there is any error among them.
    """
    path = Path(path)
    inspection = inspect_package(path)
    with open_workbook(path) as workbook:
        metadata = _read_metadata(workbook, path, inspection)
        schema = READABLE[metadata.format_version]
        validation = Validation()
        sheet_names = set(workbook.sheet_names)
        _check_municipality_sheet(workbook, path, metadata, validation.problems)
        sheet_cells = {
            sheet.table: read_sheet(workbook, sheet.name, path)
            for sheet in schema.sheets
            if sheet.name in sheet_names
        }
    progress = Progress(sum(map(len, sheet_cells.values())), on_progress, is_cancelled)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    for sheet in schema.sheets:
        if sheet.table not in sheet_cells and sheet.optional:
            validation.records[sheet.table] = SheetRecords()
            continue
        if sheet.table not in sheet_cells:
            validation.problems.append(
                error(
                    f"Het blad {sheet.name} ontbreekt. Gebruik het pakket zoals het programma "
                    "het maakte, zonder bladen te verwijderen of te hernoemen.",
                    sheet=sheet.name,
                )
            )
            continue
        validate_sheet(sheet, sheet_cells[sheet.table], now, validation, progress)
        progress.check()
    report_formulas(inspection, validation.problems)
    _report_extra_sheets(schema, sheet_names, validation.problems)
    check_relations(schema, validation)
    sheets = validation.records
    if not validation.has_errors:
        records = {table: result.records for table, result in validation.records.items()}
        if content_hash(schema, records) != metadata.content_hash:
            validation.problems.append(
                warning(
                    "Het pakket is na de export met de hand bewerkt (de inhoud wijkt af van "
                    "wat het programma schreef). Controleer de wijzigingen in het overzicht."
                )
            )
        if schema is not CURRENT:
            sheets = _upgraded(schema, validation.records, metadata, validation.problems)
            schema = CURRENT
    progress.finish()
    return ReadPackage(path, metadata, schema, sheets, validation.problems)


def _upgraded(
    schema: PackageSchema,
    sheets: dict[str, SheetRecords],
    metadata: PackageMetadata,
    problems: list[Problem],
) -> dict[str, SheetRecords]:
    """An older version's records in the current schema; new kinds have no Excel rows."""
    records = {table: result.records for table, result in sheets.items()}
    upgraded = upgrade_records(schema.version, records, metadata.municipality_code)
    if records.get("incident"):
        problems.append(
            warning(
                f"Dit pakket heeft formaatversie {schema.version} en bevat losse incidenten. "
                "Die zijn bij het inlezen geteld per maand, buurt, weekdag en uur; alleen die "
                "aantallen worden opgeslagen, de losse incidenten en hun werkwijze niet.",
                sheet="Incidenten",
            )
        )
    return {
        table: sheets[table]
        if table in sheets and sheets[table].records is rows
        else SheetRecords(rows, [0] * len(rows))
        for table, rows in upgraded.items()
    }


@contextlib.contextmanager
def _native_errors_silenced() -> Iterator[None]:
    """calamine's Rust code prints a panic (say, a duration beyond its range) straight to the
    process's stderr before Python sees it as an exception: English a user must never see.
    The exception itself becomes a Dutch refusal."""
    sys.stderr.flush()
    saved = os.dup(2)
    sink = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(sink, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(sink)


def open_workbook(path: Path) -> CalamineWorkbook:
    """The workbook for calamine to read; call after `inspect_package` passed."""
    try:
        with _native_errors_silenced():
            return CalamineWorkbook.from_path(str(path))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as problem:  # calamine's errors, and a panic in its Rust code
        raise _unreadable(path) from problem


def read_sheet(workbook: CalamineWorkbook, name: str, path: Path) -> list[tuple[Any, ...]]:
    """Every cell of one sheet from A1, a tuple per row, or a refusal; the safety pass has
    held its extent.

    A tuple of plain values is one the cycle collector stops tracking; the list per row that
    calamine makes is not, and a large package's rows, held until they were checked, made it
    walk the whole heap. So the rows come one by one and each list is dropped at once.
    """
    try:
        with _native_errors_silenced():
            sheet = workbook.get_sheet_by_name(name)
            if sheet.start == (0, 0):  # the usual sheet, with a header in A1
                return list(map(tuple, sheet.iter_rows()))
            return list(map(tuple, sheet.to_python(skip_empty_area=False)))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as problem:  # XmlError, WorksheetNotFound, ZipError, a Rust panic
        raise refuse(
            f"Het blad {name} van {path.name} kan niet worden gelezen: het bestand is "
            "beschadigd. Sla het opnieuw op als Excel-werkmap (.xlsx) of vraag de afzender om "
            "een nieuw bestand."
        ) from problem


def _unreadable(path: Path) -> PackageRefusedError:
    return refuse(
        f"{path.name} kan niet als Excel-werkmap worden gelezen: het bestand is beschadigd. "
        "Sla het opnieuw op als Excel-werkmap (.xlsx) of vraag de afzender om een nieuw bestand."
    )


def _read_metadata(
    workbook: CalamineWorkbook, path: Path, inspection: Inspection
) -> PackageMetadata:
    found = metadata_cells(workbook, path, inspection)
    check_format(path, found, FORMAT_ID)
    values = metadata_values(
        path,
        found,
        [item.name for item in fields(PackageMetadata) if item.name not in OPTIONAL_METADATA],
    )
    version = readable_version(path, values["format_version"], READABLE)
    sequence = _whole_number(values["sequence"])
    if sequence is None or not 1 <= sequence <= MAX_SEQUENCE:
        raise refuse(
            f"{path.name} heeft een ongeldig volgnummer ('{values['sequence'][:40]}'); een "
            f"volgnummer ligt tussen 1 en {dutch_number(MAX_SEQUENCE)}. Vraag de afzender om een "
            "nieuw pakket."
        )
    exported_at = export_moment(path, values["exported_at"])
    # The check row came with format version 2; a version 1 package from an older build has none.
    if version >= 2 or METADATA_CHECK_KEY in found:
        written = {
            item.name: values.get(item.name, str(found.get(METADATA_KEYS[item.name], "")).strip())
            for item in fields(PackageMetadata)
            if item.name in values or METADATA_KEYS[item.name] in found
        }
        check_metadata(path, found, written)
    return PackageMetadata(
        **{  # type: ignore[arg-type]
            **values,
            "format_version": version,
            "sequence": sequence,
            "exported_at": exported_at,
        },
        is_demo=_yes_no(path, found, "is_demo"),
        is_contributor=_yes_no(path, found, "is_contributor"),
    )


def _yes_no(path: Path, found: dict[str, object], name: str) -> bool:
    """An optional ja/nee row of the metadata sheet; older packages without it say nee."""
    key = METADATA_KEYS[name]
    value = str(found.get(key, "nee")).strip().casefold()
    if value not in ("ja", "nee"):
        raise refuse(
            f"{path.name} heeft een ongeldige waarde bij '{key}' ('{value[:40]}') op het blad "
            f"{METADATA_SHEET}. Vraag de afzender om een nieuw pakket."
        )
    return value == "ja"


def export_moment(path: Path, text: str) -> str:
    """The export moment in ISO 8601 (UTC), as the merge, the history and the timeline read it.

    The file says it in Dutch time (`file_moment`); files from before that, in ISO 8601.
    """
    dutch = moment_from_file(text)
    iso = dutch.isoformat() if dutch is not None else text
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or not year_in_range(moment.year):
        raise refuse(
            f"{path.name} heeft een ongeldige exportdatum ('{text[:40]}'). Vraag de afzender "
            "om een nieuw pakket."
        )
    return iso


def check_metadata(path: Path, found: dict[str, object], values: dict[str, str]) -> None:
    """Refuse metadata that does not match its check value: edited by hand, not trusted."""
    check = found.get(METADATA_CHECK_KEY)
    if not isinstance(check, str) or check.strip() != metadata_check(values):
        raise refuse(
            f"De verborgen gegevens van {path.name} (blad {METADATA_SHEET}: herkomst, "
            "volgnummer, exportdatum) zijn na de export gewijzigd, dus het bestand wordt niet "
            "vertrouwd. Vraag de afzender om een nieuw bestand."
        )


def metadata_cells(
    workbook: CalamineWorkbook, path: Path, inspection: Inspection
) -> dict[str, object]:
    """The metadata sheet's key/value pairs, refused when the sheet is missing or edited."""
    if METADATA_SHEET not in workbook.sheet_names:
        raise refuse(
            f"{path.name} is geen bestand van Aanpak Woninginbraken: het blad {METADATA_SHEET} "
            "ontbreekt. Kies het bestand dat het programma maakte."
        )
    if METADATA_SHEET in inspection.formula_cells:
        cells = ", ".join(inspection.formula_cells[METADATA_SHEET])
        raise refuse(
            f"Het blad {METADATA_SHEET} bevat formules ({cells}); "
            "het is gewijzigd en wordt niet vertrouwd. Vraag de afzender om een nieuw pakket."
        )
    rows = read_sheet(workbook, METADATA_SHEET, path)
    found = {str(row[0]).strip(): row[1] for row in rows if len(row) >= 2}
    for former, key in FORMER_METADATA_KEYS.items():
        if former in found and key not in found:
            found[key] = found.pop(former)
    return found


def metadata_values(path: Path, found: dict[str, object], names: Sequence[str]) -> dict[str, str]:
    """The named metadata fields as text; a missing one refuses the file."""
    values: dict[str, str] = {}
    for name in names:
        key = METADATA_KEYS[name]
        if key not in found or found[key] == "":
            raise refuse(
                f"{path.name} is geen geldig pakket: '{key}' ontbreekt op het blad "
                f"{METADATA_SHEET}. Vraag de afzender om een nieuw pakket."
            )
        value = found[key]
        if not isinstance(value, str):  # the program writes every value as text
            raise refuse(
                f"{path.name} is geen geldig pakket: '{key}' op het blad {METADATA_SHEET} is "
                "gewijzigd. Vraag de afzender om een nieuw pakket."
            )
        values[name] = value.strip()
    return values


def readable_version(path: Path, text: str, readable: Collection[int]) -> int:
    """The format version as a number this app reads, or a refusal that says what to do."""
    version = _whole_number(text)
    newest = max(readable)
    if version is not None and version > newest:
        raise refuse(
            f"{path.name} heeft formaatversie {version}; dit programma kent versie "
            f"{newest} en ouder. Installeer de nieuwste versie van Aanpak Woninginbraken en lees "
            "het bestand dan opnieuw in."
        )
    if version is None or version not in readable:
        raise refuse(
            f"{path.name} heeft een ongeldige formaatversie ('{text[:40]}'). "
            "Vraag de afzender om een nieuw pakket."
        )
    return version


_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def _whole_number(text: str) -> int | None:
    """Digits 0-9 only: str.isdigit() also takes "²", which int() then refuses."""
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else None


def _check_municipality_sheet(
    workbook: CalamineWorkbook, path: Path, metadata: PackageMetadata, problems: list[Problem]
) -> None:
    if MUNICIPALITY_SHEET not in workbook.sheet_names:
        problems.append(
            error(f"Het blad {MUNICIPALITY_SHEET} ontbreekt.", sheet=MUNICIPALITY_SHEET)
        )
        return
    rows = read_sheet(workbook, MUNICIPALITY_SHEET, path)
    code = str(rows[1][0]).strip() if len(rows) > 1 and rows[1] else ""
    if code != metadata.municipality_code:
        problems.append(
            error(
                f"De gemeentecode '{code[:40]}' past niet bij het pakket "
                f"({metadata.municipality_code}, {metadata.municipality_name}). Zet de "
                "oorspronkelijke code terug.",
                sheet=MUNICIPALITY_SHEET,
                cell=f"{MUNICIPALITY_SHEET}!A2",
                column="CBS-code",
                value=code,
            )
        )


def report_formulas(inspection: Inspection, problems: list[Problem]) -> None:
    for sheet_name, cells in inspection.formula_cells.items():
        for cell in cells:
            problems.append(
                error(
                    "Hier staat een formule; een pakket bevat alleen waarden. Typ de waarde zelf "
                    "in de cel (formules worden nooit uitgerekend).",
                    sheet=sheet_name,
                    cell=f"{sheet_name}!{cell}",
                )
            )


def _report_extra_sheets(
    schema: PackageSchema, sheet_names: set[str], problems: list[Problem]
) -> None:
    expected = {sheet.name for sheet in schema.sheets} | {
        GUIDE_SHEET,
        MUNICIPALITY_SHEET,
        METADATA_SHEET,
    }
    for name in sorted(sheet_names - expected):
        problems.append(
            warning(f"Het blad {name} hoort niet bij het pakket en is genegeerd.", sheet=name)
        )
