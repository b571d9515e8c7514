"""The window uses the same boundary as the command line: a file it cannot write and a full
disk under the workspace give a Dutch sentence in a warning, not an "Onverwachte fout"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.kernel.workspace import Workspace
from app.ui.window import launch
from app.ui.window.main_window import MainWindow
from tests.ui.conftest import make_window, workspace, workspace_path  # noqa: F401 - fixtures

JOB_TIMEOUT_MS = 20_000


def test_exporting_over_a_folder_shows_a_dutch_refusal(
    qtbot: QtBot,
    make_window: object,  # noqa: F811 - the imported fixture
    workspace: Workspace,  # noqa: F811 - the imported fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "uit" / "pakket.xlsx"
    target.mkdir(parents=True)  # a folder where the package should go
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "Excel-pakket")
    )
    window.package_menu.export_action.trigger()
    exporter = window.package_menu.exporter
    assert exporter is not None
    qtbot.waitUntil(lambda: exporter.job is None, timeout=JOB_TIMEOUT_MS)
    box = exporter.message
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Pakket niet gemaakt"
    assert "is een map" in box.text() and str(target) in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert [path.name for path in target.parent.iterdir()] == ["pakket.xlsx"]


def test_a_full_disk_in_a_screen_is_a_warning_not_an_unexpected_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text: shown.append(("warning", title, text))
    )
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, title, text: shown.append(("critical", title, text))
    )

    class Parent:
        def tr(self, text: str) -> str:
            return text

    full = sqlite3.OperationalError("database or disk is full")
    launch._show_unexpected(Parent(), full)  # type: ignore[arg-type]
    [(kind, title, text)] = shown
    assert kind == "warning" and title == "Niet gelukt"
    assert "schijf" in text and "vol" in text and "onverwacht" not in text
