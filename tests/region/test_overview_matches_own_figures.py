"""The regional overview computes every gemeente at once; each row must still hold exactly what
that gemeente's own figures (`load_figures`, the Overzicht's numbers) give, for gemeenten of
every shape: no package, no figures, CBS open data with withheld months, months filled from
the buurten, a missing month, dwellings only for later years, and goals of every kind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
from sqlalchemy import delete, func, select, update

from app.analysis.rate import rolling_rates
from app.core.figures.figures import load_figures
from app.core.figures.importing import import_figures
from app.core.region.overview import regional_overview
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.enums import GoalIndicator, GoalState
from database.models import DwellingStock, Goal, MonthlyFigure
from tests.opendata.files import MONTHS, crime_rows, dwelling_rows, write_csv, write_json
from tests.region.conftest import LEFT_OUT

AS_OF = date(2019, 1, 31)
DELFT, WADDINXVEEN, BODEGRAVEN, WESTLAND, RIJSWIJK, LEIDSCHENDAM = (
    "GM0503",
    "GM0627",
    "GM1901",
    "GM1783",
    "GM0603",
    "GM1916",
)


def _shape_the_region(workspace: Workspace, folder: Path) -> None:
    """Give the demo gemeenten the shapes a real region has."""
    figure = MonthlyFigure
    with workspace.reading() as session:
        last = session.scalar(
            select(func.max(figure.month)).where(figure.municipality_id == municipality_id(DELFT))
        )
    assert last is not None
    # CBS's fourteen months moved to end with Delft's last month.
    periods = {
        period: f"{month.year}MM{month.month:02d}"
        for period, month in zip(
            MONTHS, (_months_before(last, 13 - index) for index in range(14)), strict=True
        )
    }
    rows = crime_rows()
    for row in rows:
        row["Perioden"] = periods.get(str(row["Perioden"]), row["Perioden"])
        # Delft's own count of one month withheld by CBS
        if row["WijkenEnBuurten"] == DELFT.ljust(10) and row["Perioden"] == periods[MONTHS[-3]]:
            row["GeregistreerdeMisdrijven_1"] = None
    import_figures(workspace, write_json(folder / "47022NED.json", rows))
    import_figures(workspace, write_csv(folder / "kerncijfers-2017.csv", dwelling_rows()))
    figure = MonthlyFigure
    with workspace.transaction() as session:
        # Delft: its own last half year gone, so CBS's counts (without the split) fill it.
        session.execute(
            delete(figure).where(
                figure.municipality_id == municipality_id(DELFT),
                figure.neighbourhood_code.is_(None),
                figure.month >= _months_before(last, 5),
            )
        )
        # Waddinxveen: no gemeente rows in its last year, its buurten add up to the gemeente;
        # one area is a wijk, whose buurten are counted already.
        session.execute(
            delete(figure).where(
                figure.municipality_id == municipality_id(WADDINXVEEN),
                figure.neighbourhood_code.is_(None),
                figure.month >= date(last.year, 1, 1),
            )
        )
        buurt = session.scalar(
            select(func.min(figure.neighbourhood_code)).where(
                figure.municipality_id == municipality_id(WADDINXVEEN)
            )
        )
        session.execute(
            update(figure)
            .where(
                figure.municipality_id == municipality_id(WADDINXVEEN),
                figure.neighbourhood_code == buurt,
            )
            .values(neighbourhood_code="WK062701")
        )
        # Bodegraven-Reeuwijk: a package without figures.
        for model in (figure, DwellingStock):
            session.execute(
                delete(model).where(model.municipality_id == municipality_id(BODEGRAVEN))
            )
        # Westland: a month without any figure breaks the windows across it.
        session.execute(
            delete(figure).where(
                figure.municipality_id == municipality_id(WESTLAND),
                figure.month == date(2017, 9, 1),
            )
        )
        # Rijswijk: figures end two years before the region's, dwelling stock known only for
        # the region's last year (not carried back past its own months).
        session.execute(
            delete(figure).where(
                figure.municipality_id == municipality_id(RIJSWIJK),
                figure.month >= date(last.year - 1, 1, 1),
            )
        )
        stock = DwellingStock
        newest = select(func.max(stock.year)).where(
            stock.municipality_id == municipality_id(RIJSWIJK)
        )
        session.execute(
            delete(stock).where(
                stock.municipality_id == municipality_id(RIJSWIJK),
                stock.year != newest.scalar_subquery(),
            )
        )
        session.execute(
            update(stock)
            .where(stock.municipality_id == municipality_id(RIJSWIJK))
            .values(year=last.year)
        )
        # Leidschendam-Voorburg: goals of every indicator, for the gemeente, a buurt it has
        # figures for, and a buurt it has none for.
        buurt = session.scalar(
            select(figure.neighbourhood_code).where(
                figure.municipality_id == municipality_id(LEIDSCHENDAM),
                figure.neighbourhood_code.is_not(None),
            )
        )
        goals = session.scalars(
            select(Goal.id)
            .where(Goal.municipality_id == municipality_id(LEIDSCHENDAM))
            .order_by(Goal.id)
        ).all()
        shapes = [
            (indicator, area) for indicator in GoalIndicator for area in (None, buurt, "BU99999999")
        ]
        for goal_id, (indicator, area) in zip(goals, shapes, strict=False):
            session.execute(
                update(Goal)
                .where(Goal.id == goal_id)
                .values(indicator=indicator, neighbourhood_code=area)
            )


def _months_before(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def test_every_row_is_what_the_gemeentes_own_figures_give(
    rsiv_eight: Workspace, tmp_path: Path
) -> None:
    _shape_the_region(rsiv_eight, tmp_path)
    overview = regional_overview(rsiv_eight, AS_OF)

    assert overview.standing(LEFT_OUT).rate is None  # no package, no figures
    bodegraven = overview.standing(BODEGRAVEN).rate
    assert bodegraven is not None and bodegraven.rate is None and not bodegraven.months_with_counts
    delft = overview.standing(DELFT).rate
    assert delft is not None and delft.withheld_cells and delft.split_unknown
    rijswijk = overview.standing(RIJSWIJK).rate
    assert rijswijk is not None and rijswijk.rate is None and rijswijk.months_with_counts
    states = {progress.state for progress in overview.standing(LEIDSCHENDAM).goals}
    assert GoalState.UNKNOWN in states and len(states) > 1

    for row in overview.standings:
        own = load_figures(rsiv_eight, row.cbs_code)
        if row.rate is None:
            assert not row.has_package and own.rates.empty
            continue
        assert row.rate == own.rate_summary(), row.name
        assert row.goals == tuple(own.goal_progress()), row.name

    comparison = overview.comparison
    assert comparison is not None
    codes = {row.name: row.cbs_code for row in overview.standings}
    shown = [load_figures(rsiv_eight, codes[name]) for name, _ in comparison.gemeenten]
    for (name, series), own in zip(comparison.gemeenten, shown, strict=True):
        pd.testing.assert_series_equal(series, own.area_rates()["rate"].dropna(), obj=name)
    totals = pd.concat([own.counts["total"][""] for own in shown], axis=1)
    stock = pd.concat([own.stock[""] for own in shown], axis=1).reindex(totals.index)
    complete = totals.notna().all(axis=1) & stock.notna().all(axis=1)
    region = rolling_rates(
        pd.DataFrame({"": totals.sum(axis=1).where(complete)}),
        pd.DataFrame({"": stock.sum(axis=1).where(complete)}),
    )[""].dropna()
    assert not region.empty
    pd.testing.assert_series_equal(comparison.region, region)
