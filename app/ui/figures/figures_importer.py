"""Cijfers > Importeren: pick a file, read it on a background thread, report in Dutch.

The service checks the whole file and then stores it in one transaction, so there is no
point where stopping halfway leaves a sensible state: the progress dialog has no cancel
button, and a refused file is guaranteed to have stored nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from app.core.figures.importing import FiguresImportError, ImportResult, import_figures
from app.core.figures.open_data import OpenDataImportResult
from app.exchange.cbs_opendata import OpenDataError
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace
from app.ui.packages.import_errors_dialog import ImportErrorsDialog
from app.ui.widgets.background import Job, JobRunner, ProgressDialog
from app.ui.widgets.last_folder import LastFolder


class FiguresImporter(QObject):
    """Runs one import at a time for `parent`; `imported` carries the service's result."""

    imported = Signal(object)  # ImportResult or OpenDataImportResult
    busy_changed = Signal(bool)

    def __init__(self, workspace: Workspace, jobs: JobRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._jobs = jobs
        self._parent = parent
        self._folder = LastFolder()
        self.job: Job | None = None
        self.errors_dialog: ImportErrorsDialog | None = None

    def choose_and_import(self) -> None:
        if self.job is not None:
            return
        path = self._folder.open_file(
            self._parent,
            self.tr("Cijfers importeren"),
            self.tr(
                "Cijfers (*.csv *.xlsx *.xlsm *.txt *.json);;CSV-bestand (*.csv *.txt);;"
                "Excel-werkmap (*.xlsx *.xlsm);;Open data van CBS (*.json *.csv);;"
                "Alle bestanden (*)"
            ),
        )
        if path:
            self.start(path)

    def start(self, path: Path) -> Job:
        workspace = self._workspace
        job = self._jobs.start(
            lambda _report, _cancelled: import_figures(workspace, path),
            self._done,
            lambda error: self._failed(path, error),
            writes=True,
            progress=ProgressDialog(
                self._parent,
                self.tr("Cijfers importeren"),
                self.tr("{file} wordt gecontroleerd en ingelezen…").format(file=path.name),
                measured=False,
                cancellable=False,
            ),
        )
        self.job = job
        self.busy_changed.emit(True)
        return job

    def _finish(self) -> None:
        self.job = None
        self.busy_changed.emit(False)

    def _done(self, result: ImportResult | OpenDataImportResult) -> None:
        self._finish()
        self.imported.emit(result)

    def _failed(self, path: Path, error: object) -> None:
        self._finish()
        if isinstance(error, FiguresImportError | OpenDataError):
            problems = list(error.problems)
        elif isinstance(error, UserError):
            problems = [error.message]
        else:
            raise error  # type: ignore[misc]  # a bug: the crash log reports it
        dialog = ImportErrorsDialog(path.name, problems, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_dialog)
        self.errors_dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        self.errors_dialog = None
