"""Saving into a folder the program may not write: a Dutch refusal, never an "unexpected" one."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow
from tests.journeys.user import button, click, go_to, later, when_box_shows


@pytest.fixture
def unwritable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder without write permission; root may write anywhere, but not in /sys."""
    if os.geteuid() == 0:
        yield Path("/sys")
        return
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield folder
    folder.chmod(stat.S_IRWXU)


def save_as(qtbot: QtBot, path: Path, tries: int = 250) -> None:
    """In the save dialog that is about to open: type the file name and save."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        if tries:
            later(lambda: save_as(qtbot, path, tries - 1))
        return
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name, str(path))
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    [save] = [
        b for b in box.buttons() if box.buttonRole(b) is QDialogButtonBox.ButtonRole.AcceptRole
    ]
    # The list of matching names opens a moment after typing and takes the next click, as it
    # does for a person: close it with Esc and click Save until the dialog is gone.
    for _ in range(20):
        qtbot.wait(50)
        suggestions = QApplication.activePopupWidget()
        if suggestions is not None:
            qtbot.keyClick(suggestions, Qt.Key.Key_Escape)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton, pos=save.rect().center())
        if not dialog.isVisible():
            return


def test_exporting_the_action_list_into_an_unwritable_folder_is_refused_in_dutch(
    qtbot: QtBot, demo_window: MainWindow, unwritable_folder: Path
) -> None:
    page = go_to(qtbot, demo_window, "Actielijst")
    target = unwritable_folder / "acties.xlsx"
    later(lambda: save_as(qtbot, target))
    seen = when_box_shows(qtbot)
    click(qtbot, button(page, "Exporteren naar Excel…"))
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    [box] = seen
    assert "onverwacht" not in (box.title + box.text).lower()
    assert str(unwritable_folder) in box.text
    assert "Permission" not in box.text and "Errno" not in box.text
    assert not target.exists()
