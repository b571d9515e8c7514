"""Terugkoppeling exporteren: the RSIV writes one gemeente's return package, or all nine.

The user picks a file or a folder; the figures need pandas, so the package is made on the
thread pool behind a progress dialog. `done` gets the list of packages written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.exchange.progress import CancelCheck, ProgressCallback
from app.ui.packages.notice import notice
from app.ui.packages.progress import PackageWork, start_package_job
from app.ui.widgets.background import Job, JobRunner
from app.ui.widgets.last_folder import LastFolder

if TYPE_CHECKING:
    from app.kernel.workspace import Workspace


class FeedbackExporter(QObject):
    done = Signal(object)

    def __init__(self, workspace: Workspace, jobs: JobRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._jobs = jobs
        self._parent = parent
        self._folder = LastFolder()
        self.job: Job | None = None
        self.message: QMessageBox | None = None

    def choose_and_export(self, cbs_code: str, name: str) -> None:
        from app.core.feedback.export import feedback_file_name

        path = self._folder.save_file(
            self._parent,
            self.tr("Terugkoppeling voor {name} opslaan").format(name=name),
            feedback_file_name(name, f"{date.today():%Y-%m-%d}"),
            self.tr("Excel-werkmap (*.xlsx)"),
        )
        if path:
            self.export(cbs_code, path)

    def choose_folder_and_export_all(self) -> None:
        folder = self._folder.folder(
            self._parent, self.tr("Map voor de terugkoppeling aan alle gemeenten")
        )
        if folder:
            self.export_all(folder)

    def export(self, cbs_code: str, path: Path) -> Job | None:
        """Write one gemeente's return package (used by choose_and_export and by tests)."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        workspace = self._workspace

        def work(_report: ProgressCallback, _cancelled: CancelCheck) -> list[object]:
            from app.core.feedback.export import export_feedback

            return [export_feedback(workspace, cbs_code, path)]

        return self._start(work)

    def export_all(self, folder: Path) -> Job | None:
        workspace = self._workspace

        def work(_report: ProgressCallback, _cancelled: CancelCheck) -> list[object]:
            from app.core.feedback.export import export_all_feedback

            return list(export_all_feedback(workspace, folder))

        return self._start(work)

    def _start(self, work: PackageWork) -> Job | None:
        if self.job is not None:
            return None
        job = start_package_job(
            self._jobs,
            self._parent,
            self.tr("Terugkoppeling exporteren"),
            self.tr("De terugkoppeling wordt gemaakt…"),
            work,
            self._finished,
            self._failed,
            measured=False,
        )
        self.job = job
        return job

    def _finished(self, made: list[object]) -> None:
        self.job = None
        self.done.emit(made)

    def _failed(self, error: BaseException) -> None:
        self.job = None
        from app.kernel.errors import UserError

        if isinstance(error, UserError):
            text = str(error)
        else:
            from app.kernel.crash_log import record_unexpected, unexpected_message

            record_unexpected(error)
            text = unexpected_message(error)
        self.message = notice(
            self._parent, self.tr("Terugkoppeling niet gemaakt"), text, QMessageBox.Icon.Warning
        )
