"""Charts for one buurt: which buurten can be chosen, and that a chart shows only that buurt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.figures.charts import AREA_CHARTS, ChartKind, build_chart, chart_areas
from app.core.figures.figures import Figures, load_figures
from app.demo.gemeente import fill_demo
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Figures]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True) as workspace:
        fill_demo(workspace)
        yield load_figures(workspace)


def test_the_buurten_with_figures_are_offered_by_name(figures: Figures) -> None:
    areas = chart_areas(figures)
    names = [name for _code, name in areas]
    assert names == sorted(names, key=str.casefold)
    codes = {code for code, _name in areas}
    assert "" not in codes
    assert set(figures.incidents["area"]) <= codes
    assert all(figures.neighbourhood_names[code] == name for code, name in areas)


def test_a_buurt_chart_shows_that_buurt_only(figures: Figures) -> None:
    code = figures.shown_hotspots()[0]
    assert {ChartKind.MONTHLY, ChartKind.RATE, ChartKind.HOT_TIMES} == AREA_CHARTS
    rate = build_chart(figures, ChartKind.RATE, "Sterrenpark", code)
    [line] = [line for line in rate.axes[0].get_lines() if line.get_gid() == "rate"]
    assert line.get_ydata()[-1] == pytest.approx(figures.area_rates(code)["rate"].iloc[-1])
    heat = build_chart(figures, ChartKind.HOT_TIMES, "Sterrenpark", code)
    [image] = heat.axes[0].get_images()
    incidents = int((figures.incidents["area"] == code).sum())
    assert image.get_array().sum() == pytest.approx(incidents)
    assert incidents < len(figures.incidents)
