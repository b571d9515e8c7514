"""The first window: title, navigation to every area, Dutch empty states, first start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from app.kernel import paths
from app.kernel.workspace import create_workspace
from app.ui.window.areas import AREAS
from app.ui.window.first_start import FirstStartDialog
from app.ui.window.launch import DesktopController
from app.ui.window.main_window import MainWindow
from app.ui.window.settings import open_settings
from database.enums import WorkspaceRole

AREA_TITLES = [
    "Overzicht",
    "Probleembeschrijving",
    "Hotspots",
    "Doelstellingen",
    "3D-matrix",
    "Actielijst",
    "Overleggen",
    "Voortgang",
    "Cijfers",
    "Evaluatie",
]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    main_window = MainWindow(open_settings(tmp_path))
    qtbot.addWidget(main_window)
    return main_window


def _navigation(window: MainWindow) -> QListWidget:
    navigation = window.findChild(QListWidget, "navigation")
    assert navigation is not None
    return navigation


def test_the_window_names_the_gemeente_and_offers_every_area(
    window: MainWindow, tmp_path: Path
) -> None:
    workspace = create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM1783")
    window.attach(workspace)
    assert window.windowTitle() == "Aanpak Woninginbraken — Westland"
    navigation = _navigation(window)
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    assert [title for title in titles if title in AREA_TITLES] == AREA_TITLES
    workspace.close()


def test_every_area_opens_its_screen_in_a_gemeente_workspace(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    workspace = create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM1783")
    window.attach(workspace)
    window.show()
    navigation = _navigation(window)
    for row, area in enumerate(AREAS):
        assert not navigation.isRowHidden(row), area.key
        navigation.setFocus()
        navigation.setCurrentRow(row)
        page = window.page(area.key)
        assert page is not None and page.isVisible(), area.key
    workspace.close()


def test_the_rsiv_navigation_leaves_out_the_gemeente_plan(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    workspace = create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION)
    window.attach(workspace)
    window.show()
    navigation = _navigation(window)
    shown = [
        navigation.item(row).text()
        for row in range(navigation.count())
        if not navigation.isRowHidden(row)
    ]
    assert shown == [
        "Overzicht",
        "Actielijst",
        "Overleggen",
        "Cijfers",
        "Tijdlijn",
        "Planversies",
        "Evaluatie",
    ]
    window.navigate("progress")
    assert window.page("progress") is None
    assert window.statusBar().currentMessage() == ("Dat scherm hoort bij een gemeentewerkruimte.")
    workspace.close()


def test_keyboard_moves_through_the_navigation(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    workspace = create_workspace(tmp_path / "w.db", WorkspaceRole.REGION)
    window.attach(workspace)
    window.show()
    navigation = _navigation(window)
    navigation.setFocus()
    for _ in range(4):  # Actielijst, Overleggen, Cijfers, Tijdlijn
        qtbot.keyClick(navigation, Qt.Key.Key_Down)
    assert window.page("timeline") is not None  # hidden gemeente areas are skipped
    assert window.page("progress") is None
    assert window.windowTitle() == "Aanpak Woninginbraken — RSIV (regionaal)"
    workspace.close()


def test_first_start_makes_a_gemeente_workspace_in_the_local_folder(
    window: MainWindow, qtbot: QtBot
) -> None:
    controller = DesktopController(window)

    def choose_delft() -> None:
        dialog = next(w for w in window.findChildren(FirstStartDialog) if w.isVisible())
        dialog.select_municipality("GM0503")
        dialog.accept()

    QTimer.singleShot(0, choose_delft)
    assert controller.first_start()
    assert paths.default_workspace_path().exists()
    assert window.workspace is not None
    assert window.workspace.summary.municipality_name == "Delft"
    window.workspace.close()


def test_a_refused_workspace_is_explained_not_opened(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text)
    )
    not_a_workspace = tmp_path / "brief.db"
    not_a_workspace.write_text("geen database", encoding="utf-8")
    assert not DesktopController(window).open_path(not_a_workspace)
    assert window.workspace is None
    assert len(shown) == 1 and "geen werkruimte" in shown[0]
