"""Errors a user can cause: they carry a Dutch sentence that says what, where and how to fix."""

from __future__ import annotations


class UserError(Exception):
    """A refusal the user can act on; `str(error)` is the Dutch message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WorkspaceError(UserError):
    """A workspace file that cannot be opened or created as asked."""


class DamagedWorkspaceError(WorkspaceError):
    """SQLite finds the file's structure broken: nothing may be written into it."""


class WorkspaceLockedError(WorkspaceError):
    """The workspace is open in another running instance."""


class FieldError(UserError):
    """Invalid input in one field of a form; `field` names it so the screen can show the
    message next to that field. Nothing is stored when this is raised."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
