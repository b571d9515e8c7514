"""The regional evaluation for the RBO: every gemeente's evaluation side by side.

Read in the RSIV workspace from the merged packages: per participant its evaluation, the
change of its burglary rate from the baseline year to the latest 12 months, set against the
regional reference (8 per 1,000 dwellings in 2016) and the national rate over the same years;
and which measures were embedded in regular work where.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.core.course.evaluation import EvaluationView, evaluation_view
from app.core.figures.figures import RateSummary, load_figures
from app.core.region.members import region_members
from app.kernel.reference import REGIONAL_REFERENCE_RATE_2016
from app.kernel.workspace import Workspace
from database.enums import MeasureDecision
from database.models import Municipality, Plan


@dataclass(frozen=True)
class RateChange:
    baseline_year: int | None
    baseline_rate: float | None
    latest_month: date | None
    rate: float | None
    national_baseline: float | None  # the national rate in the baseline year
    national_rate: float | None  # the national rate in the latest year known
    national_year: int | None

    @staticmethod
    def percent(old: float | None, new: float | None) -> float | None:
        if old is None or new is None or not old:
            return None
        return (new - old) / old * 100

    @property
    def change_percent(self) -> float | None:
        return self.percent(self.baseline_rate, self.rate)

    @property
    def national_change_percent(self) -> float | None:
        return self.percent(self.national_baseline, self.national_rate)

    @property
    def below_regional(self) -> bool | None:
        return None if self.rate is None else self.rate < REGIONAL_REFERENCE_RATE_2016

    @property
    def below_national(self) -> bool | None:
        if self.rate is None or self.national_rate is None:
            return None
        return self.rate < self.national_rate


@dataclass(frozen=True)
class RegionalRow:
    code: str
    name: str
    evaluation: EvaluationView | None  # None: no package merged for this gemeente
    rate: RateChange | None
    evaluated_on: date | None = None  # the day of the held evaluation; None: not yet held

    @property
    def evaluated(self) -> bool:
        """The one answer both the count and the row show."""
        return self.evaluated_on is not None


@dataclass(frozen=True)
class RegionalEvaluation:
    made_on: date
    rows: tuple[RegionalRow, ...]
    regional_reference: float

    @property
    def evaluated(self) -> tuple[RegionalRow, ...]:
        return tuple(row for row in self.rows if row.evaluated)

    def embedded_measures(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each measure title embedded in regular work, with the gemeenten that did so."""
        where: dict[str, list[str]] = {}
        for row in self.rows:
            if row.evaluation is None:
                continue
            for measure in row.evaluation.measures:
                if measure.decision is MeasureDecision.EMBED:
                    where.setdefault(measure.title, []).append(row.name)
        return sorted(
            ((title, tuple(names)) for title, names in where.items()),
            key=lambda item: (-len(item[1]), item[0].casefold()),
        )


def regional_evaluation(workspace: Workspace, made_on: date | None = None) -> RegionalEvaluation:
    with workspace.reading() as session:
        with_plan = set(
            session.scalars(
                select(Municipality.cbs_code).join(Plan, Plan.municipality_id == Municipality.id)
            )
        )
    made_on = made_on or date.today()
    rows = []
    for reference in region_members(workspace):
        if reference.cbs_code not in with_plan:
            rows.append(RegionalRow(reference.cbs_code, reference.name, None, None))
            continue
        view = evaluation_view(workspace, reference.cbs_code)
        rows.append(
            RegionalRow(
                reference.cbs_code,
                reference.name,
                view,
                rate_change(workspace, reference.cbs_code),
                view.held_on(made_on),
            )
        )
    return RegionalEvaluation(made_on, tuple(rows), REGIONAL_REFERENCE_RATE_2016)


def rate_change(workspace: Workspace, municipality_code: str) -> RateChange:
    figures = load_figures(workspace, municipality_code)
    summary: RateSummary = figures.rate_summary()
    national = figures.national_rates
    baseline = summary.baseline_year

    def national_in(year: int | None) -> float | None:
        if year is None or year not in national.index:
            return None
        return float(national[year])

    return RateChange(
        baseline_year=baseline,
        baseline_rate=summary.baseline_rate,
        latest_month=summary.month,
        rate=summary.rate,
        national_baseline=national_in(baseline),
        national_rate=summary.national_rate,
        national_year=summary.national_year,
    )
