"""Dates typed as people type them (dd-mm-jjjj, d-m-jjjj) or picked from the calendar,
within 1990-2100; the red text next to the field goes once the date is right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDateEdit,
    QLabel,
    QListWidget,
    QTableView,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow
from tests.journeys.user import (
    CTRL,
    LEFT,
    cell_texts,
    click,
    click_row,
    go_to,
    named,
    type_into,
    undo,
    visible,
)


def goal_deadline(qtbot: QtBot, window: MainWindow) -> tuple[object, QTableView, str]:
    page = go_to(qtbot, window, "Doelstellingen")
    table = visible(page, QTableView, "recordTable")
    goal = cell_texts(table)[0]
    click_row(qtbot, table, goal)
    return page, table, goal


def deadline_shown(table: QTableView, goal: str) -> str:
    """The Termijn column of the goal's row."""
    row = cell_texts(table).index(goal)
    return str(table.model().index(row, 2).data())


def error_text(page: object, key: str) -> str:
    label = page.findChild(QLabel, f"error_{key}")  # type: ignore[attr-defined]
    return label.text() if label.isVisible() else ""


def test_typed_dates_in_both_forms_are_saved(qtbot: QtBot, demo_window: MainWindow) -> None:
    page, table, goal = goal_deadline(qtbot, demo_window)
    field = named(page, "Termijn")
    type_into(qtbot, field, "15-01-2027")
    assert field.text() == "15-01-2027"  # type: ignore[attr-defined]
    assert deadline_shown(table, goal) == "01-2027"
    type_into(qtbot, field, "3-2-2028")
    assert field.text() == "03-02-2028"  # type: ignore[attr-defined]
    assert deadline_shown(table, goal) == "02-2028"
    undo(qtbot, demo_window)
    assert deadline_shown(table, goal) == "01-2027"


def test_a_wrong_date_is_refused_next_to_the_field_and_the_fix_clears_it(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page, table, goal = goal_deadline(qtbot, demo_window)
    before = deadline_shown(table, goal)
    field = named(page, "Termijn")

    type_into(qtbot, field, "1-1-3122")
    assert "1990-2100" in error_text(page, "deadline")
    assert deadline_shown(table, goal) == before

    type_into(qtbot, field, "31-02-2027")
    assert "geen datum" in error_text(page, "deadline")
    assert deadline_shown(table, goal) == before

    type_into(qtbot, field, "28-2-2027")
    assert error_text(page, "deadline") == ""
    assert deadline_shown(table, goal) == "02-2027"


def test_a_pasted_entry_is_repeated_readably_in_the_message(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page, table, goal = goal_deadline(qtbot, demo_window)
    before = deadline_shown(table, goal)
    field = named(page, "Termijn")
    for pasted in ("Zie de notulen " * 400, "\u202eomgekeerd"):
        QApplication.clipboard().setText(pasted)
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
        qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
        qtbot.keyClick(field, Qt.Key.Key_Tab)

        message = error_text(page, "deadline")
        assert "geen datum" in message
        assert len(message) < 150
        assert "\u202e" not in message  # it would show the sentence back to front
        assert deadline_shown(table, goal) == before
    # The form still fits beside the list: the message wraps instead of widening the form.
    assert page.width() <= demo_window.width()


def test_a_date_is_picked_from_the_calendar(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = go_to(qtbot, demo_window, "Doelstellingen")
    table = visible(page, QTableView, "recordTable")
    goal = cell_texts(table)[0]
    click_row(qtbot, table, goal)
    field = named(page, "Termijn")
    type_into(qtbot, field, "15-06-2027")
    [calendar_button] = [b for b in field.findChildren(QToolButton) if b.isVisible()]
    click(qtbot, calendar_button)
    calendar = QApplication.activePopupWidget()
    assert isinstance(calendar, QCalendarWidget)
    days = calendar.findChild(QTableView)
    assert days is not None
    rows = range(days.model().rowCount())
    [day_20] = [
        days.model().index(row, column)
        for row in rows
        for column in range(days.model().columnCount())
        if days.model().index(row, column).data() == 20
    ]
    qtbot.mouseClick(days.viewport(), LEFT, pos=days.visualRect(day_20).center())
    assert not calendar.isVisible()
    assert field.text() == "20-06-2027"  # type: ignore[attr-defined]


def test_an_optional_date_is_typed_and_emptied(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = go_to(qtbot, demo_window, "Hotspots")
    table = visible(page, QTableView, "recordTable")
    click_row(qtbot, table, cell_texts(table)[0])
    sent = named(page, "Verstuurd op")
    type_into(qtbot, sent, "2-3-2026")
    assert sent.text() == "02-03-2026"  # type: ignore[attr-defined]
    type_into(qtbot, sent, "")
    assert sent.text() == ""  # type: ignore[attr-defined]
    assert error_text(page, "sent_on") == ""


def test_every_screen_uses_the_one_typed_date_field(qtbot: QtBot, demo_window: MainWindow) -> None:
    navigation = demo_window.findChild(QListWidget, "navigation")
    assert navigation is not None
    for row in range(navigation.count()):
        page = go_to(qtbot, demo_window, navigation.item(row).text())
        assert page.findChildren(QDateEdit) == [], navigation.item(row).text()
