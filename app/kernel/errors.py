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


class RecordGoneError(UserError):
    """The record an edit or a screen points at was deleted meanwhile (in another window, by
    undo or by a merge). Nothing is stored; a screen that gets this reloads its list."""

    @classmethod
    def about(cls, noun: str) -> RecordGoneError:
        """The refusal for the record a user calls `noun` ("De doelstelling")."""
        return cls(
            f"{noun} bestaat niet meer in de werkruimte (intussen verwijderd in een ander "
            "venster, met ongedaan maken of door samenvoegen); er is niets opgeslagen, vernieuw "
            "het scherm en kies opnieuw."
        )
