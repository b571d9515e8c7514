"""Reads a returned wijkagent form: the package's safety checks, then identity, layout, answers.

Nothing here knows the workspace: the form's identity is checked against it by the service
(app.core.hotspots.analysis_forms). A form that cannot be trusted or read raises
FormRefusedError with every problem found, each with its cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from app.exchange.cells import CellFixed, CellInvalid, is_empty, parser_for
from app.exchange.form_layout import (
    AUTHOR_LABELS,
    FORM_FORMAT_ID,
    FORM_FORMAT_VERSION,
    FORMER_METADATA_KEYS,
    LINE_LIMIT,
    MEASURE_COLUMNS,
    MEASURE_HEADERS,
    MEASURE_KEY,
    MEASURE_ROWS,
    MEASURES_HEADER_KEY,
    METADATA_KEYS,
    QUESTIONS,
    TITLE_LIMIT,
    FormAnswers,
    FormMetadata,
    ProposedRow,
)
from app.exchange.limits import FORM_LIMITS, MAX_FORM_VERSION
from app.exchange.metadata import METADATA_SHEET
from app.exchange.problems import PackageRefusedError, Problem, error, warning
from app.exchange.reader import open_workbook, read_sheet
from app.exchange.safety import inspect_package
from app.exchange.schema import FORMAT_ID, Column, Kind
from app.kernel.moments import moment_from_file
from database.enums import InterventionKind, TargetGroup

_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
NEW_FORM = "Maak een nieuw formulier voor de wijkagent (knop 'Formulier voor wijkagent maken')."


class FormRefusedError(PackageRefusedError):
    """The form is not read; `problems` holds every error and warning found."""

    subject = "Het formulier"


def refuse_form(message: str, **where: str) -> FormRefusedError:
    return FormRefusedError([error(message, **where)])


@dataclass(frozen=True)
class ReturnedForm:
    """A form read and checked on its own; `warnings` say what was repaired while reading."""

    path: Path
    metadata: FormMetadata
    answers: FormAnswers
    warnings: tuple[Problem, ...]


def read_form(path: Path) -> ReturnedForm:
    path = Path(path)
    try:
        inspection = inspect_package(path, FORM_LIMITS)
        workbook = open_workbook(path)
    except PackageRefusedError as refusal:
        raise FormRefusedError(refusal.problems) from refusal
    with workbook:
        metadata = _read_metadata(workbook, path, inspection.formula_cells)
        if metadata.sheet not in workbook.sheet_names:
            raise refuse_form(
                f"Het blad '{metadata.sheet}' ontbreekt: het formulier is van indeling veranderd "
                f"(een blad hernoemd of verwijderd). {NEW_FORM}"
            )
        cells = _read_sheet(workbook, metadata.sheet, path)
    sheet = _Sheet(metadata.sheet, cells)
    formulas = inspection.formula_cells.get(metadata.sheet, [])
    if formulas:
        raise FormRefusedError(
            [
                error(
                    "Hier staat een formule; een formulier bevat alleen getypte tekst. Typ het "
                    "antwoord zelf in de cel (formules worden nooit uitgerekend).",
                    sheet=metadata.sheet,
                    cell=f"{metadata.sheet}!{cell}",
                )
                for cell in formulas
            ]
        )
    rows = metadata.rows()
    _check_layout(sheet, rows)
    answers = sheet.answers(rows)
    if sheet.errors:
        raise FormRefusedError(sheet.problems)
    if answers.is_empty:
        raise refuse_form(
            "Er is niets ingevuld in het formulier. Vraag de wijkagent de gele vakken in te "
            "vullen en het bestand daarna op te slaan."
        )
    return ReturnedForm(path, metadata, answers, tuple(sheet.problems))


def _read_metadata(
    workbook: CalamineWorkbook, path: Path, formula_cells: dict[str, list[str]]
) -> FormMetadata:
    if METADATA_SHEET not in workbook.sheet_names:
        raise refuse_form(
            f"{path.name} is geen formulier van Aanpak Woninginbraken: het verborgen blad "
            f"{METADATA_SHEET} ontbreekt. Kies het formulier dat het programma maakte."
        )
    tampered = (
        f"De verborgen gegevens van het formulier (blad {METADATA_SHEET}) zijn gewijzigd, "
        f"dus het formulier wordt niet vertrouwd. {NEW_FORM}"
    )
    if METADATA_SHEET in formula_cells:
        raise refuse_form(tampered)
    rows = _read_sheet(workbook, METADATA_SHEET, path)
    found = {str(row[0]).strip(): row[1] for row in rows if len(row) >= 2}
    for former, key in FORMER_METADATA_KEYS.items():
        if former in found and key not in found:
            found[key] = found.pop(former)
    values: dict[str, Any] = {}
    for name, key in METADATA_KEYS.items():
        value = found.get(key, "")
        if isinstance(value, float):  # a number typed over a value: never inf or NaN to int()
            values[name] = str(int(value)) if value.is_integer() and abs(value) < 1e15 else ""
        else:
            values[name] = str(value).strip()
    if values["format_id"] == FORMAT_ID:
        raise refuse_form(
            f"{path.name} is een uitwisselpakket, geen formulier voor de wijkagent. Lees het in "
            "met 'Pakket importeren'."
        )
    if values["format_id"] != FORM_FORMAT_ID:
        raise refuse_form(
            f"{path.name} is geen formulier van Aanpak Woninginbraken. Kies het formulier dat "
            "het programma maakte."
        )
    version = _whole_number(values["format_version"])
    form_version = _whole_number(values["form_version"])
    if version is None or form_version is None or not 1 <= form_version <= MAX_FORM_VERSION:
        raise refuse_form(tampered)
    if version > FORM_FORMAT_VERSION:
        raise refuse_form(
            f"{path.name} is gemaakt met een nieuwere versie van Aanpak Woninginbraken "
            f"(formulierformaat {version}). Installeer de nieuwste versie en lees het opnieuw in."
        )
    issued = moment_from_file(values["issued_at"])
    if issued is not None:  # forms made before Dutch times carry ISO 8601 itself
        values["issued_at"] = issued.isoformat(timespec="microseconds")
    metadata = FormMetadata(**{**values, "format_version": version, "form_version": form_version})
    if metadata.checksum != metadata.expected_checksum():
        raise refuse_form(tampered)
    return metadata


def _whole_number(text: str) -> int | None:
    """Digits 0-9 only: str.isdigit() also takes "²", which int() then refuses."""
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else None


def _read_sheet(workbook: CalamineWorkbook, name: str, path: Path) -> list[tuple[Any, ...]]:
    try:
        return read_sheet(workbook, name, path)
    except PackageRefusedError as refusal:
        raise FormRefusedError(refusal.problems) from refusal


def _check_layout(sheet: _Sheet, rows: dict[str, int]) -> None:
    """Every answer's label must still stand beside it; else rows were inserted or moved."""
    expected: list[tuple[str, str]] = [
        (f"A{rows.get(question.field, 0)}", question.label) for question in QUESTIONS
    ]
    expected += [(f"A{rows.get(key, 0)}", label) for key, label in AUTHOR_LABELS.items()]
    expected.append((f"B{rows.get(MEASURES_HEADER_KEY, 0)}", MEASURE_HEADERS["title"]))
    expected += [
        (f"A{rows.get(MEASURE_KEY.format(n=n), 0)}", str(n)) for n in range(1, MEASURE_ROWS + 1)
    ]
    moved = [(cell, label) for cell, label in expected if sheet.text(cell) != label]
    if not moved:
        return
    cell, label = moved[0]
    found = sheet.text(cell).split("\n")[0]
    if len(found) > 60:  # quoted in one line: a pasted essay is cut
        found = found[:57] + "..."
    raise refuse_form(
        f"In cel {cell} hoort '{label.splitlines()[0]}' te staan, maar daar staat "
        f"'{found or '(niets)'}'. Er zijn rijen ingevoegd, verwijderd of verplaatst "
        f"({len(moved)} vak(ken) staan niet meer op hun plek), dus de antwoorden staan niet "
        f"waar het programma ze verwacht. Zet de rijen terug zoals ze waren, of laat de "
        "wijkagent een nieuw formulier invullen.",
        sheet=sheet.name,
        cell=f"{sheet.name}!{cell}",
        value=found,
    )


