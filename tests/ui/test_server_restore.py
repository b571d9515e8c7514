"""Bestand > Herstellen on the RSIV workspace on a PostgreSQL server: the restorable point made
before a merge is listed with its reason, and choosing it puts back the state before the merge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from user_input import click

from app.core.inspection.dump import dump_workspace
from app.core.packages.merge import merge_package
from app.demo.gemeente import fill_demo
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import Workspace, create_workspace
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole
from tests.conftest import drop_server_database, new_server_database

GOUDA = "GM0513"


@pytest.fixture
def server() -> Iterator[ServerAddress]:
    address = new_server_database()
    yield address
    drop_server_database(address)


def _gouda_package(folder: Path) -> Path:
    from app.core.packages.export import export_package

    package = folder / "pakket-gouda.xlsx"
    with create_workspace(
        folder / "gouda.db", WorkspaceRole.MUNICIPALITY, GOUDA, is_demo=True
    ) as gouda:
        fill_demo(gouda, seed=2017)
        export_package(gouda, package, accept_findings=True)
    return package


def _press(qtbot: QtBot, box: QMessageBox | None, text: str) -> None:
    assert box is not None and box.isVisible()
    [button] = [b for b in box.buttons() if b.text() == text]
    click(qtbot, button)


def test_the_point_before_a_merge_is_restored_from_the_menu(
    qtbot: QtBot, make_window: object, server: ServerAddress, tmp_path: Path
) -> None:
    from app.ui.packages.restore import RestoreDialog

    package = _gouda_package(tmp_path)
    region: Workspace = create_workspace(server, WorkspaceRole.REGION, is_demo=True)
    try:
        before = dump_workspace(region)
        assert merge_package(region, package).merged
        window: MainWindow = make_window(region)  # type: ignore[operator]

        window.package_menu.restore_action.trigger()
        dialog = window.package_menu.restore_dialog
        assert isinstance(dialog, RestoreDialog)
        assert dialog.model.rowCount() == 1
        assert str(dialog.model.index(0, 1).data()).startswith(
            "voor het samenvoegen van een pakket (GM0513, nr"
        )
        click(qtbot, dialog.restore_button)
        _press(qtbot, dialog.confirm_box, "Ja, terugzetten")
        qtbot.waitUntil(lambda: window.package_menu.restore_dialog is None)

        assert dump_workspace(region) == before
        assert "teruggezet" in window.statusBar().currentMessage()
        window.close()
    finally:
        region.close()
