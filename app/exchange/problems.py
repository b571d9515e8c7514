"""Problems found in an incoming package: where, what, and how to fix it, in Dutch."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from app.kernel.errors import UserError

SHOWN_IN_MESSAGE = 30


class Severity(Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    """One finding; errors block the import, warnings are shown and the fix is applied."""

    severity: Severity
    message: str  # a Dutch sentence: what is wrong and how to fix it
    sheet: str = ""
    cell: str = ""  # e.g. "Acties!D14"
    column: str = ""
    value: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def line(self) -> str:
        where = self.cell or self.sheet
        prefix = f"{where}: " if where else ""
        return f"{self.severity.value.capitalize()}: {prefix}{self.message}"


def error(message: str, **where: str) -> Problem:
    return Problem(Severity.ERROR, message, **where)


def warning(message: str, **where: str) -> Problem:
    return Problem(Severity.WARNING, message, **where)


class PackageRefusedError(UserError):
    """The package cannot be imported; `problems` holds every error and warning found."""

    subject = "Het pakket"  # what the user gave, as the message names it

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [problem for problem in problems if problem.is_error]
        lines = [problem.line() for problem in errors[:SHOWN_IN_MESSAGE]]
        if len(errors) > SHOWN_IN_MESSAGE:
            lines.append(f"... en nog {len(errors) - SHOWN_IN_MESSAGE} fouten.")
        count = "1 fout" if len(errors) == 1 else f"{len(errors)} fouten"
        super().__init__(
            f"{self.subject} is niet ingelezen ({count}); de werkruimte is niet gewijzigd.\n"
            + "\n".join(lines)
        )


def refuse(message: str) -> PackageRefusedError:
    """A refusal of the whole file, before any sheet is read."""
    return PackageRefusedError([error(message)])


class FeedbackRefusedError(PackageRefusedError):
    """The RSIV's feedback file is not read."""

    subject = "De terugkoppeling"
