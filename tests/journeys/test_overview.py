"""The Overzicht tells the same story as the screens it points to."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTableView
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow
from tests.journeys.user import go_to, visible


def card_texts(page: object, title_start: str) -> list[str]:
    """The texts of the Overzicht card whose title starts with `title_start`, title first."""
    for card in page.findChildren(QFrame, "overviewCard"):  # type: ignore[attr-defined]
        texts = [label.text() for label in card.findChildren(QLabel)]
        if card.isVisible() and texts and texts[0].startswith(title_start):
            return texts
    raise AssertionError(f"no card {title_start!r}")


def orange_cells(grid: QTableView) -> int:
    model = grid.model()
    return sum(
        model.index(row, column).data(Qt.ItemDataRole.BackgroundRole) is not None
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    )


def test_the_overzicht_counts_the_orange_cells_of_the_matrix(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    overview = go_to(qtbot, demo_window, "Overzicht")
    title = card_texts(overview, "Lege cellen in de 3D-matrix")[0]
    counted = re.search(r"\((\d+)\)", title)
    assert counted is not None, title
    matrix = go_to(qtbot, demo_window, "3D-matrix")
    grid = visible(matrix, QTableView, "matrixGrid")
    assert orange_cells(grid) == int(counted.group(1))


def test_a_new_workspace_does_not_claim_its_hotspots_are_analysed(
    qtbot: QtBot, make_window: object, new_gemeente: object
) -> None:
    window: MainWindow = make_window(new_gemeente)  # type: ignore[operator]
    overview = go_to(qtbot, window, "Overzicht")
    texts = " ".join(card_texts(overview, "Hotspots die wachten"))
    assert "Elke hotspot heeft een verwerkte probleemanalyse" not in texts
    assert "Nog geen hotspots" in texts
    matrix = go_to(qtbot, window, "3D-matrix")
    grid = visible(matrix, QTableView, "matrixGrid")
    title = card_texts(go_to(qtbot, window, "Overzicht"), "Lege cellen")[0]
    assert title.endswith(f"({orange_cells(grid)})")


# 1366x768 at 100%, and 1920x1080 at 150% (1280x720 for the layout).
@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)], ids=["1366x768", "150%"])
def test_the_overzicht_fits_a_laptop_screen_without_scrolling(
    qtbot: QtBot, demo_window: MainWindow, size: tuple[int, int]
) -> None:
    demo_window.resize(*size)
    overview = go_to(qtbot, demo_window, "Overzicht")
    qtbot.waitUntil(lambda: "per 1.000 woningen" in " ".join(card_texts(overview, "Inbraak")))
    area = visible(overview, QScrollArea)
    qtbot.waitUntil(lambda: area.widget().height() <= area.viewport().height())
    assert not area.verticalScrollBar().isVisible()
