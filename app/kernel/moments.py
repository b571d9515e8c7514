"""Moments as users read them: Dutch local time, written dd-mm-jjjj uu:mm.

The workspace and the package store moments in UTC (comparable between laptops); every
screen, message and report shows them through this one function, in the time of the
Netherlands, summer or winter.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")


def dutch_moment(moment: datetime) -> str:
    """'03-12-2026 06:54' for 2026-12-03T05:54:42+00:00; a naive moment is taken as UTC."""
    return f"{in_dutch_time(moment):%d-%m-%Y %H:%M}"


def dutch_moment_text(iso_text: str) -> str:
    """An ISO 8601 moment from a file's metadata, shown the same way; unreadable text as is."""
    try:
        return dutch_moment(datetime.fromisoformat(iso_text))
    except ValueError:
        return iso_text


def in_dutch_time(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(DUTCH_TIME)
