"""The findings dialog names the record, not "2", and Verwijderen is the way out of a BSN."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.core.feedback.export import export_feedback
from app.core.feedback.suggestions import add_suggestion
from app.demo.gemeente import fill_demo
from app.kernel.workspace import Workspace, create_workspace
from app.ui.packages.privacy import PrivacyFindingsDialog
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole
from database.models import HotItem, HotspotAnalysis, RsivFeedback
from tests.ui.conftest import make_window, workspace, workspace_path

__all__ = ["make_window", "workspace", "workspace_path"]
JOB_TIMEOUT_MS = 20_000
RECORD_COLUMN = 3


def test_a_bsn_in_an_old_analysis_version_is_named_and_removed_from_the_dialog(
    qtbot: QtBot,
    workspace: Workspace,
    make_window: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_demo(workspace, seed=2017)
    with workspace.transaction() as session:
        old = session.scalars(select(HotspotAnalysis).order_by(HotspotAnalysis.id)).first()
        assert old is not None
        old.offender = "Verdachte met BSN 111222333."
        hotspot, version = session.get_one(HotItem, old.hot_item_id).label, old.version
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    target = tmp_path / "pakket.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "Excel-pakket")
    )
    window.package_menu.export_action.trigger()
    exporter = window.package_menu.exporter
    assert exporter is not None
    qtbot.waitUntil(lambda: exporter.job is None, timeout=JOB_TIMEOUT_MS)
    dialog = exporter.dialog
    assert isinstance(dialog, PrivacyFindingsDialog)
    record = dialog.model.index(0, RECORD_COLUMN).data()
    assert record == f"probleemanalyse van hotspot '{hotspot}', versie {version}"
    assert "Verwijderen" in dialog.explanation.text()

    dialog.table.selectRow(0)
    dialog.redact_button.click()
    qtbot.waitUntil(lambda: exporter.job is None and target.exists(), timeout=JOB_TIMEOUT_MS)
    with workspace.reading() as session:
        assert session.get(HotspotAnalysis, old.id).offender == "Verdachte met BSN [verwijderd]."
    exporter.message.close()  # type: ignore[union-attr]


def test_a_finding_in_a_return_package_is_shown_before_it_is_read_in(
    qtbot: QtBot,
    workspace: Workspace,
    make_window: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    feedback = tmp_path / "terugkoppeling.xlsx"
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as rsiv:
        add_suggestion(rsiv, "GM0513", date(2018, 3, 15), "Bel mevrouw Jansen op 06-12345678.")
        export_feedback(rsiv, "GM0513", feedback)
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(feedback), ""))
    window.package_menu.feedback_action.trigger()
    importer = window.package_menu.feedback_importer
    assert importer is not None
    qtbot.waitUntil(lambda: importer.message is not None, timeout=JOB_TIMEOUT_MS)
    question = importer.message
    assert "naam van een persoon 'Jansen'" in question.text()
    assert "telefoonnummer '06-12345678'" in question.text()
    assert "Er is nog niets ingelezen" in question.text()
    with workspace.reading() as session:
        assert session.scalar(select(func.count()).select_from(RsivFeedback)) == 0

    yes = next(b for b in question.buttons() if b.text() == "Ja, inlezen")
    yes.click()
    qtbot.waitUntil(
        lambda: importer.message is not None and importer.message is not question,
        timeout=JOB_TIMEOUT_MS,
    )
    assert "Terugkoppeling" in importer.message.windowTitle()
    importer.message.close()
    with workspace.reading() as session:
        assert session.scalar(select(func.count()).select_from(RsivFeedback)) == 1
