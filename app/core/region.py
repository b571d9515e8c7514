"""The regional overview of the RSIV workspace: every participating gemeente by indicator.

One row per participant, also for a gemeente whose package has not arrived (then only its
name and "geen pakket"). Rates and goal states come from `load_figures` per gemeente, the same
numbers the gemeente's own Overzicht shows; counts are read in one unit of work.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.analysis.goals import GoalProgress
from app.core.figures import RateSummary, load_figures
from app.core.matrix_gaps import MATRIX_CELLS
from app.core.merge_history import PackageEntry, current_packages
from app.core.overview import OPEN_STATUSES
from app.core.reference import MunicipalityRef, participants
from app.core.werkgroep_calendar import is_in_for_next, next_werkgroep, previous_werkgroep
from app.core.workspace import Workspace
from database.enums import ActionStatus, GoalState, InterventionKind, MeasureStatus, TargetGroup
from database.models import Action, Measure

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
        return tuple(
            cell for cell, n in zip(MATRIX_CELLS, self.matrix_counts, strict=True) if not n
        )


@dataclass(frozen=True)
class RegionalOverview:
    today: date
    next_werkgroep: date | None
    previous_werkgroep: date | None
    standings: tuple[MunicipalityStanding, ...]
    regional_reference: float
    national_year: int | None
    national_rate: float | None

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
        """Names of the gemeenten (with a package) that have no measure in `cell`."""
        return tuple(row.name for row in self.included if cell in row.matrix_gaps)


def regional_overview(workspace: Workspace, today: date | None = None) -> RegionalOverview:
    """The table of the regional screen and the reports, at `today` (default: now)."""
    today = today or date.today()
    packages = current_packages(workspace)
    counts = _plan_counts(workspace, today)
    standings = tuple(
        _standing(workspace, reference, packages.get(reference.cbs_code), counts, today)
        for reference in participants()
    )
    national = next((row.rate for row in standings if row.rate is not None), None)
    if national is None:
        national = load_figures(workspace, participants()[0].cbs_code).rate_summary()
    return RegionalOverview(
        today=today,
        next_werkgroep=next_werkgroep(today),
        previous_werkgroep=previous_werkgroep(today),
        standings=standings,
        regional_reference=national.regional_reference,
        national_year=national.national_year,
        national_rate=national.national_rate,
    )


@dataclass(frozen=True)
class _Counts:
    matrix: dict[str, Counter[MatrixCellKey]]
    actions: dict[str, ActionCounts]
    costs: dict[str, int]
    measures: dict[str, int]


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
        for owner, status, is_late, n in session.execute(
            select(Action.municipality_id, Action.status, late, func.count()).group_by(
                Action.municipality_id, Action.status, late
            )
        ):
            tally = tallies.setdefault(owner, Counter())
            if status in OPEN_STATUSES:
                tally["open"] += n
                tally["overdue"] += n if is_late else 0
            elif status is ActionStatus.DONE:
                tally["done"] += n
        actions = {
            owner: ActionCounts(tally["open"], tally["overdue"], tally["done"])
            for owner, tally in tallies.items()
        }
    return _Counts(matrix, actions, dict(costs), dict(measures))


def _standing(
    workspace: Workspace,
    reference: MunicipalityRef,
    package: PackageEntry | None,
    counts: _Counts,
    today: date,
) -> MunicipalityStanding:
    owner = reference.id
    rate: RateSummary | None = None
    goals: tuple[GoalProgress, ...] = ()
    if package is not None:
        figures = load_figures(workspace, reference.cbs_code)
        rate = figures.rate_summary()
        goals = tuple(figures.goal_progress())
    cells = counts.matrix.get(owner, Counter())
    return MunicipalityStanding(
        cbs_code=reference.cbs_code,
        name=reference.name,
        package=package,
        in_for_next=package is not None and is_in_for_next(package.imported_at.date(), today),
        rate=rate,
        goals=goals,
        matrix_counts=tuple(cells[cell] for cell in MATRIX_CELLS),
        actions=counts.actions.get(owner, ActionCounts()),
        extra_cost_eur=counts.costs.get(owner, 0),
        measures=counts.measures.get(owner, 0),
    )
