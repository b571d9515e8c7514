"""Tijdlijn, Planversies and Evaluatie driven as a projectleider would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app.core.course.evaluation import evaluation_view
from app.core.course.revisions import list_revisions
from app.demo.gemeente import fill_demo
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow
from database.enums import B3WAnswer
from tests.ui.user_input import type_into


def _demo_window(make_window: object, workspace: Workspace) -> MainWindow:
    fill_demo(workspace, today=date(2018, 10, 15))  # in the memo's own calendar
    return make_window(workspace)  # type: ignore[operator]


def test_the_timeline_lists_what_is_late_on_the_chosen_day(
    qtbot: QtBot, make_window: object, workspace: Workspace
) -> None:
    window = _demo_window(make_window, workspace)
    window.navigate("timeline")
    page = window.page("timeline")
    type_into(qtbot, page.day, "1-11-2017")  # type: ignore[union-attr]
    assert page.late_list.count() == 1  # type: ignore[union-attr]
    assert "Niets te laat" in page.late_list.item(0).text()  # type: ignore[union-attr]
    type_into(qtbot, page.day, "20-11-2018")  # type: ignore[union-attr]
    texts = [page.late_list.item(i).text() for i in range(page.late_list.count())]  # type: ignore[union-attr]
    # The package for the werkgroep of 15 November was not sent (the demo plays in October).
    assert any("Pakket voor werkgroep 15-11-2018" in text for text in texts)
    assert page.chart.figure is not None  # type: ignore[union-attr]


def test_freeze_a_revision_and_compare_it_with_today(
    make_window: object, workspace: Workspace, qtbot: QtBot
) -> None:
    window = _demo_window(make_window, workspace)
    window.navigate("revisions")
    page = window.page("revisions")
    qtbot.keyClicks(page.name, "voor werkgroep januari")  # type: ignore[union-attr]
    qtbot.keyClick(page.name, Qt.Key.Key_Return)  # type: ignore[union-attr]
    assert [r.name for r in list_revisions(workspace)][-1] == "voor werkgroep januari"
    assert page.comparison is not None and page.comparison.count == 0  # type: ignore[union-attr]
    page.older.setCurrentIndex(0)  # type: ignore[union-attr]
    assert page.comparison.count > 0  # type: ignore[union-attr]
    assert page.changes.topLevelItemCount() > 0  # type: ignore[union-attr]
    qtbot.keyClicks(page.name, "voor werkgroep januari")  # type: ignore[union-attr]
    page.freeze_button.click()  # type: ignore[union-attr]
    assert "al een planversie" in page.message.text()  # type: ignore[union-attr]


def test_save_the_evaluation_and_undo_it(
    make_window: object, workspace: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    window = _demo_window(make_window, workspace)
    window.navigate("evaluation")
    page = window.page("evaluation")
    combo = page.b3w.cellWidget(0, 2)  # type: ignore[union-attr]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(B3WAnswer.NO))
    page.texts["successes"].set_text("Nieuwe successen")  # type: ignore[union-attr]
    page.save_button.click()  # type: ignore[union-attr]
    assert evaluation_view(workspace).data.successes == "Nieuwe successen"
    assert evaluation_view(workspace).data.b3w[0].answer is B3WAnswer.NO
    window.undo_stack.undo()
    assert evaluation_view(workspace).data.successes != "Nieuwe successen"

    page.make_pdf(tmp_path / "evaluatie.pdf")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "PDF gemaakt" in page.message.text(), timeout=20_000)  # type: ignore[union-attr]
    assert (tmp_path / "evaluatie.pdf").stat().st_size > 0
