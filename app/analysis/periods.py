"""Dutch month names and month arithmetic, independent of the machine's locale."""

from __future__ import annotations

import calendar
from datetime import date

MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mrt",
    "apr",
    "mei",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
)
MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
WEEKDAY_ABBREVIATIONS = ("ma", "di", "wo", "do", "vr", "za", "zo")

# Donkere Dagen Offensief: October to March in this region.
DARK_DAYS_MONTHS = frozenset({10, 11, 12, 1, 2, 3})


def month_label(month: date, *, with_year: bool = True) -> str:
    """'jan 2018' (or 'jan')."""
    name = MONTH_ABBREVIATIONS[month.month - 1]
    return f"{name} {month.year}" if with_year else name


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def is_dark_days(month: date) -> bool:
    return month.month in DARK_DAYS_MONTHS
