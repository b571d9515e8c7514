"""The 12-month rate against hand-computed cases."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from app.analysis import rate
from app.analysis.frames import MUNICIPALITY_AREA


def _monthly(rows: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["month", "area", "completed", "attempts"])


def _two_years() -> tuple[pd.DataFrame, pd.DataFrame]:
    """2017: 10 a month (6 + 4 attempts) with 10,000 dwellings; 2018: 9 a month (5 + 4)
    with 12,000 dwellings."""
    rows = [(f"2017-{m:02d}-01", MUNICIPALITY_AREA, 6, 4) for m in range(1, 13)]
    rows += [(f"2018-{m:02d}-01", MUNICIPALITY_AREA, 5, 4) for m in range(1, 13)]
    dwellings = pd.DataFrame(
        [(2017, MUNICIPALITY_AREA, 10_000), (2018, MUNICIPALITY_AREA, 12_000)],
        columns=["year", "area", "dwellings"],
    )
    return _monthly(rows), dwellings


def _rates(monthly: pd.DataFrame, dwellings: pd.DataFrame, key: str = "total") -> pd.DataFrame:
    counts = rate.monthly_counts(monthly)
    return rate.rolling_rates(counts[key], rate.monthly_dwellings(dwellings, counts[key].index))


def test_window_across_a_year_boundary_weighs_each_years_stock_by_its_months() -> None:
    monthly, dwellings = _two_years()
    rates = _rates(monthly, dwellings)[MUNICIPALITY_AREA]
    # Jul 2017 - Jun 2018: 6 x 10 + 6 x 9 = 114 burglaries; stock (6 x 10,000 + 6 x 12,000) / 12
    assert rates[pd.Timestamp("2018-06-01")] == pytest.approx(114 / 11_000 * 1000)
    # Calendar years are the published annual figures.
    assert rates[pd.Timestamp("2017-12-01")] == pytest.approx(120 / 10_000 * 1000)
    assert rates[pd.Timestamp("2018-12-01")] == pytest.approx(108 / 12_000 * 1000)
    # No rate before the first full 12 months.
    assert math.isnan(rates[pd.Timestamp("2017-11-01")])


def test_completed_only_leaves_attempts_out() -> None:
    monthly, dwellings = _two_years()
    completed = _rates(monthly, dwellings, "completed")[MUNICIPALITY_AREA]
    assert completed[pd.Timestamp("2018-06-01")] == pytest.approx((36 + 30) / 11_000 * 1000)


def test_a_missing_month_is_not_a_zero() -> None:
    monthly, dwellings = _two_years()
    monthly = monthly[monthly["month"] != "2018-03-01"]
    rates = _rates(monthly, dwellings)[MUNICIPALITY_AREA]
    assert math.isnan(rates[pd.Timestamp("2018-06-01")])
    assert rates[pd.Timestamp("2017-12-01")] == pytest.approx(12.0)


def test_gemeente_from_its_buurten_and_stock_carried_forward() -> None:
    rows = [(f"2017-{m:02d}-01", "BU05130001", 1, 1) for m in range(1, 13)]
    rows += [(f"2017-{m:02d}-01", "BU05130002", 2, 0) for m in range(1, 13)]
    dwellings = pd.DataFrame(
        [(2016, "BU05130001", 400), (2016, "BU05130002", 600)],
        columns=["year", "area", "dwellings"],
    )
    rates = _rates(_monthly(rows), dwellings)
    december = pd.Timestamp("2017-12-01")
    assert rates.loc[december, "BU05130001"] == pytest.approx(24 / 400 * 1000)
    assert rates.loc[december, MUNICIPALITY_AREA] == pytest.approx(48 / 1000 * 1000)


def test_national_rate_of_2016_is_about_7_3() -> None:
    national = pd.DataFrame(
        [(2016, 55_730, 7_690_000)], columns=["year", "burglaries", "dwellings"]
    )
    assert rate.national_rates(national)[2016] == pytest.approx(7.247, abs=0.001)
