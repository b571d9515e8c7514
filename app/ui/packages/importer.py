"""Bestand > Pakket importeren: read and check off the GUI thread, report, preview, then apply.

Nothing is stored until the user has seen the validation report (when there are problems)
and the preview of the changes, and has confirmed any removals. Applying is one transaction
after a backup; afterwards every screen is rebuilt from the workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from app.core.packages.importer import ImportPreview, apply_import, preview_import
from app.exchange.problems import PackageRefusedError
from app.ui.packages.flow import PackageFlow
from app.ui.packages.preview import ImportPreviewDialog
from app.ui.packages.progress import PackageWork, start_package_job
from app.ui.packages.report import ValidationReportDialog
from app.ui.widgets.background import Job


class PackageImporter(PackageFlow):
    """One import at a time; `dialog` is the report or the preview while the user reads it."""

    def choose_and_import(self) -> None:
        if self.job is not None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Pakket importeren"),
            self._folder,
            self.tr("Excel-pakket (*.xlsx);;Alle bestanden (*)"),
        )
        if path:
            self._folder = str(Path(path).parent)
            self.start(Path(path))

    def start(self, path: Path) -> Job:
        """Read and check `path`; the report and the preview follow on the GUI thread."""
        workspace = self._workspace
        return self._run(
            path,
            self.tr("{file} wordt gelezen en gecontroleerd…").format(file=path.name),
            lambda report, cancelled: preview_import(
                workspace, path, on_progress=report, is_cancelled=cancelled
            ),
            lambda preview: self._previewed(path, preview),
        )

    def _run(
        self,
        path: Path,
        step: str,
        work: PackageWork,
        done: Callable[[Any], object],
        *,
        measured: bool = True,
        writes: bool = False,
    ) -> Job:
        """One step of importing `path` in the background; a failure is told about `path`."""
        self.job = start_package_job(
            self._window.jobs,
            self._window,
            self.tr("Pakket importeren"),
            step,
            work,
            done,
            lambda error: self._failed(path, error),
            measured=measured,
            writes=writes,
        )
        return self.job

    def _previewed(self, path: Path, preview: ImportPreview) -> None:
        self.job = None
        if preview.problems:
            report = ValidationReportDialog(path.name, preview.problems, self._window)
            report.accepted.connect(lambda: self._show_preview(path, preview))
            self._open(report)
        else:
            self._show_preview(path, preview)

    def _show_preview(self, path: Path, preview: ImportPreview) -> None:
        dialog = ImportPreviewDialog(preview, path.name, self._window)
        dialog.accepted.connect(lambda: self._apply(path, preview, dialog.removals_confirmed))
        self._open(dialog)

    def _apply(self, path: Path, preview: ImportPreview, allow_removals: bool) -> None:
        workspace = self._workspace
        self._run(
            path,
            self.tr("De wijzigingen uit {file} worden opgeslagen…").format(file=path.name),
            lambda _report, cancelled: apply_import(
                workspace, preview, allow_removals=allow_removals, is_cancelled=cancelled
            ),
            lambda _result: self._applied(path, preview),
            measured=False,
            writes=True,
        )

    def _applied(self, path: Path, preview: ImportPreview) -> None:
        self.job = None
        self._window.rebuild_pages()
        count = preview.change_count
        self._window.undo.not_undoable(
            self.tr("Pakket {file} ingelezen: {n} wijziging(en) opgeslagen.").format(
                file=path.name, n=count
            )
            + " "
            + self._window.undo.import_reason()
        )
        self._tell(
            self.tr("Pakket ingelezen"),
            self.tr(
                "{file} is ingelezen (volgnummer {sequence}): {n} wijziging(en) opgeslagen. "
                "Een reservekopie van de werkruimte van vóór het inlezen staat in de map "
                "met reservekopieën."
            ).format(file=path.name, sequence=preview.package.metadata.sequence, n=count)
            if count
            else self.tr(
                "{file} is ingelezen (volgnummer {sequence}); er veranderde niets."
            ).format(file=path.name, sequence=preview.package.metadata.sequence),
        )

    def _failed(self, path: Path, error: object) -> None:
        if isinstance(error, PackageRefusedError):
            self.job = None
            self._open(ValidationReportDialog(path.name, error.problems, self._window))
            return
        self._report_failure(
            error,
            self.tr("Pakket niet ingelezen"),
            self.tr("Inlezen afgebroken; er is niets gewijzigd."),
        )
