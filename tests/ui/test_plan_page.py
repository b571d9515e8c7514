"""Journey: a projectleider fills in the plan's own fields with mouse and keyboard, and finds
them again after reopening the workspace; the Tijdlijn stops calling the driehoek's
commitment late."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.kernel.workspace import Workspace, open_workspace
from app.ui.window.main_window import MainWindow
from tests.ui.user_input import CTRL, pick_date

TEXTS = {
    "title": "Plan van aanpak woninginbraken Gouda 2018-2019",
    "project_lead": "beleidsadviseur OOV",
    "triangle_assignment": "Breng het inbraakrisico onder het regionale gemiddelde.",
    "organisation": "Operationeel overleg elke maand onder leiding van de projectleider.",
    "communication": "Campagne in de donkere dagen via website en huis-aan-huisblad.",
    "budget": "25.000 euro per jaar uit het veiligheidsbudget.",
}
DATES = {"local_start": date(2017, 10, 12), "triangle_commitment": date(2017, 12, 14)}


def _field(window: MainWindow, key: str) -> QWidget:
    widget = window.findChild(QWidget, f"field_{key}")
    assert widget is not None and widget.isVisible(), key
    return widget


def _open_area(qtbot: QtBot, window: MainWindow, title: str) -> None:
    navigation = window.findChild(QListWidget, "navigation")
    [item] = navigation.findItems(title, Qt.MatchFlag.MatchExactly)
    centre = navigation.visualItemRect(item).center()
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into the field, replace its text by typing, leave it with Tab."""
    target = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.rect().center())
    qtbot.keyClick(target, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(target, Qt.Key.Key_Delete)
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Tab)


def _late(window: MainWindow) -> list[str]:
    late = window.findChild(QListWidget, "lateMilestones")
    return [late.item(row).text() for row in range(late.count())]


def test_every_plan_field_is_edited_and_found_after_reopening(
    qtbot: QtBot, make_window: object, workspace: Workspace, workspace_path: Path
) -> None:
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    _open_area(qtbot, window, "Tijdlijn")
    # A plan without a start has nothing late yet (the driehoek's date comes with the start).
    assert not any(line.startswith("Opdracht driehoek") for line in _late(window))

    _open_area(qtbot, window, "Plan")
    for key, day in DATES.items():
        # Offscreen, QDateEdit ignores typed digits: the date is picked as the calendar does.
        # Tab moves on to the date's next part; the click into the next field leaves it.
        pick_date(qtbot, _field(window, key), day)  # type: ignore[arg-type]
    for key, text in TEXTS.items():
        _type(qtbot, _field(window, key), text)
    assert window.undo_stack.count() == len(TEXTS) + len(DATES)

    # Undo takes the last edit back; redo restores it.
    budget = _field(window, "budget")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert budget.toPlainText() == ""  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    assert budget.toPlainText() == TEXTS["budget"]  # type: ignore[attr-defined]

    _open_area(qtbot, window, "Tijdlijn")
    assert not any(line.startswith("Opdracht driehoek") for line in _late(window))
    window.close()
    workspace.close()

    with open_workspace(workspace_path) as reopened:
        window = make_window(reopened)  # type: ignore[operator]
        _open_area(qtbot, window, "Plan")
        for key, text in TEXTS.items():
            widget = _field(window, key)
            shown = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()  # type: ignore[attr-defined]
            assert shown == text, key
        for key, day in DATES.items():
            assert _field(window, key).optional_value() == day, key  # type: ignore[attr-defined]
        window.close()


def test_an_empty_title_is_refused_next_to_the_field(
    qtbot: QtBot, make_window: object, workspace: Workspace
) -> None:
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    _open_area(qtbot, window, "Plan")
    title = _field(window, "title")
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton, pos=title.rect().center())
    qtbot.keyClick(title, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    error = window.findChild(QWidget, "error_title")
    assert error.isVisible() and "titel" in error.text()  # type: ignore[attr-defined]
    assert window.undo_stack.count() == 0
