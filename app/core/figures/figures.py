"""Figures for the screens: one read of the workspace, then every number the Overzicht and the
Cijfers screen show, as frozen dataclasses and DataFrames.

`load_figures(workspace)` reads once (one unit of work); the properties and methods of the
returned `Figures` compute on that snapshot, so a screen can ask for several views without
touching the database again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import pandas as pd
from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from app.analysis import hot_times, rate
from app.analysis.frames import MUNICIPALITY_AREA
from app.analysis.goals import GoalDefinition, GoalProgress, assess_goal, assess_measured_goal
from app.analysis.periods import month_end
from app.kernel.reference import REGIONAL_REFERENCE_RATE_2016, municipality_id
from app.kernel.workspace import Workspace
from database.enums import GoalIndicator, HotKind
from database.models import (
    DwellingStock,
    Goal,
    GoalMeasurement,
    HotItem,
    Incident,
    IncidentCount,
    MonthlyFigure,
    NationalReference,
    Neighbourhood,
)
from database.models.base import Exchanged
from database.tables import open_data_figure_table
from database.tables.open_data import BURGLARIES, DWELLINGS

# The year of the RBO's reference figure: the default baseline when no rate goal names one.
REFERENCE_YEAR = 2016
HOTSPOTS_SHOWN = 9


@dataclass(frozen=True)
class RateSummary:
    """The 12-month burglary rate as the Overzicht shows it; None where data are missing."""

    month: date | None  # the last month of the 12-month window
    burglaries: int | None  # incl. attempts
    completed: int | None
    rate: float | None  # per 1,000 dwellings, incl. attempts (the police count)
    rate_completed: float | None
    baseline_year: int | None
    baseline_rate: float | None
    regional_reference: float
    national_year: int | None
    national_rate: float | None
    months_with_counts: int
    # Open data (CBS): the latest month with a row, how many months of the 12 up to it CBS
    # withheld (unknown, not zero), all withheld cells, and whether counts lack the split.
    latest_month: date | None = None
    withheld_months: int = 0
    withheld_cells: int = 0
    split_unknown: bool = False

    @property
    def change(self) -> float | None:
        if self.rate is None or self.baseline_rate is None:
            return None
        return self.rate - self.baseline_rate

    @property
    def change_percent(self) -> float | None:
        if self.change is None or not self.baseline_rate:
            return None
        return self.change / self.baseline_rate * 100

    @property
    def above_regional(self) -> bool | None:
        return None if self.rate is None else self.rate > self.regional_reference

    @property
    def above_national(self) -> bool | None:
        if self.rate is None or self.national_rate is None:
            return None
        return self.rate > self.national_rate


@dataclass(frozen=True)
class Figures:
    """A snapshot of one gemeente's figures (DataFrames shaped as in app.analysis.frames)."""

    municipality_code: str
    monthly: pd.DataFrame
    dwellings: pd.DataFrame
    incidents: pd.DataFrame
    national: pd.DataFrame
    neighbourhood_names: dict[str, str]
    hotspot_codes: tuple[str, ...]
    goals: tuple[tuple[GoalDefinition, GoalIndicator, str], ...]  # definition, indicator, area
    # False in the RSIV's workspace: there a gemeente's figures arrive with its package.
    imported_here: bool = True
    # Values measured by hand per goal id, oldest first: such a goal is assessed from them.
    measurements: Mapping[str, tuple[tuple[date, float], ...]] = field(default_factory=dict)
    # The incidents as the RSIV receives them: weighted counts per month, area, weekday (1-7)
    # and hour; empty in a gemeente's own workspace, which has the single incidents.
    incident_counts: pd.DataFrame | None = None

    @cached_property
    def counts(self) -> dict[str, pd.DataFrame]:
        """Wide monthly tables `completed`, `attempts`, `total` (a column per area)."""
        return rate.monthly_counts(self.monthly)

    @cached_property
    def stock(self) -> pd.DataFrame:
        return rate.monthly_dwellings(self.dwellings, self.counts["total"].index)

    @cached_property
    def rates(self) -> pd.DataFrame:
        """The 12-month rate incl. attempts per month and area."""
        return rate.rolling_rates(self.counts["total"], self.stock)

    @cached_property
    def rates_completed(self) -> pd.DataFrame:
        return rate.rolling_rates(self.counts["completed"], self.stock)

    @cached_property
    def national_rates(self) -> pd.Series:
        return rate.national_rates(self.national)

    def area_counts(self, area: str = MUNICIPALITY_AREA) -> pd.DataFrame:
        """Monthly `completed`, `attempts`, `total` and `withheld` of one area (a row per
        month); open data has a total without the split, or (withheld) no number at all."""
        frame = pd.DataFrame(
            {key: _column(self.counts[key], area) for key in ("completed", "attempts", "total")}
        )
        frame["withheld"] = _flags(self.counts["withheld"], area)
        return frame

    def area_rates(self, area: str = MUNICIPALITY_AREA) -> pd.DataFrame:
        """Monthly `rate` and `rate_completed` of one area, from its first full window."""
        frame = pd.DataFrame(
            {
                "rate": _column(self.rates, area),
                "rate_completed": _column(self.rates_completed, area),
            }
        )
        return frame.dropna(how="all")

    def baseline_year(self) -> int | None:
        """The first gemeente-wide rate goal's baseline year, else 2016, else the first full
        calendar year with a rate."""
        for definition, indicator, area in self.goals:
            if indicator is GoalIndicator.BURGLARY_RATE and area == MUNICIPALITY_AREA:
                return definition.baseline_year
        years = [
            month.year for month, value in self.area_rates()["rate"].items() if month.month == 12
        ]
        if REFERENCE_YEAR in years:
            return REFERENCE_YEAR
        return years[0] if years else None

    def rate_summary(self) -> RateSummary:
        rates = self.area_rates()["rate"].dropna()
        national = self.national_rates
        baseline_year = self.baseline_year()
        months_with_counts = int(_column(self.counts["total"], MUNICIPALITY_AREA).notna().sum())
        own = self.area_counts()
        with_row = own[own["total"].notna() | own["withheld"]]
        latest = with_row.index[-1] if not with_row.empty else None
        window = (
            own.loc[latest - pd.DateOffset(months=11) : latest]
            if latest is not None
            else own.iloc[:0]
        )
        if rates.empty:
            month = burglaries = completed = None
            current = current_completed = None
        else:
            last = rates.index[-1]
            month = last.date()
            current = float(rates.iloc[-1])
            current_completed = _value(self.rates_completed, last)
            burglaries = _whole(rate.rolling_counts(self.counts["total"]), last)
            completed = _whole(rate.rolling_counts(self.counts["completed"]), last)
        national_year = int(national.index[-1]) if not national.empty else None
        if month is not None and not national.empty:
            earlier = national[national.index <= month.year]
            national_year = int(earlier.index[-1]) if not earlier.empty else national_year
        return RateSummary(
            month=month,
            burglaries=burglaries,
            completed=completed,
            rate=current,
            rate_completed=current_completed,
            baseline_year=baseline_year,
            baseline_rate=(
                _value(self.rates, rate.year_end(baseline_year)) if baseline_year else None
            ),
            regional_reference=REGIONAL_REFERENCE_RATE_2016,
            national_year=national_year,
            national_rate=float(national[national_year]) if national_year else None,
            months_with_counts=months_with_counts,
            latest_month=latest.date() if latest is not None else None,
            withheld_months=int(window["withheld"].sum()),
            withheld_cells=self.withheld_cells,
            split_unknown=bool((window["total"].notna() & window["completed"].isna()).any()),
        )

    @property
    def open_data_months(self) -> int:
        """Rows (month and area) from CBS open data: counts without the split."""
        return int(self.monthly["completed"].isna().sum()) if not self.monthly.empty else 0

    def open_data_note(self) -> str:
        """What the screens say under the figures when some come from CBS open data."""
        if not self.open_data_months:
            return ""
        note = (
            "Maandcijfers uit CBS open data (47022NED): aantallen incl. pogingen, verdeling "
            "onbekend."
        )
        if self.withheld_cells:
            cells = "1 cel" if self.withheld_cells == 1 else f"{self.withheld_cells} cellen"
            note += f" {cells} achtergehouden door CBS: onbekend, niet 0."
        return note

    @property
    def withheld_cells(self) -> int:
        """Cells CBS withheld, over every month and area (gemeente, wijken, buurten)."""
        return int(self.counts["withheld"].to_numpy().sum())

    def neighbourhood_rates(self) -> pd.DataFrame:
        """Per buurt with figures: code, name, is_hotspot, burglaries and rate over the last
        12 months, the baseline year's rate and the change; highest rate first."""
        columns = [area for area in self.counts["total"].columns if area != MUNICIPALITY_AREA]
        if not columns or self.rates.empty:
            return pd.DataFrame(
                columns=["code", "name", "is_hotspot", "burglaries", "rate", "baseline_rate"]
            )
        last = self.counts["total"].index[-1]
        baseline_year = self.baseline_year()
        baseline_month = rate.year_end(baseline_year) if baseline_year else None
        totals = rate.rolling_counts(self.counts["total"])
        table = pd.DataFrame(
            {
                "code": columns,
                "name": [self.neighbourhood_names.get(code, code) for code in columns],
                "is_hotspot": [code in self.hotspot_codes for code in columns],
                "burglaries": [_value(totals, last, code) for code in columns],
                "rate": [_value(self.rates, last, code) for code in columns],
                "baseline_rate": [
                    _value(self.rates, baseline_month, code) if baseline_month else None
                    for code in columns
                ],
            }
        )
        table["change"] = table["rate"] - table["baseline_rate"]
        return table.sort_values("rate", ascending=False, na_position="last").reset_index(drop=True)

    def shown_hotspots(self) -> list[str]:
        """The plan's hotspot buurten with figures; without any, the buurten with the highest
        rate."""
        available = set(self.rates.columns) - {MUNICIPALITY_AREA}
        chosen = [code for code in self.hotspot_codes if code in available]
        if not chosen:
            chosen = [
                code
                for code in self.neighbourhood_rates().dropna(subset=["rate"])["code"]
                if code in available
            ]
        return chosen[:HOTSPOTS_SHOWN]

    def goal_progress(self) -> list[GoalProgress]:
        return [
            assess_measured_goal(definition, self.measurements[definition.id])
            if definition.id in self.measurements
            else assess_goal(definition, self._indicator_values(indicator, area))
            for definition, indicator, area in self.goals
        ]

    def hot_times(
        self,
        *,
        area: str | None = None,
        completed_only: bool = False,
        since: date | None = None,
    ) -> pd.DataFrame:
        """The aoristic weekday-by-hour table of the incidents, optionally filtered.

        The single incidents (a gemeente's workspace) and the counts (the RSIV's) add up.
        """
        incidents = self.incidents
        if area is not None:
            incidents = incidents[incidents["area"] == area]
        if completed_only:
            incidents = incidents[~incidents["is_attempt"].astype(bool)]
        if since is not None:
            incidents = incidents[incidents["window_start"] >= pd.Timestamp(since)]
        table = hot_times.aoristic_table(incidents["window_start"], incidents["window_end"])
        counts = self.incident_counts
        if counts is None or counts.empty:
            return table
        if area is not None:
            counts = counts[counts["area"] == area]
        if since is not None:  # counts are per month: the month `since` falls in counts whole
            counts = counts[counts["month"] >= pd.Timestamp(since.replace(day=1))]
        counts = counts[counts["weekday"].between(1, 7) & counts["hour"].between(0, 23)]
        weights = counts["completed"]
        if not completed_only:
            weights = weights + counts["attempts"]
        for weekday, hour, weight in zip(counts["weekday"], counts["hour"], weights, strict=True):
            table.iat[int(weekday) - 1, int(hour)] += float(weight)
        return table

    def _indicator_values(self, indicator: GoalIndicator, area: str) -> pd.Series:
        """The goal's indicator per month, indexed by the month's last day."""
        if indicator is GoalIndicator.BURGLARY_RATE:
            values = _column(self.rates, area)
        elif indicator is GoalIndicator.BURGLARY_COUNT:
            values = _column(rate.rolling_counts(self.counts["total"]), area)
        elif indicator is GoalIndicator.ATTEMPT_SHARE:
            attempts = _column(rate.rolling_counts(self.counts["attempts"]), area)
            total = _column(rate.rolling_counts(self.counts["total"]), area)
            values = attempts / total.where(total > 0) * 100
        else:
            return pd.Series(dtype=float)
        values = values.dropna()
        values.index = pd.to_datetime([month_end(month.date()) for month in values.index])
        return values


