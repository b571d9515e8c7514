"""The screens and the package use the words of docs/woordenlijst.md, not the ones it rules out.

The test reads the glossary's last column (words not to use), then collects what a user reads
as the name of a field: form labels, column headers, group boxes, tabs, buttons, placeholder
texts and the accessible names a screen reader speaks, on every screen in each of its states
and in every dialog for a new record; and the column headers of the package.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.demo.gemeente import fill_demo
from app.exchange.versions import CURRENT
from app.kernel.workspace import Workspace, create_workspace
from app.ui.actions.action_list_page import ActionListPage
from app.ui.matrix.matrix_page import MatrixPage
from app.ui.meetings.meetings_page import MeetingsPage
from app.ui.widgets.record_editor import RecordEditor
from app.ui.window.areas import AREAS
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole
from tests.ui.mnemonics import screen_states

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "woordenlijst.md"
TAG = re.compile(r"<[^>]+>")


def words_not_to_use() -> list[str]:
    """The glossary's last column, every row: the words labels and headers must not use."""
    rows = [
        line.strip().strip("|").split("|")
        for line in GLOSSARY.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| woord")
    ]
    return sorted(
        {word.strip().lower() for row in rows for word in row[-1].split(",") if word.strip()}
    )


FORBIDDEN = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(word) for word in words_not_to_use()) + r")(?!\w)",
    re.IGNORECASE,
)


def _plain(text: str) -> str:
    return TAG.sub(" ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def field_names(root: QWidget) -> set[str]:
    """Every visible text that names a field, a column, a group, a tab or an action."""
    texts = {label.text() for label in root.findChildren(QLabel) if label.buddy() is not None}
    texts |= {box.title() for box in root.findChildren(QGroupBox)}
    texts |= {button.text() for button in root.findChildren(QAbstractButton)}
    texts |= {edit.placeholderText() for edit in root.findChildren(QLineEdit)}
    texts |= {widget.accessibleName() for widget in root.findChildren(QWidget)}
    for bar in root.findChildren(QTabBar):
        texts |= {bar.tabText(index) for index in range(bar.count())}
    for table in root.findChildren(QTableView):
        texts |= _headers(table.model(), table.horizontalHeader().count())
    for tree in root.findChildren(QTreeView):
        texts |= _headers(tree.model(), tree.header().count())
    return {_plain(text) for text in texts if text}


def _headers(model: QAbstractItemModel | None, count: int) -> set[str]:
    if model is None:
        return set()
    return {
        str(model.headerData(column, Qt.Orientation.Horizontal) or "") for column in range(count)
    }


def _offending(texts: set[str]) -> list[str]:
    return sorted(text for text in texts if FORBIDDEN.search(text))


def test_the_glossary_rules_out_the_words_the_issue_found() -> None:
    ruled_out = words_not_to_use()
    for word in ("doelwaarde", "eigenaar", "uiterlijk", "modus operandi", "records"):
        assert word in ruled_out
    assert FORBIDDEN.search("Gereed uiterlijk") and not FORBIDDEN.search("Termijn")


def test_package_headers_follow_the_glossary() -> None:
    headers = {column.header for sheet in CURRENT.sheets for column in sheet.columns}
    headers |= {sheet.name for sheet in CURRENT.sheets}
    assert {"Streefwaarde", "Termijn", "Actiehouder", "Werkwijze"} <= headers
    assert _offending(headers) == []


@pytest.fixture
def demo_gemeente(tmp_path: Path) -> Iterator[Workspace]:
    opened = create_workspace(
        tmp_path / "demo.db", WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True
    )
    fill_demo(opened)
    yield opened
    opened.close()


def test_every_screen_names_its_fields_with_the_glossary_words(
    make_window: object, demo_gemeente: Workspace
) -> None:
    window: MainWindow = make_window(demo_gemeente)  # type: ignore[operator]
    seen: set[str] = set()
    offending: dict[str, list[str]] = {}
    for area in AREAS:
        if not area.available_in(demo_gemeente.summary.role):
            continue
        window.navigate(area.key)
        page = window.page(area.key)
        assert page is not None
        for state in screen_states(page, area.key):
            texts = field_names(page)
            seen |= texts
            if found := _offending(texts):
                offending[state] = found
        for dialog in _new_record_dialogs(page):
            texts = field_names(dialog)
            seen |= texts
            if found := _offending(texts):
                offending[f"{area.key}: {dialog.windowTitle()}"] = found
            dialog.reject()
    # The walk reached the forms and tables where the words were mixed before.
    assert {"Streefwaarde", "Termijn", "Actiehouder", "Verantwoordelijke", "Werkwijze"} <= seen
    assert not offending, offending


def _new_record_dialogs(page: QWidget) -> Iterator[QDialog]:
    for editor in page.findChildren(RecordEditor):
        editor.start_new()
        if editor.new_dialog is not None:
            yield editor.new_dialog
    if isinstance(page, MatrixPage):
        yield page.add_measure()
    if isinstance(page, ActionListPage):
        yield page.new_action()
    if isinstance(page, MeetingsPage):
        yield page.new_meeting()


def test_the_glossary_words_reach_the_screens(qtbot: QtBot) -> None:
    """field_names reads what a form shows: a label with a buddy and a header."""
    from app.ui.goals.goal_form import GoalForm

    form = GoalForm()
    qtbot.addWidget(form)
    assert {"Streefwaarde", "Termijn", "Verantwoordelijke"} <= field_names(form)
