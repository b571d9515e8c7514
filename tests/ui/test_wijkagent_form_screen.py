"""The projectleider sends the form and reads it back on the Hotspots screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from user_input import click

from app.core.hotspots import hotspots
from app.core.inspection.dump import dump_workspace
from app.core.matrix import measures
from app.demo.gemeente import fill_demo
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow
from database.enums import AnalysisState
from tests.exchange.form_filling import ANSWERS, fill_form


@pytest.fixture
def demo_window(qtbot: QtBot, make_window: object, workspace: Workspace) -> MainWindow:
    fill_demo(workspace, seed=2017)
    window = make_window(workspace)  # type: ignore[operator]
    overview = window.page("overview")
    qtbot.waitUntil(lambda: overview.figures_loaded, timeout=20_000)  # type: ignore[union-attr]
    window.navigate("hotspots")
    return window


def _choose_file(monkeypatch: pytest.MonkeyPatch, method: str, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, method, lambda *_args, **_kw: (str(path), ""))


def test_send_read_accept_undo_and_place_a_measure(
    qtbot: QtBot,
    demo_window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = demo_window.page("hotspots")
    panel = page.analysis  # type: ignore[attr-defined]
    bar = panel.form_bar
    hotspot_id = page.editor.current_id()  # type: ignore[attr-defined]
    before = hotspots.current_analysis(workspace, hotspot_id)

    blank = tmp_path / "formulier.xlsx"
    _choose_file(monkeypatch, "getSaveFileName", blank)
    click(qtbot, bar.make_button)
    qtbot.waitUntil(lambda: blank.exists() and bar.make_button.isEnabled(), timeout=20_000)
    assert panel.form.state.currentData() == AnalysisState.SENT

    filled = fill_form(blank, tmp_path / "ingevuld.xlsx")
    _choose_file(monkeypatch, "getOpenFileName", filled)
    click(qtbot, bar.read_button)
    qtbot.waitUntil(
        lambda: bar.comparison is not None and bar.comparison.isVisible(), timeout=20_000
    )
    dialog = bar.comparison
    assert dialog.table.rowCount() == 11
    click(qtbot, dialog.accept_button)

    stored = hotspots.current_analysis(workspace, hotspot_id)
    assert stored is not None and stored.state is AnalysisState.RECEIVED
    assert stored.offender == ANSWERS.texts["1. Dader"]
    assert panel.form.texts["offender"].text() == ANSWERS.texts["1. Dader"]
    assert len(panel.proposed.place_buttons) == len(ANSWERS.measures)

    demo_window.undo_stack.undo()
    undone = hotspots.current_analysis(workspace, hotspot_id)
    assert undone is not None and undone.offender == before.offender  # type: ignore[union-attr]
    demo_window.undo_stack.redo()
    assert hotspots.current_analysis(workspace, hotspot_id) == stored

    count = len(measures.measure_rows(workspace))
    click(qtbot, panel.proposed.place_buttons[0])
    placed = [m for m in measures.measure_rows(workspace) if m.title == ANSWERS.measures[0][0]]
    assert len(measures.measure_rows(workspace)) == count + 1 and placed
    assert placed[0].data.hot_item_ids == (hotspot_id,)
    assert len(panel.proposed.place_buttons) == len(ANSWERS.measures) - 1


def test_a_refused_form_is_explained_and_nothing_changes(
    qtbot: QtBot,
    demo_window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bar = demo_window.page("hotspots").analysis.form_bar  # type: ignore[attr-defined]
    before = dump_workspace(workspace)
    not_a_form = tmp_path / "boodschappen.xlsx"
    not_a_form.write_bytes(b"geen excel")
    _choose_file(monkeypatch, "getOpenFileName", not_a_form)
    click(qtbot, bar.read_button)
    qtbot.waitUntil(lambda: bar.message is not None and bar.message.isVisible(), timeout=20_000)
    assert "Het formulier is niet ingelezen" in bar.message.text()
    assert "geen Excel-werkmap" in bar.message.text()
    bar.message.close()
    assert bar.read_button.isEnabled() and bar.make_button.isEnabled()  # ready to try again
    assert dump_workspace(workspace) == before


def test_the_versions_are_listed_newest_first(qtbot: QtBot, demo_window: MainWindow) -> None:
    bar = demo_window.page("hotspots").analysis.form_bar  # type: ignore[attr-defined]
    click(qtbot, bar.versions_button)
    dialog = next(child for child in bar.children() if child.objectName() == "analysisVersions")
    assert dialog.list.item(0).text().startswith("Versie 2")
    assert "Dader" in dialog.text.toPlainText()
    dialog.close()
