"""Bestand > Pakket importeren in the RSIV: a package from Gouda's new workspace waits for the
coordinator's choice, Overdracht accepteren, and is then merged and recorded as a handover."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from user_input import click

from app.core.packages.export import export_package
from app.core.packages.history import import_history
from app.core.packages.importer import import_package
from app.core.packages.merge import merge_package
from app.demo.gemeente import fill_demo
from app.kernel.workspace import create_workspace, open_workspace
from app.ui.packages.merge import MergeDialog
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole

JOB_TIMEOUT_MS = 20_000
RESULT = 3  # the column Uitkomst


@pytest.fixture
def handover_package(tmp_path: Path) -> tuple[Path, str]:
    """An RSIV that merged Gouda's package, and the first package of Gouda's new workspace;
    the old workspace's id."""
    first, handover = tmp_path / "gouda-oud.xlsx", tmp_path / "gouda-nieuw.xlsx"
    with create_workspace(
        tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True
    ) as old:
        fill_demo(old, seed=2017)
        export_package(old, first, accept_findings=True)
        old_id = old.summary.id
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True) as region:
        assert merge_package(region, first, backup=False).merged
    with create_workspace(
        tmp_path / "gouda-nieuw.db", WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True
    ) as new:
        import_package(new, first)
        export_package(new, handover, accept_findings=True)
    return handover, old_id


def test_the_coordinator_accepts_a_handover_in_the_merge_dialog(
    qtbot: QtBot,
    make_window: object,
    handover_package: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package, old_id = handover_package
    with open_workspace(tmp_path / "rsiv.db") as region:
        window: MainWindow = make_window(region)  # type: ignore[operator]
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(package)], ""))
        window.package_menu.import_action.trigger()
        merger = window.package_menu.merger
        assert merger is not None
        qtbot.waitUntil(lambda: merger.dialog is not None, timeout=JOB_TIMEOUT_MS)
        plan = merger.dialog
        assert isinstance(plan, MergeDialog)
        assert plan.model.index(0, RESULT).data() == "overdracht: wacht op keuze"
        assert "Overdracht accepteren" in plan.model.index(0, RESULT + 1).data()
        assert not plan.merge_button.isEnabled()

        row = plan.table.visualRect(plan.model.index(0, 0)).center()
        qtbot.mouseClick(plan.table.viewport(), Qt.MouseButton.LeftButton, pos=row)
        assert plan.handover_button.isEnabled()
        click(qtbot, plan.handover_button)
        assert plan.model.index(0, RESULT).data() == "overdracht: kan worden samengevoegd"
        assert plan.merge_button.isEnabled() and not plan.handover_button.isEnabled()

        click(qtbot, plan.merge_button)
        qtbot.waitUntil(
            lambda: merger.job is None and merger.dialog not in (None, plan),
            timeout=JOB_TIMEOUT_MS,
        )
        outcome = merger.dialog
        assert isinstance(outcome, MergeDialog)
        assert outcome.model.index(0, RESULT).data() == "samengevoegd (overdracht)"
        entry = import_history(region)[-1]
        assert entry.outcome.value == "merged" and entry.handover_from == old_id
        qtbot.keyClick(outcome, Qt.Key.Key_Escape)
        window.close()


def test_cancelling_leaves_the_handover_unaccepted(
    qtbot: QtBot,
    make_window: object,
    handover_package: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package, _ = handover_package
    with open_workspace(tmp_path / "rsiv.db") as region:
        before = import_history(region)
        window: MainWindow = make_window(region)  # type: ignore[operator]
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(package)], ""))
        window.package_menu.import_action.trigger()
        merger = window.package_menu.merger
        assert merger is not None
        qtbot.waitUntil(lambda: merger.dialog is not None, timeout=JOB_TIMEOUT_MS)
        plan = merger.dialog
        assert isinstance(plan, MergeDialog)
        qtbot.keyClick(plan, Qt.Key.Key_Escape)
        assert import_history(region) == before
        window.close()
