"""Plan: the plan van aanpak's own fields, each saved when the user leaves it and undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.core.plan.details import (
    PlanDetails,
    checked_plan_details,
    load_plan_details,
    save_plan_details,
)
from app.ui.widgets.form_widgets import OptionalDateField, TextBox, scrolling, top_aligned
from app.ui.widgets.page_heading import page_layout
from app.ui.widgets.record_form import RecordForm, set_line
from app.ui.window.context import ScreenContext


class PlanForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.add_field("title", self.tr("&Titel"), QLineEdit())
        self.title.setMaxLength(200)
        self.project_lead = self.add_field("project_lead", self.tr("&Projectleider"), QLineEdit())
        self.project_lead.setMaxLength(200)
        self.project_lead.setPlaceholderText(
            self.tr("functie, bijvoorbeeld: beleidsadviseur openbare orde en veiligheid")
        )
        self.local_start = self.add_field(
            "local_start", self.tr("&Lokale start"), OptionalDateField()
        )
        self.local_start.setToolTip(
            self.tr("De dag waarop de lokale aanpak begon; de evaluatie volgt 12 maanden later.")
        )
        self.triangle_commitment = self.add_field(
            "triangle_commitment", self.tr("&Datum opdracht driehoek"), OptionalDateField()
        )
        self.triangle_commitment.setToolTip(
            self.tr("De dag waarop de driehoek het plan opdroeg (Ctrl+Delete maakt het leeg).")
        )
        self.triangle_assignment = self.add_field(
            "triangle_assignment", self.tr("&Opdracht van de driehoek"), TextBox(4)
        )
        self.organisation = self.add_field("organisation", self.tr("Or&ganisatie"), TextBox(5))
        self.communication = self.add_field("communication", self.tr("&Communicatie"), TextBox(4))
        self.budget = self.add_field("budget", self.tr("B&udget"), TextBox(3))

    def fill(self, draft: object) -> None:
        assert isinstance(draft, PlanDetails)
        set_line(self.title, draft.title)
        set_line(self.project_lead, draft.project_lead)
        self.local_start.set_optional_value(draft.local_start)
        self.triangle_commitment.set_optional_value(draft.triangle_commitment)
        self.triangle_assignment.set_text(draft.triangle_assignment)
        self.organisation.set_text(draft.organisation)
        self.communication.set_text(draft.communication)
        self.budget.set_text(draft.budget)

    def draft(self) -> PlanDetails:
        return PlanDetails(
            title=self.title.text(),
            project_lead=self.project_lead.text(),
            local_start=self.local_start.optional_value(),
            triangle_commitment=self.triangle_commitment.optional_value(),
            triangle_assignment=self.triangle_assignment.text(),
            organisation=self.organisation.text(),
            communication=self.communication.text(),
            budget=self.budget.text(),
        )


class PlanPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        layout = page_layout(
            self,
            self.tr("Plan van aanpak"),
            self.tr(
                "De gegevens van het plan zelf: wie het trekt, wat de driehoek (opdrachtgever) "
                "heeft opgedragen, hoe de aanpak is georganiseerd, de communicatie en het "
                "budget. Wijzigingen worden bewaard zodra u een veld verlaat; Ctrl+Z maakt ze "
                "ongedaan."
            ),
        )
        self.form = PlanForm()
        self.form.edited.connect(self.save)
        layout.addWidget(scrolling(top_aligned(self.form)), 1)
        self.message = QLabel()
        self.message.setObjectName("planMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._shown = load_plan_details(context.workspace)
        self.form.set_draft(self._shown)

    def refresh(self) -> None:
        self._shown = load_plan_details(self._context.workspace)
        self.form.set_draft(self._shown)

    def save(self) -> None:
        workspace = self._context.workspace
        before, after = self._shown, self.form.draft()
        if after == before:
            self.form.clear_errors()
            return
        if self.form.checked(checked_plan_details) is None:
            return
        self.message.clear()
        self._context.undo.edit(
            self.tr("Plan van aanpak wijzigen"),
            lambda: save_plan_details(workspace, after),
            lambda: save_plan_details(workspace, before),
            self.refresh,
            refused=lambda error: self.message.setText(error.message),
        )
