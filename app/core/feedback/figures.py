"""The regional comparison a gemeente gets back: its own figures beside the region's.

Only facts from the regional overview: the gemeente's rate, the regional 8, the national
average, the average and median of the gemeenten with a package, its place among them and
its goals by state. Each figure has a fixed code, so the gemeente can show it in its own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean, median

from app.core.region.overview import RegionalOverview
from database.enums import GoalState

PER_THOUSAND = "per 1.000 woningen"


@dataclass(frozen=True)
class ComparisonFigure:
    code: str
    label: str
    value: float | None
    unit: str


def comparison_figures(overview: RegionalOverview, cbs_code: str) -> list[ComparisonFigure]:
    standing = overview.standing(cbs_code)
    rate = standing.rate
    rates = [row.rate.rate for row in overview.included if row.rate and row.rate.rate is not None]
    own = rate.rate if rate else None
    rank = None if own is None else 1 + sum(1 for other in rates if other > own)
    figures = [
        ComparisonFigure("rate", "Inbraakrisico, laatste 12 maanden", own, PER_THOUSAND),
        ComparisonFigure(
            "baseline_rate",
            f"Inbraakrisico in het basisjaar {rate.baseline_year}"
            if rate and rate.baseline_year
            else "Inbraakrisico in het basisjaar",
            rate.baseline_rate if rate else None,
            PER_THOUSAND,
        ),
        ComparisonFigure(
            "change_percent",
            "Verandering tegen het basisjaar",
            rate.change_percent if rate else None,
            "%",
        ),
        ComparisonFigure(
            "regional_reference",
            "Regionaal gemiddelde 2016 (de grens van de aanpak)",
            overview.regional_reference,
            PER_THOUSAND,
        ),
        ComparisonFigure(
            "national_rate",
            f"Landelijk gemiddelde {overview.national_year}"
            if overview.national_year
            else "Landelijk gemiddelde",
            overview.national_rate,
            PER_THOUSAND,
        ),
        ComparisonFigure(
            "regional_average",
            "Gemiddelde van de deelnemende gemeenten",
            mean(rates) if rates else None,
            PER_THOUSAND,
        ),
        ComparisonFigure(
            "regional_median",
            "Mediaan van de deelnemende gemeenten",
            median(rates) if rates else None,
            PER_THOUSAND,
        ),
        ComparisonFigure(
            "rank", "Plaats (1 = hoogste inbraakrisico)", rank, f"van {len(rates)} gemeenten"
        ),
    ]
    for state, label in (
        (GoalState.ON_TRACK, "Doelstellingen op koers"),
        (GoalState.AT_RISK, "Doelstellingen in gevaar"),
        (GoalState.BEHIND, "Doelstellingen achter"),
    ):
        figures.append(
            ComparisonFigure(f"goals_{state.value}", label, standing.goals_in(state), "aantal")
        )
    return figures
