"""The wijkagent's form on the Hotspots screen: make it, read a returned one, see versions.

Making and reading run off the GUI thread and load their services (openpyxl, pandas,
calamine) only when used, so the screen opens without them. A returned form is
shown beside the current analysis; accepting it goes on the undo stack like any edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from app.core.hotspots import hotspot_list
from app.core.hotspots.analysis_history import analysis_versions
from app.kernel.errors import UserError
from app.ui.hotspots.analysis_versions_dialog import AnalysisVersionsDialog
from app.ui.hotspots.form_comparison_dialog import FormComparisonDialog
from app.ui.widgets.background import Job
from app.ui.widgets.record_editor import RecordEditor
from app.ui.window.context import ScreenContext

if TYPE_CHECKING:
    from app.core.hotspots.analysis_forms import AcceptedForm, FormPreview, IssuedForm

EXCEL_FILTER = "Excel-werkmap (*.xlsx)"


class FormBar(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.editor: RecordEditor | None = None
        self._hotspot_id = ""
        self._job: Job | None = None
        self.comparison: FormComparisonDialog | None = None
        self.message: QMessageBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.make_button = QPushButton(self.tr("Formu&lier voor wijkagent maken…"))
        self.make_button.setToolTip(
            self.tr("Maak een Excel-formulier dat de wijkagent zonder dit programma invult.")
        )
        self.make_button.clicked.connect(self._choose_target)
        self.read_button = QPushButton(self.tr("Ingevuld formulier inle&zen…"))
        self.read_button.clicked.connect(self._choose_returned)
        self.versions_button = QPushButton(self.tr("Versies beki&jken…"))
        self.versions_button.clicked.connect(self.show_versions)
        for button in (self.make_button, self.read_button, self.versions_button):
            layout.addWidget(button)

    def show_hotspot(self, hotspot_id: str) -> None:
        self._hotspot_id = hotspot_id
        for button in (self.make_button, self.read_button, self.versions_button):
            button.setEnabled(bool(hotspot_id))

    def make_form(self, path: Path) -> None:
        from app.core.hotspots.analysis_forms import make_form

        workspace, hotspot_id = self._context.workspace, self._hotspot_id
        self._run(lambda: make_form(workspace, hotspot_id, path), self._made)

    def read_form(self, path: Path) -> None:
        from app.core.hotspots.analysis_forms import preview_form

        workspace, hotspot_id = self._context.workspace, self._hotspot_id
        self._run(lambda: preview_form(workspace, path, hotspot_id), self._compare)

    def show_versions(self) -> None:
        row = hotspot_list.get_hotspot(self._context.workspace, self._hotspot_id)
        dialog = AnalysisVersionsDialog(
            row.label, analysis_versions(self._context.workspace, row.id), self
        )
        dialog.open()

    def _choose_target(self) -> None:
        row = hotspot_list.get_hotspot(self._context.workspace, self._hotspot_id)
        name = re.sub(r"[^\w-]+", "-", row.label.lower()).strip("-")
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Formulier voor de wijkagent opslaan"),
            str(Path(folder) / f"probleemanalyse-{name}.xlsx"),
            EXCEL_FILTER,
        )
        if path:
            self.make_form(Path(path))

    def _choose_returned(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Ingevuld formulier kiezen"), "", EXCEL_FILTER
        )
        if path:
            self.read_form(Path(path))

    def _run(self, work: Callable[[], object], done: Callable[[Any], None]) -> None:
        for button in (self.make_button, self.read_button):
            button.setEnabled(False)
        self._job = self._context.jobs.start(
            lambda _progress, _cancelled: work(), done, self._failed, writes=True
        )

    def _finished(self) -> None:
        self._job = None
        self.show_hotspot(self._hotspot_id)

    def _made(self, issued: IssuedForm) -> None:
        self._finished()
        assert self.editor is not None
        self.editor.refresh(select=self._hotspot_id)
        self._context.shell.show_status(
            self.tr("Formulier gemaakt: {file}. Stuur het naar de wijkagent.").format(
                file=issued.path.name
            )
        )

    def _compare(self, preview: FormPreview) -> None:
        self._finished()
        self.comparison = FormComparisonDialog(preview, self)
        self.comparison.accepted.connect(lambda: self._accept(preview))
        self.comparison.open()

    def _accept(self, preview: FormPreview) -> None:
        from app.core.hotspots.analysis_forms import accept_form, undo_accept

        workspace = self._context.workspace
        accepted: list[AcceptedForm] = []
        assert self.editor is not None
        self.editor.push(
            self.tr("Formulier van de wijkagent overnemen"),
            lambda: accepted.append(accept_form(workspace, preview)),
            lambda: undo_accept(workspace, accepted.pop()),
            select=preview.hotspot_id,
        )
        self._context.shell.show_status(self.tr("Het formulier is overgenomen."))

    def _failed(self, error: BaseException) -> None:
        self._finished()
        if not isinstance(error, UserError):
            from app.kernel.crash_log import record_unexpected

            record_unexpected(error)
        self.message = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Formulier"),
            str(error) if isinstance(error, UserError) else self.tr("Er ging iets mis."),
            parent=self,
        )
        self.message.setObjectName("formRefused")
        self.message.open()
