"""The "bewust leeg" matrix cell for docs/render_screenshots.py.

Registered last: the second screen marks a cell of the demo workspace, which the screens
rendered after it would otherwise show too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.ui.window.main_window import MainWindow

Render = Callable[[MainWindow], QWidget | None]
REASON = "Repressief richt zich niet op slachtoffers: de politie pakt de daders aan (rij Dader)."


def _first_gap(window: MainWindow) -> object:
    """Slachtoffer/woning x repressief, the cell the werkgroep leaves empty in every plan."""
    window.navigate("matrix")
    page = window.page("matrix")
    index = page.model.index(1, 1)  # type: ignore[attr-defined]
    assert page.model.cell_at(index).is_gap, "the demo plan has no gap there"  # type: ignore[attr-defined]
    page.grid.setCurrentIndex(index)  # type: ignore[attr-defined]
    return page


def matrix_left_empty_dialog(window: MainWindow) -> QWidget:
    """Asking the reason before a cell is left empty on purpose."""
    page = _first_gap(window)
    page.toggle_left_empty()  # type: ignore[attr-defined]
    dialog = page.empty_dialog  # type: ignore[attr-defined]
    dialog.reason.setText(REASON)
    return dialog


def matrix_left_empty(window: MainWindow) -> None:
    """The cell left empty on purpose: hatched, with its reason, no longer a gap."""
    from app.core.matrix.empty_cells import mark_cell_empty

    page = _first_gap(window)
    mark_cell_empty(window.workspace, *page.current_cell(), REASON)  # type: ignore[arg-type, attr-defined]
    page.refresh()  # type: ignore[attr-defined]


SCREENS: dict[str, Render] = {
    "matrix-bewust-leeg-dialoog": matrix_left_empty_dialog,
    "matrix-bewust-leeg": matrix_left_empty,
}


def register(screen: Callable[[str], Callable[[Render], Render]]) -> None:
    for name, render in SCREENS.items():
        screen(name)(render)
