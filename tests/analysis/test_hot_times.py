"""Aoristic hot times: each incident spreads exactly 1 over the hours of its window."""

from __future__ import annotations

import pandas as pd
import pytest

from app.analysis.hot_times import aoristic_table


def _table(*windows: tuple[str, str]) -> pd.DataFrame:
    starts = pd.Series(pd.to_datetime([start for start, _ in windows]))
    ends = pd.Series(pd.to_datetime([end for _, end in windows]))
    return aoristic_table(starts, ends)


def test_a_window_over_midnight_splits_by_the_time_in_each_hour() -> None:
    # Friday 22:30 to Saturday 01:30: three hours.
    table = _table(("2018-01-05 22:30", "2018-01-06 01:30"))
    assert table.loc["vrijdag", 22] == pytest.approx(1 / 6)
    assert table.loc["vrijdag", 23] == pytest.approx(1 / 3)
    assert table.loc["zaterdag", 0] == pytest.approx(1 / 3)
    assert table.loc["zaterdag", 1] == pytest.approx(1 / 6)
    assert table.to_numpy().sum() == pytest.approx(1.0, abs=1e-12)


def test_a_window_over_the_weekend_wraps_from_sunday_to_monday() -> None:
    # Saturday 23:00 to Monday 07:00: 32 hours of 1/32 each.
    table = _table(("2018-01-06 23:00", "2018-01-08 07:00"))
    assert table.loc["zaterdag", 23] == pytest.approx(1 / 32)
    assert list(table.loc["zondag"]) == pytest.approx([1 / 32] * 24)
    assert table.loc["maandag", 6] == pytest.approx(1 / 32)
    assert table.loc["maandag", 7] == 0
    assert table.to_numpy().sum() == pytest.approx(1.0, abs=1e-12)


def test_a_known_moment_puts_its_whole_weight_in_its_hour() -> None:
    table = _table(("2018-01-03 18:15", "2018-01-03 18:15"))
    assert table.loc["woensdag", 18] == 1.0
    assert table.to_numpy().sum() == 1.0


def test_a_window_longer_than_a_week_still_adds_up_to_one() -> None:
    # Two weeks and three hours of holiday.
    table = _table(("2018-07-02 09:00", "2018-07-16 12:00"))
    hours = 14 * 24 + 3
    assert table.loc["maandag", 9] == pytest.approx(3 / hours)
    assert table.loc["dinsdag", 9] == pytest.approx(2 / hours)
    assert table.to_numpy().sum() == pytest.approx(1.0, abs=1e-12)


def test_every_incident_counts_once_in_the_whole_table() -> None:
    table = _table(
        ("2018-01-05 22:30", "2018-01-06 01:30"),
        ("2018-01-06 23:00", "2018-01-08 07:00"),
        ("2018-01-03 18:15", "2018-01-03 18:15"),
    )
    assert list(table.index) == [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ]
    assert list(table.columns) == list(range(24))
    assert table.to_numpy().sum() == pytest.approx(3.0, abs=1e-12)


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError):
        _table(("2018-01-05 22:30", "2018-01-05 20:00"))


def test_moments_with_seconds_are_spread_to_the_second() -> None:
    table = _table(("2018-01-05 22:59:30", "2018-01-05 23:00:30"))
    assert table.loc["vrijdag", 22] == pytest.approx(0.5)
    assert table.loc["vrijdag", 23] == pytest.approx(0.5)
