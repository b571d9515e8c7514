"""The form and dialog for one action, used by the Actielijst and by Overleggen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.actions.actions import ActionInput, validate_action
from app.core.matrix.measures import Choice
from app.ui.widgets.form_widgets import OptionalDateField, TextBox
from app.ui.widgets.record_form import RecordForm, select_data, set_line
from database.enums import ActionStatus


class ActionForm(RecordForm):
    """Title, owner, dates, status and the measure and meeting it belongs to."""

    table = "action"

    def __init__(
        self,
        measures: tuple[Choice, ...],
        meetings: tuple[tuple[str, str], ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._draft = ActionInput(title="")
        self._title = QLineEdit()
        self._title.setPlaceholderText(self.tr("Wat moet er gebeuren?"))
        self.add_field("title", self.tr("&Omschrijving"), self._title)
        self._owner = QLineEdit()
        self._owner.setPlaceholderText(self.tr("Naam of functie, bijv. wijkagent Noord"))
        self.add_field("owner", self.tr("Acti&ehouder"), self._owner)
        self._start = OptionalDateField()
        self.add_field("start_date", self.tr("&Startdatum"), self._start)
        self._due = OptionalDateField()
        self.add_field("due_date", self.tr("&Termijn"), self._due)
        self._status = QComboBox()
        for status in ActionStatus:
            self._status.addItem(status.label, status.value)
        self.add_field("status", self.tr("St&atus"), self._status)
        self._measure = QComboBox()
        self._measure.addItem(self.tr("(geen maatregel)"), None)
        for choice in measures:
            self._measure.addItem(choice.text, choice.id)
        self.add_field("measure_id", self.tr("&Maatregel"), self._measure)
        self._meeting = QComboBox()
        self._meeting.addItem(self.tr("(geen overleg)"), None)
        for meeting_id, text in meetings:
            self._meeting.addItem(text, meeting_id)
        self.add_field("meeting_id", self.tr("Overle&g"), self._meeting)
        self._description = TextBox(lines=3)
        self.add_field("description", self.tr("Toe&lichting"), self._description)

    def fill(self, draft: object) -> None:
        assert isinstance(draft, ActionInput)
        self._draft = draft
        set_line(self._title, draft.title)
        set_line(self._owner, draft.owner)
        self._start.set_optional_value(draft.start_date)
        self._due.set_optional_value(draft.due_date)
        select_data(self._status, draft.status.value)
        select_data(self._measure, draft.measure_id)
        select_data(self._meeting, draft.meeting_id)
        self._description.set_text(draft.description)

    def draft(self) -> ActionInput:
        return ActionInput(
            title=self._title.text(),
            owner=self._owner.text(),
            start_date=self._start.optional_value(),
            due_date=self._due.optional_value(),
            status=ActionStatus(self._status.currentData()),
            measure_id=self._measure.currentData(),
            meeting_id=self._meeting.currentData(),
            decision_id=self._draft.decision_id,
            description=self._description.text(),
        )


class ActionDialog(QDialog):
    """A new or changed action; OK only closes when the service accepts the input."""

    def __init__(
        self,
        title: str,
        draft: ActionInput,
        measures: tuple[Choice, ...],
        meetings: tuple[tuple[str, str], ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("actionDialog")
        self.setMinimumWidth(520)
        self.form = ActionForm(measures, meetings)
        self.form.set_draft(draft)
        self._result: ActionInput | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.field("title").setFocus()

    @property
    def result_input(self) -> ActionInput | None:
        return self._result

    def accept(self) -> None:
        checked = self.form.checked(validate_action)
        if checked is None:
            return
        self._result = checked
        super().accept()
