"""From a cell value (as python-calamine gives it) to the stored value of one column kind.

The common case is a quick type check. A value that needs fixing raises CellFixed with the
stored value and a Dutch warning; a value that cannot be used raises CellInvalid with a Dutch
sentence on how to fix it.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from app.exchange.limits import (
    FIRST_YEAR,
    INT64_MAX,
    INT64_MIN,
    LAST_YEAR,
    MAX_DECIMAL,
    dutch_number,
    year_in_range,
    year_problem,
)
from app.exchange.schema import EXCEL_TEXT_LIMIT, NO, YES, Column, Kind
from app.exchange.text import NEEDS_CLEANING, clean_text
from app.kernel.moments import file_moment, stored_from_file

StoredValue = str | int | float | None
Parser = Callable[[Any], StoredValue]

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Digits are 0-9 only: Python's \d and str.isdigit() also take "²" and other scripts' digits.
# A timestamp's shape, year within FIRST_YEAR-LAST_YEAR; days after the 28th are checked by
# the full parser (is there a 30 February?).
_TIMESTAMP = re.compile(
    r"(?:19[0-9]{2}|20[0-9]{2}|2100)-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8]) "
    r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{6}"
)
_DATE_TEXT = re.compile(
    r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
)
_DATETIME_TEXT = re.compile(r"(.+?)[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
_NUMBER_TEXT = re.compile(r"[-+]?[0-9]{1,15}(?:[.,][0-9]{1,15})?")
_INTEGER_TEXT = re.compile(r"\s*[-+]?[0-9]{1,19}\s*")
_EXCEL_EPOCH = datetime(1899, 12, 30)
_INT64_FLOAT_LIMIT = float(2**63)  # floats below it convert to an int within int64


class CellInvalid(Exception):  # noqa: N818 - a verdict on a cell, not an error of the program
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CellFixed(Exception):  # noqa: N818 - carries the repaired value back to the reader
    def __init__(self, stored: StoredValue, message: str) -> None:
        super().__init__(message)
        self.stored = stored
        self.message = message


def is_empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


def parser_for(column: Column) -> Parser:
    kind = column.kind
    if kind in (Kind.ID, Kind.REFERENCE):
        return _parse_uuid
    if kind is Kind.TEXT:
        return _text_parser(column.max_length or EXCEL_TEXT_LIMIT)
    if kind is Kind.CODE:
        return _code_parser(column.max_length or EXCEL_TEXT_LIMIT)
    if kind is Kind.INTEGER:
        return _integer_parser(column.minimum)
    if kind is Kind.DECIMAL:
        return _parse_decimal
    if kind is Kind.DATE:
        return _parse_date
    if kind is Kind.MONTH:
        return _parse_month
    if kind is Kind.DATETIME:
        return _parse_datetime
    if kind is Kind.TIMESTAMP:
        return _parse_timestamp
    if kind is Kind.BOOLEAN:
        return _parse_boolean
    return _choice_parser(column)


def _describe(value: Any) -> str:
    """The value as a message quotes it: dates the Dutch way, a long text cut short."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, datetime):
        text = value.strftime("%d-%m-%Y %H:%M")
    elif isinstance(value, date):
        text = value.strftime("%d-%m-%Y")
    else:
        text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _parse_uuid(value: Any) -> str:
    if isinstance(value, str):
        if _UUID.fullmatch(value):
            return value
        try:
            normal = str(uuid.UUID(value.strip()))
        except ValueError:
            pass
        else:
            raise CellFixed(normal, "ID genormaliseerd (spaties of hoofdletters verwijderd).")
    raise CellInvalid(
        "Dit is geen geldige ID. Zet de oorspronkelijke ID terug (zie het bestand zoals het "
        "verstuurd is), of laat de cel leeg bij een nieuwe rij."
    )


def _text_parser(limit: int) -> Parser:
    def parse(value: Any) -> str:
        if type(value) is str:
            if len(value) > limit:
                raise CellInvalid(
                    f"De tekst is {len(value)} tekens lang; hier passen er hoogstens {limit}. "
                    "Maak de tekst korter."
                )
            if NEEDS_CLEANING.search(value):
                raise CellFixed(clean_text(value), "Onzichtbare stuurtekens zijn verwijderd.")
            return value
        if isinstance(value, bool):
            raise CellInvalid("Hier hoort tekst, geen WAAR/ONWAAR. Typ de tekst.")
        text = _describe(value)
        raise CellFixed(text, f"Het getal of de datum {text} is als tekst gelezen.")

    return parse


