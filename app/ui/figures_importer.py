"""Cijfers > Importeren: pick a file, read it on a background thread, report in Dutch.

The service checks the whole file and then stores it in one transaction, so there is no
point where stopping halfway leaves a sensible state: the progress dialog has no cancel
button, and a refused file is guaranteed to have stored nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from app.core.errors import UserError
from app.core.figures_import import FiguresImportError, ImportResult, import_figures
from app.core.open_data_import import OpenDataImportResult
from app.core.workspace import Workspace
from app.exchange.cbs_opendata import OpenDataError
from app.ui.background import Job
from app.ui.import_errors_dialog import ImportErrorsDialog

PROGRESS_AFTER_MS = 300


class FiguresImporter(QObject):
    """Runs one import at a time for `parent`; `imported` carries the service's result."""

    imported = Signal(object)  # ImportResult or OpenDataImportResult
    busy_changed = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._parent = parent
        self._folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.job: Job | None = None
        self.errors_dialog: ImportErrorsDialog | None = None

    def choose_and_import(self) -> None:
        if self.job is not None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Cijfers importeren"),
            self._folder,
            self.tr(
                "Cijfers (*.csv *.xlsx *.xlsm *.txt *.json);;CSV-bestand (*.csv *.txt);;"
                "Excel-werkmap (*.xlsx *.xlsm);;Open data van CBS (*.json *.csv);;"
                "Alle bestanden (*)"
            ),
        )
        if path:
            self._folder = str(Path(path).parent)
            self.start(Path(path))

    def start(self, path: Path) -> Job:
        progress = QProgressDialog(
            self.tr("{file} wordt gecontroleerd en ingelezen…").format(file=path.name),
            "",
            0,
            0,
            self._parent,
        )
        progress.setCancelButton(None)
        progress.setWindowTitle(self.tr("Cijfers importeren"))
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        workspace = self._workspace
        job = Job(lambda _report, _cancelled: import_figures(workspace, path))
        job.signals.finished.connect(lambda result: self._done(progress, result))
        job.signals.failed.connect(lambda error: self._failed(progress, path, error))
        self.job = job
        self.busy_changed.emit(True)
        job.start()
        return job

    def _finish(self, progress: QProgressDialog) -> None:
        progress.close()
        progress.deleteLater()
        self.job = None
        self.busy_changed.emit(False)

    def _done(self, progress: QProgressDialog, result: ImportResult | OpenDataImportResult) -> None:
        self._finish(progress)
        self.imported.emit(result)

    def _failed(self, progress: QProgressDialog, path: Path, error: object) -> None:
        self._finish(progress)
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
