"""What every screen gets: the open workspace and a way to talk to the main window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from app.kernel.workspace import Workspace


class Shell(Protocol):
    def navigate(self, area_key: str) -> None: ...

    def show_status(self, message: str) -> None: ...

    def refresh_current(self) -> None: ...


@dataclass(frozen=True)
class ScreenContext:
    workspace: Workspace
    shell: Shell
    undo_stack: QUndoStack
