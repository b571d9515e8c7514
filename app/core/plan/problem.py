"""Probleembeschrijving: the seven hots and the APV instruments of the gemeente's plan.

Hotshots are people. They are kept as a label (a pseudonym or a group such as "Top-X
veelplegers") and a count, never with a description, so no name can hide in free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, insert, select

from app.core.plan.lookup import existing_plan_id
from app.core.plan.plans import add_plan_record, own_municipality_id, plan_id
from app.core.records import (
    RecordSnapshot,
    columns_of,
    delete_record,
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
from database.enums import BylawStatus, HotKind, InformationSource
from database.models import (
    BylawInstrument,
    DeepAnalysisRequest,
    HotItem,
    HotspotAnalysis,
    measure_hot_item_table,
)

# Kinds whose items are people: a count belongs to them.
PEOPLE_KINDS = frozenset({HotKind.HOTSHOT, HotKind.HOTGROUP})
NEIGHBOURHOOD_CODE = re.compile(r"BU\d{8}")


@dataclass(frozen=True)
class HotItemDraft:
    """What the user enters for one hot item."""

    kind: HotKind
    label: str
    source: InformationSource = InformationSource.AREA_SCAN
    description: str = ""
    period: str = ""
    person_count: int | None = None
    neighbourhood_code: str = ""
    neighbourhood_name: str = ""


@dataclass(frozen=True)
class HotItemRow:
    id: str
    draft: HotItemDraft


@dataclass(frozen=True)
class DeletedHotItem:
    """A deleted hot item with its analyses, DIK requests and links to measures."""

    records: tuple[RecordSnapshot, ...]
    measure_ids: tuple[str, ...]
    hot_item_id: str


@dataclass(frozen=True)
class BylawDraft:
    name: str
    status: BylawStatus = BylawStatus.CONSIDERED
    description: str = ""


@dataclass(frozen=True)
class BylawRow:
    id: str
    draft: BylawDraft


def checked_hot_item(draft: HotItemDraft) -> HotItemDraft:
    """The draft as it will be stored, or FieldError naming the field that is wrong."""
    label = required_field_text("hot_item", "label", draft.label, "een korte omschrijving")
    description = limited_text("description", draft.description)
    if draft.kind is HotKind.HOTSHOT and description:
        raise FieldError(
            "description",
            "Bij een hotshot staat alleen een label en een aantal, geen toelichting: zo komt "
            "er geen naam van een verdachte in het plan.",
        )
    count = draft.person_count
    if draft.kind in PEOPLE_KINDS:
        if count is not None and count < 0:
            raise FieldError("person_count", "Het aantal personen kan niet negatief zijn.")
    else:
        count = None
    code = draft.neighbourhood_code.strip().upper()
    name = field_text("hot_item", "neighbourhood_name", draft.neighbourhood_name)
    if draft.kind is HotKind.HOTSPOT:
        if code and not NEIGHBOURHOOD_CODE.fullmatch(code):
            raise FieldError(
                "neighbourhood_code",
                "Een buurtcode van het CBS is 'BU' met acht cijfers, bijvoorbeeld BU05130101.",
            )
    else:
        code, name = "", ""
    return replace(
        draft,
        label=label,
        description=description,
        period=field_text("hot_item", "period", draft.period),
        person_count=count,
        neighbourhood_code=code,
        neighbourhood_name=name,
    )


def list_hot_items(workspace: Workspace, kind: HotKind) -> list[HotItemRow]:
    with workspace.reading() as session:
        plan = existing_plan_id(session, workspace)
        items = session.scalars(
            select(HotItem)
            .where(HotItem.plan_id == plan, HotItem.kind == kind)
            .order_by(HotItem.position, HotItem.label)
        )
        return [_hot_item_row(item) for item in items]


def get_hot_item(workspace: Workspace, item_id: str) -> HotItemRow:
    return read_record(workspace, HotItem, item_id, _hot_item_row)


def add_hot_item(workspace: Workspace, draft: HotItemDraft, item_id: str | None = None) -> str:
    """Store a new hot item at the end of its list; `item_id` lets redo restore the same id."""
    checked = checked_hot_item(draft)
    with workspace.transaction() as session:
        plan = plan_id(session, workspace)
        last = session.scalar(
            select(func.max(HotItem.position)).where(
                HotItem.plan_id == plan, HotItem.kind == checked.kind
            )
        )
        item = HotItem(
            plan_id=plan,
            municipality_id=own_municipality_id(workspace),
            position=(last or 0) + 1,
            **_hot_item_columns(checked),
        )
        return insert_record(session, item, item_id)


def update_hot_item(workspace: Workspace, item_id: str, draft: HotItemDraft) -> None:
    update_record(workspace, HotItem, item_id, _hot_item_columns(checked_hot_item(draft)))


def delete_hot_item(workspace: Workspace, item_id: str) -> DeletedHotItem:
    """Delete a hot item (and its analyses); the result lets `restore_hot_item` undo it."""
    with workspace.transaction() as session:
        item = existing(session, HotItem, item_id)
        analyses = session.scalars(
            select(HotspotAnalysis).where(HotspotAnalysis.hot_item_id == item_id)
        ).all()
        requests = session.scalars(
            select(DeepAnalysisRequest).where(DeepAnalysisRequest.hot_item_id == item_id)
        ).all()
        measure_ids = session.scalars(
            select(measure_hot_item_table.c.measure_id).where(
                measure_hot_item_table.c.hot_item_id == item_id
            )
        ).all()
        deleted = DeletedHotItem(
            records=(take(item), *(take(a) for a in analyses), *(take(r) for r in requests)),
            measure_ids=tuple(measure_ids),
            hot_item_id=item_id,
        )
        session.execute(
            delete(measure_hot_item_table).where(measure_hot_item_table.c.hot_item_id == item_id)
        )
        for record in (*analyses, *requests, item):
            session.delete(record)
        return deleted


def restore_hot_item(workspace: Workspace, deleted: DeletedHotItem) -> None:
    with workspace.transaction() as session:
        for snapshot in deleted.records:
            put_back(session, snapshot)
        for measure_id in deleted.measure_ids:
            session.execute(
                insert(measure_hot_item_table).values(
                    measure_id=measure_id, hot_item_id=deleted.hot_item_id
                )
            )


def checked_bylaw(draft: BylawDraft) -> BylawDraft:
    return replace(
        draft,
        name=required_field_text(
            "bylaw_instrument", "name", draft.name, "de naam van het instrument"
        ),
        description=limited_text("description", draft.description),
    )


def list_bylaws(workspace: Workspace) -> list[BylawRow]:
    with workspace.reading() as session:
        plan = existing_plan_id(session, workspace)
        bylaws = session.scalars(
            select(BylawInstrument)
            .where(BylawInstrument.plan_id == plan)
            .order_by(BylawInstrument.name)
        )
        return [_bylaw_row(bylaw) for bylaw in bylaws]


def get_bylaw(workspace: Workspace, bylaw_id: str) -> BylawRow:
    return read_record(workspace, BylawInstrument, bylaw_id, _bylaw_row)


def add_bylaw(workspace: Workspace, draft: BylawDraft, bylaw_id: str | None = None) -> str:
    return add_plan_record(workspace, BylawInstrument, columns_of(checked_bylaw(draft)), bylaw_id)


def update_bylaw(workspace: Workspace, bylaw_id: str, draft: BylawDraft) -> None:
    update_record(workspace, BylawInstrument, bylaw_id, columns_of(checked_bylaw(draft)))


def delete_bylaw(workspace: Workspace, bylaw_id: str) -> RecordSnapshot:
    return delete_record(workspace, BylawInstrument, bylaw_id)


def _hot_item_columns(draft: HotItemDraft) -> dict[str, object]:
    return {
        **columns_of(draft),
        "neighbourhood_code": draft.neighbourhood_code or None,
        "neighbourhood_name": draft.neighbourhood_name or None,
    }


def _hot_item_row(item: HotItem) -> HotItemRow:
    return HotItemRow(
        id=item.id,
        draft=draft_of(
            HotItemDraft,
            item,
            neighbourhood_code=item.neighbourhood_code or "",
            neighbourhood_name=item.neighbourhood_name or "",
        ),
    )


def _bylaw_row(bylaw: BylawInstrument) -> BylawRow:
    return BylawRow(id=bylaw.id, draft=draft_of(BylawDraft, bylaw))
