"""The three figures files, declared once: columns, whether required, how a cell is read.

The header tells which of the three a file is. docs/figures-format.md describes the same
columns for users; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.core.figures import values


class FigureKind(StrEnum):
    MONTHLY = "monthly"
    INCIDENTS = "incidents"
    DWELLINGS = "dwellings"


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    parse: Callable[[object], object]
    description: str


@dataclass(frozen=True)
class FigureFormat:
    kind: FigureKind
    label: str  # Dutch, as in "een bestand met {label}"
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def required(self) -> frozenset[str]:
        return frozenset(column.name for column in self.columns if column.required)


def _code(value: object) -> str:
    return values.text(value).upper()


def _free_text(value: object) -> str:
    text = values.text(value)
    if len(text) > 200:
        raise ValueError(f"is {len(text)} tekens lang; het maximum is 200. Maak de tekst korter.")
    return text


FORMATS = (
    FigureFormat(
        FigureKind.MONTHLY,
        "maandcijfers",
        (
            Column("periode", True, values.parse_month, "maand als jaar-maand, bijv. 2018-01"),
            Column("gemeentecode", True, _code, "CBS-code van de gemeente, bijv. GM0513"),
            Column("buurtcode", False, _code, "CBS-buurtcode; leeg voor de hele gemeente"),
            Column("woninginbraken", True, values.parse_count, "geslaagde inbraken"),
            Column("pogingen", True, values.parse_count, "pogingen tot inbraak"),
        ),
    ),
    FigureFormat(
        FigureKind.INCIDENTS,
        "losse incidenten",
        (
            Column("datum_van", True, values.parse_date, "begin van het tijdvak, dd-mm-jjjj"),
            Column("tijd_van", True, values.parse_time, "begintijd, uu:mm"),
            Column("datum_tot", True, values.parse_date, "eind van het tijdvak, dd-mm-jjjj"),
            Column("tijd_tot", True, values.parse_time, "eindtijd, uu:mm"),
            Column("buurtcode", True, _code, "CBS-buurtcode"),
            Column("poging", True, values.parse_yes_no, "ja of nee"),
            Column("modus_operandi", False, _free_text, "werkwijze, zonder namen of adressen"),
        ),
    ),
    FigureFormat(
        FigureKind.DWELLINGS,
        "woningvoorraad",
        (
            Column("jaar", True, values.parse_year, "jaar; aantal woningen op 1 januari"),
            Column("gemeentecode", True, _code, "CBS-code van de gemeente"),
            Column("buurtcode", False, _code, "CBS-buurtcode; leeg voor de hele gemeente"),
            Column("woningvoorraad", True, values.parse_count, "aantal woningen"),
        ),
    ),
)


def normalise_name(name: object) -> str:
    """A header cell as compared: trimmed, lower case, spaces as underscores."""
    return values.text(name).strip('"').strip().casefold().replace(" ", "_").replace("-", "_")


def best_match(names: list[str]) -> FigureFormat | None:
    """The one format sharing the most required columns with the header (None on a tie)."""
    scores = [len(form.required & set(names)) for form in FORMATS]
    best = max(scores)
    if best == 0 or scores.count(best) > 1:
        return None
    return FORMATS[scores.index(best)]
