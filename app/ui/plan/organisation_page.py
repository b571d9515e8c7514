"""Organisatie: the partners in the approach, their role and a work contact."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from app.core.plan import partners
from app.ui.plan.partner_form import PartnerForm
from app.ui.widgets.page_heading import page_layout
from app.ui.widgets.record_editor import RecordEditor, RecordService, RecordTexts
from app.ui.widgets.rows_model import Column
from app.ui.window.context import ScreenContext


class OrganisationPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        workspace = context.workspace
        layout = page_layout(
            self,
            self.tr("Organisatie"),
            self.tr(
                "De partners in de aanpak, hun rol en een contactpersoon. Leg alleen "
                "werkgegevens vast (functie, werk-e-mail, werktelefoon), geen privégegevens."
            ),
        )
        service = RecordService(
            rows=partial(partners.list_partners, workspace),
            draft=lambda partner_id: partners.get_partner(workspace, partner_id).draft,
            check=partners.checked_partner,
            add=partial(partners.add_partner, workspace),
            update=partial(partners.update_partner, workspace),
            delete=partial(partners.delete_partner, workspace),
            restore=partial(partners.restore_partner, workspace),
            name_of=lambda draft: draft.name,
        )
        columns = [
            Column(self.tr("Organisatie"), lambda row: row.draft.name),
            Column(self.tr("Soort"), lambda row: row.draft.kind.label),
            Column(self.tr("Contactpersoon"), lambda row: row.draft.contact_name),
        ]
        texts = RecordTexts(
            noun=self.tr("partner"),
            new_button=self.tr("&Nieuwe partner…"),
            empty=self.tr(
                "Nog geen partners. Kies Nieuwe partner (Ctrl+N) om er een toe te voegen."
            ),
        )
        self.editor = RecordEditor(context, service, columns, PartnerForm, texts)
        layout.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.refresh()