def load_figures(workspace: Workspace, municipality_code: str | None = None) -> Figures:
    """Read the figures of a gemeente (by default the workspace's own) in one unit of work."""
    code = municipality_code or workspace.summary.municipality_code or ""
    return load_region_figures(workspace, [code])[code]


def load_region_figures(workspace: Workspace, codes: Sequence[str]) -> dict[str, Figures]:
    """Read the figures of several gemeenten in one unit of work: one query per table for all
    of them, not one per gemeente, so a region of hundreds of gemeenten reads as fast as a few.
    """
    owners = {code: municipality_id(code) if code else "" for code in codes}
    wanted = list(dict.fromkeys(owners.values()))
    with workspace.reading() as session:
        monthly = _frames(
            session, MonthlyFigure, wanted, ("month", "neighbourhood_code", "completed", "attempts")
        )
        dwellings = _frames(
            session, DwellingStock, wanted, ("year", "neighbourhood_code", "dwellings")
        )
        incidents = _frames(
            session,
            Incident,
            wanted,
            ("window_start", "window_end", "neighbourhood_code", "is_attempt"),
        )
        incident_counts = _frames(
            session,
            IncidentCount,
            wanted,
            ("month", "neighbourhood_code", "weekday", "hour", "completed", "attempts"),
        )
        national_rows = session.execute(
            select(
                NationalReference.year,
                NationalReference.burglaries,
                NationalReference.dwellings,
            ).order_by(NationalReference.year)
        ).all()
        town = open_data_figure_table.c
        opened = _grouped(
            session.execute(
                select(
                    town.municipality_id, town.measure, town.period, town.area_code, town.value
                ).where(town.municipality_id.in_(wanted))
            )
        )
        names = _grouped(
            session.execute(
                select(Neighbourhood.municipality_id, Neighbourhood.code, Neighbourhood.name).where(
                    Neighbourhood.municipality_id.in_(wanted)
                )
            )
        )
        hotspots = _grouped(
            session.execute(
                select(HotItem.municipality_id, HotItem.neighbourhood_code)
                .where(
                    HotItem.municipality_id.in_(wanted),
                    HotItem.kind == HotKind.HOTSPOT,
                    HotItem.neighbourhood_code.is_not(None),
                )
                .order_by(HotItem.position)
            )
        )
        goals: dict[str, list[tuple[GoalDefinition, GoalIndicator, str]]] = {}
        for goal in session.scalars(
            select(Goal).where(Goal.municipality_id.in_(wanted)).order_by(Goal.deadline)
        ):
            goals.setdefault(goal.municipality_id, []).append(goal_line(goal))
        measurements: dict[str, tuple[tuple[date, float], ...]] = {}
        for goal_id, measured_on, value in session.execute(
            select(GoalMeasurement.goal_id, GoalMeasurement.measured_on, GoalMeasurement.value)
            .where(GoalMeasurement.municipality_id.in_(wanted))
            .order_by(GoalMeasurement.measured_on)
        ):
            measurements[goal_id] = (*measurements.get(goal_id, ()), (measured_on, value))
    own = workspace.summary.municipality_code or ""
    figures = {}
    for code, owner in owners.items():
        national = pd.DataFrame(national_rows, columns=["year", "burglaries", "dwellings"])
        gemeente_goals = tuple(goals.get(owner, ()))
        figures[code] = _figures(
            code,
            monthly[owner],
            dwellings[owner],
            incidents[owner],
            incident_counts[owner],
            national,
            pd.DataFrame(opened.get(owner, []), columns=["measure", "period", "area", "value"]),
            dict(names.get(owner, [])),
            tuple(dict.fromkeys(code for (code,) in hotspots.get(owner, []))),
            gemeente_goals,
            {
                definition.id: measurements[definition.id]
                for definition, _indicator, _area in gemeente_goals
                if definition.id in measurements
            },
            imported_here=code == own,
        )
    return figures


