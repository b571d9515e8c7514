"""The 3D-matrix, Actielijst and Overleggen screens for docs/render_screenshots.py.

Kept in their own module so the screens of the plan and of the week are registered side by
side without editing the same lines; `register` adds them to the script's registry.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.ui.window.main_window import MainWindow

Render = Callable[[MainWindow], QWidget | None]


def matrix(window: MainWindow) -> None:
    """The grid with a filled cell chosen: its measures listed, the first one in the form."""
    window.navigate("matrix")
    page = window.page("matrix")
    page.grid.setCurrentIndex(page.model.index(1, 0))  # type: ignore[attr-defined]


def matrix_dark_days(window: MainWindow) -> None:
    """The third axis on 'Periode': only the measures of the Donkere Dagen Offensief."""
    window.navigate("matrix")
    page = window.page("matrix")
    page.axis.setCurrentIndex(page.axis.findData("period"))  # type: ignore[attr-defined]
    page.grid.setCurrentIndex(page.model.index(0, 1))  # type: ignore[attr-defined]


def matrix_add(window: MainWindow) -> QWidget:
    """Adding a measure to an empty cell, with the catalogue offering the cell's measures."""
    window.navigate("matrix")
    page = window.page("matrix")
    page.grid.setCurrentIndex(page.model.index(0, 0))  # type: ignore[attr-defined]
    dialog = page.add_measure()  # type: ignore[attr-defined]
    dialog.catalogue.setCurrentIndex(1)
    dialog.catalogue.activated.emit(1)
    return dialog


def _action_list(window: MainWindow) -> QWidget:
    window.navigate("actions")
    page = window.page("actions")
    assert page is not None
    return page


def action_list(window: MainWindow) -> None:
    """Open and running actions, oldest due date first; red rows are overdue."""
    page = _action_list(window)
    status_filter = page.status_filter  # type: ignore[attr-defined]
    status_filter.setCurrentIndex(status_filter.findData("active"))


def action_search(window: MainWindow) -> None:
    """Search as you type: every action about a hotspot."""
    page = _action_list(window)
    page.search.setText("hotspot")  # type: ignore[attr-defined]


def meeting_list(window: MainWindow) -> None:
    window.navigate("meetings")


def meeting_action(window: MainWindow) -> QWidget:
    """A new action made from a decision: text, meeting and date are filled in."""
    window.navigate("meetings")
    return window.page("meetings").action_from_decision()  # type: ignore[attr-defined]


SCREENS: dict[str, Render] = {
    "matrix": matrix,
    "matrix-ddo": matrix_dark_days,
    "matrix-toevoegen": matrix_add,
    "actions": action_list,
    "actions-zoeken": action_search,
    "meetings": meeting_list,
    "meetings-actie": meeting_action,
}


def register(screen: Callable[[str], Callable[[Render], Render]]) -> None:
    for name, render in SCREENS.items():
        screen(name)(render)
