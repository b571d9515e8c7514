"""Bestand > Plan van aanpak maken: the chosen file is made off the GUI thread and the status
bar says where; the RSIV workspace has no plan, so there the entries are off."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.plan.details import PlanDetails, save_plan_details
from app.core.plan.document import CHAPTERS
from app.kernel.workspace import Workspace, create_workspace
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole


def test_the_plan_is_made_as_word_from_the_file_menu(
    qtbot: QtBot,
    make_window: object,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_plan_details(workspace, PlanDetails(title="Plan Gouda", budget="€ 10.000 per jaar"))
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    chosen = tmp_path / "plan"  # no suffix typed: Word is the default
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    action = window.findChild(QAction, "makePlanDocument")
    assert action.isEnabled()
    action.trigger()
    made = tmp_path / "plan.docx"
    qtbot.waitUntil(
        lambda: "Plan van aanpak gemaakt" in window.statusBar().currentMessage(), timeout=60_000
    )
    assert str(made) in window.statusBar().currentMessage()
    document = docx.Document(str(made))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == list(CHAPTERS)
    assert any(p.text == "€ 10.000 per jaar" for p in document.paragraphs)


def test_the_rsiv_workspace_has_the_entries_switched_off(
    make_window: object, tmp_path: Path
) -> None:
    rsiv = create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION)
    window: MainWindow = make_window(rsiv)  # type: ignore[operator]
    for name in ("makePlanDocument", "makeDriehoekReport"):
        assert not window.findChild(QAction, name).isEnabled()
    window.close()
    rsiv.close()
