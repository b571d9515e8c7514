"""Every chart, drawn from demo data; what it shows is checked against the numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from app.analysis.charts.style import save_chart
from app.analysis.frames import MUNICIPALITY_AREA
from app.analysis.periods import is_dark_days
from app.core.figures.charts import ChartKind, build_chart
from app.core.figures.figures import Figures, load_figures
from app.demo.gemeente import fill_demo
from app.kernel.errors import UserError
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Figures]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True) as workspace:
        # In the memo's own years, where the published national figures are.
        fill_demo(workspace, today=date(2018, 10, 15))
        yield load_figures(workspace)


def _by_gid(figure: Figure, gid: str) -> list:
    return [artist for artist in figure.findobj() if artist.get_gid() == gid]


def test_monthly_chart_shows_the_last_12_months_and_the_year_before(figures: Figures) -> None:
    figure = build_chart(figures, ChartKind.MONTHLY)
    counts = figures.area_counts().dropna()
    shown, previous = counts.iloc[-12:], counts.iloc[-24:-12]
    completed = _by_gid(figure, "completed")
    attempts = _by_gid(figure, "attempts")
    assert [bar.get_height() for bar in completed] == list(shown["completed"])
    assert [bar.get_height() for bar in attempts] == list(shown["attempts"])
    assert [bar.get_y() for bar in attempts] == list(shown["completed"])
    line = _by_gid(figure, "previous_year")[0]
    assert list(line.get_ydata()) == list(previous["completed"] + previous["attempts"])
    dark = [month for month in shown.index if is_dark_days(month)]
    axes = figure.axes[0]
    assert len([patch for patch in axes.patches if patch.get_gid() is None]) >= len(dark)
    assert len(dark) == 6


def test_rate_chart_draws_the_rates_and_both_references(figures: Figures) -> None:
    figure = build_chart(figures, ChartKind.RATE)
    rates = figures.area_rates()
    assert np.allclose(_by_gid(figure, "rate")[0].get_ydata(), rates["rate"])
    assert np.allclose(_by_gid(figure, "rate_completed")[0].get_ydata(), rates["rate_completed"])
    assert list(_by_gid(figure, "regional")[0].get_ydata()) == [8.0, 8.0]
    national = _by_gid(figure, "national")[0]
    levels = sorted({round(segment[0][1], 3) for segment in national.get_segments()})
    expected = figures.national_rates
    years = range(rates.index[0].year, rates.index[-1].year + 1)
    assert levels == sorted(round(expected[year], 3) for year in years if year in expected)


def test_rate_chart_legend_names_every_line_and_covers_none(figures: Figures) -> None:
    figure = build_chart(figures, ChartKind.RATE)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # constrained layout places the legend while drawing
    [legend] = figure.legends
    assert [text.get_text() for text in legend.get_texts()] == [
        "Inbraakrisico (incl. pogingen)",
        "Alleen geslaagde inbraken",
        "Regionaal gemiddelde 2016 (8,0)",
        "Landelijk gemiddelde (per kalenderjaar)",
    ]
    renderer = canvas.get_renderer()
    plot_area = figure.axes[0].get_window_extent(renderer)
    assert not legend.get_window_extent(renderer).overlaps(plot_area)


def test_hotspot_chart_has_a_panel_per_hotspot_with_its_rate(figures: Figures) -> None:
    figure = build_chart(figures, ChartKind.HOTSPOTS)
    codes = figures.shown_hotspots()
    assert codes and set(codes) <= set(figures.hotspot_codes)
    for code in codes:
        line = _by_gid(figure, f"buurt:{code}")[0]
        values = figures.rates[code].dropna()
        assert np.allclose(np.asarray(line.get_ydata(), dtype=float)[-len(values) :], values)
    assert len([axes for axes in figure.axes if axes.get_visible()]) == len(codes)


def test_hot_times_heat_map_is_the_aoristic_table(figures: Figures) -> None:
    figure = build_chart(figures, ChartKind.HOT_TIMES)
    image = _by_gid(figure, "hot_times")[0]
    table = figures.hot_times()
    assert np.allclose(image.get_array(), table.to_numpy())
    assert table.to_numpy().sum() == pytest.approx(len(figures.incidents))


def test_goal_chart_draws_path_values_and_state_of_each_goal(figures: Figures) -> None:
    figure = build_chart(figures, ChartKind.GOALS)
    progress = figures.goal_progress()
    assert len(_by_gid(figure, "path")) == len(progress)
    states = [text.get_text() for text in _by_gid(figure, "state")]
    assert states == [item.state.label.upper() for item in progress]
    for path, item in zip(_by_gid(figure, "path"), progress, strict=True):
        assert list(path.get_ydata()) == [item.goal.baseline_value, item.goal.target_value]
    measured = [item for item in progress if item.history]
    assert len(_by_gid(figure, "history")) == len(measured)


@pytest.mark.parametrize("kind", list(ChartKind))
def test_every_chart_exports_as_png_and_svg(
    figures: Figures, kind: ChartKind, tmp_path: Path
) -> None:
    figure = build_chart(figures, kind, "Gouda")
    png = save_chart(figure, tmp_path / f"{kind.value}.png")
    svg = save_chart(figure, tmp_path / f"{kind.value}.svg")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in svg.read_bytes()[:1000]


def test_an_unknown_export_format_is_refused(figures: Figures, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="alleen als PNG of SVG"):
        save_chart(build_chart(figures, ChartKind.RATE), tmp_path / "grafiek.jpg")


def test_charts_without_data_say_what_to_do(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "leeg.db", WorkspaceRole.MUNICIPALITY, "GM0513") as ws:
        empty = load_figures(ws)
    for kind in ChartKind:
        texts = [text.get_text() for text in build_chart(empty, kind).texts]
        assert texts and texts[0].startswith(("Nog", "Geen")), kind
    assert empty.rate_summary().rate is None
    assert MUNICIPALITY_AREA not in empty.rates.columns or empty.rates.empty
    texts = [text.get_text() for text in build_chart(empty, ChartKind.MONTHLY).texts]
    assert texts == ["Nog geen maandcijfers. Importeer ze via Cijfers > Importeren."]


def test_in_the_rsiv_workspace_missing_figures_are_awaited_from_the_package(
    tmp_path: Path,
) -> None:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as ws:
        empty = load_figures(ws, "GM0513")
    assert not empty.imported_here
    for kind in (ChartKind.MONTHLY, ChartKind.HOTSPOTS, ChartKind.HOT_TIMES):
        [text] = [text.get_text() for text in build_chart(empty, kind).texts]
        assert text.endswith("Ze komen binnen met het pakket van de gemeente."), kind
        assert "Importeer" not in text


def _overlaps(first: list, second: list) -> bool:
    return any(a.overlaps(b) for a in first for b in second)


def test_hotspot_chart_axis_labels_do_not_run_together(figures: Figures) -> None:
    figure = build_chart(figures, ChartKind.HOTSPOTS)
    canvas = FigureCanvasAgg(figure)
    figure.set_size_inches(9.0, figure.get_size_inches()[1])  # a 1280x720 screen's chart area
    canvas.draw()
    renderer = canvas.get_renderer()
    for axes in figure.axes:
        if not axes.get_visible():
            continue
        boxes = [
            label.get_window_extent(renderer)
            for label in axes.get_xticklabels()
            if label.get_text() and label.get_visible()
        ]
        assert not any(a.overlaps(b) for a, b in pairwise(boxes))


def test_goal_chart_legend_covers_no_panel(figures: Figures) -> None:
    figure = build_chart(figures, ChartKind.GOALS)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    [legend] = figure.legends
    assert [text.get_text() for text in legend.get_texts()][:2] == ["Lijn naar het doel", "Doel"]
    panels = [axes.get_window_extent(renderer) for axes in figure.axes]
    title = figure._suptitle.get_window_extent(renderer)  # type: ignore[union-attr]
    assert not _overlaps([legend.get_window_extent(renderer)], [*panels, title])
    assert all(axes.get_legend() is None for axes in figure.axes)
