"""Moments as users read them: Dutch local time, written dd-mm-jjjj uu:mm.

The workspace stores moments in UTC (comparable between laptops); every screen, message and
report shows them through `dutch_moment`, in the time of the Netherlands, summer or winter.
Files a person may open (package, feedback file, form) carry them as `file_moment`: Dutch
time too, exact enough to read back the very moment that was written.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
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


# A moment in a file a person opens (package, feedback file, form): Dutch local time with the
# seconds, the microseconds when there are any, and the offset from UTC. The offset keeps the
# text exact in the hour that happens twice when summer time ends; the microseconds keep the
# round trip exact, so a package read back compares equal to what was written.
_FILE_MOMENT = re.compile(
    r"([0-9]{2})-([0-9]{2})-([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2})(?:,([0-9]{6}))? "
    r"([+-])([0-9]{2}):([0-9]{2})"
)
_OFFSETS: dict[str, timezone] = {}


def file_moment(moment: datetime) -> str:
    """'03-12-2026 06:54:42,123456 +01:00' for 2026-12-03T05:54:42.123456+00:00."""
    local = in_dutch_time(moment)
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    fraction = f",{local.microsecond:06d}" if local.microsecond else ""
    return (
        f"{local.day:02d}-{local.month:02d}-{local.year:04d} "
        f"{local.hour:02d}:{local.minute:02d}:{local.second:02d}{fraction} "
        f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    )


def stored_from_file(text: str) -> str | None:
    """What `moment_from_file` reads, as the workspace stores it ("2026-12-03 05:54:42.123456",
    UTC); None for other text. The package reader calls this for every timestamp cell, so it
    shifts by the written offset instead of going through time zone objects."""
    match = _FILE_MOMENT.fullmatch(text)
    if match is None:
        return None
    day, month, year, hour, minute, second, fraction, sign, off_h, off_m = match.groups()
    offset = timedelta(hours=int(off_h), minutes=int(off_m))
    if offset >= timedelta(hours=24):
        return None
    try:
        local = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int(fraction) if fraction else 0,
        )
        utc = local + offset if sign == "-" else local - offset
    except (ValueError, OverflowError):
        return None
    return utc.isoformat(" ", "microseconds")


def moment_from_file(text: str) -> datetime | None:
    """The moment `file_moment` wrote, in UTC; None for other text.

    Files written before local times (ISO 8601 in UTC) are read with `datetime.fromisoformat`
    by their readers; this function reads only the Dutch form.
    """
    match = _FILE_MOMENT.fullmatch(text)
    if match is None:
        return None
    day, month, year, hour, minute, second, fraction, sign, off_h, off_m = match.groups()
    key = f"{sign}{off_h}:{off_m}"
    zone = _OFFSETS.get(key)
    if zone is None:
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        if offset >= timedelta(hours=24):
            return None
        zone = _OFFSETS.setdefault(key, timezone(-offset if sign == "-" else offset))
    try:
        local = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int(fraction or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None
    return local.astimezone(UTC)
