"""Fixtures for screen tests: a fresh workspace and a main window on it, cleaned up after.

Data folder and offscreen Qt come from tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.kernel.workspace import Workspace, create_workspace
from app.ui.window.main_window import MainWindow
from app.ui.window.settings import open_settings
from database.enums import WorkspaceRole


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "werkruimte.db"


@pytest.fixture
def workspace(workspace_path: Path) -> Iterator[Workspace]:
    """A new, empty workspace of Gouda for each test."""
    opened = create_workspace(workspace_path, WorkspaceRole.MUNICIPALITY, "GM0513")
    yield opened
    opened.close()


def _top_level_shown() -> list[str]:
    return [
        f"{type(widget).__name__}({widget.objectName()})"
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible()
    ]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[object]:
    """Builds main windows on a workspace; afterwards asserts no window was left open."""
    windows: list[MainWindow] = []

    def make(workspace: Workspace) -> MainWindow:
        window = MainWindow(open_settings(tmp_path))
        window.resize(1366, 768)
        window.attach(workspace)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        # Shortcuts and focus need the active window; offscreen activation is asynchronous.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    assert _top_level_shown() == []


@pytest.fixture
def window(make_window: object, workspace: Workspace) -> MainWindow:
    return make_window(workspace)  # type: ignore[operator]