def _column(field: str, header: str, kind: Kind, limit: int | None = None) -> Column:
    return Column(field, header, kind, "", max_length=limit, choices=_CHOICES.get(field))


_CHOICES = {"target_group": TargetGroup, "intervention": InterventionKind}


class _Sheet:
    """The form's cells as calamine read them, and the problems found while parsing answers."""

    def __init__(self, name: str, cells: list[tuple[Any, ...]]) -> None:
        self.name = name
        self.cells = cells
        self.problems: list[Problem] = []

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    def value(self, cell: str) -> Any:
        column = ord(cell[0]) - ord("A")
        row = int(cell[1:]) - 1
        if row < 0 or row >= len(self.cells) or column >= len(self.cells[row]):
            return ""
        return self.cells[row][column]

    def text(self, cell: str) -> str:
        return str(self.value(cell)).strip()

    def answers(self, rows: dict[str, int]) -> FormAnswers:
        texts = {
            q.field: self._parse(f"B{rows[q.field]}", _column(q.field, q.heading, Kind.TEXT))
            for q in QUESTIONS
        }
        for key, label in AUTHOR_LABELS.items():
            kind, limit = (Kind.DATE, None) if key == "written_on" else (Kind.TEXT, LINE_LIMIT)
            texts[key] = self._parse(f"B{rows[key]}", _column(key, label, kind, limit))
        written_on = texts.pop("written_on")
        return FormAnswers(
            **{key: value or "" for key, value in texts.items()},
            written_on=date.fromisoformat(written_on) if written_on else None,
            measures=tuple(
                measure
                for n in range(1, MEASURE_ROWS + 1)
                if (measure := self._measure(n, rows[MEASURE_KEY.format(n=n)])) is not None
            ),
        )

    def _measure(self, number: int, row: int) -> ProposedRow | None:
        cells = {field: f"{column}{row}" for field, column in MEASURE_COLUMNS.items()}
        if all(is_empty(self.value(cell)) for cell in cells.values()):
            return None
        limits = {"title": TITLE_LIMIT, "partner": LINE_LIMIT}
        values = {
            field: self._parse(
                cell,
                _column(
                    field,
                    f"{MEASURE_HEADERS[field]} (maatregel {number})",
                    Kind.TEXT if field in limits else Kind.CHOICE,
                    limits.get(field),
                ),
            )
            for field, cell in cells.items()
        }
        for field in ("title", "target_group", "intervention"):
            if not values[field] and is_empty(self.value(cells[field])):
                self._problem(
                    error,
                    f"Maatregel {number} is niet compleet: vul ook '{MEASURE_HEADERS[field]}' "
                    "in (doelgroep en aard kiest u uit de lijst), of maak de hele regel leeg.",
                    cells[field],
                    MEASURE_HEADERS[field],
                    "",
                )
        title, target_group = values["title"], values["target_group"]
        intervention = values["intervention"]
        if not (title and target_group and intervention):
            return None
        return ProposedRow(
            title=str(title),
            target_group=TargetGroup(target_group),
            intervention=InterventionKind(intervention),
            partner=str(values["partner"] or ""),
        )

    def _parse(self, cell: str, column: Column) -> str | None:
        value = self.value(cell)
        if is_empty(value):
            return None
        try:
            stored = parser_for(column)(value)
        except CellFixed as fixed:
            self._problem(warning, fixed.message, cell, column.header, value)
            stored = fixed.stored
        except CellInvalid as invalid:
            self._problem(error, invalid.message, cell, column.header, value)
            return None
        return str(stored).strip() if column.kind is Kind.TEXT else str(stored)

    def _problem(
        self, kind: Callable[..., Problem], message: str, cell: str, column: str, value: object
    ) -> None:
        self.problems.append(
            kind(
                message,
                sheet=self.name,
                cell=f"{self.name}!{cell}",
                column=column,
                value=str(value),
            )
        )
