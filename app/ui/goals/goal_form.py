"""The form of one SMART goal."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.goals.goals import SUGGESTED_UNITS, GoalDraft
from app.ui.widgets.form_widgets import (
    DateField,
    TextBox,
    enum_combo,
    number_field,
    whole_number_field,
)
from app.ui.widgets.record_form import RecordForm, select_data, set_line
from database.enums import GoalIndicator


class GoalForm(RecordForm):
    table = "goal"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.add_field("title", self.tr("&Titel"), QLineEdit())
        self.title.setPlaceholderText(
            self.tr("bijvoorbeeld: inbraakrisico onder het landelijk gemiddelde")
        )
        self.indicator = self.add_field(
            "indicator", self.tr("&Indicator"), enum_combo(GoalIndicator)
        )
        self.indicator.activated.connect(self._suggest_unit)
        self.unit = self.add_field("unit", self.tr("&Eenheid"), QLineEdit())
        self.neighbourhood_code = self.add_field(
            "neighbourhood_code", self.tr("B&uurtcode"), QLineEdit()
        )
        self.neighbourhood_code.setPlaceholderText(self.tr("leeg = de hele gemeente"))
        self.baseline_value = self.add_field(
            "baseline_value", self.tr("Nul&meting"), number_field()
        )
        self.baseline_year = self.add_field(
            "baseline_year", self.tr("&Jaar nulmeting"), whole_number_field(2000, 2100)
        )
        self.target_value = self.add_field("target_value", self.tr("&Streefwaarde"), number_field())
        self.deadline = self.add_field("deadline", self.tr("Te&rmijn"), DateField())
        self.owner = self.add_field("owner", self.tr("Ver&antwoordelijke"), QLineEdit())
        self.owner.setPlaceholderText(self.tr("functie of organisatie, bijvoorbeeld: gemeente"))
        self.description = self.add_field("description", self.tr("Toe&lichting"), TextBox(3))
        self.set_draft(
            GoalDraft(
                title="",
                indicator=GoalIndicator.BURGLARY_RATE,
                unit=SUGGESTED_UNITS[GoalIndicator.BURGLARY_RATE],
                baseline_value=0.0,
                baseline_year=2016,
                target_value=0.0,
                deadline=date(2019, 12, 31),
            )
        )

    def fill(self, draft: object) -> None:
        assert isinstance(draft, GoalDraft)
        set_line(self.title, draft.title)
        select_data(self.indicator, draft.indicator)
        set_line(self.unit, draft.unit)
        set_line(self.neighbourhood_code, draft.neighbourhood_code)
        self.baseline_value.setValue(draft.baseline_value)
        self.baseline_year.setValue(draft.baseline_year)
        self.target_value.setValue(draft.target_value)
        self.deadline.set_value(draft.deadline)
        set_line(self.owner, draft.owner)
        self.description.set_text(draft.description)

    def draft(self) -> GoalDraft:
        return GoalDraft(
            title=self.title.text(),
            indicator=self.indicator.currentData(),
            unit=self.unit.text(),
            baseline_value=self.baseline_value.value(),
            baseline_year=self.baseline_year.value(),
            target_value=self.target_value.value(),
            deadline=self.deadline.value(),
            owner=self.owner.text(),
            description=self.description.text(),
            neighbourhood_code=self.neighbourhood_code.text(),
        )

    def _suggest_unit(self) -> None:
        """Offer the usual unit of the chosen indicator while the unit is still empty."""
        if not self.unit.text().strip():
            self.unit.setText(SUGGESTED_UNITS[self.indicator.currentData()])
