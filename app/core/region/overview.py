"""The regional overview of the RSIV workspace: every participating gemeente by indicator.

One row per participant, also for a gemeente whose package has not arrived (then only its
name and "geen pakket"). Rates and goal states come from the figures of every gemeente, read
at once (`load_region_rates`), the same numbers the gemeente's own Overzicht shows; counts
are read in one unit of work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import func, select

from app.analysis.goals import GoalProgress
from app.analysis.rate import rolling_rates
from app.core.figures.figures import RateSummary
from app.core.figures.region_figures import GemeenteFigures, RegionFigures, load_region_rates
from app.core.matrix.gaps import MATRIX_CELLS
from app.core.meetings.meetings import werkgroep_dates
from app.core.meetings.werkgroep_calendar import is_in_for_next, next_werkgroep, previous_werkgroep
from app.core.overview.overview import OPEN_STATUSES
from app.core.packages.history import PackageEntry, current_packages
from app.core.region.members import region_members
from app.kernel.reference import MunicipalityRef
from app.kernel.workspace import Workspace
from database.enums import ActionStatus, GoalState, InterventionKind, MeasureStatus, TargetGroup
from database.models import Action, DeliberatelyEmptyCell, Measure

MatrixCellKey = tuple[TargetGroup, InterventionKind]


@dataclass(frozen=True)
class ActionCounts:
    open: int = 0  # open or in progress
    overdue: int = 0  # open with a due date before the reference day
    done: int = 0


@dataclass(frozen=True)
class MunicipalityStanding:
    """One gemeente's row of the regional table; figures are None without a package."""

    cbs_code: str
    name: str
    package: PackageEntry | None
    in_for_next: bool
    rate: RateSummary | None
    goals: tuple[GoalProgress, ...]
    matrix_counts: tuple[int, ...]  # measures (not stopped) per cell of MATRIX_CELLS
    actions: ActionCounts
    extra_cost_eur: int
    measures: int
    # Cells the gemeente marked bewust leeg, with the reason: no gaps.
    marked_empty: tuple[tuple[MatrixCellKey, str], ...] = ()

    @property
    def has_package(self) -> bool:
        return self.package is not None

    @property
    def package_date(self) -> date | None:
        """The day the gemeente made its current package."""
        if self.package is None or not self.package.exported_at:
            return None
        return date.fromisoformat(self.package.exported_at[:10])

    @property
    def arrived_on(self) -> date | None:
        return None if self.package is None else self.package.imported_at.date()

    def goals_in(self, state: GoalState) -> int:
        return sum(1 for progress in self.goals if progress.state is state)

    @property
    def matrix_gaps(self) -> tuple[MatrixCellKey, ...]:
        if not self.has_package:
            return ()
        marked = {cell for cell, _ in self.marked_empty}
        return tuple(
            cell
            for cell, n in zip(MATRIX_CELLS, self.matrix_counts, strict=True)
            if not n and cell not in marked
        )

    def empty_reason(self, cell: MatrixCellKey) -> str | None:
        """Why the gemeente left `cell` empty on purpose; None when it did not."""
        return dict(self.marked_empty).get(cell)


@dataclass(frozen=True)
class RateComparison:
    """Each gemeente's 12-month rate by month, the region's (all its gemeenten together: their
    burglaries over their dwellings) and the national rate by year."""

    gemeenten: tuple[tuple[str, pd.Series], ...]
    region: pd.Series
    national: pd.Series


@dataclass(frozen=True)
class RegionalOverview:
    today: date
    next_werkgroep: date | None
    previous_werkgroep: date | None
    standings: tuple[MunicipalityStanding, ...]
    regional_reference: float
    national_year: int | None
    national_rate: float | None
    comparison: RateComparison | None = None

    @property
    def cells(self) -> tuple[MatrixCellKey, ...]:
        return MATRIX_CELLS

    @property
    def included(self) -> tuple[MunicipalityStanding, ...]:
        return tuple(row for row in self.standings if row.has_package)

    @property
    def missing(self) -> tuple[MunicipalityStanding, ...]:
        return tuple(row for row in self.standings if not row.has_package)

    def standing(self, cbs_code: str) -> MunicipalityStanding:
        return next(row for row in self.standings if row.cbs_code == cbs_code)

    def gemeenten_without(self, cell: MatrixCellKey) -> tuple[str, ...]:
        """Names of the gemeenten (with a package) that have no measure in `cell` and did not
        mark it bewust leeg."""
        return tuple(row.name for row in self.included if cell in row.matrix_gaps)

    def gemeenten_marked_empty(self, cell: MatrixCellKey) -> tuple[str, ...]:
        """Names of the gemeenten (with a package) that left `cell` empty on purpose."""
        return tuple(row.name for row in self.included if row.empty_reason(cell) is not None)


