"""Planversies: freezing and removing a revision are undone and redone with the keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.course.revisions import freeze_revision, list_revisions
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow

Keys = Callable[[MainWindow], None]


def test_freezing_a_revision_is_undone_and_redone(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    window.navigate("revisions")
    page = window.page("revisions")
    qtbot.keyClicks(page.name, "voor werkgroep maart")  # type: ignore[union-attr]
    page.freeze_button.click()  # type: ignore[union-attr]
    [frozen] = list_revisions(workspace)
    assert frozen.name == "voor werkgroep maart"

    ctrl_z(window)
    assert list_revisions(workspace) == []
    assert page.older.count() == 1  # type: ignore[union-attr]  # only "vandaag"

    ctrl_y(window)
    [again] = list_revisions(workspace)
    assert (again.name, again.frozen_at) == (frozen.name, frozen.frozen_at)


def test_removing_a_revision_is_undone_with_its_id_and_moment(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    freeze_revision(workspace, "na gebiedsscan 2018")
    [kept] = list_revisions(workspace)
    window.navigate("revisions")
    page = window.page("revisions")
    page.remove_older()  # type: ignore[union-attr]
    box = page.confirm_box  # type: ignore[union-attr]
    assert "Ctrl+Z" in box.text()
    [yes] = [button for button in box.buttons() if button.text() == "Ja, verwijderen"]
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert list_revisions(workspace) == []

    ctrl_z(window)
    assert list_revisions(workspace) == [kept]
    ctrl_y(window)
    assert list_revisions(workspace) == []
