"""Voortgang: the two-monthly voortgangsnotities for the werkgroep, as a list and a form."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from app.core.progress import notes
from app.core.progress.notes import ProgressDraft
from app.ui.progress.progress_form import ProgressForm
from app.ui.widgets.page_heading import page_layout
from app.ui.widgets.record_editor import RecordEditor, RecordService, RecordTexts
from app.ui.widgets.rows_model import Column
from app.ui.window.context import ScreenContext


def _name(draft: ProgressDraft) -> str:
    return f"{draft.period_start:%d-%m-%Y} t/m {draft.period_end:%d-%m-%Y}"


class ProgressPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        workspace = context.workspace
        layout = page_layout(
            self,
            self.tr("Voortgang"),
            self.tr(
                "Elke twee maanden vraagt de werkgroep per gemeente om successen, knelpunten, "
                "communicatie en kosten. De notitie gaat mee in het pakket en komt in de "
                "werkgroeprapportage van het RSIV. Schrijf geen namen van personen."
            ),
        )
        service = RecordService(
            rows=partial(notes.list_notes, workspace),
            draft=lambda note_id: notes.get_note(workspace, note_id).draft,
            check=notes.checked_note,
            add=partial(notes.add_note, workspace),
            update=partial(notes.update_note, workspace),
            delete=partial(notes.delete_note, workspace),
            restore=partial(notes.restore_note, workspace),
            name_of=_name,
        )
        columns = [
            Column(self.tr("Periode"), lambda row: row.period),
            Column(self.tr("Geschreven door"), lambda row: row.draft.author),
            Column(self.tr("Geschreven op"), lambda row: row.written),
        ]
        texts = RecordTexts(
            noun=self.tr("voortgangsnotitie"),
            new_button=self.tr("&Nieuwe voortgangsnotitie…"),
            empty=self.tr(
                "Nog geen voortgangsnotities. Kies Nieuwe voortgangsnotitie (Ctrl+N) om de "
                "voortgang van de afgelopen twee maanden te beschrijven."
            ),
        )
        self.editor = RecordEditor(context, service, columns, ProgressForm, texts)
        layout.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.refresh()
