"""Times in files are Dutch local time with their offset, and read back to the exact moment."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.kernel.moments import file_moment, moment_from_file, stored_from_file

# Both sides of the summer-time changes of 2026 (29 March, 25 October), a leap day, the turn
# of a year in Dutch time, and moments with and without microseconds.
MOMENTS = [
    datetime(2026, 3, 29, 0, 59, 59, 999999, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 0, 0, tzinfo=UTC),
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    datetime(2028, 2, 29, 23, 15, 1, 5, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 30, tzinfo=UTC),
    datetime(2017, 11, 15, 9, 0, tzinfo=UTC),
]


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_a_written_moment_reads_back_as_stored(moment: datetime) -> None:
    written = file_moment(moment)
    assert moment_from_file(written) == moment
    assert stored_from_file(written) == moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def test_the_hour_that_happens_twice_is_told_apart_by_its_offset() -> None:
    first, second = (
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    )
    assert file_moment(first) == "25-10-2026 02:30:00 +02:00"
    assert file_moment(second) == "25-10-2026 02:30:00 +01:00"
    assert stored_from_file(file_moment(second)) != stored_from_file(file_moment(first))


@pytest.mark.parametrize(
    "text",
    [
        "31-02-2026 10:00:00 +01:00",  # no such day
        "03-12-2026 24:00:00 +01:00",
        "03-12-2026 10:00:00 +24:00",  # no such offset
        "2026-12-03 10:00:00",  # the stored form itself, read elsewhere
        "03-12-2026 10:00 +01:00",
        "",
    ],
)
def test_other_text_is_no_moment(text: str) -> None:
    assert stored_from_file(text) is None
    assert moment_from_file(text) is None


def test_a_west_offset_is_added() -> None:
    assert stored_from_file("03-12-2026 06:00:00 -03:30") == "2026-12-03 09:30:00.000000"
    west = moment_from_file("03-12-2026 06:00:00 -03:30")
    assert west == datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
