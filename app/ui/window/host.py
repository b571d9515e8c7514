"""What the dialogs of the menus may ask of the main window.

The package, feedback and restore flows are built by the main window and call back into it;
they know it only through this base class, so they import nothing of the window's own module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:  # the window paints before SQLAlchemy loads
    from app.kernel.settings import Settings
    from app.kernel.workspace import Workspace
    from app.ui.widgets.background import JobRunner
    from app.ui.widgets.undo import UndoFacade


class WindowHost(QMainWindow):
    """The main window as the flows see it; `MainWindow` implements every method."""

    @property
    def workspace(self) -> Workspace | None:
        raise NotImplementedError

    @property
    def jobs(self) -> JobRunner:
        """The job runner of the workspace shown."""
        raise NotImplementedError

    @property
    def settings(self) -> Settings:
        raise NotImplementedError

    @property
    def undo(self) -> UndoFacade:
        """The undo history, which records the changes that cannot be undone too."""
        raise NotImplementedError

    def rebuild_pages(self) -> None:
        """Build the screens anew after the workspace changed underneath them."""
        raise NotImplementedError

    def navigate(self, area_key: str) -> None:
        raise NotImplementedError

    def show_status(self, message: str) -> None:
        raise NotImplementedError
