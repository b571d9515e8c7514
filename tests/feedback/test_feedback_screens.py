"""The screens: the Overzicht card, Bestand > Terugkoppeling RSIV inlezen, the RSIV's tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.feedback.suggestions import suggestion_rows
from app.kernel.workspace import Workspace
from app.ui.overview.feedback_card import FeedbackCard
from app.ui.overview.overview_page import OverviewPage
from app.ui.region.region_page import RegionPage
from app.ui.window.main_window import MainWindow
from tests.feedback.conftest import DELFT, GOUDA, SUGGESTIONS

JOB_TIMEOUT_MS = 60_000


def _read_in(qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    window.package_menu.feedback_action.trigger()
    importer = window.package_menu.feedback_importer
    assert importer is not None
    qtbot.waitUntil(lambda: importer.message is not None, timeout=JOB_TIMEOUT_MS)
    box = importer.message
    assert box is not None
    text = box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    importer.message = None
    return text


def _texts(card: FeedbackCard) -> str:
    """What the card says: its labels, and the whole text of lines cut short (tooltips)."""
    return " ".join(f"{label.text()} {label.toolTip()}" for label in card.findChildren(QLabel))


def _card(window: MainWindow) -> FeedbackCard:
    page = window.page("overview")
    assert isinstance(page, OverviewPage)
    card = page.cards["feedback"]
    assert isinstance(card, FeedbackCard)
    return card


def test_the_card_shows_the_feedback_read_in_through_the_menu(
    make_window: object,
    gouda: Workspace,
    feedback_files: dict[str, Path],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(gouda)  # type: ignore[operator]
    before = _card(window)
    assert not before.button.isEnabled()
    assert "Nog geen terugkoppeling" in _texts(before)
    assert window.package_menu.feedback_action.isVisible()

    told = _read_in(qtbot, window, feedback_files[GOUDA], monkeypatch)

    assert "2 suggestie(s)" in told and "niet gewijzigd" in told
    card = _card(window)
    shown = _texts(card)
    assert "15-03-2018" in shown and "Korte Akkeren" in shown
    assert card.button.isEnabled()
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    dialog = card.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.figures.rowCount() == 11
    assert dialog.figures.item(0, 0).text() == "Inbraakrisico, laatste 12 maanden"
    dialog.close()


def test_feedback_for_delft_is_refused_with_a_dutch_message(
    make_window: object,
    gouda: Workspace,
    feedback_files: dict[str, Path],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(gouda)  # type: ignore[operator]
    told = _read_in(qtbot, window, feedback_files[DELFT], monkeypatch)
    assert "Deze terugkoppeling is voor Delft" in told
    assert not _card(window).button.isEnabled()


def test_the_rsiv_enters_a_suggestion_and_exports_the_feedback(
    make_window: object,
    rsiv_nine: Workspace,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(rsiv_nine)  # type: ignore[operator]
    assert not window.package_menu.feedback_action.isVisible()
    page = window.page("overview")
    assert isinstance(page, RegionPage)
    tab = page.feedback
    page.tabs.setCurrentWidget(tab)
    gouda_row = next(
        row
        for row in range(tab.gemeenten.count())
        if tab.gemeenten.item(row).data(Qt.ItemDataRole.UserRole) == GOUDA
    )
    tab.gemeenten.setCurrentRow(gouda_row)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert "zonder tekst" in tab.error.text()
    qtbot.keyClicks(tab.text, SUGGESTIONS[0])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.suggestions.count() == 1
    assert [row.text for row in suggestion_rows(rsiv_nine, GOUDA)] == [SUGGESTIONS[0]]

    target = tmp_path / "terugkoppeling" / "gouda.xlsx"
    target.parent.mkdir()
    offered: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    with qtbot.waitSignal(page.feedback.exported, timeout=JOB_TIMEOUT_MS) as made:
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert target.is_file() and made.args[0][0].suggestions == 1
    assert Path(offered[0]).name.startswith("terugkoppeling-") and "Gouda" in offered[0]
    # The next export offers the folder chosen last.
    with qtbot.waitSignal(page.feedback.exported, timeout=JOB_TIMEOUT_MS):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert Path(offered[1]).parent == target.parent


def test_a_region_page_deleted_meanwhile_never_receives_its_figures(
    make_window: object, rsiv_nine: Workspace, qtbot: QtBot
) -> None:
    window = make_window(rsiv_nine)  # type: ignore[operator]
    shown = window.page("overview")
    assert isinstance(shown, RegionPage)
    page = RegionPage(shown._context)
    QApplication.processEvents()  # the timer starts the job
    job = page._job
    assert job is not None
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.jobs.wait(JOB_TIMEOUT_MS)
    QApplication.processEvents()  # a lambda holding the deleted page would raise here
