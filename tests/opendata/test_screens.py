"""Open data on the screens: Cijfers says the count has no split and how many cells CBS
withheld; the first start takes any gemeente by code and name; the RSIV picks from its region."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from app.core.figures.importing import import_figures
from app.kernel import paths
from app.kernel.workspace import Workspace, create_workspace
from app.ui.figures.figures_page import FiguresPage
from app.ui.window.first_start import FirstStartDialog
from app.ui.window.launch import DesktopController
from app.ui.window.main_window import MainWindow
from app.ui.window.settings import open_settings
from database.enums import WorkspaceRole
from tests.opendata.files import COUNT_COLUMN, crime_rows, dwelling_rows, write_csv, write_json

JOB_TIMEOUT_MS = 20_000


def _figures_page(window: MainWindow) -> FiguresPage:
    window.navigate("figures")
    page = window.page("figures")
    assert isinstance(page, FiguresPage)
    return page


def _import(qtbot: QtBot, page: FiguresPage, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "Cijfers")
    )
    page.import_button.click()
    qtbot.waitUntil(lambda: page.importer.job is None, timeout=JOB_TIMEOUT_MS)


def test_cijfers_says_the_split_is_unknown_and_how_many_cells_were_withheld(
    make_window: object, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = create_workspace(tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, "GM0513")
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    page = _figures_page(window)
    assert not page.open_data_note.isVisible()
    _import(qtbot, page, write_json(tmp_path / "47022NED.json", crime_rows()), monkeypatch)
    assert "incl. pogingen, verdeling onbekend" in page.result.text()
    assert page.open_data_note.isVisible()
    note = page.open_data_note.text()
    assert "verdeling onbekend" in note and "1 cel achtergehouden door CBS" in note
    assert "niet 0" in note
    workspace.close()


def test_a_refused_cbs_file_lists_its_problems(
    make_window: object, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = create_workspace(tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, "GM0513")
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    page = _figures_page(window)
    rows = crime_rows()
    rows[4][COUNT_COLUMN] = "veel"
    _import(qtbot, page, write_csv(tmp_path / "47022NED.csv", rows), monkeypatch)
    dialog = page.importer.errors_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    workspace.close()


def test_the_rsiv_chooses_among_its_own_region(make_window: object, tmp_path: Path) -> None:
    workspace: Workspace = create_workspace(
        tmp_path / "rsiv.db",
        WorkspaceRole.REGION,
        region=[("GM0363", "Amsterdam"), ("GM0362", "Amstelveen")],
    )
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    page = _figures_page(window)
    names = [page.gemeente.itemText(index) for index in range(page.gemeente.count())]
    assert names == ["Amstelveen", "Amsterdam"]
    assert page.import_button.isVisible()
    workspace.close()


def test_first_start_with_a_gemeente_outside_the_list(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(open_settings(tmp_path))
    qtbot.addWidget(window)
    controller = DesktopController(window)

    def enter_amsterdam() -> None:
        dialog = next(w for w in window.findChildren(FirstStartDialog) if w.isVisible())
        dialog.enter_other_municipality("gm0363", "Amsterdam")
        dialog.accept()

    QTimer.singleShot(0, enter_amsterdam)
    assert controller.first_start()
    assert paths.default_workspace_path().exists()
    assert window.workspace is not None
    assert window.workspace.summary.municipality_name == "Amsterdam"
    assert window.workspace.summary.municipality_code == "GM0363"
    window.workspace.close()


def test_the_overzicht_says_the_split_is_unknown_and_what_was_withheld(
    make_window: object, tmp_path: Path, qtbot: QtBot
) -> None:
    workspace = create_workspace(tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, "GM0513")
    import_figures(workspace, write_json(tmp_path / "47022NED.json", crime_rows()))
    import_figures(workspace, write_csv(tmp_path / "kerncijfers-2017.csv", dwelling_rows()))
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    overview = window.page("overview")
    assert overview is not None
    qtbot.waitUntil(lambda: overview.figures_loaded, timeout=JOB_TIMEOUT_MS)
    card = overview.cards["rate"]  # type: ignore[attr-defined]
    shown = " ".join(label.text() for label in card.findChildren(QLabel))
    assert "CBS-cijfers: incl. pogingen, verdeling onbekend." in shown
    assert "CBS hield 1 cel(len) achter: onbekend, niet 0." in shown
    workspace.close()
