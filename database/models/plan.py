"""The plan van aanpak and its problem description along the seven hots."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import BylawStatus, HotKind, InformationSource
from database.models.base import UUID_LENGTH, Base, Exchanged, enum_column


class Plan(Exchanged, Base):
    """A gemeente's plan van aanpak; one per gemeente."""

    __tablename__ = "plan"

    title: Mapped[str] = mapped_column(String(200))
    project_lead: Mapped[str] = mapped_column(String(200), default="")
    problem_summary: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    communication: Mapped[str] = mapped_column(Text, default="")
    local_start: Mapped[date | None] = mapped_column(Date)
    triangle_commitment: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)


class HotItem(Exchanged, Base):
    """One entry of the problem description: a hotspot, hotshot, hotgroup, ...

    Hotshots are people: they are held as a label or a count, never a name.
    """

    __tablename__ = "hot_item"

    plan_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[HotKind] = mapped_column(enum_column(HotKind), index=True)
    label: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[InformationSource] = mapped_column(enum_column(InformationSource))
    period: Mapped[str] = mapped_column(String(100), default="")
    person_count: Mapped[int | None] = mapped_column(Integer)
    neighbourhood_code: Mapped[str | None] = mapped_column(String(10))
    neighbourhood_name: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)


class BylawInstrument(Exchanged, Base):
    """An APV instrument the gemeente uses or considers."""

    __tablename__ = "bylaw_instrument"

    plan_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[BylawStatus] = mapped_column(enum_column(BylawStatus))
