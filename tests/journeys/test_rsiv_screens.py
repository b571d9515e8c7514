"""The RSIV's screens used with the mouse and keyboard: the national series in Cijfers and
the werkgroep's suggestions per gemeente."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QTableWidget
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow
from tests.journeys.user import (
    LEFT,
    button,
    cell_texts,
    click,
    click_row,
    click_tab,
    go_to,
    named,
    redo,
    type_into,
    undo,
    visible,
)

SOURCE = "CBS en politie, nagekeken 2027"


def test_a_year_of_the_national_series(qtbot: QtBot, region_window: MainWindow) -> None:
    page = go_to(qtbot, region_window, "Cijfers")
    click_tab(qtbot, page, "Landelijke reeks")
    table = visible(page, QTableWidget, "nationalSeries")
    years = cell_texts(table)
    assert "2017" in years
    click_row(qtbot, table, "2017")
    assert named(page, "Jaar").value() == 2017  # type: ignore[attr-defined]
    before = cell_texts(table, 4)[years.index("2017")]

    type_into(qtbot, named(page, "Bron"), SOURCE)
    click(qtbot, button(page, "Jaar opslaan"))
    assert cell_texts(table, 4)[cell_texts(table).index("2017")] == SOURCE
    undo(qtbot, region_window)
    assert cell_texts(table, 4)[cell_texts(table).index("2017")] == before
    redo(qtbot, region_window)
    assert cell_texts(table, 4)[cell_texts(table).index("2017")] == SOURCE

    click_row(qtbot, table, "2017")
    click(qtbot, button(page, "Jaar verwijderen"))
    assert "2017" not in cell_texts(table)
    undo(qtbot, region_window)
    assert "2017" in cell_texts(table)


def test_a_suggestion_for_a_gemeente(qtbot: QtBot, region_window: MainWindow) -> None:
    page = go_to(qtbot, region_window, "Overzicht")
    click_tab(qtbot, page, "Terugkoppeling")
    gemeenten = visible(page, QListWidget, "feedbackGemeenten")
    [delft] = gemeenten.findItems("Delft", Qt.MatchFlag.MatchExactly)
    qtbot.mouseClick(gemeenten.viewport(), LEFT, pos=gemeenten.visualItemRect(delft).center())
    suggestions = visible(page, QListWidget, "feedbackSuggestions")
    before = suggestions.count()

    type_into(qtbot, named(page, "Werkgroep"), "15-3-2018")
    type_into(qtbot, named(page, "Suggestie"), "Deel de aanpak van helingspunten")
    click(qtbot, button(page, "Suggestie toevoegen"))
    texts = [suggestions.item(row).text() for row in range(suggestions.count())]
    assert "15-03-2018 — Deel de aanpak van helingspunten" in texts

    [added] = suggestions.findItems(
        "15-03-2018 — Deel de aanpak van helingspunten", Qt.MatchFlag.MatchExactly
    )
    qtbot.mouseClick(suggestions.viewport(), LEFT, pos=suggestions.visualItemRect(added).center())
    click(qtbot, button(page, "Suggestie verwijderen"))
    assert suggestions.count() == before
