"""The figures of every gemeente of a region at once: what the regional overview shows of each
(the Overzicht's rate summary and goal states) and what the rate comparison draws.

`load_figures` gives one gemeente's `Figures`, whose tables are built per gemeente; a region of
hundreds of gemeenten would build them hundreds of times. Here every table is read once for
the whole region, its rows go through `app.analysis.region_rates` in one computation, and
each gemeente's numbers are taken from the columns that computation gives it: the same
numbers `Figures.rate_summary()` and `Figures.goal_progress()` give (a test compares them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select

from app.analysis import rate
from app.analysis.frames import MUNICIPALITY_AREA
from app.analysis.goals import GoalDefinition, GoalProgress, assess_history, assess_measured_goal
from app.analysis.periods import month_end
from app.analysis.region_rates import (
    OWNER,
    region_monthly_counts,
    region_monthly_dwellings,
    withheld_cells,
)
from app.core.figures.figures import REFERENCE_YEAR, RateSummary, goal_line, open_data_months
from app.kernel.reference import REGIONAL_REFERENCE_RATE_2016, municipality_id
from app.kernel.workspace import Workspace
from database.enums import GoalIndicator
from database.models import DwellingStock, Goal, GoalMeasurement, MonthlyFigure, NationalReference
from database.tables import open_data_figure_table
from database.tables.open_data import BURGLARIES, DWELLINGS

GoalLine = tuple[GoalDefinition, GoalIndicator, str]  # definition, indicator, area


@dataclass(frozen=True)
class GemeenteFigures:
    """What the regional overview shows of one gemeente's figures."""

    has_figures: bool  # monthly figures (the police's or CBS open data), so rates
    rate: RateSummary
    goals: tuple[GoalProgress, ...]
    rates: pd.Series  # the 12-month rate by month, where it is known (named "rate")


@dataclass(frozen=True)
class RegionFigures:
    gemeenten: Mapping[str, GemeenteFigures]  # by CBS code
    national_rates: pd.Series
    # A column per CBS code on the region's months: burglaries (incl. attempts), dwellings.
    totals: pd.DataFrame
    stock: pd.DataFrame


def load_region_rates(workspace: Workspace, codes: Sequence[str]) -> RegionFigures:
    """Read the figures of the gemeenten `codes` in one unit of work, one query per table,
    and compute their rates and goal states in one pass."""
    owners = {municipality_id(code): code for code in codes}
    wanted = list(owners)
    town = open_data_figure_table.c
    # Core reads: the ORM adds nothing to plain columns but time per row.
    with workspace.connection() as connection:
        monthly = _frame(
            connection.execute(
                select(
                    MonthlyFigure.municipality_id,
                    MonthlyFigure.month,
                    MonthlyFigure.neighbourhood_code,
                    MonthlyFigure.completed,
                    MonthlyFigure.attempts,
                ).where(MonthlyFigure.municipality_id.in_(wanted))
            ).all(),
            (OWNER, "month", "area", "completed", "attempts"),
        )
        dwellings = _frame(
            connection.execute(
                select(
                    DwellingStock.municipality_id,
                    DwellingStock.year,
                    DwellingStock.neighbourhood_code,
                    DwellingStock.dwellings,
                ).where(DwellingStock.municipality_id.in_(wanted))
            ).all(),
            (OWNER, "year", "area", "dwellings"),
        )
        opened = _frame(
            connection.execute(
                select(
                    town.municipality_id, town.measure, town.period, town.area_code, town.value
                ).where(town.municipality_id.in_(wanted))
            ).all(),
            (OWNER, "measure", "period", "area", "value"),
        )
        national_rows = connection.execute(
            select(
                NationalReference.year, NationalReference.burglaries, NationalReference.dwellings
            ).order_by(NationalReference.year)
        ).all()
        goals: dict[str, list[GoalLine]] = {}
        for row in connection.execute(
            select(
                Goal.municipality_id,
                Goal.id,
                Goal.title,
                Goal.unit,
                Goal.baseline_value,
                Goal.baseline_year,
                Goal.target_value,
                Goal.deadline,
                Goal.indicator,
                Goal.neighbourhood_code,
            )
            .where(Goal.municipality_id.in_(wanted))
            .order_by(Goal.deadline)
        ):
            goals.setdefault(row.municipality_id, []).append(goal_line(row))
        measurements: dict[str, list[tuple[date, float]]] = {}
        for goal_id, measured_on, value in connection.execute(
            select(GoalMeasurement.goal_id, GoalMeasurement.measured_on, GoalMeasurement.value)
            .where(GoalMeasurement.municipality_id.in_(wanted))
            .order_by(GoalMeasurement.measured_on)
        ):
            measurements.setdefault(goal_id, []).append((measured_on, value))
    monthly, dwellings = _with_open_data(monthly, dwellings, opened, owners)
    national = rate.national_rates(
        pd.DataFrame(national_rows, columns=["year", "burglaries", "dwellings"])
    )
    return _Computation(monthly, dwellings, national, owners).figures(
        goals, {goal_id: tuple(values) for goal_id, values in measurements.items()}
    )


