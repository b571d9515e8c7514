"""The charts of the Cijfers screen, built from a figures snapshot: one call per chart kind,
so the screen, the render script and the tests draw exactly the same thing."""

from __future__ import annotations

from enum import StrEnum

from matplotlib.figure import Figure

from app.analysis.charts.goals import goal_progress_chart
from app.analysis.charts.hot_times import hot_times_chart
from app.analysis.charts.hotspots import hotspot_chart
from app.analysis.charts.monthly import monthly_counts_chart
from app.analysis.charts.rate import rate_chart
from app.analysis.frames import MUNICIPALITY_AREA
from app.core.figures.figures import Figures
from app.kernel.reference import REGIONAL_REFERENCE_RATE_2016


class ChartKind(StrEnum):
    MONTHLY = "maandcijfers"
    RATE = "inbraakrisico"
    HOTSPOTS = "hotspots"
    HOT_TIMES = "hottimes"
    GOALS = "doelstellingen"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ChartKind.MONTHLY: "Woninginbraken per maand",
    ChartKind.RATE: "Inbraakrisico per 1.000 woningen",
    ChartKind.HOTSPOTS: "Inbraakrisico per hotspot",
    ChartKind.HOT_TIMES: "Hottimes: inbraken per dag en uur",
    ChartKind.GOALS: "Voortgang van de doelstellingen",
}


# The charts that can show one buurt instead of the whole gemeente.
AREA_CHARTS = frozenset({ChartKind.MONTHLY, ChartKind.RATE, ChartKind.HOT_TIMES})


def chart_areas(figures: Figures) -> list[tuple[str, str]]:
    """The buurten with counts or incidents as (code, name), by name; the gemeente not included."""
    codes = set(figures.counts["total"].columns) | set(figures.incidents["area"])
    if figures.incident_counts is not None:
        codes |= set(figures.incident_counts["area"])
    codes.discard(MUNICIPALITY_AREA)
    named = [(code, figures.neighbourhood_names.get(code, code)) for code in codes]
    return sorted(named, key=lambda pair: (pair[1].casefold(), pair[0]))


def build_chart(
    figures: Figures, kind: ChartKind, place: str = "", area: str = MUNICIPALITY_AREA
) -> Figure:
    """The chart `kind` for the gemeente in `figures`; `place` (its name) goes in the title.

    `area` (a buurtcode) narrows the charts in AREA_CHARTS to one buurt; the others ignore it.
    """
    title = f"{kind.label}, {place}" if place else kind.label
    if kind is ChartKind.MONTHLY:
        advice = _advice(figures, "Importeer ze via Cijfers > Importeren.")
        return monthly_counts_chart(figures.area_counts(area), title, advice=advice)
    if kind is ChartKind.RATE:
        return rate_chart(
            figures.area_rates(area), figures.national_rates, REGIONAL_REFERENCE_RATE_2016, title
        )
    if kind is ChartKind.HOTSPOTS:
        codes = figures.shown_hotspots()
        return hotspot_chart(
            figures.rates[codes].dropna(how="all") if codes else figures.rates[[]],
            figures.area_rates(MUNICIPALITY_AREA)["rate"],
            figures.neighbourhood_names,
            REGIONAL_REFERENCE_RATE_2016,
            title,
            advice=_advice(
                figures,
                "Importeer maandcijfers en woningvoorraad per buurt via Cijfers > Importeren.",
            ),
        )
    if kind is ChartKind.HOT_TIMES:
        advice = _advice(figures, "Importeer incidenten via Cijfers > Importeren.")
        return hot_times_chart(figures.hot_times(area=area or None), title, advice=advice)
    return goal_progress_chart(figures.goal_progress(), title)


def _advice(figures: Figures, import_here: str) -> str:
    """How missing figures get here: imported in the gemeente's workspace, by package in the
    RSIV's."""
    return (
        import_here if figures.imported_here else "Ze komen binnen met het pakket van de gemeente."
    )
