"""Undo tests: every edit screen makes an edit, then Ctrl+Z and Ctrl+Y as a user types them.

The keys go to the navigation list: a focused text field would take Ctrl+Z for itself.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier

Keys = Callable[[MainWindow], None]


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    navigation = window.findChild(QListWidget, "navigation")
    assert navigation is not None
    navigation.setFocus()
    qtbot.keyClick(navigation, key, CTRL)


@pytest.fixture
def ctrl_z(qtbot: QtBot) -> Keys:
    return lambda window: _press(qtbot, window, Qt.Key.Key_Z)


@pytest.fixture
def ctrl_y(qtbot: QtBot) -> Keys:
    return lambda window: _press(qtbot, window, Qt.Key.Key_Y)
