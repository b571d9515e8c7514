"""Shortcuts of a screen that work wherever the focus is in the window.

Right after a screen is chosen in the navigation the focus is still in the navigation, and
Ctrl+N must work there too. Qt turns off the shortcuts of a hidden widget, so only the screen
(and the tab) on view answers; a dialog is a window of its own and keeps its keys.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def screen_shortcut(
    screen: QWidget, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object]
) -> QShortcut:
    shortcut = QShortcut(QKeySequence(keys), screen)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(slot)
    return shortcut
