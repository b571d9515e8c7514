"""One job runner per workspace: long work off the GUI thread, results back as Qt signals.

Every background job in the window goes through the workspace's `JobRunner`:
- the caller's callbacks are connected before the job starts, so a job that finishes at once
  still delivers its result;
- jobs that write to the workspace run one at a time, in the order they were asked for;
  reading jobs run alongside them;
- progress (an optional dialog with Annuleren) and cancelling live here, in one place;
- closing the window cancels what waits and waits for what runs (`shutdown`);
- computations nobody waits for (`yields=True`) step aside while the user types or clicks
  (app/ui/widgets/user_first.py).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.ui.widgets.user_first import InputWatch, release_stepping_aside, stepping_aside

ProgressReport = Callable[[int], None]
CancelCheck = Callable[[], bool]
Work = Callable[[ProgressReport, CancelCheck], object]

PROGRESS_AFTER_MS = 300


class JobSignals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Calls `work(progress, cancelled)` on a pool thread; the signals arrive on the GUI thread.

    `work` receives a progress callback and a function that tells whether the user cancelled.
    Jobs are started by a `JobRunner`, never on their own.
    """

    # Jobs whose work has not returned yet, in every runner: tests assert none is left over.
    _running: ClassVar[set[Job]] = set()
    _running_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, work: Work, *, writes: bool = False, yields: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self.writes = writes
        self.yields = yields
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            with stepping_aside() if self.yields else nullcontext():
                result = self._work(self.signals.progress.emit, self._cancel.is_set)
        except Exception as error:  # handed to the GUI thread, which reports it
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            with Job._running_lock:
                Job._running.discard(self)

    @classmethod
    def still_running(cls) -> list[Job]:
        with cls._running_lock:
            return list(cls._running)

    def _mark_running(self) -> None:
        with Job._running_lock:
            Job._running.add(self)


@dataclass(frozen=True)
class ProgressDialog:
    """A window-modal progress dialog for a job; Annuleren cancels it.

    `measured=False` shows a busy bar for work that reports no progress; `cancellable=False`
    hides the button for work that cannot stop halfway.
    """

    parent: QWidget
    title: str
    label: str
    measured: bool = True
    cancellable: bool = True
    maximum: int = 100


class JobRunner(QObject):
    """Starts, queues, cancels and waits for the background jobs of one workspace."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._active: list[Job] = []
        self._writes: deque[Job] = deque()
        self._writing: Job | None = None
        self._closed = False
        # Not a child: a job's result may arrive after the window (and this runner) is gone.
        self._input = InputWatch()

    def start(
        self,
        work: Work,
        done: Callable[[Any], object],
        failed: Callable[[Any], object],
        *,
        writes: bool = False,
        yields: bool = False,
        progress: ProgressDialog | Callable[[int], object] | None = None,
    ) -> Job:
        """Run `work` off the GUI thread; `done(result)` or `failed(error)` follows on it.

        With `writes=True` the job waits until the workspace's previous write has finished.
        With `yields=True` (a reading computation nobody waits for) it pauses while the user
        types or clicks.
        """
        job = Job(work, writes=writes, yields=yields)
        if isinstance(progress, ProgressDialog):
            _attach_dialog(job, progress)
        elif progress is not None:
            job.signals.progress.connect(progress)
        # The caller's callbacks first, then the runner's bookkeeping: both before the start.
        job.signals.finished.connect(done)
        job.signals.failed.connect(failed)
        job.signals.finished.connect(lambda _result: self._settled(job))
        job.signals.failed.connect(lambda _error: self._settled(job))
        self._active.append(job)
        if yields:
            self._input.job_started()
        if self._closed:
            job.cancel()
        if writes:
            self._writes.append(job)
            self._next_write()
        else:
            self._launch(job)
        return job

    def jobs(self) -> list[Job]:
        """Jobs started or waiting whose result has not been delivered yet."""
        return list(self._active)

    def cancel_all(self) -> None:
        for job in self._active:
            job.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every started job's work has returned (results follow as events)."""
        # The GUI thread blocks here, often while handling a click (closing the window): a
        # job stepping aside for that click would wait for it for ever.
        release_stepping_aside()
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self) -> None:
        """The window closes: waiting writes are dropped, running jobs cancelled and awaited."""
        self._closed = True
        self._writes.clear()
        self.cancel_all()
        self.wait()
        self._input.stop()

    def _launch(self, job: Job) -> None:
        job._mark_running()
        self._pool.start(job)

    def _next_write(self) -> None:
        if self._writing is None and self._writes:
            self._writing = self._writes.popleft()
            self._launch(self._writing)

    def _settled(self, job: Job) -> None:
        if job in self._active:
            self._active.remove(job)
            if job.yields:
                self._input.job_ended()
        if job is self._writing:
            self._writing = None
            self._next_write()


def _attach_dialog(job: Job, spec: ProgressDialog) -> None:
    dialog = QProgressDialog(
        spec.label,
        QCoreApplication.translate("JobRunner", "Annuleren"),
        0,
        spec.maximum if spec.measured else 0,
        spec.parent,
    )
    dialog.setObjectName("packageProgress")
    dialog.setWindowTitle(spec.title)
    dialog.setMinimumDuration(PROGRESS_AFTER_MS)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    if spec.cancellable:
        dialog.canceled.connect(job.cancel)
    else:
        dialog.setCancelButton(None)
    if spec.measured:
        job.signals.progress.connect(dialog.setValue)

    def close(_outcome: object) -> None:
        # The dialog closes before the caller's own callbacks act on the outcome.
        if spec.cancellable:
            dialog.canceled.disconnect(job.cancel)
        dialog.close()
        dialog.deleteLater()

    job.signals.finished.connect(close)
    job.signals.failed.connect(close)
