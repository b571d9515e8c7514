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
from app.core.figures import Figures
from app.core.reference import REGIONAL_REFERENCE_RATE_2016


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


def build_chart(figures: Figures, kind: ChartKind, place: str = "") -> Figure:
    """The chart `kind` for the gemeente in `figures`; `place` (its name) goes in the title."""
    title = f"{kind.label}, {place}" if place else kind.label
    if kind is ChartKind.MONTHLY:
        return monthly_counts_chart(figures.area_counts(), title)
    if kind is ChartKind.RATE:
        return rate_chart(
            figures.area_rates(), figures.national_rates, REGIONAL_REFERENCE_RATE_2016, title
        )
    if kind is ChartKind.HOTSPOTS:
        codes = figures.shown_hotspots()
        return hotspot_chart(
            figures.rates[codes].dropna(how="all") if codes else figures.rates[[]],
            figures.area_rates(MUNICIPALITY_AREA)["rate"],
            figures.neighbourhood_names,
            REGIONAL_REFERENCE_RATE_2016,
            title,
        )
    if kind is ChartKind.HOT_TIMES:
        return hot_times_chart(figures.hot_times(), title)
    return goal_progress_chart(figures.goal_progress(), title)
