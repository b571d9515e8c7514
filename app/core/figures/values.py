"""Reading one cell of a figures file: the ways Dutch Excel and police exports write values.

Each parser takes a CSV string or an Excel cell value and returns the value, or raises
ValueError with the Dutch explanation that follows "kolom 'x': " in an error line.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time

from app.exchange.limits import LAST_YEAR, dutch_number, year_in_range, year_problem
from app.exchange.text import clean_text

# Digits are 0-9 only: Python's \d and str.isdigit() also take "²" and other scripts' digits.
_GROUPED_THOUSANDS = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
_PLAIN_NUMBER = re.compile(r"^[-+]?[0-9]{1,15}(?:[.,][0-9]{1,15})?$")
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{1,2})$")
_YEAR = re.compile(r"^[0-9]{4}$")
_DUTCH_DATE = re.compile(r"^([0-9]{1,2})[-/]([0-9]{1,2})[-/]([0-9]{4})$")
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_TIME = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})(?::([0-9]{2}))?$")
MAX_COUNT = 1_000_000_000  # more than the dwellings of the Netherlands: a typing error
_YES = frozenset({"ja", "j", "1"})
_NO = frozenset({"nee", "n", "0"})


def text(value: object) -> str:
    """The cell as trimmed text ('' for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return clean_text(str(value)).strip()


def parse_count(value: object) -> int:
    """A whole number of 0 or more: '12', '1.234' (thousands), '12,0', or an Excel number."""
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is geen aantal. Vul een geheel getal in (0 of meer).")
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        raw = text(value).replace("\u00a0", "").replace(" ", "")
        if not raw:
            raise ValueError("is leeg. Vul een aantal in; 0 als er niets was.")
        if _GROUPED_THOUSANDS.match(raw):
            raw = raw.replace(".", "")
        if not _PLAIN_NUMBER.match(raw):
            raise ValueError(
                f"'{text(value)[:40]}' is geen getal. Vul een geheel getal in (0 of meer), zonder "
                "tekst of eenheid."
            )
        number = float(raw.replace(",", "."))
    if not math.isfinite(number) or abs(number) > MAX_COUNT:
        raise ValueError(
            f"'{text(value)[:40]}' is geen bruikbaar aantal; een aantal ligt tussen 0 en "
            f"{dutch_number(MAX_COUNT)}."
        )
    if not number.is_integer():
        raise ValueError(f"'{text(value)}' is geen geheel getal. Een aantal heeft geen decimalen.")
    if number < 0:
        raise ValueError(f"'{text(value)}' is negatief. Een aantal is 0 of meer.")
    return int(number)


def parse_month(value: object) -> date:
    """A period 'YYYY-MM' (or an Excel date on the first of a month): its first day."""
    if isinstance(value, datetime | date):
        _check_year(value.year)
        if value.day != 1:
            raise ValueError(
                f"'{value:%d-%m-%Y}' is een datum, geen maand. Schrijf jaar-maand, "
                "bijvoorbeeld 2018-01, en maak de cel in Excel tekst."
            )
        return date(value.year, value.month, 1)
    raw = text(value)
    match = _MONTH.match(raw)
    if not raw:
        raise ValueError("is leeg. Vul de maand in als jaar-maand, bijvoorbeeld 2018-01.")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"'{raw[:40]}' is geen maand. Schrijf jaar-maand, bijvoorbeeld 2018-01.")
    _check_year(int(match.group(1)))
    return date(int(match.group(1)), int(match.group(2)), 1)


def _check_year(year: int) -> None:
    if not year_in_range(year):
        raise ValueError(year_problem(year))


def parse_year(value: object) -> int:
    raw = text(value)
    if not _YEAR.match(raw) or not 1990 <= int(raw) <= LAST_YEAR:
        shown = f"'{raw}'" if raw else "Leeg"
        raise ValueError(
            f"{shown} is geen jaartal. Schrijf het jaar in vier cijfers, bijvoorbeeld 2018."
        )
    return int(raw)


def parse_date(value: object) -> date:
    """'31-12-2018' (Dutch), '2018-12-31', or an Excel date."""
    if isinstance(value, datetime):
        _check_year(value.year)
        return value.date()
    if isinstance(value, date):
        _check_year(value.year)
        return value
    raw = text(value)
    if not raw:
        raise ValueError("is leeg. Vul een datum in, bijvoorbeeld 31-12-2018.")
    parsed: date | None = None
    try:
        if match := _DUTCH_DATE.match(raw):
            parsed = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        elif match := _ISO_DATE.match(raw):
            parsed = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ValueError(f"'{raw[:40]}' is geen bestaande datum.") from None
    if parsed is None:
        raise ValueError(
            f"'{raw[:40]}' is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 31-12-2018."
        )
    _check_year(parsed.year)
    return parsed


def parse_time(value: object) -> time:
    """'22:30', '7:05', '22:30:00', or an Excel time."""
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    raw = text(value)
    if not raw:
        raise ValueError("is leeg. Vul een tijd in, bijvoorbeeld 22:30; 00:00 als die onbekend is.")
    match = _TIME.match(raw)
    if match:
        hour, minute, second = (int(part or 0) for part in match.groups())
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute, second)
    raise ValueError(f"'{raw}' is geen tijd. Schrijf uren:minuten, bijvoorbeeld 22:30.")


def parse_yes_no(value: object) -> bool:
    raw = text(value).casefold()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    shown = f"'{text(value)}'" if raw else "Leeg"
    raise ValueError(f"{shown} is geen ja of nee. Vul 'ja' in voor een poging, anders 'nee'.")