class _Computation:
    """The wide tables of the whole region, and each gemeente's numbers read from them."""

    def __init__(
        self,
        monthly: pd.DataFrame,
        dwellings: pd.DataFrame,
        national: pd.Series,
        owners: Mapping[str, str],
    ) -> None:
        self.owners = owners
        self.owner_index = {owner: index for index, owner in enumerate(owners)}
        self.national = national
        counts = region_monthly_counts(monthly)
        total = counts["total"]
        self.months = total.index
        stock = region_monthly_dwellings(dwellings, monthly, self.months)
        stock = stock.reindex(index=self.months, columns=total.columns)
        columns = total.columns
        self.column = {key: index for index, key in enumerate(columns)}
        self.rates = rate.rolling_rates(total, stock).to_numpy(dtype=float)
        self.rates_completed = rate.rolling_rates(
            counts["completed"].reindex(columns=columns), stock
        ).to_numpy(dtype=float)
        self.rolling_total = rate.rolling_counts(total).to_numpy(dtype=float)
        self.rolling_completed = rate.rolling_counts(
            counts["completed"].reindex(columns=columns)
        ).to_numpy(dtype=float)
        self.rolling_attempts = rate.rolling_counts(
            counts["attempts"].reindex(columns=columns)
        ).to_numpy(dtype=float)
        self.total = total.to_numpy(dtype=float)
        self.completed = counts["completed"].reindex(columns=columns).to_numpy(dtype=float)
        self.withheld = (
            counts["withheld"].reindex(index=self.months, columns=list(owners), fill_value=False)
        ).to_numpy(dtype=bool)
        self.withheld_cells = withheld_cells(monthly).to_dict()
        self.has_rows = set(monthly[OWNER]) if not monthly.empty else set()
        self.month_days = [month.date() for month in self.months]
        self.month_ends = [month_end(day) for day in self.month_days]
        self.position = {day: index for index, day in enumerate(self.month_days)}
        self.gemeente_totals = self._gemeente_table(total)
        self.gemeente_stock = self._gemeente_table(stock)

    def figures(
        self,
        goals: Mapping[str, list[GoalLine]],
        measurements: Mapping[str, tuple[tuple[date, float], ...]],
    ) -> RegionFigures:
        gemeenten = {}
        for owner, code in self.owners.items():
            own = goals.get(owner, [])
            rates = self._series(owner, MUNICIPALITY_AREA, self.rates)
            gemeenten[code] = GemeenteFigures(
                has_figures=owner in self.has_rows,
                rate=self._summary(owner, own),
                goals=tuple(
                    assess_measured_goal(definition, measurements[definition.id])
                    if definition.id in measurements
                    else assess_history(definition, self._history(owner, indicator, area))
                    for definition, indicator, area in own
                ),
                rates=pd.Series(
                    rates[~np.isnan(rates)],
                    index=self.months[~np.isnan(rates)],
                    name="rate",
                    dtype=float,
                ),
            )
        return RegionFigures(gemeenten, self.national, self.gemeente_totals, self.gemeente_stock)

    def _gemeente_table(self, wide: pd.DataFrame) -> pd.DataFrame:
        """The gemeente columns of a (owner, area) table, named by CBS code."""
        keys = [(owner, MUNICIPALITY_AREA) for owner in self.owners]
        table = wide.reindex(columns=pd.MultiIndex.from_tuples(keys) if keys else None)
        table.columns = pd.Index(list(self.owners.values()))
        return table.astype(float)

    def _series(self, owner: str, area: str, table: np.ndarray) -> np.ndarray:
        index = self.column.get((owner, area))
        if index is None:
            return np.full(len(self.months), np.nan)
        return table[:, index]

    def _history(
        self, owner: str, indicator: GoalIndicator, area: str
    ) -> tuple[tuple[date, float], ...]:
        """The goal's indicator per month, by the month's last day, where it is known."""
        if indicator is GoalIndicator.BURGLARY_RATE:
            values = self._series(owner, area, self.rates)
        elif indicator is GoalIndicator.BURGLARY_COUNT:
            values = self._series(owner, area, self.rolling_total)
        elif indicator is GoalIndicator.ATTEMPT_SHARE:
            attempts = self._series(owner, area, self.rolling_attempts)
            total = self._series(owner, area, self.rolling_total)
            with np.errstate(invalid="ignore"):
                values = attempts / np.where(total > 0, total, np.nan) * 100
        else:
            return ()
        return tuple(
            (self.month_ends[index], float(values[index]))
            for index in np.flatnonzero(~np.isnan(values))
        )

    def _summary(self, owner: str, goals: Sequence[GoalLine]) -> RateSummary:
        """`Figures.rate_summary()` from the region's columns of this gemeente."""
        rates = self._series(owner, MUNICIPALITY_AREA, self.rates)
        rates_completed = self._series(owner, MUNICIPALITY_AREA, self.rates_completed)
        total = self._series(owner, MUNICIPALITY_AREA, self.total)
        completed = self._series(owner, MUNICIPALITY_AREA, self.completed)
        withheld = (
            self.withheld[:, self.owner_index[owner]]
            if len(self.months)
            else np.zeros(0, dtype=bool)
        )
        known = np.flatnonzero(~np.isnan(rates))
        month: date | None = None
        current = current_completed = None
        burglaries = completed_count = None
        if len(known):
            last = int(known[-1])
            month = self.month_days[last]
            current = float(rates[last])
            current_completed = _known(rates_completed[last])
            burglaries = _whole(self._series(owner, MUNICIPALITY_AREA, self.rolling_total)[last])
            completed_count = _whole(
                self._series(owner, MUNICIPALITY_AREA, self.rolling_completed)[last]
            )
        baseline_year = _baseline_year(
            goals,
            [
                self.month_days[index].year
                for index in np.flatnonzero(~np.isnan(rates) | ~np.isnan(rates_completed))
                if self.month_days[index].month == 12
            ],
        )
        baseline_rate = None
        if baseline_year:
            at = self.position.get(date(baseline_year, 12, 1))
            baseline_rate = None if at is None else _known(rates[at])
        national = self.national
        national_year = int(national.index[-1]) if not national.empty else None
        if month is not None and not national.empty:
            earlier = national[national.index <= month.year]
            national_year = int(earlier.index[-1]) if not earlier.empty else national_year
        with_row = np.flatnonzero(~np.isnan(total) | withheld)
        latest = int(with_row[-1]) if len(with_row) else None
        window = slice(max(latest - 11, 0), latest + 1) if latest is not None else slice(0, 0)
        return RateSummary(
            month=month,
            burglaries=burglaries,
            completed=completed_count,
            rate=current,
            rate_completed=current_completed,
            baseline_year=baseline_year,
            baseline_rate=baseline_rate,
            regional_reference=REGIONAL_REFERENCE_RATE_2016,
            national_year=national_year,
            national_rate=float(national[national_year]) if national_year else None,
            months_with_counts=int((~np.isnan(total)).sum()),
            latest_month=self.month_days[latest] if latest is not None else None,
            withheld_months=int(withheld[window].sum()),
            withheld_cells=int(self.withheld_cells.get(owner, 0)),
            split_unknown=bool((~np.isnan(total[window]) & np.isnan(completed[window])).any()),
        )


