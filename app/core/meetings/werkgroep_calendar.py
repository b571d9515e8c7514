"""The werkgroep's calendar from the memo: November 2017, then every two months in 2018.

The memo names months only; the days are the ones the RSIV planned (a Thursday mid-month).
A package is "in" for a werkgroep when it arrived after the werkgroep before it, so the
coordinator sees at a glance whose plan the next meeting can discuss. Once the RSIV keeps its
own werkgroepen in Overleggen, those dates count instead (`dates`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

WERKGROEP_DATES = (
    date(2017, 11, 16),
    date(2018, 1, 18),
    date(2018, 3, 15),
    date(2018, 5, 17),
    date(2018, 7, 12),
    date(2018, 9, 20),
    date(2018, 11, 15),
)


def next_werkgroep(today: date, dates: Sequence[date] = WERKGROEP_DATES) -> date | None:
    """The first werkgroep on or after `today`; None once the calendar has passed."""
    return next((day for day in sorted(dates) if day >= today), None)


def previous_werkgroep(today: date, dates: Sequence[date] = WERKGROEP_DATES) -> date | None:
    """The last werkgroep before `today`; None before the first one."""
    earlier = [day for day in sorted(dates) if day < today]
    return earlier[-1] if earlier else None


def is_in_for_next(
    arrived_on: date | None, today: date, dates: Sequence[date] = WERKGROEP_DATES
) -> bool:
    """Whether a package that arrived on `arrived_on` is new since the previous werkgroep."""
    if arrived_on is None:
        return False
    previous = previous_werkgroep(today, dates)
    return previous is None or arrived_on > previous
