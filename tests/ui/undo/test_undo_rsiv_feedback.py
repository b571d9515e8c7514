"""RSIV Terugkoppeling: adding and removing a werkgroep suggestion is undoable; a refused
suggestion leaves no undo step and the status bar does not say it was saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.feedback.suggestions import suggestion_rows
from app.kernel.workspace import Workspace, create_workspace
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole

Keys = Callable[[MainWindow], None]

GOUDA = "GM0513"
SUGGESTION = "Betrek de woningcorporatie bij het hang- en sluitwerk."


@pytest.fixture
def rsiv(tmp_path: Path) -> Iterator[Workspace]:
    opened = create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION)
    yield opened
    opened.close()


def _feedback_tab(make_window: Callable[[Workspace], MainWindow], rsiv: Workspace) -> object:
    window = make_window(rsiv)
    page = window.page("overview")
    tab = page.feedback  # type: ignore[union-attr]
    page.tabs.setCurrentWidget(tab)  # type: ignore[union-attr]
    return window, tab


def _select_gouda(tab: object) -> None:
    gemeenten = tab.gemeenten  # type: ignore[attr-defined]
    codes = [gemeenten.item(n).data(Qt.ItemDataRole.UserRole) for n in range(gemeenten.count())]
    gemeenten.setCurrentRow(codes.index(GOUDA))


def test_a_suggestion_is_added_removed_and_both_undone(
    qtbot: QtBot,
    make_window: Callable[[Workspace], MainWindow],
    rsiv: Workspace,
    ctrl_z: Keys,
    ctrl_y: Keys,
) -> None:
    window, tab = _feedback_tab(make_window, rsiv)
    _select_gouda(tab)
    qtbot.keyClicks(tab.text, SUGGESTION)  # type: ignore[attr-defined]
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    [added] = suggestion_rows(rsiv, GOUDA)
    assert added.text == SUGGESTION and tab.suggestions.count() == 1  # type: ignore[attr-defined]

    ctrl_z(window)
    assert suggestion_rows(rsiv, GOUDA) == []
    assert tab.suggestions.count() == 0  # type: ignore[attr-defined]
    ctrl_y(window)
    assert [row.id for row in suggestion_rows(rsiv, GOUDA)] == [added.id]

    stored = suggestion_rows(rsiv, GOUDA)
    tab.suggestions.setCurrentRow(0)  # type: ignore[attr-defined]
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert suggestion_rows(rsiv, GOUDA) == []
    ctrl_z(window)
    assert suggestion_rows(rsiv, GOUDA) == stored  # the same id, text and moments
    ctrl_y(window)
    assert suggestion_rows(rsiv, GOUDA) == []


def test_a_refused_suggestion_leaves_no_undo_step(
    qtbot: QtBot, make_window: Callable[[Workspace], MainWindow], rsiv: Workspace
) -> None:
    window, tab = _feedback_tab(make_window, rsiv)
    _select_gouda(tab)
    window.statusBar().clearMessage()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]  # empty text
    assert tab.error.text()  # type: ignore[attr-defined]
    assert suggestion_rows(rsiv, GOUDA) == []
    assert window.undo_stack.count() == 0
    assert "Opgeslagen" not in window.statusBar().currentMessage()