def _baseline_year(goals: Sequence[GoalLine], december_years: list[int]) -> int | None:
    """As `Figures.baseline_year()`: the first gemeente-wide rate goal's baseline year, else
    2016, else the first full calendar year with a rate."""
    for definition, indicator, area in goals:
        if indicator is GoalIndicator.BURGLARY_RATE and area == MUNICIPALITY_AREA:
            return definition.baseline_year
    if REFERENCE_YEAR in december_years:
        return REFERENCE_YEAR
    return december_years[0] if december_years else None


def _known(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def _whole(value: float) -> int | None:
    return None if np.isnan(value) else round(float(value))


def _frame(rows: Sequence[Sequence[Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    """The rows as a frame, built column by column (pandas inspects each Row otherwise)."""
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    frame = pd.DataFrame(dict(zip(columns, map(list, values), strict=True)))
    if "area" in frame.columns:
        frame["area"] = frame["area"].fillna(MUNICIPALITY_AREA)
    return frame


def _with_open_data(
    monthly: pd.DataFrame,
    dwellings: pd.DataFrame,
    opened: pd.DataFrame,
    owners: Mapping[str, str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """As `figures._with_open_data` for every gemeente at once: the CBS open-data figures
    where the police's own file has no row for that month (or year) and area."""
    monthly = monthly.assign(
        total=monthly["completed"] + monthly["attempts"], withheld=False
    ).astype({"completed": float, "attempts": float, "total": float})
    if opened.empty:
        return monthly, dwellings
    # The gemeente's own row in open data is named by its CBS code.
    own = opened["area"] == opened[OWNER].map(owners)
    opened = opened.assign(area=opened["area"].where(~own, MUNICIPALITY_AREA))
    counts = _without(
        opened[opened["measure"] == BURGLARIES].rename(columns={"period": "month"}),
        monthly,
        [OWNER, "month", "area"],
    )
    if not counts.empty:
        extra = open_data_months(counts, "month", (OWNER,))
        monthly = extra if monthly.empty else pd.concat([monthly, extra], ignore_index=True)
    stock = opened[(opened["measure"] == DWELLINGS) & opened["value"].notna()]
    stock = stock.assign(year=[period.year for period in stock["period"]])
    stock = _without(stock, dwellings, [OWNER, "year", "area"])
    if not stock.empty:
        extra = pd.DataFrame(
            {
                OWNER: stock[OWNER].to_numpy(),
                "year": stock["year"].to_numpy(),
                "area": stock["area"].to_numpy(),
                "dwellings": stock["value"].astype(int).to_numpy(),
            }
        )
        dwellings = extra if dwellings.empty else pd.concat([dwellings, extra], ignore_index=True)
    return monthly, dwellings


def _without(rows: pd.DataFrame, taken: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """`rows` whose keys have no row in `taken`."""
    if rows.empty or taken.empty:
        return rows
    have = pd.MultiIndex.from_frame(taken[keys].astype(object))
    mine = pd.MultiIndex.from_frame(rows[keys].astype(object))
    return rows[~mine.isin(have)]
