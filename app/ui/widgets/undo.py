"""Undo/redo for edits: every edit of every screen goes through the window's `UndoFacade`.

An edit is two service calls, one to make the change and one to take it back; each runs in
one transaction, so the workspace is saved after every step and undoing is itself saved; there
is no save button to forget. The facade runs the change first and puts a step on the undo
stack only when the change succeeded: a refused edit leaves no step behind, and the status bar
says "Opgeslagen" only for a step that was stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.kernel.errors import RecordGoneError, UserError


class ServiceCommand(QUndoCommand):
    """An undoable edit made of two service calls and what to refresh afterwards.

    The facade pushes it after `apply` already ran, so the stack's first `redo` only
    refreshes. A later undo or redo that the workspace refuses (the record changed in the
    meantime) is reported and its step dropped from the stack.
    """

    def __init__(
        self,
        text: str,
        apply: Callable[[], object],
        revert: Callable[[], object],
        after: Callable[[], None] | None,
        report: Callable[[UserError | None], None],
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._revert = revert
        self._after = after
        self._report = report
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # the facade made the change; only show it
            self._settle(None)
        else:
            self._settle(self._run(self._apply))

    def undo(self) -> None:
        self._settle(self._run(self._revert))

    def _run(self, step: Callable[[], object]) -> UserError | None:
        try:
            step()
        except UserError as error:
            self.setObsolete(True)  # QUndoStack drops an obsolete step
            return error
        return None

    def _settle(self, error: UserError | None) -> None:
        if self._after:
            self._after()
        self._report(error)


class UndoFacade:
    """The one way a screen stores an edit: `edit(...)` runs it and makes it undoable."""

    def __init__(
        self,
        stack: QUndoStack,
        show_status: Callable[[str], None],
        refresh: Callable[[], None] | None = None,
    ) -> None:
        self.stack = stack
        self._show_status = show_status
        self._refresh = refresh  # the screen in view, after an edit of a deleted record

    def edit(
        self,
        text: str,
        apply: Callable[[], object],
        revert: Callable[[], object],
        after: Callable[[], None] | None = None,
        *,
        refused: Callable[[UserError], None] | None = None,
    ) -> bool:
        """Make the change now; only when it succeeded, put it on the undo stack.

        A refusal (`UserError`) stores nothing and leaves the stack as it was; it goes to
        `refused` (the screen shows it at its field) or else to the status bar. When the
        record was deleted meanwhile, the screen in view reloads so it stops showing it.
        """
        try:
            apply()
        except UserError as error:
            if refused is not None:
                refused(error)
            else:
                self._show_status(
                    QCoreApplication.translate("UndoFacade", "Niet opgeslagen: {reason}").format(
                        reason=error.message
                    )
                )
            if isinstance(error, RecordGoneError) and self._refresh is not None:
                self._refresh()
            return False
        self.stack.push(ServiceCommand(text, apply, revert, after, self._report))
        return True

    def not_undoable(self, message: str) -> None:
        """A change made outside the undo stack (an import): the status bar says why."""
        self._show_status(message)

    def import_reason(self) -> str:
        return QCoreApplication.translate(
            "UndoFacade",
            "Een import maakt u niet ongedaan met Ctrl+Z; Bestand > Herstellen zet de "
            "reservekopie van vóór de import terug.",
        )

    def _report(self, error: UserError | None) -> None:
        if error is None:
            self._show_status(
                QCoreApplication.translate("UndoFacade", "Opgeslagen in de werkruimte")
            )
        else:
            self._show_status(
                QCoreApplication.translate("UndoFacade", "Niet gelukt: {reason}").format(
                    reason=error.message
                )
            )
