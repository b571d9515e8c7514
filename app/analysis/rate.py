"""The burglary rate: registered burglaries per 1,000 dwellings over a rolling 12 months.

Definitions (documented here because every figure on screen derives from them):

- A month's count for the whole gemeente is its gemeente row when the police gave one, else
  the sum of its buurt rows (a file with buurten only still yields a gemeente figure).
- The police count includes attempts (`total`); `completed` leaves attempts out.
- Dwelling stock is counted on 1 January and holds for the whole year. A year without a
  figure takes the nearest earlier year (or, before the first figure, the first one).
- The 12-month rate ending in month m divides the burglaries of m-11..m by the *average*
  stock over those twelve months, so a window across a year boundary weighs each year's stock
  by its months and the rate does not jump in January. For a calendar year this is exactly
  burglaries(year) / stock(year) x 1000, the published annual figure.
- A window with a month without figures has no rate: a missing month is not a zero, and
  neither is a month CBS withheld (open data): its count is unknown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from app.analysis.frames import MUNICIPALITY_AREA

WINDOW_MONTHS = 12
PER_DWELLINGS = 1000


def monthly_counts(monthly: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Wide tables (a row per month, without gaps; a column per area) of `completed`,
    `attempts` and `total`, with the gemeente column filled from its buurten where it has no
    row, and `withheld` (True where CBS withheld the cell: the count is unknown, not zero).

    `monthly` may carry `total` and `withheld` (open data: a total without the split, or no
    number at all); without them the total is completed + attempts."""
    keys = ("completed", "attempts", "total")
    if monthly.empty:
        index = pd.DatetimeIndex([], name="month")
        return {key: pd.DataFrame(index=index) for key in (*keys, "withheld")}
    frame = monthly.assign(month=pd.to_datetime(monthly["month"]))
    if "total" not in frame.columns:
        frame["total"] = frame["completed"] + frame["attempts"]
    if "withheld" not in frame.columns:
        frame["withheld"] = False
    months = pd.date_range(frame["month"].min(), frame["month"].max(), freq="MS", name="month")
    grouped = frame.groupby(["month", "area"])
    present = grouped.size().unstack("area").reindex(months).notna()
    result = {}
    for column in keys:
        wide = grouped[column].sum(min_count=1).unstack("area").reindex(months).astype(float)
        wide = _with_municipality_total(wide, present)
        wide.columns.name = "area"
        result[column] = wide
    withheld = grouped["withheld"].any().unstack("area").reindex(months)
    withheld = withheld.reindex(columns=result["total"].columns).astype(float) > 0
    withheld.columns.name = "area"
    result["withheld"] = withheld
    return result


def monthly_dwellings(dwellings: pd.DataFrame, months: pd.DatetimeIndex) -> pd.DataFrame:
    """Dwelling stock per month and area (wide), from the 1 January figures per year."""
    if dwellings.empty or len(months) == 0:
        return pd.DataFrame(index=months)
    by_year = dwellings.pivot_table(
        index="year", columns="area", values="dwellings", aggfunc="sum"
    ).astype(float)
    years = range(int(min(by_year.index.min(), months.year.min())), int(months.year.max()) + 1)
    by_year = _with_municipality_total(by_year).reindex(years).ffill().bfill()
    wide = by_year.reindex(months.year)
    wide.index = months
    wide.columns.name = "area"
    return wide


def _with_municipality_total(
    wide: pd.DataFrame, present: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Fill the gemeente column from the sum of its buurten in rows where it has no row of its
    own (`present`; without it: no figure). Wijken (WK codes) are left out of the sum: their
    buurten are in it already."""
    buurten = [
        area
        for area in wide.columns
        if area != MUNICIPALITY_AREA and not str(area).startswith("WK")
    ]
    total = wide[buurten].sum(axis=1, min_count=1) if buurten else np.nan
    own = wide[MUNICIPALITY_AREA] if MUNICIPALITY_AREA in wide.columns else np.nan
    own = pd.Series(own, index=wide.index, dtype=float)
    if present is not None and MUNICIPALITY_AREA in present.columns:
        has_row = present[MUNICIPALITY_AREA].reindex(wide.index, fill_value=False).astype(bool)
    else:
        has_row = own.notna()
    wide = wide.copy()
    wide[MUNICIPALITY_AREA] = own.where(has_row, pd.Series(total, index=wide.index, dtype=float))
    return wide


def rolling_rates(counts: pd.DataFrame, dwellings: pd.DataFrame) -> pd.DataFrame:
    """The 12-month rate per 1,000 dwellings for every area column of `counts` (wide)."""
    stock = dwellings.reindex(index=counts.index, columns=counts.columns)
    sums = rolling_counts(counts)
    mean_stock = rolling_counts(stock) / WINDOW_MONTHS
    return sums / mean_stock.where(mean_stock > 0) * PER_DWELLINGS


def rolling_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Burglaries in the 12 months up to and including each month; none where a month of the
    window is missing.

    One numpy sum over every column at once (a region has thousands of columns, and pandas'
    rolling window goes column by column); counts and dwellings are whole numbers, so the sums
    are exact whatever the order of adding."""
    values = counts.to_numpy(dtype=float)
    sums = np.full(values.shape, np.nan)
    if len(values) >= WINDOW_MONTHS:
        windows = np.lib.stride_tricks.sliding_window_view(values, WINDOW_MONTHS, axis=0)
        sums[WINDOW_MONTHS - 1 :] = windows.sum(axis=-1)
    return pd.DataFrame(sums, index=counts.index, columns=counts.columns)


def national_rates(national: pd.DataFrame) -> pd.Series:
    """The national rate per 1,000 dwellings, by year."""
    if national.empty:
        return pd.Series(dtype=float, name="rate")
    frame = national.set_index("year").sort_index()
    return (frame["burglaries"] / frame["dwellings"] * PER_DWELLINGS).rename("rate")


def year_end(year: int) -> pd.Timestamp:
    """The month whose 12-month window is the calendar year."""
    return pd.Timestamp(year=year, month=12, day=1)
