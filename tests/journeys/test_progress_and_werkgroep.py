"""Voortgang in a gemeente and the werkgroep's Overleggen in the RSIV, used with the mouse and
keyboard: choose a notitie, write a new one, change it, undo and redo; add a werkgroep."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QTableView
from pytestqt.qtbot import QtBot

from app.kernel.workspace import Workspace, create_workspace
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole
from tests.journeys.user import (
    CTRL,
    back_in,
    button,
    cell_texts,
    click,
    click_row,
    go_to,
    named,
    opened_dialog,
    redo,
    type_into,
    undo,
    visible,
)

# Typed keys are ASCII: QTest cannot type letters such as "é".
SUCCESS = "Veertig woonadviezen in Korte Akkeren"
BOTTLENECK = "Hang- en sluitwerk pas na de zomer"


def test_a_voortgangsnotitie_is_chosen_written_and_changed(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = go_to(qtbot, demo_window, "Voortgang")
    table = visible(page, QTableView, "recordTable")
    periods = cell_texts(table)
    assert 3 <= len(periods) <= 5

    click_row(qtbot, table, periods[0])
    assert named(page, "Periode van").text() == periods[0][:10]  # type: ignore[attr-defined]
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert named(page, "Periode van").text() == periods[1][:10]  # type: ignore[attr-defined]
    click_row(qtbot, table, periods[2])
    assert named(page, "Periode van").text() == periods[2][:10]  # type: ignore[attr-defined]
    assert named(page, "Successen").toPlainText()  # type: ignore[attr-defined]

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL)
    dialog = opened_dialog(qtbot)
    type_into(qtbot, named(dialog, "Periode van"), "1-10-2027")
    type_into(qtbot, named(dialog, "Periode tot en met"), "30-11-2027")
    type_into(qtbot, named(dialog, "Successen"), SUCCESS)
    type_into(qtbot, named(dialog, "Geschreven door"), "projectleider")
    click(qtbot, button(dialog, "Toevoegen"))
    back_in(qtbot, demo_window)
    new_period = "01-10-2027 t/m 30-11-2027"
    assert new_period in cell_texts(table)
    row = cell_texts(table).index(new_period)
    assert cell_texts(table, 1)[row] == "projectleider"
    written = cell_texts(table, 2)[row]
    assert len(written) == 16 and written[2] == "-" and written[13] == ":"  # dd-mm-jjjj uu:mm

    click_row(qtbot, table, new_period)
    type_into(qtbot, named(page, "Knelpunten"), BOTTLENECK)
    assert demo_window.statusBar().currentMessage() == "Opgeslagen in de werkruimte"
    undo(qtbot, demo_window)
    assert named(page, "Knelpunten").toPlainText() == ""  # type: ignore[attr-defined]
    redo(qtbot, demo_window)
    assert named(page, "Knelpunten").toPlainText() == BOTTLENECK  # type: ignore[attr-defined]
    undo(qtbot, demo_window)
    undo(qtbot, demo_window)
    assert new_period not in cell_texts(table)


@pytest.fixture
def rsiv(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as workspace:
        yield workspace


def test_the_rsiv_adds_a_werkgroep_with_the_keyboard(
    qtbot: QtBot, make_window: object, rsiv: Workspace
) -> None:
    window: MainWindow = make_window(rsiv)  # type: ignore[operator]
    navigation = visible(window, QListWidget, "navigation")
    shown = [
        navigation.item(row).text()  # type: ignore[attr-defined]
        for row in range(navigation.count())  # type: ignore[attr-defined]
        if not navigation.isRowHidden(row)  # type: ignore[attr-defined]
    ]
    assert {"Actielijst", "Overleggen"} <= set(shown)

    page = go_to(qtbot, window, "Overleggen")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL)
    dialog = opened_dialog(qtbot)
    type_into(qtbot, named(dialog, "Naam"), "Werkgroep woninginbraken januari 2027")
    type_into(qtbot, named(dialog, "Datum"), "21-1-2027")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    back_in(qtbot, window)
    table = visible(page, QTableView, "meetingTable")
    assert cell_texts(table, 2) == ["Werkgroep woninginbraken januari 2027"]
    assert cell_texts(table, 0) == ["21-01-2027"]

    page = go_to(qtbot, window, "Actielijst")
    assert visible(page, QTableView, "actionTable") is not None
