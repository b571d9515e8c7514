"""Alt+letter acts on every screen: no two visible mnemonics share a letter.

Per screen that is the page in each of its states (every tab, every record of its lists, so
the inline form is included) together with the menu bar (&Bestand, Be&werken, &Help); per
dialog for a new record, its form together with its buttons.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.demo.gemeente import fill_demo
from app.kernel.workspace import Workspace, create_workspace
from app.ui.actions.action_list_page import ActionListPage
from app.ui.matrix.matrix_page import MatrixPage
from app.ui.meetings.meetings_page import MeetingsPage
from app.ui.widgets.record_editor import RecordEditor
from app.ui.window.areas import AREAS
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole
from tests.ui.mnemonics import (
    clashes,
    menu_bar_texts,
    mnemonic_letter,
    screen_states,
    visible_mnemonic_texts,
)

KINDS = {
    "demo gemeente": (WorkspaceRole.MUNICIPALITY, True),
    "empty gemeente": (WorkspaceRole.MUNICIPALITY, False),
    "empty rsiv": (WorkspaceRole.REGION, False),
}


@pytest.fixture(params=list(KINDS))
def any_workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """A filled demo of Gouda (lists with forms), a new one (empty states) and an RSIV one."""
    role, demo = KINDS[request.param]
    code = "GM0513" if role is WorkspaceRole.MUNICIPALITY else None
    opened = create_workspace(tmp_path / "werkruimte.db", role, code, is_demo=demo)
    if demo:
        fill_demo(opened)
    yield opened
    opened.close()


@pytest.fixture
def demo_gemeente(tmp_path: Path) -> Iterator[Workspace]:
    opened = create_workspace(
        tmp_path / "demo.db", WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True
    )
    fill_demo(opened)
    yield opened
    opened.close()


def test_the_letter_is_the_one_after_a_single_ampersand() -> None:
    assert mnemonic_letter("Be&werken") == "w"
    assert mnemonic_letter("Zoeken && vinden") is None
    assert mnemonic_letter("A && &B") == "b"
    assert clashes(["&Nieuw", "&Verwijderen", "Op&nieuw"]) == {"n": ["&Nieuw", "Op&nieuw"]}


def test_every_screen_uses_each_shortcut_letter_once(
    make_window: object, any_workspace: Workspace, qtbot: QtBot
) -> None:
    window: MainWindow = make_window(any_workspace)  # type: ignore[operator]
    menu = menu_bar_texts(window)
    assert {mnemonic_letter(text) for text in menu} >= {"b", "w", "h"}
    assert clashes(menu) == {}
    found: dict[str, dict[str, list[str]]] = {}
    shown: set[str] = set()
    for area in AREAS:
        if not area.available_in(any_workspace.summary.role):
            continue
        window.navigate(area.key)
        page = window.page(area.key)
        assert page is not None and page.isVisible(), area.key
        for state in screen_states(page, area.key):
            texts = visible_mnemonic_texts(window)
            shown.update(texts)
            clashing = clashes(menu + texts)
            if clashing:
                found[state] = clashing
    if any_workspace.summary.is_demo:  # the walk reached the forms beside the lists
        assert {"&Dader", "B&eantwoord op", "&Doelgroep", "Da&tum", "Werk-e-&mail"} <= shown
    overview = window.page("overview")
    if hasattr(overview, "loaded"):  # the RSIV's overview computes off the GUI thread
        qtbot.waitUntil(lambda: overview._job is None, timeout=20000)  # type: ignore[union-attr]
    assert not found, _report(found)


def _report(found: dict[str, object]) -> str:
    return "shared mnemonic letters:\n" + "\n".join(f"{where}: {found[where]}" for where in found)


def _checked_dialog(dialog: QDialog | None, where: str, found: dict[str, object]) -> None:
    assert dialog is not None and dialog.isVisible(), where
    texts = visible_mnemonic_texts(dialog)
    assert texts, where
    clashing = clashes(texts)
    if clashing:
        found[f"{where}: {dialog.windowTitle()}"] = clashing
    dialog.reject()


def test_every_dialog_for_a_new_record_uses_each_shortcut_letter_once(
    make_window: object, demo_gemeente: Workspace
) -> None:
    window: MainWindow = make_window(demo_gemeente)  # type: ignore[operator]
    found: dict[str, object] = {}
    opened = 0
    for area in AREAS:
        window.navigate(area.key)
        page = window.page(area.key)
        assert page is not None
        for editor in page.findChildren(RecordEditor):
            editor.start_new()
            _checked_dialog(editor.new_dialog, area.key, found)
            opened += 1
        if isinstance(page, MatrixPage):
            _checked_dialog(page.add_measure(), area.key, found)
            opened += 1
        if isinstance(page, ActionListPage):
            _checked_dialog(page.new_action(), area.key, found)
            opened += 1
        if isinstance(page, MeetingsPage):
            _checked_dialog(page.new_meeting(), area.key, found)
            opened += 1
    # Seven hots and the APV instruments, hotspots, goals, partners, voortgangsnotities;
    # measure, action, meeting.
    assert opened == 15
    assert not found, _report(found)
