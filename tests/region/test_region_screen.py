"""The RSIV's Overzicht is the regional overview: its tables show the services' numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.region.overview import regional_overview
from app.kernel.workspace import Workspace, open_workspace
from app.report import wording
from app.ui.region.region_page import RegionPage
from app.ui.widgets.chart_view import ChartView

AS_OF = date(2019, 1, 31)


def _region_page(make_window: object, workspace: Workspace, qtbot: QtBot) -> RegionPage:
    window = make_window(workspace)  # type: ignore[operator]
    page = window.page("overview")
    assert isinstance(page, RegionPage)
    return page


def test_the_regional_table_shows_each_gemeente(
    make_window: object, rsiv_eight: Workspace, qtbot: QtBot, qtmodeltester: object
) -> None:
    page = _region_page(make_window, rsiv_eight, qtbot)
    page.clock = lambda: AS_OF
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.refresh()
    expected = regional_overview(rsiv_eight, AS_OF)
    model = page.standings
    assert model.rowCount() == 9
    for number, row in enumerate(expected.standings):
        assert model.index(number, 0).data() == row.name
        assert model.index(number, 1).data() == wording.rate_text(
            row.rate.rate if row.rate else None
        )
        assert model.index(number, 9).data() == wording.in_text(row)
    assert "Ontbreekt: Midden-Delfland" in page.subtitle.text()
    assert page.matrix is not None and page.matrix.rowCount() == 8
    assert page.practices.rowCount() > 0
    for tested in (model, page.matrix, page.practices):
        qtmodeltester.check(tested)  # type: ignore[attr-defined]
    page.tabs.setCurrentWidget(page.charts)
    # Rates per gemeente, the rates through time against region and land, the 3D matrix.
    assert page.charts.layout().count() == 3
    comparison = page.charts.findChild(ChartView, "rateComparison")
    assert comparison is not None and comparison.figure is not None
    lines = {line.get_gid() for line in comparison.figure.axes[0].get_lines()}
    assert {"region", "gemeente-Gouda"} <= lines


def test_the_werkgroep_report_is_made_off_the_gui_thread(
    make_window: object, rsiv_nine: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    from app.ui.region.report import ReportMaker

    page = _region_page(make_window, rsiv_nine, qtbot)
    maker = ReportMaker(rsiv_nine, page._context.jobs, page)
    with qtbot.waitSignal(maker.done, timeout=60000) as made:
        maker.make(tmp_path / "werkgroep.pdf", "werkgroep", AS_OF)
    assert Path(made.args[0]).read_bytes().startswith(b"%PDF")


def test_the_window_shows_which_colleagues_work_in_the_server_workspace(
    make_window: object,
    rsiv_nine: Workspace,
    rsiv_store: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(rsiv_nine)  # type: ignore[operator]
    label = window.colleagues_label
    assert label.isHidden()
    if rsiv_store == "sqlite":
        return  # a file has one user at a time
    assert rsiv_nine.server is not None
    monkeypatch.setenv("LOGNAME", "collega-bram")
    monkeypatch.setenv("USER", "collega-bram")
    with open_workspace(rsiv_nine.server):
        window.show_colleagues()
        assert not label.isHidden()
        assert label.text() == "Ook aan het werk: collega-bram"


def test_the_regional_evaluation_pdf_is_made_from_its_button(
    make_window: object,
    rsiv_nine: Workspace,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    from app.ui.region.evaluation_page import RegionalEvaluationPage

    target = tmp_path / "rbo" / "regionale-evaluatie.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window = make_window(rsiv_nine)  # type: ignore[operator]
    window.navigate("evaluation")
    page = window.page("evaluation")
    assert isinstance(page, RegionalEvaluationPage)
    qtbot.waitUntil(lambda: "gemeenten hebben een evaluatie" in page.status.text(), timeout=30000)
    QTest.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert not page.pdf_button.isEnabled()  # one PDF at a time
    qtbot.waitUntil(lambda: "PDF gemaakt" in page.status.text(), timeout=60000)
    assert page.pdf_button.isEnabled()
    assert target.read_bytes().startswith(b"%PDF")
    assert window.settings.evaluation_folder == target.parent  # the next PDF starts there
