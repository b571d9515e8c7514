"""The Cijfers screen driven as a projectleider would: import files, read the rate, switch
charts, save them, correct the national series; then check the workspace through services."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from user_input import CTRL, click, type_into

from app.core.figures.charts import ChartKind
from app.core.figures.figures import load_figures
from app.core.figures.importing import import_figures
from app.core.figures.national_reference import national_series
from app.kernel.workspace import Workspace
from app.ui.figures.figures_page import FiguresPage
from app.ui.window.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
JOB_TIMEOUT_MS = 10_000


def open_figures(window: MainWindow) -> FiguresPage:
    window.navigate("figures")
    page = window.page("figures")
    assert isinstance(page, FiguresPage)
    return page


def import_through_screen(
    qtbot: QtBot, page: FiguresPage, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+I, pick `path` in the (patched) file dialog, wait for the background job."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "Cijfers")
    )
    page.tabs.setFocus()
    qtbot.keyClick(page.tabs, Qt.Key.Key_I, CTRL)
    assert page.importer.job is not None
    assert not page.import_button.isEnabled()
    qtbot.waitUntil(lambda: page.importer.job is None, timeout=JOB_TIMEOUT_MS)
    assert page.import_button.isEnabled()


def chart_lines(page: FiguresPage) -> dict[str, object]:
    figure = page.chart_view.figure
    assert figure is not None
    return {line.get_gid(): line for axes in figure.axes for line in axes.get_lines()}


def test_importing_the_example_files_shows_the_rate(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_figures(window)
    assert page.rate_panel.rate.value.text() == "—"
    assert "Nog geen cijfers" in page.rate_panel.hint.text()
    assert page.rate_panel.hint.isVisibleTo(page)

    import_through_screen(qtbot, page, EXAMPLES / "woningvoorraad.csv", monkeypatch)
    assert page.result.text() == "6 cijfers woningvoorraad ingelezen (2016 t/m 2017)."
    import_through_screen(qtbot, page, EXAMPLES / "maandcijfers.csv", monkeypatch)

    summary = load_figures(workspace).rate_summary()
    assert summary.months_with_counts == 12 and summary.rate is not None
    assert page.rate_panel.rate.value.text() == f"{summary.rate:.1f}".replace(".", ",")
    assert page.rate_panel.completed.value.text() == (
        f"{summary.rate_completed:.1f}".replace(".", ",")
    )
    assert "dec 2017" in page.rate_panel.rate.detail.text()
    assert "Gouda zit er" in page.rate_panel.regional.detail.text()
    assert not page.rate_panel.hint.isVisibleTo(page)
    assert page.result.text().startswith("36 maandcijfers ingelezen (jan 2017 t/m dec 2017)")
    assert window.statusBar().currentMessage().startswith(page.result.text())
    assert "niet ongedaan met Ctrl+Z" in window.statusBar().currentMessage()

    # The same months again replace what is there, and the screen says so.
    import_through_screen(qtbot, page, EXAMPLES / "maandcijfers.csv", monkeypatch)
    assert "36 eerder ingelezen regels voor dezelfde periode vervangen" in page.result.text()
    assert load_figures(workspace).monthly.shape[0] == 36


def test_a_broken_file_lists_its_errors_and_stores_nothing(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    broken = tmp_path / "maart.csv"
    broken.write_text(
        "periode;gemeentecode;buurtcode;woninginbraken;pogingen\n"
        "2018-01;GM0513;;35;4\n"
        "2018-02;GM0513;;veel;3\n"
        "2018-03;GM0513;;-2;1\n",
        encoding="utf-8",
    )
    page = open_figures(window)
    import_through_screen(qtbot, page, broken, monkeypatch)

    dialog = page.importer.errors_dialog
    assert dialog is not None and dialog.isVisible()
    assert "maart.csv is niet ingelezen; er is niets opgeslagen" in dialog.summary.text()
    assert "2 fouten" in dialog.summary.text()
    lines = dialog.errors.toPlainText().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Rij 3, kolom 'woninginbraken'")
    assert lines[1].startswith("Rij 4, kolom 'woninginbraken'")
    click(qtbot, dialog.copy_button)
    assert "Rij 3, kolom 'woninginbraken'" in QApplication.clipboard().text()
    assert not page.result.isVisible()
    assert load_figures(workspace).monthly.empty
    dialog.reject()


def test_a_file_that_is_not_a_table_is_refused_in_the_same_dialog(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    picture = tmp_path / "foto.png"
    picture.write_bytes(b"\x89PNG\r\n")
    page = open_figures(window)
    import_through_screen(qtbot, page, picture, monkeypatch)
    dialog = page.importer.errors_dialog
    assert dialog is not None
    assert "geen CSV- of Excel-bestand" in dialog.errors.toPlainText()
    assert load_figures(workspace).monthly.empty
    dialog.reject()


def test_charts_follow_the_tab_and_the_area(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    for name in ("woningvoorraad", "maandcijfers", "incidenten"):
        import_figures(workspace, EXAMPLES / f"{name}.csv")
    figures = load_figures(workspace)
    page = open_figures(window)

    page.tabs.setCurrentIndex(list(ChartKind).index(ChartKind.RATE))
    rate = chart_lines(page)["rate"]
    assert rate.get_ydata()[-1] == pytest.approx(figures.rate_summary().rate)
    assert "Inbraakrisico" in page.chart_view.figure.axes[0].get_title(loc="left")

    # One buurt instead of the whole gemeente.
    page.tabs.setCurrentIndex(list(ChartKind).index(ChartKind.MONTHLY))
    assert page.area.isVisibleTo(page)
    page.area.setCurrentIndex(page.area.findData("BU05130001"))
    figure = page.chart_view.figure
    bars = [patch.get_height() for patch in figure.axes[0].patches if patch.get_gid()]
    expected = figures.area_counts("BU05130001").dropna()
    assert sum(bars) > 0
    assert sum(bars) == expected["completed"].sum() + expected["attempts"].sum()
    assert "BU05130001" in figure.axes[0].get_title(loc="left")

    page.tabs.setCurrentIndex(list(ChartKind).index(ChartKind.HOT_TIMES))
    [image] = page.chart_view.figure.axes[0].get_images()
    assert image.get_array().sum() == pytest.approx(
        figures.hot_times(area="BU05130001").to_numpy().sum()
    )

    page.tabs.setCurrentIndex(list(ChartKind).index(ChartKind.HOTSPOTS))
    assert not page.area.isVisibleTo(page)
    assert page.scope.isVisibleTo(page)


def test_saving_a_chart_as_png_and_svg(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import_figures(workspace, EXAMPLES / "woningvoorraad.csv")
    import_figures(workspace, EXAMPLES / "maandcijfers.csv")
    page = open_figures(window)
    page.tabs.setCurrentIndex(list(ChartKind).index(ChartKind.RATE))
    for suffix, chosen in ((".png", "PNG-afbeelding (*.png)"), (".svg", "SVG-afbeelding (*.svg)")):
        target = tmp_path / "risico"  # without a suffix: the chosen filter decides
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *args, c=chosen, t=target: (str(t), c)
        )
        click(qtbot, page.save_button)
        saved = target.with_suffix(suffix)
        assert saved.is_file() and saved.stat().st_size > 1000
        assert str(saved) in window.statusBar().currentMessage()
    assert (tmp_path / "risico.png").read_bytes().startswith(b"\x89PNG")
    assert "<svg" in (tmp_path / "risico.svg").read_text(encoding="utf-8")


def test_editing_the_national_series_and_undoing_it(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = open_figures(window)
    page.tabs.setCurrentIndex(len(ChartKind))
    editor = page.national_editor
    assert editor.isVisibleTo(page)
    before = national_series(workspace)
    assert editor.year.value() == before[-1].year  # the latest year is ready to edit

    type_into(qtbot, editor.year, "2019")
    type_into(qtbot, editor.burglaries, "37000")
    type_into(qtbot, editor.dwellings, "7800000")
    type_into(qtbot, editor.source, "CBS/politie 2019")
    click(qtbot, editor.save_button)

    added = national_series(workspace)[-1]
    assert (added.year, added.burglaries, added.dwellings) == (2019, 37000, 7800000)
    assert editor.table.rowCount() == len(before) + 1
    assert page.rate_panel.national.caption.text() == "Landelijk gemiddelde 2019"

    window.undo_stack.undo()
    assert national_series(workspace) == before
    assert editor.table.rowCount() == len(before)
    assert page.rate_panel.national.caption.text() == f"Landelijk gemiddelde {before[-1].year}"

    # Changing an existing year and undoing it puts the old figures back.
    editor.table.selectRow(0)
    assert editor.year.value() == before[0].year
    type_into(qtbot, editor.burglaries, "1")
    click(qtbot, editor.save_button)
    assert national_series(workspace)[0].burglaries == 1
    window.undo_stack.undo()
    assert national_series(workspace) == before

    editor.table.selectRow(0)
    click(qtbot, editor.remove_button)
    assert [entry.year for entry in national_series(workspace)] == [
        entry.year for entry in before[1:]
    ]
    window.undo_stack.undo()
    assert national_series(workspace) == before
