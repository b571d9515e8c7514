"""Bestand > Terugkoppeling RSIV inlezen: a gemeente reads the RSIV's return package.

Read and checked on the thread pool; afterwards the screens are rebuilt, so the Overzicht
shows the card with the new feedback. A refusal is told in Dutch and changes nothing. When the
privacy scan finds something (other than a BSN, which refuses the file), the user sees each
finding and decides before anything is read in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from app.core.feedback.received import ReceivedFeedback
from app.exchange.progress import CancelCheck, ProgressCallback
from app.ui.packages.flow import PackageFlow
from app.ui.packages.progress import start_package_job
from app.ui.widgets.background import Job
from app.ui.widgets.confirm import ask

if TYPE_CHECKING:
    from app.exchange.privacy import PrivacyFinding


class FeedbackImporter(PackageFlow):
    def choose_and_import(self) -> None:
        if self.job is not None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Terugkoppeling RSIV inlezen"),
            self._folder,
            self.tr("Excel-werkmap (*.xlsx);;Alle bestanden (*)"),
        )
        if path:
            self._folder = str(Path(path).parent)
            self.start(Path(path))

    def start(self, path: Path, *, findings_seen: bool = False) -> Job:
        workspace = self._workspace

        def work(_report: ProgressCallback, _cancelled: CancelCheck) -> object:
            from app.core.feedback.importing import FeedbackFindingsError, import_feedback

            try:
                return import_feedback(workspace, path, accept_findings=findings_seen)
            except FeedbackFindingsError as found:
                return found.findings

        job = start_package_job(
            self._window.jobs,
            self._window,
            self.tr("Terugkoppeling RSIV inlezen"),
            self.tr("{file} wordt gelezen en gecontroleerd…").format(file=path.name),
            work,
            lambda result: self._finished(path, result),
            self._failed,
            measured=False,
            writes=True,
        )
        self.job = job
        return job

    def _finished(self, path: Path, result: object) -> None:
        if isinstance(result, ReceivedFeedback):
            self._imported(result)
            return
        self.job = None
        findings: list[PrivacyFinding] = result  # type: ignore[assignment]
        self.message = ask(
            self._window,
            self.tr("Privacycontrole van de terugkoppeling"),
            self.tr(
                "De privacycontrole vond in {file} mogelijk privégegevens:\n{lines}\n\n"
                "Toch inlezen? Er is nog niets ingelezen."
            ).format(file=path.name, lines="\n".join(f"• {f.sentence}" for f in findings)),
            lambda: self.start(path, findings_seen=True),
            self.tr("Ja, inlezen"),
        )

    def _imported(self, feedback: ReceivedFeedback) -> None:
        self.job = None
        self._window.rebuild_pages()
        self._window.navigate("overview")
        self._window.undo.not_undoable(
            self.tr(
                "Terugkoppeling van het RSIV ingelezen. Inlezen maakt u niet ongedaan met "
                "Ctrl+Z: de volgende terugkoppeling die u inleest, vervangt deze."
            )
        )
        self._tell(
            self.tr("Terugkoppeling ingelezen"),
            self.tr(
                "De terugkoppeling van het RSIV is ingelezen: {n} suggestie(s) en de regionale "
                "vergelijking staan op het Overzicht. Uw plan van aanpak is niet gewijzigd."
            ).format(n=len(feedback.suggestions)),
        )

    def _failed(self, error: object) -> None:
        self._report_failure(
            error,
            self.tr("Terugkoppeling niet ingelezen"),
            self.tr("Inlezen afgebroken; er is niets gewijzigd."),
        )
