"""What the wijkagent's form tells about a hotspot before asking anything: the figures known
for its buurt and, where incidents exist, when in the week burglaries happen there.

Loads pandas (through app.core.figures.figures), so callers import this only when making a form.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis.numbers import dutch_number
from app.core.figures.figures import Figures, load_figures
from app.exchange.form_layout import HotTimesTable
from app.kernel.workspace import Workspace

HOURS_PER_BLOCK = 4


@dataclass(frozen=True)
class HotspotPlace:
    """The hotspot as the plan describes it."""

    label: str
    neighbourhood_code: str
    neighbourhood_name: str
    description: str


def hotspot_facts(
    workspace: Workspace, place: HotspotPlace
) -> tuple[tuple[tuple[str, str], ...], HotTimesTable | None]:
    """The read-only lines at the top of the form, and the hot-times table (or None)."""
    summary = workspace.summary
    figures = load_figures(workspace)
    code = place.neighbourhood_code
    buurt = (
        f"{place.neighbourhood_name or code} ({code})" if code else "niet aan een buurt gekoppeld"
    )
    facts = [
        ("Hotspot", place.label),
        ("Buurt", buurt),
        ("Gemeente", f"{summary.municipality_name} ({summary.municipality_code})"),
    ]
    rates = figures.neighbourhood_rates()
    known = rates[rates["code"] == code] if code else rates.iloc[0:0]
    municipality = figures.rate_summary()
    if known.empty or municipality.month is None:
        facts.append(("Cijfers", "Voor deze buurt zijn nog geen inbraakcijfers bekend."))
    else:
        row = known.iloc[0]
        month = f"{municipality.month:%m-%Y}"
        if row["burglaries"] == row["burglaries"]:  # not NaN
            facts.append(
                (
                    "Inbraken (12 maanden)",
                    f"{dutch_number(row['burglaries'], 0)}, inclusief pogingen, in de 12 maanden "
                    f"tot en met {month}",
                )
            )
        if row["rate"] == row["rate"] and municipality.rate is not None:
            facts.append(
                (
                    "Inbraken per 1.000 woningen",
                    f"{dutch_number(row['rate'], 1)} in deze buurt; "
                    f"{dutch_number(municipality.rate, 1)} in heel {summary.municipality_name}; "
                    "regionaal referentiecijfer "
                    f"{dutch_number(municipality.regional_reference, 1)}",
                )
            )
    if place.description.strip():
        facts.append(("Wat al bekend is", place.description.strip()))
    return tuple(facts), _hot_times(figures, code, place.neighbourhood_name or code)


def _hot_times(figures: Figures, code: str, buurt: str) -> HotTimesTable | None:
    incidents = figures.incidents
    here = incidents[incidents["area"] == code] if code else incidents.iloc[0:0]
    if here.empty:
        return None
    table = figures.hot_times(area=code)
    blocks = range(0, 24, HOURS_PER_BLOCK)
    rows = tuple(
        (
            str(day).capitalize(),
            tuple(
                float(table.loc[day, start : start + HOURS_PER_BLOCK - 1].sum()) for start in blocks
            ),
        )
        for day in table.index
    )
    first, last = here["window_start"].min(), here["window_end"].max()
    return HotTimesTable(
        blocks=tuple(f"{start}-{start + HOURS_PER_BLOCK} uur" for start in blocks),
        rows=rows,
        caption=(
            f"Wanneer wordt er ingebroken in {buurt}? {len(here)} inbraken (inclusief pogingen) "
            f"van {first:%d-%m-%Y} tot en met {last:%d-%m-%Y}. Elke inbraak telt als 1, "
            "verdeeld over het tijdvak waarin ze gepleegd kan zijn."
        ),
    )