def _figures(
    code: str,
    monthly: pd.DataFrame,
    dwellings: pd.DataFrame,
    incidents: pd.DataFrame,
    incident_counts: pd.DataFrame,
    national: pd.DataFrame,
    opened: pd.DataFrame,
    names: dict[str, str],
    hotspots: tuple[str, ...],
    goals: tuple[tuple[GoalDefinition, GoalIndicator, str], ...],
    measurements: dict[str, tuple[tuple[date, float], ...]],
    *,
    imported_here: bool,
) -> Figures:
    monthly, dwellings, incidents, incident_counts = (
        table.rename(columns={"neighbourhood_code": "area"}).fillna({"area": MUNICIPALITY_AREA})
        for table in (monthly, dwellings, incidents, incident_counts)
    )
    monthly, dwellings = _with_open_data(monthly, dwellings, opened, code)
    incident_counts["month"] = pd.to_datetime(incident_counts["month"])
    incidents["window_start"] = pd.to_datetime(incidents["window_start"])
    incidents["window_end"] = pd.to_datetime(incidents["window_end"])
    return Figures(
        code,
        monthly,
        dwellings,
        incidents,
        national,
        names,
        hotspots,
        goals,
        imported_here,
        measurements,
        incident_counts,
    )


def _grouped(rows: Iterable[Row[Any]]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows whose first column is the owning gemeente's id, per gemeente, in query order."""
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(tuple(row[1:]))
    return grouped


def open_data_months(
    counts: pd.DataFrame, month_column: str, keys: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Open-data burglary counts as rows of the monthly table (`keys` first): a total only,
    since CBS has no split into completed and attempts, and unknown where CBS withheld it."""
    values = counts["value"].astype(float)
    return pd.DataFrame(
        {
            **{key: counts[key].to_numpy() for key in keys},
            "month": counts[month_column].to_numpy(),
            "area": counts["area"].to_numpy(),
            "completed": float("nan"),
            "attempts": float("nan"),
            "total": values.to_numpy(),
            "withheld": values.isna().to_numpy(),
        }
    )


def _with_open_data(
    monthly: pd.DataFrame, dwellings: pd.DataFrame, opened: pd.DataFrame, code: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add the CBS open-data figures where the police's own file has no row for that month
    (or year) and area: the own file has the split into completed and attempts."""
    monthly = monthly.assign(
        total=monthly["completed"] + monthly["attempts"], withheld=False
    ).astype({"completed": float, "attempts": float, "total": float})
    if opened.empty:
        return monthly, dwellings
    opened = opened.assign(area=opened["area"].where(opened["area"] != code, MUNICIPALITY_AREA))
    counts = opened[opened["measure"] == BURGLARIES]
    taken = set(zip(monthly["month"], monthly["area"], strict=True))
    counts = counts[
        [key not in taken for key in zip(counts["period"], counts["area"], strict=True)]
    ]
    if not counts.empty:
        extra = open_data_months(counts, "period")
        monthly = extra if monthly.empty else pd.concat([monthly, extra], ignore_index=True)
    stock = opened[(opened["measure"] == DWELLINGS) & opened["value"].notna()]
    taken_years = set(zip(dwellings["year"], dwellings["area"], strict=True))
    stock = stock[
        [
            (period.year, area) not in taken_years
            for period, area in zip(stock["period"], stock["area"], strict=True)
        ]
    ]
    if not stock.empty:
        extra = pd.DataFrame(
            {
                "year": [period.year for period in stock["period"]],
                "area": stock["area"].to_numpy(),
                "dwellings": stock["value"].astype(int).to_numpy(),
            }
        )
        dwellings = extra if dwellings.empty else pd.concat([dwellings, extra], ignore_index=True)
    return monthly, dwellings


def _frames(
    session: Session, model: type[Exchanged], owners: list[str], names: tuple[str, ...]
) -> dict[str, pd.DataFrame]:
    """One table's rows per gemeente, each as the frame a query of that gemeente alone gives."""
    columns = [getattr(model, name) for name in names]
    rows = _grouped(
        session.execute(
            select(model.municipality_id, *columns).where(model.municipality_id.in_(owners))
        )
    )
    return {owner: pd.DataFrame(rows.get(owner, []), columns=list(names)) for owner in owners}


def goal_line(goal: Goal | Row[*tuple[Any, ...]]) -> tuple[GoalDefinition, GoalIndicator, str]:
    """A goal's definition, indicator and area, from the goal or a row of its columns."""
    definition = GoalDefinition(
        id=goal.id,
        title=goal.title,
        unit=goal.unit,
        baseline_value=goal.baseline_value,
        baseline_year=goal.baseline_year,
        target_value=goal.target_value,
        deadline=goal.deadline,
        higher_is_better=goal.indicator is GoalIndicator.ATTEMPT_SHARE,
    )
    return definition, goal.indicator, goal.neighbourhood_code or MUNICIPALITY_AREA


def _column(wide: pd.DataFrame, area: str) -> pd.Series:
    if area in wide.columns:
        return wide[area].astype(float)
    return pd.Series(float("nan"), index=wide.index)


def _flags(wide: pd.DataFrame, area: str) -> pd.Series:
    if area in wide.columns:
        return wide[area].astype(bool)
    return pd.Series(False, index=wide.index)


def _value(wide: pd.DataFrame, month: pd.Timestamp, area: str = MUNICIPALITY_AREA) -> float | None:
    series = _column(wide, area)
    if month not in series.index or pd.isna(series[month]):
        return None
    return float(series[month])


def _whole(wide: pd.DataFrame, month: pd.Timestamp) -> int | None:
    value = _value(wide, month)
    return None if value is None else round(value)
