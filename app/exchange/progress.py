"""Progress reporting and cancelling for long package work, so a screen can show a dialog."""

from __future__ import annotations

from collections.abc import Callable

from app.kernel.errors import UserError

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ExchangeCancelledError(UserError):
    def __init__(self) -> None:
        super().__init__("Afgebroken op verzoek; er is niets gewijzigd.")


class Progress:
    """Counts done units of work; reports every `step` units and checks for cancelling."""

    def __init__(
        self,
        total: int,
        on_progress: ProgressCallback | None = None,
        is_cancelled: CancelCheck | None = None,
        step: int = 2000,
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._on_progress = on_progress
        self._is_cancelled = is_cancelled
        self._step = step
        self._next_report = 0

    def advance(self, units: int = 1) -> None:
        self.done += units
        if self.done >= self._next_report:
            self._next_report = self.done + self._step
            self.check()

    def check(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise ExchangeCancelledError()
        if self._on_progress is not None:
            self._on_progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        self.done = self.total
        if self._on_progress is not None:
            self._on_progress(self.total, self.total)
