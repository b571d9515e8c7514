"""Organisatie: the partners in the approach, their role and a work contact.

Only a work contact is kept (name, work e-mail, work phone); nothing private about a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import select, update

from app.core.plan.plans import own_municipality_id
from app.core.records import (
    RecordSnapshot,
    columns_of,
    draft_of,
    existing,
    insert_record,
    put_back,
    read_record,
    take,
    update_record,
)
from app.core.validation import field_text, limited_text, required_field_text
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.enums import PartnerKind
from database.models import Measure, Partner

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"[0-9 +()\-]{6,}")


@dataclass(frozen=True)
class PartnerDraft:
    name: str
    kind: PartnerKind = PartnerKind.OTHER
    role: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class PartnerRow:
    id: str
    draft: PartnerDraft


@dataclass(frozen=True)
class DeletedPartner:
    """A deleted partner and the measures that named it, so undo links them again."""

    record: RecordSnapshot
    measure_ids: tuple[str, ...]


def checked_partner(draft: PartnerDraft) -> PartnerDraft:
    email = field_text("partner", "contact_email", draft.contact_email)
    if email and not EMAIL.fullmatch(email):
        raise FieldError(
            "contact_email", "Dit is geen e-mailadres; schrijf het als naam@organisatie.nl."
        )
    phone = field_text("partner", "contact_phone", draft.contact_phone)
    if phone and not PHONE.fullmatch(phone):
        raise FieldError(
            "contact_phone",
            "Een telefoonnummer bestaat uit cijfers (met eventueel spaties, + of -), "
            "bijvoorbeeld 0182 588 911.",
        )
    return replace(
        draft,
        name=required_field_text("partner", "name", draft.name, "de naam van de organisatie"),
        role=limited_text("role", draft.role),
        contact_name=field_text("partner", "contact_name", draft.contact_name),
        contact_email=email,
        contact_phone=phone,
    )


def list_partners(workspace: Workspace) -> list[PartnerRow]:
    code = workspace.summary.municipality_code
    if not code:
        return []
    owner = own_municipality_id(workspace)
    with workspace.reading() as session:
        partners = session.scalars(
            select(Partner).where(Partner.municipality_id == owner).order_by(Partner.name)
        )
        return [_row(partner) for partner in partners]


def get_partner(workspace: Workspace, partner_id: str) -> PartnerRow:
    return read_record(workspace, Partner, partner_id, _row)


def add_partner(workspace: Workspace, draft: PartnerDraft, partner_id: str | None = None) -> str:
    checked = checked_partner(draft)
    with workspace.transaction() as session:
        partner = Partner(municipality_id=own_municipality_id(workspace), **columns_of(checked))
        return insert_record(session, partner, partner_id)


def update_partner(workspace: Workspace, partner_id: str, draft: PartnerDraft) -> None:
    update_record(workspace, Partner, partner_id, columns_of(checked_partner(draft)))


def delete_partner(workspace: Workspace, partner_id: str) -> DeletedPartner:
    """Delete a partner; its measures keep existing without a partner."""
    with workspace.transaction() as session:
        partner = existing(session, Partner, partner_id)
        measure_ids = session.scalars(
            select(Measure.id).where(Measure.partner_id == partner_id)
        ).all()
        deleted = DeletedPartner(record=take(partner), measure_ids=tuple(measure_ids))
        session.execute(
            update(Measure).where(Measure.partner_id == partner_id).values(partner_id=None)
        )
        session.delete(partner)
        return deleted


def restore_partner(workspace: Workspace, deleted: DeletedPartner) -> None:
    with workspace.transaction() as session:
        put_back(session, deleted.record)
        partner_id = dict(deleted.record.values)["id"]
        session.execute(
            update(Measure).where(Measure.id.in_(deleted.measure_ids)).values(partner_id=partner_id)
        )


def _row(partner: Partner) -> PartnerRow:
    return PartnerRow(id=partner.id, draft=draft_of(PartnerDraft, partner))
