"""The form of one partner: organisation, kind, role and a work contact only."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.plan.partners import PartnerDraft
from app.ui.widgets.form_widgets import TextBox, enum_combo
from app.ui.widgets.record_form import RecordForm, select_data, set_line
from database.enums import PartnerKind


class PartnerForm(RecordForm):
    table = "partner"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = self.add_field("name", self.tr("&Organisatie"), QLineEdit())
        self.kind = self.add_field("kind", self.tr("&Soort"), enum_combo(PartnerKind))
        self.role = self.add_field("role", self.tr("&Rol in de aanpak"), TextBox(4))
        self.contact_name = self.add_field(
            "contact_name", self.tr("&Contactpersoon (functie of naam)"), QLineEdit()
        )
        self.contact_email = self.add_field("contact_email", self.tr("Werk-e-&mail"), QLineEdit())
        self.contact_email.setPlaceholderText("naam@organisatie.nl")
        self.contact_phone = self.add_field(
            "contact_phone", self.tr("&Telefoon (werk)"), QLineEdit()
        )

    def fill(self, draft: object) -> None:
        assert isinstance(draft, PartnerDraft)
        set_line(self.name, draft.name)
        select_data(self.kind, draft.kind)
        self.role.set_text(draft.role)
        set_line(self.contact_name, draft.contact_name)
        set_line(self.contact_email, draft.contact_email)
        set_line(self.contact_phone, draft.contact_phone)

    def draft(self) -> PartnerDraft:
        return PartnerDraft(
            name=self.name.text(),
            kind=self.kind.currentData(),
            role=self.role.text(),
            contact_name=self.contact_name.text(),
            contact_email=self.contact_email.text(),
            contact_phone=self.contact_phone.text(),
        )
