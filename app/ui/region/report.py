"""Making the werkgroep report or the RBO summary from the regional screen.

The user picks a file (.pdf or .xlsx); the report is read and written on the thread pool
behind a progress dialog, so the window stays responsive.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.exchange.progress import CancelCheck, ProgressCallback
from app.ui.packages.progress import start_package_job
from app.ui.widgets.background import Job, JobRunner

if TYPE_CHECKING:
    from app.kernel.workspace import Workspace

STEPS = 100


class ReportMaker(QObject):
    """Asks where to save, then writes the report off the GUI thread; `done` gets the path."""

    done = Signal(object)

    def __init__(self, workspace: Workspace, jobs: JobRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._jobs = jobs
        self._parent = parent
        self.job: Job | None = None

    def choose_and_make(self, kind_value: str, today: date) -> None:
        rbo = kind_value == "rbo"
        suggested = f"{'rbo-samenvatting' if rbo else 'werkgroep-rapportage'}-{today:%Y-%m-%d}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("RBO-samenvatting opslaan") if rbo else self.tr("Werkgroeprapportage opslaan"),
            suggested,
            self.tr("PDF (*.pdf);;Excel-werkmap (*.xlsx)"),
        )
        if path:
            self.make(Path(path), kind_value, today)

    def make(self, path: Path, kind_value: str, today: date) -> Job:
        """Write the report to `path` (used by choose_and_make and by tests)."""
        if path.suffix.lower() not in (".pdf", ".xlsx"):
            path = path.with_suffix(".pdf")
        workspace = self._workspace

        def work(on_progress: ProgressCallback, _cancelled: CancelCheck) -> Path:
            from app.core.region.report_content import ReportKind, report_content
            from app.report import write_report

            def step(percent: int) -> None:
                on_progress(percent, STEPS)

            content = report_content(workspace, ReportKind(kind_value), today, step)
            return write_report(content, path, step)

        job = start_package_job(
            self._jobs,
            self._parent,
            self.tr("Rapportage maken"),
            self.tr("De rapportage wordt gemaakt…"),
            work,
            self._finished,
            self._failed,
        )
        self.job = job
        return job

    def _finished(self, path: Path) -> None:
        self.done.emit(path)

    def _failed(self, error: BaseException) -> None:
        from app.kernel.errors import UserError

        if isinstance(error, UserError):
            message = str(error)
        else:
            from app.kernel.crash_log import record_unexpected, unexpected_message

            record_unexpected(error)
            message = unexpected_message(error)
        QMessageBox.warning(self._parent, self.tr("Rapportage niet gemaakt"), message)
