"""Measures (maatregelen) of the plan: listing, validating and storing them.

How measures are arranged in the 3D matrix lives in `app.core.matrix.matrix`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.core.plan.plans import meeting_owner_id, own_municipality_id, plan_id
from app.core.records import existing, refuse_gone_links
from app.core.validation import limited_text
from app.exchange.field_rules import max_length
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.enums import HotKind, InterventionKind, MeasureStatus, TargetGroup
from database.models import Action, HotItem, Measure, Partner, measure_hot_item_table

TITLE_MAX = max_length("measure", "title")  # from the package schema
EXTRA_COST_MAX_EUR = 100_000_000


@dataclass(frozen=True)
class MeasureInput:
    """What a user fills in for a measure; validated before anything is stored."""

    title: str
    target_group: TargetGroup
    intervention: InterventionKind
    description: str = ""
    partner_id: str | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    period_start: date | None = None
    period_end: date | None = None
    dark_days: bool = False
    extra_cost_eur: int = 0
    catalogue_key: str | None = None
    hot_item_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeasureRow:
    """A stored measure with the name of its partner, ready to show."""

    id: str
    data: MeasureInput
    partner_name: str

    @property
    def title(self) -> str:
        return self.data.title


@dataclass(frozen=True)
class Choice:
    """Something a user picks from a list: an id and the text that names it."""

    id: str
    text: str


def measure_rows(workspace: Workspace) -> tuple[MeasureRow, ...]:
    owner = own_municipality_id(workspace)
    with workspace.reading() as session:
        links: dict[str, list[str]] = {}
        for measure_id, hot_item_id in session.execute(
            select(measure_hot_item_table.c.measure_id, measure_hot_item_table.c.hot_item_id)
            .join(Measure, Measure.id == measure_hot_item_table.c.measure_id)
            .where(Measure.municipality_id == owner)
        ):
            links.setdefault(measure_id, []).append(hot_item_id)
        statement = (
            select(Measure, Partner.name)
            .outerjoin(Partner, Partner.id == Measure.partner_id)
            .where(Measure.municipality_id == owner)
            .order_by(Measure.title)
        )
        return tuple(
            MeasureRow(
                id=measure.id,
                data=MeasureInput(
                    title=measure.title,
                    target_group=measure.target_group,
                    intervention=measure.intervention,
                    description=measure.description,
                    partner_id=measure.partner_id,
                    status=measure.status,
                    period_start=measure.period_start,
                    period_end=measure.period_end,
                    dark_days=measure.dark_days,
                    extra_cost_eur=measure.extra_cost_eur,
                    catalogue_key=measure.catalogue_key,
                    hot_item_ids=tuple(sorted(links.get(measure.id, ()))),
                ),
                partner_name=partner_name or "",
            )
            for measure, partner_name in session.execute(statement)
        )


def measure_choices(workspace: Workspace) -> tuple[Choice, ...]:
    """The measures an action can be linked to, by title (none for the RSIV's own actions)."""
    owner = meeting_owner_id(workspace)
    statement = (
        select(Measure.id, Measure.title)
        .where(Measure.municipality_id == owner)
        .order_by(Measure.title)
    )
    with workspace.reading() as session:
        return tuple(Choice(row[0], row[1]) for row in session.execute(statement))


def partner_choices(workspace: Workspace) -> tuple[Choice, ...]:
    """The partners (from Organisatie) a measure can be assigned to."""
    owner = own_municipality_id(workspace)
    statement = (
        select(Partner.id, Partner.name)
        .where(Partner.municipality_id == owner)
        .order_by(Partner.name)
    )
    with workspace.reading() as session:
        return tuple(Choice(row[0], row[1]) for row in session.execute(statement))


def hot_item_choices(workspace: Workspace) -> tuple[tuple[Choice, HotKind], ...]:
    """The hots of the problem description a measure can aim at, hotspots first."""
    owner = own_municipality_id(workspace)
    statement = (
        select(HotItem.id, HotItem.label, HotItem.kind, HotItem.neighbourhood_name)
        .where(HotItem.municipality_id == owner)
        .order_by(HotItem.position, HotItem.label)
    )
    kind_order = list(HotKind)
    with workspace.reading() as session:
        rows = list(session.execute(statement))
    rows.sort(key=lambda row: kind_order.index(row[2]))
    return tuple((Choice(row[0], f"{row[2].label}: {row[1]}"), row[2]) for row in rows)


def validate_measure(data: MeasureInput) -> MeasureInput:
    """The cleaned input, or a FieldError naming the field that is wrong."""
    title = data.title.strip()
    if not title:
        raise FieldError("title", "Vul een titel voor de maatregel in.")
    if len(title) > TITLE_MAX:
        raise FieldError("title", f"De titel is te lang: maximaal {TITLE_MAX} tekens.")
    if data.period_start and data.period_end and data.period_end < data.period_start:
        raise FieldError(
            "period_end",
            f"Het einde van de periode ({data.period_end:%d-%m-%Y}) ligt vóór het begin "
            f"({data.period_start:%d-%m-%Y}). Kies een einddatum op of na de begindatum.",
        )
    if not 0 <= data.extra_cost_eur <= EXTRA_COST_MAX_EUR:
        raise FieldError(
            "extra_cost_eur",
            "De extra kosten moeten een bedrag in hele euro's zijn, 0 of meer.",
        )
    return MeasureInput(
        title=title,
        target_group=data.target_group,
        intervention=data.intervention,
        description=limited_text("description", data.description),
        partner_id=data.partner_id,
        status=data.status,
        period_start=data.period_start,
        period_end=data.period_end,
        dark_days=data.dark_days,
        extra_cost_eur=data.extra_cost_eur,
        catalogue_key=data.catalogue_key,
        hot_item_ids=tuple(sorted(set(data.hot_item_ids))),
    )


def add_measure(workspace: Workspace, data: MeasureInput, measure_id: str | None = None) -> str:
    """Store a new measure; `measure_id` lets redo recreate the same record."""
    clean = validate_measure(data)
    with workspace.transaction() as session:
        return _insert(session, workspace, clean, measure_id)


def update_measure(workspace: Workspace, measure_id: str, data: MeasureInput) -> None:
    clean = validate_measure(data)
    with workspace.transaction() as session:
        measure = existing(session, Measure, measure_id)
        _refuse_gone_links(session, clean)
        for name, value in _columns(clean).items():
            setattr(measure, name, value)
        session.execute(
            delete(measure_hot_item_table).where(measure_hot_item_table.c.measure_id == measure_id)
        )
        _link_hot_items(session, measure_id, clean.hot_item_ids)


def delete_measure(workspace: Workspace, measure_id: str) -> tuple[str, ...]:
    """Remove a measure; its actions stay, unlinked. Returns their ids for `restore_measure`."""
    with workspace.transaction() as session:
        linked = tuple(
            session.scalars(select(Action.id).where(Action.measure_id == measure_id)).all()
        )
        session.execute(delete(Measure).where(Measure.id == measure_id))
        return linked


def restore_measure(workspace: Workspace, row: MeasureRow, action_ids: Iterable[str]) -> None:
    """Undo of a delete: the same measure, linked again to the actions it had."""
    clean = validate_measure(row.data)
    with workspace.transaction() as session:
        _insert(session, workspace, clean, row.id)
        session.execute(
            update(Action).where(Action.id.in_(list(action_ids))).values(measure_id=row.id)
        )


def _insert(
    session: Session, workspace: Workspace, clean: MeasureInput, measure_id: str | None
) -> str:
    _refuse_gone_links(session, clean)
    measure = Measure(
        municipality_id=own_municipality_id(workspace),
        plan_id=plan_id(session, workspace),
        **_columns(clean),
    )
    if measure_id:
        measure.id = measure_id
    session.add(measure)
    session.flush()
    _link_hot_items(session, measure.id, clean.hot_item_ids)
    return measure.id


def _refuse_gone_links(session: Session, clean: MeasureInput) -> None:
    refuse_gone_links(session, Partner, [clean.partner_id])
    refuse_gone_links(session, HotItem, clean.hot_item_ids)


def _link_hot_items(session: Session, measure_id: str, hot_item_ids: Iterable[str]) -> None:
    values = [{"measure_id": measure_id, "hot_item_id": item} for item in hot_item_ids]
    if values:
        session.execute(insert(measure_hot_item_table), values)


def _columns(data: MeasureInput) -> dict[str, object]:
    return {
        "title": data.title,
        "description": data.description,
        "target_group": data.target_group,
        "intervention": data.intervention,
        "partner_id": data.partner_id,
        "status": data.status,
        "period_start": data.period_start,
        "period_end": data.period_end,
        "dark_days": data.dark_days,
        "extra_cost_eur": data.extra_cost_eur,
        "catalogue_key": data.catalogue_key,
    }
