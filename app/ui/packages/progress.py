"""Package work on the thread pool behind a progress dialog the user can cancel.

The exchange services report `on_progress(done, total)` and ask `is_cancelled()`; the dialog
shows a percentage and its Annuleren button asks the service to stop, which then raises
ExchangeCancelledError and leaves the workspace (and the destination file) as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.exchange.progress import CancelCheck, ProgressCallback
from app.ui.widgets.background import Job

PROGRESS_AFTER_MS = 300
PERCENT = 100

PackageWork = Callable[[ProgressCallback, CancelCheck], object]


def start_package_job(
    parent: QWidget, title: str, label: str, work: PackageWork, *, measured: bool = True
) -> Job:
    """Run `work(on_progress, is_cancelled)` with a window-modal progress dialog.

    The dialog closes before the job's own finished/failed handlers run, so connect those
    to the returned job. `measured=False` shows a busy bar for work that reports no progress.
    """
    progress = QProgressDialog(
        label,
        QCoreApplication.translate("PackageProgress", "Annuleren"),
        0,
        PERCENT if measured else 0,
        parent,
    )
    progress.setObjectName("packageProgress")
    progress.setWindowTitle(title)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoReset(False)
    progress.setAutoClose(False)

    def run(report: Callable[[int], None], cancelled: CancelCheck) -> object:
        return work(lambda done, total: report(done * PERCENT // max(total, 1)), cancelled)

    job = Job(run)
    progress.canceled.connect(job.cancel)
    job.signals.progress.connect(progress.setValue)

    def close(_result: object) -> None:
        progress.canceled.disconnect(job.cancel)
        progress.close()
        progress.deleteLater()

    job.signals.finished.connect(close)
    job.signals.failed.connect(close)
    job.start()
    return job
