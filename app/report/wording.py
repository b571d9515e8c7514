"""Dutch wording shared by the PDF and the Excel report: dates, amounts, rates, states."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.analysis.numbers import dutch_number
from app.analysis.periods import MONTH_NAMES
from database.enums import GoalState

if TYPE_CHECKING:
    from app.core.region.overview import MatrixCellKey, MunicipalityStanding, RegionalOverview

NOT_KNOWN = "—"
PRIVACY_NOTE = (
    "Privacy: namen en andere persoonsgegevens van verdachten staan niet in deze "
    "rapportage. Hotshots en hotgroups staan er alleen als aantal. Cijfers in "
    "demowerkruimten zijn illustratief."
)


def long_date(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    return NOT_KNOWN if day is None else f"{day:%d-%m-%Y}"


def euros(amount: int) -> str:
    return f"€ {dutch_number(amount, 0)}"


def rate_text(value: float | None) -> str:
    return NOT_KNOWN if value is None else dutch_number(value, 1)


def change_text(row: MunicipalityStanding) -> str:
    """'-5,8 (-30%) t.o.v. 2016' or a dash."""
    rate = row.rate
    if rate is None or rate.change is None:
        return NOT_KNOWN
    percent = rate.change_percent
    sign = "+" if rate.change > 0 else ""
    share = f" ({sign}{dutch_number(percent, 0)}%)" if percent is not None else ""
    return f"{sign}{dutch_number(rate.change, 1)}{share}"


def cell_label(cell: MatrixCellKey) -> str:
    group, kind = cell
    return f"{group.label} / {kind.label}"


def goals_text(row: MunicipalityStanding) -> str:
    """'2 op koers, 1 risico, 1 achter' (unknown ones added when there are any)."""
    parts = [
        f"{row.goals_in(state)} {state.label}"
        for state in (GoalState.ON_TRACK, GoalState.AT_RISK, GoalState.BEHIND)
    ]
    unknown = row.goals_in(GoalState.UNKNOWN)
    if unknown:
        parts.append(f"{unknown} {GoalState.UNKNOWN.label}")
    return ", ".join(parts)


def goal_counts(row: MunicipalityStanding) -> str:
    """'2 / 1 / 1' (on track / at risk / behind), '+1 onbekend' added when there are any."""
    text = " / ".join(
        str(row.goals_in(state))
        for state in (GoalState.ON_TRACK, GoalState.AT_RISK, GoalState.BEHIND)
    )
    unknown = row.goals_in(GoalState.UNKNOWN)
    return f"{text} (+{unknown} onbekend)" if unknown else text


def werkgroep_text(overview: RegionalOverview) -> str:
    """Which werkgroep the packages are counted for, in one sentence."""
    if overview.next_werkgroep is not None:
        since = (
            f" (binnen = ontvangen na de werkgroep van {long_date(overview.previous_werkgroep)})"
            if overview.previous_werkgroep
            else ""
        )
        return f"Volgende werkgroep: {long_date(overview.next_werkgroep)}{since}."
    assert overview.previous_werkgroep is not None
    return (
        "De werkgroepen van de memo zijn geweest; binnen = ontvangen na de laatste werkgroep "
        f"({long_date(overview.previous_werkgroep)})."
    )


def in_text(row: MunicipalityStanding) -> str:
    if not row.has_package:
        return "ontbreekt"
    return "ja" if row.in_for_next else "nee, ouder pakket"


def rate_intro(overview: RegionalOverview) -> str:
    """What the rate in the regional tables means, and the region's and country's reference."""
    national = (
        f"; landelijk gemiddelde {overview.national_year}: {rate_text(overview.national_rate)}."
        if overview.national_rate is not None
        else "."
    )
    return (
        "Inbraakrisico: woninginbraken incl. pogingen per 1.000 woningen over de laatste 12 "
        "maanden met cijfers, vergeleken met de nulmeting (2016). Regionaal gemiddelde 2016: "
        f"{rate_text(overview.regional_reference)}{national}"
    )


def open_data_text(overview: RegionalOverview) -> str:
    """Which gemeenten' counts come from CBS open data (no split) and what CBS withheld; ""
    when none do."""
    rows = [row for row in overview.standings if row.rate is not None and row.rate.split_unknown]
    if not rows:
        return ""
    text = (
        f"Cijfers uit CBS open data (47022NED) voor {', '.join(row.name for row in rows)}: "
        "incl. pogingen, verdeling onbekend."
    )
    withheld = [
        f"{row.name} {rate.withheld_cells}"
        for row in rows
        if (rate := row.rate) is not None and rate.withheld_cells  # every row has a rate
    ]
    if withheld:
        text += f" Door CBS achtergehouden cellen (onbekend, niet 0): {', '.join(withheld)}."
    return text


def attention_points(row: MunicipalityStanding) -> list[tuple[str, str]]:
    """What the werkgroep should discuss about a gemeente with a package: (subject, one Dutch
    sentence) each; empty when nothing. The report of a large region prints only these."""
    points = []
    if not row.in_for_next:
        points.append(
            (
                "pakket",
                f"Pakket van {short_date(row.package_date)} is niet binnen voor de werkgroep: "
                "de cijfers zijn van vóór de vorige werkgroep.",
            )
        )
    rate = row.rate
    if rate is not None and rate.above_regional and (rate.change is None or rate.change >= 0):
        points.append(
            (
                "inbraakrisico",
                f"Inbraakrisico {rate_text(rate.rate)} ligt boven het regionale gemiddelde en "
                f"is niet gedaald ({change_text(row)} t.o.v. "
                f"{rate.baseline_year or 'de nulmeting'}).",
            )
        )
    # By title: the same order whichever store the goals were read from.
    behind = sorted(
        (p for p in row.goals if p.state is GoalState.BEHIND), key=lambda p: p.goal.title
    )
    if behind:
        goals = "; ".join(
            f"{p.goal.title} (nu {_value(p.current_value)}, streefwaarde "
            f"{_value(p.goal.target_value)} op {short_date(p.goal.deadline)})"
            for p in behind
        )
        points.append(
            (
                "doelstellingen",
                f"{len(behind)} van {len(row.goals)} doelstellingen achter: {goals}.",
            )
        )
    if row.actions.overdue:
        points.append(
            (
                "acties",
                f"{row.actions.overdue} van de {row.actions.open} open acties over de termijn.",
            )
        )
    if row.matrix_gaps:
        cells = ", ".join(cell_label(cell) for cell in row.matrix_gaps)
        points.append(("3D-matrix", f"Lege cellen in de 3D-matrix: {cells}."))
    return points


def _value(value: float | None) -> str:
    return NOT_KNOWN if value is None else dutch_number(value)