def regional_overview(workspace: Workspace, today: date | None = None) -> RegionalOverview:
    """The table of the regional screen and the reports, at `today` (default: now)."""
    today = today or date.today()
    werkgroepen = werkgroep_dates(workspace)
    packages = current_packages(workspace)
    counts = _plan_counts(workspace, today)
    members = region_members(workspace)
    figures = load_region_rates(workspace, [reference.cbs_code for reference in members])
    standings = tuple(
        _standing(
            reference,
            packages.get(reference.cbs_code),
            counts,
            today,
            figures.gemeenten[reference.cbs_code],
            werkgroepen,
        )
        for reference in members
    )
    national = next((row.rate for row in standings if row.rate is not None), None)
    if national is None:
        national = figures.gemeenten[members[0].cbs_code].rate
    return RegionalOverview(
        today=today,
        next_werkgroep=next_werkgroep(today, werkgroepen),
        previous_werkgroep=previous_werkgroep(today, werkgroepen),
        standings=standings,
        regional_reference=national.regional_reference,
        national_year=national.national_year,
        national_rate=national.national_rate,
        comparison=_comparison(standings, figures),
    )


def _comparison(
    standings: tuple[MunicipalityStanding, ...], figures: RegionFigures
) -> RateComparison:
    """The region's rate counts a month only when every gemeente with a rate has its count and
    dwelling stock: a missing gemeente would make the region look safer than it is."""
    shown = [row for row in standings if row.rate is not None and row.rate.rate is not None]
    gemeenten = tuple((row.name, figures.gemeenten[row.cbs_code].rates) for row in shown)
    if not shown:
        return RateComparison(gemeenten, pd.Series(dtype=float), figures.national_rates)
    codes = [row.cbs_code for row in shown]
    totals = figures.totals[codes]
    stock = figures.stock[codes]
    complete = totals.notna().all(axis=1) & stock.notna().all(axis=1)
    summed = pd.DataFrame({"": totals.sum(axis=1).where(complete)})
    dwellings = pd.DataFrame({"": stock.sum(axis=1).where(complete)})
    region = rolling_rates(summed, dwellings)[""].dropna()
    return RateComparison(gemeenten, region, figures.national_rates)


@dataclass(frozen=True)
class _Counts:
    matrix: dict[str, Counter[MatrixCellKey]]
    actions: dict[str, ActionCounts]
    costs: dict[str, int]
    measures: dict[str, int]
    marked_empty: dict[str, list[tuple[MatrixCellKey, str]]]


def _plan_counts(workspace: Workspace, today: date) -> _Counts:
    """Measures per cell, actions by state and extra costs for every gemeente at once."""
    matrix: dict[str, Counter[MatrixCellKey]] = {}
    costs: Counter[str] = Counter()
    measures: Counter[str] = Counter()
    with workspace.reading() as session:
        for owner, group, kind, status, n, cost in session.execute(
            select(
                Measure.municipality_id,
                Measure.target_group,
                Measure.intervention,
                Measure.status,
                func.count(),
                func.coalesce(func.sum(Measure.extra_cost_eur), 0),
            ).group_by(
                Measure.municipality_id, Measure.target_group, Measure.intervention, Measure.status
            )
        ):
            costs[owner] += int(cost)
            measures[owner] += int(n)
            if status is not MeasureStatus.STOPPED:
                matrix.setdefault(owner, Counter())[(group, kind)] += int(n)
        late = Action.due_date.is_not(None) & (Action.due_date < today)
        tallies: dict[str, Counter[str]] = {}
        for owner, action_status, is_late, n in session.execute(
            select(Action.municipality_id, Action.status, late, func.count()).group_by(
                Action.municipality_id, Action.status, late
            )
        ):
            tally = tallies.setdefault(owner, Counter())
            if action_status in OPEN_STATUSES:
                tally["open"] += n
                tally["overdue"] += n if is_late else 0
            elif action_status is ActionStatus.DONE:
                tally["done"] += n
        actions = {
            owner: ActionCounts(tally["open"], tally["overdue"], tally["done"])
            for owner, tally in tallies.items()
        }
        marked: dict[str, list[tuple[MatrixCellKey, str]]] = {}
        empty = DeliberatelyEmptyCell
        for owner, group, kind, reason in session.execute(
            select(empty.municipality_id, empty.target_group, empty.intervention, empty.reason)
        ):
            marked.setdefault(owner, []).append(((group, kind), reason))
    return _Counts(matrix, actions, dict(costs), dict(measures), marked)


def _standing(
    reference: MunicipalityRef,
    package: PackageEntry | None,
    counts: _Counts,
    today: date,
    figures: GemeenteFigures,
    werkgroepen: Sequence[date],
) -> MunicipalityStanding:
    owner = reference.id
    rate: RateSummary | None = None
    goals: tuple[GoalProgress, ...] = ()
    # Open data the RSIV read itself gives a rate before (or without) a package.
    if package is not None or figures.has_figures:
        rate = figures.rate
        goals = figures.goals
    cells = counts.matrix.get(owner, Counter())
    return MunicipalityStanding(
        cbs_code=reference.cbs_code,
        name=reference.name,
        package=package,
        in_for_next=package is not None
        and is_in_for_next(package.imported_at.date(), today, werkgroepen),
        rate=rate,
        goals=goals,
        matrix_counts=tuple(cells[cell] for cell in MATRIX_CELLS),
        actions=counts.actions.get(owner, ActionCounts()),
        extra_cost_eur=counts.costs.get(owner, 0),
        measures=counts.measures.get(owner, 0),
        marked_empty=tuple(counts.marked_empty.get(owner, ())),
    )