def _code_parser(limit: int) -> Parser:
    def parse(value: Any) -> str:
        if isinstance(value, float | int) and not isinstance(value, bool):
            text = _describe(value)
            raise CellFixed(text, f"De code {text} stond als getal; als tekst gelezen.")
        if not isinstance(value, str):
            raise CellInvalid("Hier hoort een code als tekst, bijvoorbeeld BU05130101.")
        code = clean_text(value).strip()
        if len(code) > limit:
            raise CellInvalid(f"Een code is hoogstens {limit} tekens lang. Controleer de code.")
        if code != value:
            raise CellFixed(code, "Spaties of onzichtbare stuurtekens in de code zijn verwijderd.")
        return value

    return parse


def _integer_parser(minimum: int | None) -> Parser:
    def parse(value: Any) -> int:
        if isinstance(value, bool):
            raise CellInvalid("Hier hoort een geheel getal, geen WAAR/ONWAAR.")
        if isinstance(value, int | float):
            if isinstance(value, float) and not value.is_integer():
                raise CellInvalid(
                    f"{_describe(value)} is geen geheel getal. Typ een getal zonder decimalen."
                )
            number = int(value)
            if not INT64_MIN <= number <= INT64_MAX:
                raise CellInvalid(
                    f"{_describe(value)} is te groot voor een geheel getal. Controleer het getal."
                )
            if minimum is not None and number < minimum:
                raise CellInvalid(f"Het getal mag niet kleiner zijn dan {minimum}.")
            return number
        if isinstance(value, str) and _INTEGER_TEXT.fullmatch(value):
            number = parse(int(value))
            raise CellFixed(
                number, f"Het getal '{_describe(value)}' stond als tekst; als getal gelezen."
            )
        raise CellInvalid(f"'{_describe(value)}' is geen geheel getal. Typ een getal, zoals 12.")

    return parse


def _parse_decimal(value: Any) -> float:
    if isinstance(value, bool):
        raise CellInvalid("Hier hoort een getal, geen WAAR/ONWAAR.")
    if isinstance(value, int | float):
        return _checked_decimal(value)
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()):
        number = _checked_decimal(float(value.strip().replace(",", ".")))
        raise CellFixed(
            number, f"Het getal '{_describe(value)}' stond als tekst; als getal gelezen."
        )
    raise CellInvalid(f"'{_describe(value)}' is geen getal. Typ een getal, zoals 7,5.")


def _checked_decimal(value: float) -> float:
    number = float(value)
    if not math.isfinite(number) or abs(number) > MAX_DECIMAL:
        raise CellInvalid(
            f"{_describe(value)} is geen bruikbaar getal (hoogstens "
            f"{dutch_number(int(MAX_DECIMAL))}). Typ het getal zelf, zoals 7,5."
        )
    return number


def _checked_year(moment: date) -> None:
    if not year_in_range(moment.year):
        problem = year_problem(moment.year)
        raise CellInvalid(problem[0].upper() + problem[1:])


def _parse_date(value: Any) -> str:
    if isinstance(value, datetime):
        if value.time() != time(0, 0):
            raise CellInvalid("Hier hoort alleen een datum, zonder tijd. Typ dd-mm-jjjj.")
        _checked_year(value)
        return value.date().isoformat()
    if isinstance(value, date):
        _checked_year(value)
        return value.isoformat()
    if isinstance(value, str):
        parsed = _date_from_text(value.strip())
        raise CellFixed(
            parsed.isoformat(),
            f"De datum '{_describe(value)}' stond als tekst; gelezen als "
            f"{parsed.strftime('%d-%m-%Y')}.",
        )
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 < value < 2958466:
        parsed = (_EXCEL_EPOCH + timedelta(days=int(value))).date()
        _checked_year(parsed)
        raise CellFixed(
            parsed.isoformat(),
            f"Het getal {_describe(value)} is als datum {parsed.strftime('%d-%m-%Y')} gelezen; "
            "geef de cel de opmaak Datum.",
        )
    raise CellInvalid(f"'{_describe(value)}' is geen datum. Typ een datum als dd-mm-jjjj.")


def _date_from_text(text: str) -> date:
    match = _DATE_TEXT.fullmatch(text)
    if match:
        if match.group(1):
            day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        else:
            year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
        try:
            parsed = date(year, month, day)
        except ValueError:
            pass
        else:
            _checked_year(parsed)
            return parsed
    raise CellInvalid(f"'{_describe(text)}' is geen geldige datum. Typ een datum als dd-mm-jjjj.")


