"""The Actielijst driven by keyboard and mouse; the workspace is checked through services."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from user_input import CTRL, answer, click, pick_date, type_into

from app.core.actions import actions
from app.core.actions.actions import ActionInput, ActionList, ActionRow
from app.kernel.workspace import Workspace
from app.ui.actions.action_table_model import DUE, STATUS, TITLE, ActionFilter, ActionTableModel
from app.ui.window.main_window import MainWindow
from database.enums import ActionStatus


def _add(workspace: Workspace, title: str, **values: object) -> str:
    return actions.add_action(workspace, ActionInput(title=title, **values))  # type: ignore[arg-type]


def _open(window: MainWindow) -> object:
    window.navigate("actions")
    page = window.page("actions")
    assert page is not None
    return page


def _shown_titles(page: object) -> list[str]:
    model = page.proxy  # type: ignore[attr-defined]
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def test_a_new_action_is_refused_next_to_the_due_date_then_stored(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = _open(window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    type_into(qtbot, form.field("title"), "Bewonersavond Korte Akkeren")
    type_into(qtbot, form.field("owner"), "wijkagent Korte Akkeren")
    pick_date(qtbot, form.field("start_date"), date(2018, 3, 1))
    pick_date(qtbot, form.field("due_date"), date(2018, 2, 1))
    qtbot.keyClick(form.field("owner"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "vóór de startdatum" in form.error_text("due_date")
    assert actions.action_list(workspace).rows == []

    pick_date(qtbot, form.field("due_date"), date(2018, 3, 15))
    qtbot.keyClick(form.field("owner"), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    [row] = actions.action_list(workspace).rows
    assert (row.title, row.owner, row.start_date, row.due_date) == (
        "Bewonersavond Korte Akkeren",
        "wijkagent Korte Akkeren",
        date(2018, 3, 1),
        date(2018, 3, 15),
    )
    assert _shown_titles(page) == ["Bewonersavond Korte Akkeren"]
    assert window.statusBar().currentMessage() == "Opgeslagen in de werkruimte"


def test_search_as_you_type_filters_and_ctrl_f_finds_the_field(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    _add(workspace, "Flyers Vlasakkers", owner="wijkagent Noord")
    _add(workspace, "Schouw achterpaden", owner="woningcorporatie")
    _add(workspace, "Brief aan bewoners", owner="wijkagent Noord", status=ActionStatus.DONE)
    page = _open(window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, CTRL)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "NOORD")
    assert sorted(_shown_titles(page)) == ["Brief aan bewoners", "Flyers Vlasakkers"]
    qtbot.keyClicks(page.search, " zzz")
    assert _shown_titles(page) == []
    assert page._count.text() == "0 van 3 acties"
    page.search.clear()

    page.status_filter.setFocus()
    page.status_filter.setCurrentIndex(page.status_filter.findData("active"))
    assert sorted(_shown_titles(page)) == ["Flyers Vlasakkers", "Schouw achterpaden"]
    page.owner_filter.setCurrentIndex(page.owner_filter.findData("woningcorporatie"))
    assert _shown_titles(page) == ["Schouw achterpaden"]


def test_overdue_rows_are_marked_and_can_be_shown_alone(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    past = date.today() - timedelta(days=3)
    _add(workspace, "Te laat", due_date=past)
    _add(workspace, "Op tijd", due_date=date.today() + timedelta(days=3))
    _add(workspace, "Gereed maar oud", due_date=past, status=ActionStatus.DONE)
    page = _open(window)
    click(qtbot, page.overdue_only)
    assert _shown_titles(page) == ["Te laat"]
    assert page.proxy.index(0, TITLE).data(Qt.ItemDataRole.BackgroundRole) is not None
    click(qtbot, page.overdue_only)
    done_row = _shown_titles(page).index("Gereed maar oud")
    assert page.proxy.index(done_row, TITLE).data(Qt.ItemDataRole.BackgroundRole) is None


def test_every_column_sorts_from_its_header(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    _add(workspace, "B", due_date=date(2018, 1, 2), status=ActionStatus.DONE)
    _add(workspace, "A", due_date=date(2018, 1, 3))
    _add(workspace, "C", due_date=date(2018, 1, 1), status=ActionStatus.IN_PROGRESS)
    page = _open(window)
    assert _shown_titles(page) == ["C", "B", "A"]
    page.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert _shown_titles(page) == ["A", "B", "C"]
    page.table.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    assert _shown_titles(page) == ["C", "B", "A"]
    page.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    assert _shown_titles(page) == ["A", "C", "B"]
    for column in range(page.proxy.columnCount()):
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        assert sorted(_shown_titles(page)) == ["A", "B", "C"]


def test_inline_status_edit_is_saved_and_undone(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    action_id = _add(workspace, "Camera's registreren")
    page = _open(window)
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.proxy.index(0, STATUS))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.action_list(workspace).rows[0].status is ActionStatus.DONE)
    assert actions.action_list(workspace).rows[0].status is ActionStatus.DONE
    assert page.proxy.index(0, STATUS).data() == "gereed"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    [row] = actions.action_list(workspace).rows
    assert (row.id, row.status) == (action_id, ActionStatus.OPEN)
    assert page.proxy.index(0, STATUS).data() == "open"


def test_an_inline_due_date_before_the_start_is_refused(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    _add(workspace, "Flyers", start_date=date(2018, 3, 1), due_date=date(2018, 3, 10))
    page = _open(window)
    page.proxy.setData(page.proxy.index(0, DUE), QDate(2018, 2, 1))
    assert page.message.isVisible()
    assert "startdatum" in page.message.text()
    assert actions.action_list(workspace).rows[0].due_date == date(2018, 3, 10)


def test_bulk_status_change_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    for title in ("Een", "Twee", "Drie"):
        _add(workspace, title)
    page = _open(window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, CTRL)
    [set_done] = [
        a for a in page.status_button.menu().actions() if a.objectName() == "setStatus_done"
    ]
    set_done.trigger()
    assert {row.status for row in actions.action_list(workspace).rows} == {ActionStatus.DONE}
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert {row.status for row in actions.action_list(workspace).rows} == {ActionStatus.OPEN}


def test_delete_asks_first_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    _add(workspace, "Weg ermee", description="met toelichting")
    page = _open(window)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    answer(qtbot, page.confirm_box, "Nee")
    assert len(actions.action_list(workspace).rows) == 1
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    answer(qtbot, page.confirm_box, "Ja, verwijderen")
    assert actions.action_list(workspace).rows == []
    assert _shown_titles(page) == []
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    [row] = actions.action_list(workspace).rows
    assert actions.action_input(workspace, row.id).description == "met toelichting"


def test_export_writes_the_view_as_text_never_as_formula(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    _add(workspace, '=HYPERLINK("http://example.org","klik")', owner="+31 6 1234")
    _add(workspace, "Niet in de export")
    page = _open(window)
    qtbot.keyClicks(page.search, "hyperlink")
    page.export_to(tmp_path / "acties")
    qtbot.waitUntil(page.export_button.isEnabled, timeout=10_000)
    sheet = openpyxl.load_workbook(tmp_path / "acties.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Omschrijving", "Actiehouder")
    assert len(rows) == 2
    title_cell = sheet["A2"]
    assert title_cell.data_type == "s"
    assert title_cell.value == '=HYPERLINK("http://example.org","klik")'
    assert sheet["B2"].value == "+31 6 1234"
    assert "geëxporteerd" in window.statusBar().currentMessage()


def test_the_action_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = ActionTableModel(today=lambda: date(2018, 6, 1))
    model.load(
        ActionList(
            [
                ActionRow("1", "Flyers", "Piet", "2018-01-01", "2018-02-01", "open", "m", None),
                ActionRow("2", "Schouw", "", None, None, "done", None, "g"),
            ],
            {"m": "Keurmerk"},
            {"g": "Werkgroep"},
        )
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_filter(ActionFilter(text="schouw"))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
