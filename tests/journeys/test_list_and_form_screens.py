"""Every list-and-form screen used with the mouse and keyboard: click a record, see its form,
change it by typing, undo and redo with Ctrl+Z / Ctrl+Y, delete it after the question."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow
from tests.journeys.user import (
    answer,
    button,
    cell_texts,
    click_row,
    click_tab,
    go_to,
    named,
    redo,
    type_into,
    undo,
    visible,
)


@dataclass(frozen=True)
class ListScreen:
    area: str
    tab: str  # "" when the screen has no tabs
    name_field: str  # the accessible name of the field the list's first column shows
    detail_tab: str = ""  # the tab of the form, where the record's details are in tabs


SCREENS = {
    "hotspots in Probleembeschrijving": ListScreen(
        "Probleembeschrijving", "Hotspots", "Omschrijving kort"
    ),
    "hottimes in Probleembeschrijving": ListScreen(
        "Probleembeschrijving", "Hottimes", "Omschrijving kort"
    ),
    "APV in Probleembeschrijving": ListScreen(
        "Probleembeschrijving", "APV-instrumenten", "Instrument"
    ),
    "Hotspots": ListScreen("Hotspots", "", "Omschrijving kort", "Gegevens hotspot"),
    "Doelstellingen": ListScreen("Doelstellingen", "", "Titel"),
    "Organisatie": ListScreen("Organisatie", "", "Organisatie"),
}


# Typed keys are ASCII: QTest cannot type letters such as "é".
CHANGED = "Nieuwe omschrijving 2027"


@pytest.mark.parametrize("screen_name", list(SCREENS))
def test_click_edit_undo_redo_and_delete_a_record(
    qtbot: QtBot, demo_window: MainWindow, screen_name: str
) -> None:
    spec = SCREENS[screen_name]
    page = go_to(qtbot, demo_window, spec.area)
    if spec.tab:
        click_tab(qtbot, page, spec.tab)
    table = visible(page, QTableView, "recordTable")
    names = cell_texts(table)
    assert len(names) >= 2, names
    chosen = names[1]

    click_row(qtbot, table, chosen)
    assert not visible_empty_state(page)
    assert button(page, "Verwijderen").isEnabled()
    if spec.detail_tab:
        click_tab(qtbot, page, spec.detail_tab)
    field = named(page, spec.name_field)
    assert isinstance(field, QLineEdit)
    assert field.text() == chosen

    type_into(qtbot, field, CHANGED)
    assert CHANGED in cell_texts(table)
    assert demo_window.statusBar().currentMessage() == "Opgeslagen in de werkruimte"

    undo(qtbot, demo_window)
    assert chosen in cell_texts(table)
    assert named(page, spec.name_field).text() == chosen  # type: ignore[attr-defined]
    redo(qtbot, demo_window)
    assert CHANGED in cell_texts(table)

    click_row(qtbot, table, CHANGED)
    question = answer(qtbot, "Verwijderen", lambda: button(page, "Verwijderen").click())
    assert CHANGED in question
    assert CHANGED not in cell_texts(table)
    assert len(cell_texts(table)) == len(names) - 1
    undo(qtbot, demo_window)
    assert CHANGED in cell_texts(table)


def visible_empty_state(page: object) -> bool:
    return any(
        label.isVisible() and label.objectName() == "emptyDetail"
        for label in page.findChildren(QLabel)  # type: ignore[attr-defined]
    )


def test_arrow_keys_and_clicks_show_the_same_record(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = go_to(qtbot, demo_window, "Doelstellingen")
    table = visible(page, QTableView, "recordTable")
    names = cell_texts(table)
    click_row(qtbot, table, names[0])
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert named(page, "Titel").text() == names[1]  # type: ignore[attr-defined]
    click_row(qtbot, table, names[2])
    assert named(page, "Titel").text() == names[2]  # type: ignore[attr-defined]
    assert not visible_empty_state(page)
