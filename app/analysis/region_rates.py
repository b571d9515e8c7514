"""The burglary rate of many gemeenten at once, by the definitions in `rate` (read them there).

`rate.monthly_counts` and `rate.monthly_dwellings` work on one gemeente's rows; a region of
hundreds of gemeenten would run them hundreds of times. Here the rows of every gemeente come
in one long frame with an `owner` column and leave as wide tables with one month index for
the whole region and a column per (owner, area). A month outside a gemeente's own months is
empty in its columns, just as a 12-month window reaching before its first month has no rate
in `rate`, so each column holds the numbers the gemeente's own tables hold.
"""

from __future__ import annotations

import pandas as pd

from app.analysis.frames import MUNICIPALITY_AREA

OWNER = "owner"
COUNT_KEYS = ("completed", "attempts", "total")


def region_monthly_counts(monthly: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Wide tables `completed`, `attempts`, `total` (a column per (owner, area), the gemeente
    column filled from its buurten in months without a row of its own) and `withheld` (only
    the gemeente columns: True where CBS withheld the gemeente's own count).

    `monthly` has the columns owner, month, area, completed, attempts, total and withheld."""
    months = pd.DatetimeIndex([], name="month")
    if monthly.empty:
        return {key: pd.DataFrame(index=months) for key in (*COUNT_KEYS, "withheld")}
    frame = monthly.assign(month=pd.to_datetime(monthly["month"]))
    months = pd.date_range(frame["month"].min(), frame["month"].max(), freq="MS", name="month")
    grouped = frame.groupby([OWNER, "month", "area"], sort=True)
    sums = grouped[list(COUNT_KEYS)].sum(min_count=1)
    withheld = grouped["withheld"].any()
    areas = sums.index.get_level_values("area")
    is_own = areas == MUNICIPALITY_AREA
    # Wijken (WK codes) are left out of the gemeente's sum: their buurten are in it already.
    is_buurt = ~is_own & ~areas.astype(str).str.startswith("WK")
    own = sums[is_own].droplevel("area")
    from_buurten = sums[is_buurt].groupby(level=[OWNER, "month"]).sum(min_count=1)
    # A month with a gemeente row keeps it, even when its count is unknown (withheld).
    gemeente = pd.concat([own, from_buurten[~from_buurten.index.isin(own.index)]])
    gemeente = gemeente.assign(area=MUNICIPALITY_AREA).set_index("area", append=True)
    cells = pd.concat([sums[~is_own], gemeente.reorder_levels(sums.index.names)])
    result = {key: _wide(cells[key], months) for key in COUNT_KEYS}
    result["withheld"] = _wide(withheld[is_own].droplevel("area").astype(float), months) > 0
    return result


def withheld_cells(monthly: pd.DataFrame) -> pd.Series:
    """Per owner: the cells (month and area) CBS withheld, over every area."""
    if monthly.empty:
        return pd.Series(dtype=int)
    cells = monthly.groupby([OWNER, "month", "area"])["withheld"].any()
    return cells.groupby(level=OWNER).sum().astype(int)


def region_monthly_dwellings(
    dwellings: pd.DataFrame, monthly: pd.DataFrame, months: pd.DatetimeIndex
) -> pd.DataFrame:
    """Dwelling stock per month (`months`, the region's) and (owner, area), from the 1 January
    figures per year: each gemeente's years carried forward, and back before its first
    figure, within the years of its own monthly figures (`monthly`: owner and month)."""
    if dwellings.empty or len(months) == 0:
        return pd.DataFrame(index=months)
    last_year = pd.to_datetime(monthly["month"]).dt.year.groupby(monthly[OWNER]).max()
    # A gemeente's figures for years after its last month are not carried back.
    dwellings = dwellings[dwellings["year"] <= dwellings[OWNER].map(last_year)]
    if dwellings.empty:
        return pd.DataFrame(index=months)
    by_year = dwellings.groupby([OWNER, "year", "area"])["dwellings"].sum().astype(float)
    areas = by_year.index.get_level_values("area")
    is_own = areas == MUNICIPALITY_AREA
    is_buurt = ~is_own & ~areas.astype(str).str.startswith("WK")
    own = by_year[is_own].droplevel("area")
    from_buurten = by_year[is_buurt].groupby(level=[OWNER, "year"]).sum(min_count=1)
    gemeente = pd.concat([own, from_buurten[~from_buurten.index.isin(own.index)]])
    gemeente.index = pd.MultiIndex.from_arrays(
        [
            gemeente.index.get_level_values(OWNER),
            gemeente.index.get_level_values("year"),
            [MUNICIPALITY_AREA] * len(gemeente),
        ],
        names=by_year.index.names,
    )
    stock = pd.concat([by_year[~is_own], gemeente])
    first = int(min(dwellings["year"].min(), months.year.min()))
    years = range(first, int(months.year.max()) + 1)
    wide = stock.unstack([OWNER, "area"]).reindex(years).ffill().bfill().reindex(months.year)
    wide.index = months
    return wide


def _wide(cells: pd.Series, months: pd.DatetimeIndex) -> pd.DataFrame:
    """(owner, month, area) or (owner, month) values as a table: a row per month."""
    levels = [name for name in cells.index.names if name != "month"]
    wide = cells.unstack(levels).reindex(months).astype(float)
    wide.index.name = "month"
    return wide
