"""Help > Handleiding opens the Dutch guide in a window of the program, from local files."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow
from tests.journeys.user import back_in, open_menu

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_guide_opens_from_the_help_menu(qtbot: QtBot, demo_window: MainWindow) -> None:
    open_menu(qtbot, demo_window, "Help", "Handleiding")
    qtbot.waitUntil(lambda: any(w.objectName() == "guideWindow" for w in visible_windows()))
    [guide] = [w for w in visible_windows() if w.objectName() == "guideWindow"]
    assert guide.windowTitle().startswith("Handleiding")
    browser = guide.findChild(QTextBrowser)
    assert browser is not None
    text = browser.toPlainText()
    assert text.startswith("Handleiding voor de projectleider")
    assert "Ctrl+Z" in text
    # Local files only: the pictures load from disk, no link leaves the computer.
    assert browser.source().isLocalFile()
    picture = browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("screenshots/overview.png")
    )
    assert picture is not None and not picture.isNull()
    guide.close()
    back_in(qtbot, demo_window)


def test_every_picture_and_page_of_the_guide_exists_so_the_bundle_has_it() -> None:
    text = (DOCS / "handleiding.md").read_text("utf-8")
    targets = set(re.findall(r"\]\(([^)#]+)\)", text))
    assert targets
    assert [t for t in targets if not (DOCS / t).exists()] == []


def visible_windows() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]
