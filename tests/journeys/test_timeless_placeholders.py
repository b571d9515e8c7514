"""Examples in empty fields stay true whatever year the program is used in: no placeholder
names a year (the Planversies example said 'na gebiedsscan 2018')."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow
from tests.journeys.user import go_to

YEAR = re.compile(r"\b(19|20)\d\d\b")


def test_no_placeholder_on_any_screen_names_a_year(qtbot: QtBot, demo_window: MainWindow) -> None:
    navigation = demo_window.findChild(QListWidget, "navigation")
    assert navigation is not None
    areas = [
        navigation.item(row).text()
        for row in range(navigation.count())
        if not navigation.isRowHidden(row)
    ]
    dated: list[str] = []
    for area in areas:
        page = go_to(qtbot, demo_window, area)
        fields = [
            *page.findChildren(QLineEdit),
            *page.findChildren(QTextEdit),
            *page.findChildren(QPlainTextEdit),
        ]
        dated += [
            f"{area}: {field.placeholderText()}"
            for field in fields
            if YEAR.search(field.placeholderText())
        ]
    assert "Planversies" in areas
    assert dated == [], "\n".join(dated)
