"""Bestand > Pakket exporteren: choose a file, check privacy, write the package off the GUI thread.

The first run exports without accepting findings; when the privacy scan finds something the
service refuses with the findings, the user decides on each, and the export runs again with
the findings accepted. A BSN is never accepted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from app.core.packages.export import ExportResult, PrivacyFindingsError, export_package
from app.exchange.privacy import PrivacyFinding
from app.kernel.errors import UserError
from app.ui.packages.flow import PackageFlow
from app.ui.packages.privacy import PrivacyFindingsDialog
from app.ui.packages.progress import start_package_job
from app.ui.widgets.background import Job


class PackageExporter(PackageFlow):
    """One export at a time; `dialog` holds the privacy findings while the user decides."""

    def choose_and_export(self) -> None:
        if self.job is not None:
            return
        name = self._workspace.summary.municipality_name or ""
        suggested = f"pakket-{name.lower().replace(' ', '-')}-{date.today():%Y-%m-%d}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Pakket exporteren"),
            str(Path(self._folder) / suggested),
            self.tr("Excel-pakket (*.xlsx)"),
        )
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != ".xlsx":
                path = path.with_suffix(".xlsx")
            self._folder = str(path.parent)
            self.start(path)

    def start(self, path: Path, *, accept_findings: bool = False) -> Job:
        workspace = self._workspace
        job = start_package_job(
            self._window.jobs,
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
            self._done,
            lambda error: self._failed(path, error),
            writes=True,  # the export is logged in the workspace
        )
        self.job = job
        return job

    def _redact(self, path: Path, chosen: list[PrivacyFinding]) -> None:
        """Replace the chosen findings by [verwijderd], then try the export again.

        Not an undoable command: undo would put the personal data back.
        """
        from app.core.privacy.redaction import redact_findings

        try:
            removed = redact_findings(self._workspace, chosen)
        except UserError as error:
            self._tell(self.tr("Niet verwijderd"), str(error))
            return
        self._window.show_status(
            self.tr("{n} vondst(en) vervangen door [verwijderd]").format(n=len(removed))
        )
        self.start(path)

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
            dialog.redact_requested.connect(lambda chosen: self._redact(path, chosen))
            self._open(dialog)
            return
        self._report_failure(
            error,
            self.tr("Pakket niet gemaakt"),
            self.tr("Export afgebroken; er is geen pakket gemaakt."),
        )
