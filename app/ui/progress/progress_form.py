"""The form of one voortgangsnotitie: its period, the four questions of the werkgroep, and
who wrote it (the moment it was written shows beside the list)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.progress.notes import ProgressDraft, new_draft
from app.ui.widgets.form_widgets import DateField, TextBox
from app.ui.widgets.record_form import RecordForm, set_line


class ProgressForm(RecordForm):
    table = "progress_note"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period_start = self.add_field("period_start", self.tr("&Periode van"), DateField())
        self.period_end = self.add_field("period_end", self.tr("Periode &tot en met"), DateField())
        self.successes = self.add_field("successes", self.tr("&Successen"), TextBox(4))
        self.bottlenecks = self.add_field("bottlenecks", self.tr("&Knelpunten"), TextBox(4))
        self.communication = self.add_field("communication", self.tr("&Communicatie"), TextBox(3))
        self.costs = self.add_field("costs", self.tr("K&osten"), TextBox(3))
        self.costs.setPlaceholderText(self.tr("(extra) kosten in de periode: bedragen en waarvoor"))
        self.author = self.add_field("author", self.tr("Geschreven &door"), QLineEdit())
        self.author.setPlaceholderText(self.tr("functie of naam, bijvoorbeeld: projectleider"))
        self.set_draft(new_draft(date.today()))

    def fill(self, draft: object) -> None:
        assert isinstance(draft, ProgressDraft)
        self.period_start.set_value(draft.period_start)
        self.period_end.set_value(draft.period_end)
        self.successes.set_text(draft.successes)
        self.bottlenecks.set_text(draft.bottlenecks)
        self.communication.set_text(draft.communication)
        self.costs.set_text(draft.costs)
        set_line(self.author, draft.author)

    def draft(self) -> ProgressDraft:
        return ProgressDraft(
            period_start=self.period_start.value(),
            period_end=self.period_end.value(),
            successes=self.successes.text(),
            bottlenecks=self.bottlenecks.text(),
            communication=self.communication.text(),
            costs=self.costs.text(),
            author=self.author.text(),
        )
