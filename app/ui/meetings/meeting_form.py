"""The form for one meeting: tier, name, date, location, participants, agenda, minutes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.core.meetings.meetings import MeetingInput
from app.ui.widgets.form_widgets import DateField, TextBox
from app.ui.widgets.record_form import RecordForm, select_data, set_line
from database.enums import MeetingTier


class MeetingForm(RecordForm):
    table = "meeting"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tier = QComboBox()
        for tier in MeetingTier:
            self._tier.addItem(tier.label, tier.value)
        self.add_field("tier", self.tr("N&iveau"), self._tier)
        self._title = QLineEdit()
        self._title.setPlaceholderText(self.tr("Bijv. Lokaal overleg woninginbraken"))
        self.add_field("title", self.tr("Naa&m"), self._title)
        self._held_on = DateField()
        self.add_field("held_on", self.tr("Da&tum"), self._held_on)
        self._location = QLineEdit()
        self.add_field("location", self.tr("&Locatie"), self._location)
        self._participants = TextBox(lines=2)
        self.add_field("participants", self.tr("&Deelnemers"), self._participants)
        self._agenda = TextBox(lines=3)
        self.add_field("agenda", self.tr("A&genda"), self._agenda)
        self._minutes = TextBox(lines=3)
        self.add_field("minutes", self.tr("Ver&slag"), self._minutes)

    def fill(self, draft: object) -> None:
        assert isinstance(draft, MeetingInput)
        select_data(self._tier, draft.tier.value)
        set_line(self._title, draft.title)
        self._held_on.set_value(draft.held_on)
        set_line(self._location, draft.location)
        self._participants.set_text(draft.participants)
        self._agenda.set_text(draft.agenda)
        self._minutes.set_text(draft.minutes)

    def draft(self) -> MeetingInput:
        return MeetingInput(
            tier=MeetingTier(self._tier.currentData()),
            title=self._title.text(),
            held_on=self._held_on.value(),
            location=self._location.text(),
            participants=self._participants.text(),
            agenda=self._agenda.text(),
            minutes=self._minutes.text(),
        )
