"""Every moment a user reads is Dutch local time, written dd-mm-jjjj uu:mm."""

from __future__ import annotations

from datetime import UTC, datetime

from app.kernel.moments import dutch_moment, dutch_moment_text


def test_winter_and_summer_time_in_the_netherlands() -> None:
    assert dutch_moment(datetime(2026, 12, 3, 5, 54, 42, tzinfo=UTC)) == "03-12-2026 06:54"
    assert dutch_moment(datetime(2026, 7, 1, 22, 30, tzinfo=UTC)) == "02-07-2026 00:30"


def test_an_iso_text_from_a_file_is_shown_the_same_way() -> None:
    assert dutch_moment_text("2026-12-03T05:54:42+00:00") == "03-12-2026 06:54"
    assert dutch_moment_text("gisteren") == "gisteren"
