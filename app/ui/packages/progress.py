"""Package work on the workspace's job runner behind a progress dialog the user can cancel.

The exchange services report `on_progress(done, total)` and ask `is_cancelled()`; the dialog
shows a percentage and its Annuleren button asks the service to stop, which then raises
ExchangeCancelledError and leaves the workspace (and the destination file) as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.exchange.progress import CancelCheck, ProgressCallback
from app.ui.widgets.background import Job, JobRunner, ProgressDialog

PERCENT = 100

PackageWork = Callable[[ProgressCallback, CancelCheck], object]


def start_package_job(
    jobs: JobRunner,
    parent: QWidget,
    title: str,
    label: str,
    work: PackageWork,
    done: Callable[[Any], object],
    failed: Callable[[Any], object],
    *,
    measured: bool = True,
    writes: bool = False,
) -> Job:
    """Run `work(on_progress, is_cancelled)` with a window-modal progress dialog.

    The dialog closes before `done` or `failed` runs. `measured=False` shows a busy bar for
    work that reports no progress; `writes=True` queues the job behind the workspace's other
    writes.
    """

    def run(report: Callable[[int], None], cancelled: CancelCheck) -> object:
        return work(lambda step, total: report(step * PERCENT // max(total, 1)), cancelled)

    dialog = ProgressDialog(parent, title, label, measured=measured, maximum=PERCENT)
    return jobs.start(run, done, failed, writes=writes, progress=dialog)
