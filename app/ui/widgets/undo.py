"""Undo/redo for edits: every edit is a QUndoCommand that calls services both ways.

A command's `redo` and `undo` each run one service call (one transaction), so the workspace
is saved after every step and undoing is itself saved; there is no save button to forget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class ServiceCommand(QUndoCommand):
    """An undoable edit made of two service calls and what to refresh afterwards."""

    def __init__(
        self,
        text: str,
        apply: Callable[[], object],
        revert: Callable[[], object],
        after: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._revert = revert
        self._after = after

    def redo(self) -> None:
        self._apply()
        if self._after:
            self._after()

    def undo(self) -> None:
        self._revert()
        if self._after:
            self._after()
