"""The first start: no gemeente is chosen for the user, and Beginnen waits for a choice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog
from pytestqt.qtbot import QtBot

from app.ui.window.launch import DesktopController
from app.ui.window.main_window import MainWindow
from app.ui.window.settings import open_settings
from tests.journeys.user import button, click, later, open_menu, visible


@pytest.fixture
def empty_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The program as it starts on a computer without a workspace."""
    window = MainWindow(open_settings(tmp_path))
    qtbot.addWidget(window)
    controller = DesktopController(window)  # kept alive for the test: it answers the menu
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    del controller
    if window.workspace is not None:
        window.workspace.close()


def test_beginnen_waits_until_the_user_chose_a_gemeente(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            later(in_the_dialog)
            return
        try:
            combo = visible(dialog, QComboBox)
            begin = button(dialog, "Beginnen")
            seen["shown"] = combo.currentText()
            seen["begin at first"] = begin.isEnabled()
            combo.setFocus()
            qtbot.keyClicks(combo, "Delft")  # typing a name picks it in a closed list
            seen["begin after"] = begin.isEnabled()
            click(qtbot, begin)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test waiting forever
                dialog.done(QDialog.DialogCode.Rejected)

    later(in_the_dialog)
    open_menu(qtbot, empty_window, "Bestand", "Nieuwe werkruimte…")
    qtbot.waitUntil(lambda: "begin after" in seen)
    assert seen["shown"] == ""  # the placeholder, no gemeente
    assert seen["begin at first"] is False
    assert seen["begin after"] is True
    qtbot.waitUntil(lambda: empty_window.workspace is not None)
    assert empty_window.windowTitle() == "Aanpak Woninginbraken — Delft"
