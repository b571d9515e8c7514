"""Running long work off the GUI thread, with results delivered back as Qt signals."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Calls `work(progress, cancelled)` on the thread pool; the signals arrive on the GUI thread.

    `work` receives a progress callback and a function that tells whether the user cancelled.
    """

    def __init__(self, work: Callable[[Callable[[int], None], Callable[[], bool]], object]) -> None:
        super().__init__()
        self.signals = JobSignals()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit, self._cancel.is_set)
        except Exception as error:  # handed to the GUI thread, which reports it
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)

    def start(self) -> None:
        self.setAutoDelete(False)
        QThreadPool.globalInstance().start(self)
