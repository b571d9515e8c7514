"""The "bewust leeg" matrix cell for docs/render_screenshots.py.

The demo plan leaves one cell empty on purpose (slachtoffer/woning x repressief where it has
no measure); the dialog is shown on its first real gap.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.ui.window.main_window import MainWindow

Render = Callable[[MainWindow], QWidget | None]
REASON = "Bestuurlijke maatregelen richten zich hier op panden en daders, niet op de omgeving."


def _first_cell(window: MainWindow, wanted: Callable[[object], bool]) -> object:
    """The matrix with its first cell (row by row) that `wanted` accepts as the current one."""
    window.navigate("matrix")
    page = window.page("matrix")
    model = page.model  # type: ignore[attr-defined]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if wanted(model.cell_at(index)):
                page.grid.setCurrentIndex(index)  # type: ignore[attr-defined]
                return page
    raise AssertionError("the demo plan has no such cell")


def matrix_left_empty_dialog(window: MainWindow) -> QWidget:
    """Asking the reason before a gap is left empty on purpose."""
    page = _first_cell(window, lambda cell: cell.is_gap)  # type: ignore[attr-defined]
    page.toggle_left_empty()  # type: ignore[attr-defined]
    dialog = page.empty_dialog  # type: ignore[attr-defined]
    dialog.reason.setText(REASON)
    return dialog


def matrix_left_empty(window: MainWindow) -> None:
    """The cell the demo plan leaves empty on purpose: hatched, with its reason, no gap."""
    _first_cell(window, lambda cell: cell.is_left_empty)  # type: ignore[attr-defined]


SCREENS: dict[str, Render] = {
    "matrix-bewust-leeg-dialoog": matrix_left_empty_dialog,
    "matrix-bewust-leeg": matrix_left_empty,
}


def register(screen: Callable[[str], Callable[[Render], Render]]) -> None:
    for name, render in SCREENS.items():
        screen(name)(render)