def _parse_month(value: Any) -> str:
    try:
        stored = _parse_date(value)
    except CellFixed as fixed:
        _check_first_day(str(fixed.stored))
        raise
    _check_first_day(stored)
    return stored


def _check_first_day(stored: str) -> None:
    if not stored.endswith("-01"):
        raise CellInvalid(
            "Een maand wordt aangegeven met de eerste dag, bijvoorbeeld 01-03-2018 voor maart "
            "2018. Verander de dag in 1."
        )


def _parse_datetime(value: Any) -> str:
    if isinstance(value, datetime):
        _checked_year(value)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        _checked_year(value)
        return f"{value.isoformat()} 00:00:00.000000"
    if isinstance(value, str):
        match = _DATETIME_TEXT.fullmatch(value.strip())
        day = _date_from_text(match.group(1) if match else value.strip())
        hour, minute, second = (
            (int(match.group(2)), int(match.group(3)), int(match.group(4) or 0))
            if match
            else (0, 0, 0)
        )
        try:
            moment = datetime(day.year, day.month, day.day, hour, minute, second)
        except ValueError:
            raise CellInvalid(
                f"'{_describe(value)}' is geen geldige tijd. Typ dd-mm-jjjj uu:mm."
            ) from None
        raise CellFixed(
            moment.strftime("%Y-%m-%d %H:%M:%S.%f"),
            f"'{_describe(value)}' stond als tekst; gelezen als "
            f"{moment.strftime('%d-%m-%Y %H:%M')}.",
        )
    raise CellInvalid(f"'{_describe(value)}' is geen datum en tijd. Typ dd-mm-jjjj uu:mm.")


def stamp_cell(stored: str) -> str:
    """A stored timestamp (UTC, "2026-12-03 05:54:42.123456") as its cell shows it: Dutch time."""
    return file_moment(datetime.fromisoformat(stored).replace(tzinfo=UTC))


def _stored_stamp(text: str) -> str | None:
    """A cell written by `stamp_cell` back in stored form; None for any other text."""
    stored = stored_from_file(text)
    if stored is None or not year_in_range(int(stored[:4])):
        return None
    return stored


def _parse_timestamp(value: Any) -> str:
    if isinstance(value, str) and (stored := _stored_stamp(value)) is not None:
        return stored
    # Packages written before Dutch times carry the stored form itself (UTC).
    if isinstance(value, str) and _TIMESTAMP.fullmatch(value):
        return value
    if isinstance(value, str) and len(value) == 26 and value[10:11] == " ":
        try:  # the 29th to 31st of a month: the shape above leaves them to a real date check
            moment = datetime.strptime(value, "%Y-%m-%d %H:%M:%S.%f")
        except ValueError:
            moment = None
        if moment is not None and year_in_range(moment.year):
            return value
    raise CellInvalid(
        "Deze tijdstempel is gewijzigd en niet meer leesbaar. Zet de oorspronkelijke waarde "
        "terug of maak de cel leeg."
    )


