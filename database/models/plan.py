"""The plan van aanpak and its problem description along the seven hots."""

from datetime import date

from sqlalchemy.orm import Mapped

from database.enums import BylawStatus, HotKind, InformationSource
from database.models.base import Base, Exchanged
from database.tables.plan import bylaw_instrument_table, hot_item_table, plan_table


class Plan(Exchanged, Base):
    """A gemeente's plan van aanpak; one per gemeente."""

    __table__ = plan_table

    title: Mapped[str]
    project_lead: Mapped[str]
    problem_summary: Mapped[str]
    organisation: Mapped[str]
    communication: Mapped[str]
    local_start: Mapped[date | None]
    triangle_commitment: Mapped[date | None]
    triangle_assignment: Mapped[str]
    budget: Mapped[str]
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]


class HotItem(Exchanged, Base):
    """One entry of the problem description: a hotspot, hotshot, hotgroup, ...

    Hotshots are people: they are held as a label or a count, never a name.
    """

    __table__ = hot_item_table

    plan_id: Mapped[str]
    kind: Mapped[HotKind]
    label: Mapped[str]
    description: Mapped[str]
    source: Mapped[InformationSource]
    period: Mapped[str]
    person_count: Mapped[int | None]
    neighbourhood_code: Mapped[str | None]
    neighbourhood_name: Mapped[str | None]
    position: Mapped[int]


class BylawInstrument(Exchanged, Base):
    """An APV instrument the gemeente uses or considers."""

    __table__ = bylaw_instrument_table

    plan_id: Mapped[str]
    name: Mapped[str]
    description: Mapped[str]
    status: Mapped[BylawStatus]
