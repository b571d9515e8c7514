"""Doelstellingen: a goal of kind "anders" gets values by hand and shows its state."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.core.goals import goals
from app.core.goals import measurements as goal_measurements
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow
from database.enums import GoalIndicator
from tests.ui.user_input import CTRL, click, pick_date

KEURMERK = goals.GoalDraft(
    title="50 woningen met het Politiekeurmerk",
    indicator=GoalIndicator.OTHER,
    unit="woningen",
    baseline_value=0.0,
    baseline_year=2016,
    target_value=50.0,
    deadline=date(2019, 12, 31),
)


def _open_dialog(qtbot: QtBot, window: MainWindow) -> QDialog:
    click(qtbot, window.findChild(QPushButton, "addMeasurement"))
    shown: list[QDialog] = []

    def opened() -> bool:
        shown[:] = [d for d in window.findChildren(QDialog, "newRecordDialog") if d.isVisible()]
        return bool(shown)

    qtbot.waitUntil(opened)
    return shown[0]


def _add(qtbot: QtBot, window: MainWindow, day: date, value: str) -> None:
    dialog = _open_dialog(qtbot, window)
    pick_date(qtbot, dialog.findChild(QWidget, "field_measured_on"), day)  # type: ignore[arg-type]
    amount = dialog.findChild(QWidget, "field_value")
    amount.setFocus()
    qtbot.keyClick(amount, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(amount, value)
    qtbot.keyClicks(dialog.findChild(QWidget, "field_source"), "gemeente")
    click(qtbot, dialog.add_button)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_measurements_added_by_hand_give_the_goal_its_state(
    qtbot: QtBot, make_window: object, workspace: Workspace
) -> None:
    goal_id = goals.add_goal(workspace, KEURMERK)
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    window.navigate("goals")
    text = window.findChild(QLabel, "measurement")
    assert "Nog geen cijfers" in text.text()

    _add(qtbot, window, date(2018, 8, 7), "22")
    _add(qtbot, window, date(2018, 10, 19), "26")
    _add(qtbot, window, date(2018, 12, 31), "30")
    table = window.findChild(QTableWidget, "measurementTable")
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [
        "07-08-2018",
        "19-10-2018",
        "31-12-2018",
    ]
    shown = text.text()
    assert "Gemeten: 30 woningen (op 31-12-2018, met de hand)" in shown
    assert "op koers" in shown
    # The trend line through the measurements reaches exactly 50: shown as a whole number, as
    # every whole value is (np.polyfit used to land a hair below it, shown as "50,0").
    assert "Als de trend doorzet: 50 op de termijn" in shown

    # A second value on the same day is refused in the dialog; nothing is stored.
    dialog = _open_dialog(qtbot, window)
    pick_date(qtbot, dialog.findChild(QWidget, "field_measured_on"), date(2018, 12, 31))  # type: ignore[arg-type]
    click(qtbot, dialog.add_button)  # type: ignore[attr-defined]
    assert "al een meting op 31-12-2018" in dialog.findChild(QLabel, "error_measured_on").text()
    dialog.reject()  # type: ignore[attr-defined]
    assert len(goal_measurements.list_measurements(workspace, goal_id)) == 3

    # Undo takes the last measurement back, and the state with it.
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert table.rowCount() == 2
    assert "Gemeten: 26 woningen (op 19-10-2018, met de hand)" in text.text()