def _parse_boolean(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        answer = value.strip().casefold()
        if answer in (YES, "waar", "true", "j"):
            return 1
        if answer in (NO, "onwaar", "false", "n"):
            return 0
    raise CellInvalid(f"'{_describe(value)}' is geen keuze. Kies '{YES}' of '{NO}'.")


def _choice_parser(column: Column) -> Parser:
    assert column.choices is not None
    by_label = {member.label: member.value for member in column.choices}
    enum = column.choices
    allowed = ", ".join(f"'{label}'" for label in column.allowed_values)

    def parse(value: Any) -> str:
        stored = by_label.get(value) if isinstance(value, str) else None
        if stored is not None:
            return stored
        try:
            member = enum.from_label(str(value))
        except ValueError:
            raise CellInvalid(
                f"'{_describe(value)}' is geen toegestane waarde. Kies uit de lijst: {allowed}."
            ) from None
        raise CellFixed(member.value, f"'{_describe(value)}' gelezen als '{member.label}'.")

    return parse


SLOW = object()  # marks a cell the quick pass leaves to the full parser
QuickConverter = Callable[[Sequence[Any]], list[Any]]


def quick_converter_for(column: Column) -> QuickConverter:
    """A whole column at once: the stored value of each ordinary cell, SLOW for the rest.

    Most cells of a package are exactly what the program wrote; checking them in one list
    comprehension per column keeps validation close to the cost of merely reading the file.
    Anything unusual (empty, text in a number column, ...) goes through `parser_for`.
    """
    kind = column.kind
    if kind in (Kind.ID, Kind.REFERENCE):
        return _quick_matching(_UUID.fullmatch)
    if kind is Kind.TIMESTAMP:
        return _quick_timestamps
    if kind is Kind.TEXT:
        return _quick_text(column.max_length or EXCEL_TEXT_LIMIT)
    if kind is Kind.CODE:
        limit = column.max_length or EXCEL_TEXT_LIMIT
        needs_cleaning = NEEDS_CLEANING.search
        return lambda values: [
            v
            if v.__class__ is str
            and v
            and len(v) <= limit
            and v == v.strip()
            and not needs_cleaning(v)
            else SLOW
            for v in values
        ]
    if kind is Kind.INTEGER:
        low = column.minimum if column.minimum is not None else INT64_MIN
        return lambda values: [
            int(v)
            if v.__class__ is float and v.is_integer() and low <= v < _INT64_FLOAT_LIMIT
            else SLOW
            for v in values
        ]
    if kind is Kind.DECIMAL:
        return lambda values: [
            v if v.__class__ is float and -MAX_DECIMAL <= v <= MAX_DECIMAL else SLOW for v in values
        ]
    if kind is Kind.DATE:
        return _each_distinct_once(
            lambda v: (
                v.isoformat() if v.__class__ is date and FIRST_YEAR <= v.year <= LAST_YEAR else SLOW
            )
        )
    if kind is Kind.MONTH:
        return _each_distinct_once(
            lambda v: (
                v.isoformat()
                if v.__class__ is date and v.day == 1 and FIRST_YEAR <= v.year <= LAST_YEAR
                else SLOW
            )
        )
    if kind is Kind.DATETIME:
        return lambda values: [
            v.isoformat(" ", "microseconds")
            if v.__class__ is datetime and FIRST_YEAR <= v.year <= LAST_YEAR
            else SLOW
            for v in values
        ]
    if kind is Kind.BOOLEAN:
        return _quick_lookup({YES: 1, NO: 0})
    assert column.choices is not None
    return _quick_lookup({member.label: member.value for member in column.choices})


def _each_distinct_once(convert: Callable[[Any], Any]) -> QuickConverter:
    """A column whose values repeat (ten years of months over a hundred buurten): each
    distinct value is converted once. Values that compare equal across types (1 and 1.0)
    share a result, which is SLOW for both wherever that matters."""

    def quick(values: Sequence[Any]) -> list[Any]:
        known: dict[Any, Any] = {}
        return [known[v] if v in known else known.setdefault(v, convert(v)) for v in values]

    return quick


def _quick_matching(fullmatch: Callable[[str], object]) -> QuickConverter:
    return lambda values: [v if v.__class__ is str and fullmatch(v) else SLOW for v in values]


def _quick_timestamps(values: Sequence[Any]) -> list[Any]:
    # Rows changed together share their moments: each distinct text is read once.
    known: dict[str, Any] = {}
    converted: list[Any] = []
    for value in values:
        if value.__class__ is not str:
            converted.append(SLOW)
            continue
        stored = known.get(value)
        if stored is None:
            stored = known[value] = _quick_stamp(value)
        converted.append(stored)
    return converted


def _quick_stamp(text: str) -> Any:
    """What `_parse_timestamp` makes of an ordinary stamp, the Dutch time a package carries
    now or the stored form (UTC) of a package made before that; SLOW for anything else."""
    stored = _stored_stamp(text)
    if stored is not None:
        return stored
    return text if _TIMESTAMP.fullmatch(text) else SLOW


def _quick_text(limit: int) -> QuickConverter:
    needs_cleaning = NEEDS_CLEANING.search

    def convert(values: Sequence[Any]) -> list[Any]:
        # A column of plain texts, as the program writes them, passes in one search in C: a
        # line feed joins them and is no character that needs cleaning.
        try:
            joined = "\n".join(values)
        except TypeError:  # a number or an empty cell among them
            joined = None
        if (
            joined is not None
            and "" not in values
            and max(map(len, values), default=0) <= limit
            and needs_cleaning(joined) is None
        ):
            return list(values)
        return [
            v if v.__class__ is str and v and len(v) <= limit and not needs_cleaning(v) else SLOW
            for v in values
        ]

    return convert


def _quick_lookup(stored_by_label: dict[str, Any]) -> QuickConverter:
    get = stored_by_label.get
    return lambda values: [get(v, SLOW) for v in values]
