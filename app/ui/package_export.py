"""Bestand > Pakket exporteren: choose a file, check privacy, write the package off the GUI thread.

The first run exports without accepting findings; when the privacy scan finds something the
service refuses with the findings, the user decides on each, and the export runs again with
the findings accepted. A BSN is never accepted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from app.exchange.export import ExportResult, PrivacyFindingsError, export_package
from app.ui.background import Job
from app.ui.package_flow import PackageFlow
from app.ui.package_privacy import PrivacyFindingsDialog
from app.ui.package_progress import start_package_job


class PackageExporter(PackageFlow):
    """One export at a time; `dialog` holds the privacy findings while the user decides."""

    def choose_and_export(self) -> None:
        if self.job is not None:
            return
        name = self._workspace.summary.municipality_name or ""
        suggested = f"pakket-{name.lower().replace(' ', '-')}-{date.today():%Y-%m-%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Pakket exporteren"),
            str(Path(self._folder) / suggested),
            self.tr("Excel-pakket (*.xlsx)"),
        )
        if path:
            path = Path(path)
            if path.suffix.lower() != ".xlsx":
                path = path.with_suffix(".xlsx")
            self._folder = str(path.parent)
            self.start(path)

    def start(self, path: Path, *, accept_findings: bool = False) -> Job:
        workspace = self._workspace
        job = start_package_job(
            self._window,
            self.tr("Pakket exporteren"),
            self.tr("Het pakket {file} wordt gemaakt…").format(file=path.name),
            lambda report, cancelled: export_package(
                workspace,
                path,
                accept_findings=accept_findings,
                on_progress=report,
                is_cancelled=cancelled,
            ),
        )
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(lambda error: self._failed(path, error))
        self.job = job
        return job

    def _done(self, result: ExportResult) -> None:
        self.job = None
        self._window.show_status(
            self.tr("Pakket {file} gemaakt (volgnummer {n})").format(
                file=result.path.name, n=result.sequence
            )
        )
        self._tell(
            self.tr("Pakket gemaakt"),
            self.tr(
                "Het pakket is opgeslagen als\n{path}\n\nVolgnummer {n}, {count} rijen. "
                "Stuur dit bestand naar de RSIV-coördinator."
            ).format(path=result.path, n=result.sequence, count=result.record_count),
        )

    def _failed(self, path: Path, error: object) -> None:
        if isinstance(error, PrivacyFindingsError):
            self.job = None
            dialog = PrivacyFindingsDialog(error.findings, self._window)
            dialog.accepted.connect(lambda: self.start(path, accept_findings=True))
            self._open(dialog)
            return
        self._report_failure(
            error,
            self.tr("Pakket niet gemaakt"),
            self.tr("Export afgebroken; er is geen pakket gemaakt."),
        )
