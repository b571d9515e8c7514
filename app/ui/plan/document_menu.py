"""Bestand > Plan van aanpak maken / Rapportage voor de driehoek maken (gemeente only).

The user picks a file name (Word or PDF); the document is written off the GUI thread and the
status bar says where it is. python-docx and matplotlib load only when an entry is used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.ui.widgets.background import Job
from database.enums import WorkspaceRole

if TYPE_CHECKING:
    from app.kernel.workspace import Workspace
    from app.ui.window.host import WindowHost

FILTERS = "Word-document (*.docx);;PDF (*.pdf)"


class PlanDocumentMenu(QObject):
    def __init__(self, window: WindowHost, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.job: Job | None = None
        self.plan_action = QAction(self.tr("&Plan van aanpak maken…"), window)
        self.plan_action.setObjectName("makePlanDocument")
        self.plan_action.setToolTip(self.tr("Het plan als Word-document of PDF"))
        self.plan_action.triggered.connect(self.choose_plan_document)
        self.report_action = QAction(self.tr("Rapportage voor de d&riehoek maken…"), window)
        self.report_action.setObjectName("makeDriehoekReport")
        self.report_action.setToolTip(
            self.tr("Cijfers, doelen, hoogtepunten en gevraagde besluiten op 1 à 2 pagina's")
        )
        self.report_action.triggered.connect(self.choose_driehoek_report)
        menu.addAction(self.plan_action)
        menu.addAction(self.report_action)
        self._enable(None)

    def attach(self, workspace: Workspace) -> None:
        self._enable(workspace.summary.role)

    def choose_plan_document(self) -> None:
        path = self._ask(self.tr("Plan van aanpak opslaan"), "plan-van-aanpak")
        if path is not None:
            self.make_plan_document(path)

    def choose_driehoek_report(self) -> None:
        path = self._ask(self.tr("Rapportage voor de driehoek opslaan"), "rapportage-driehoek")
        if path is not None:
            self.make_driehoek_report(path)

    def make_plan_document(self, path: Path) -> Job:
        from app.report.document_export import write_plan_document

        return self._start(path, write_plan_document, self.tr("Plan van aanpak gemaakt: {path}"))

    def make_driehoek_report(self, path: Path) -> Job:
        from app.report.document_export import write_driehoek_report

        return self._start(
            path, write_driehoek_report, self.tr("Rapportage voor de driehoek gemaakt: {path}")
        )

    def _ask(self, title: str, stem: str) -> Path | None:
        workspace = self._window.workspace
        if workspace is None:
            return None
        folder = self._window.settings.document_folder or Path.home()
        name = (workspace.summary.municipality_name or "").lower().replace(" ", "-")
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, title, str(folder / f"{stem}-{name}.docx"), FILTERS
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".docx", ".pdf"):
            path = path.with_suffix(".docx")
        self._window.settings.document_folder = path.parent
        return path

    def _start(self, path: Path, write: Callable[[Workspace, Path], Path], done: str) -> Job:
        workspace = self._window.workspace
        assert workspace is not None
        self._set_busy(True)
        self._window.show_status(self.tr("Het document wordt gemaakt…"))
        job = self._window.jobs.start(
            lambda _progress, _cancelled: write(workspace, path),
            lambda made: self._made(done.format(path=made)),
            self._failed,
        )
        self.job = job
        return job

    def _made(self, message: str) -> None:
        self._set_busy(False)
        self._window.show_status(message)

    def _failed(self, error: BaseException) -> None:
        from app.kernel.crash_log import unexpected_message
        from app.kernel.errors import UserError

        self._set_busy(False)
        text = str(error) if isinstance(error, UserError) else unexpected_message(error)
        self._window.show_status(self.tr("Het document is niet gemaakt."))
        QMessageBox.warning(self._window, self.tr("Document niet gemaakt"), text)

    def _set_busy(self, busy: bool) -> None:
        for action in (self.plan_action, self.report_action):
            action.setEnabled(not busy)

    def _enable(self, role: WorkspaceRole | None) -> None:
        for action in (self.plan_action, self.report_action):
            action.setEnabled(role is WorkspaceRole.MUNICIPALITY)
