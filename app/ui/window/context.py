"""What every screen gets: the open workspace, its job runner, the undo facade, the settings
and a way to talk to the main window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.kernel.settings import Settings
    from app.kernel.workspace import Workspace
    from app.ui.widgets.background import JobRunner
    from app.ui.widgets.undo import UndoFacade


class Shell(Protocol):
    def navigate(self, area_key: str) -> None: ...

    def show_status(self, message: str) -> None: ...

    def refresh_current(self) -> None: ...


@dataclass(frozen=True)
class ScreenContext:
    workspace: Workspace
    shell: Shell
    undo: UndoFacade
    jobs: JobRunner
    settings: Settings
