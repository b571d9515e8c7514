"""The wijkagent's form: each form issued for a hotspot, and the measures an analysis proposes.

Neither travels in the package: a form is the gemeente's own bookkeeping (it lets an import
refuse an unknown, tampered or older form), and a proposed measure becomes a real measure,
which does travel, once the projectleider places it in the 3D matrix.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import InterventionKind, TargetGroup
from database.models.base import UUID_LENGTH, Base, Identified, enum_column
from database.types import UTCDateTime


class AnalysisForm(Identified, Base):
    """A form made for a hotspot; `id` is the form id written in the form's metadata."""

    __tablename__ = "analysis_form"
    __table_args__ = (UniqueConstraint("hot_item_id", "form_version"),)

    hot_item_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("hot_item.id", ondelete="CASCADE"), index=True
    )
    # 1 for the hotspot's first form, then 2, 3, ...: a later form supersedes an earlier one.
    form_version: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ProposedMeasure(Identified, Base):
    """A measure the analysis proposes; `measure_id` is set once it is placed in the matrix."""

    __tablename__ = "proposed_measure"

    analysis_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("hotspot_analysis.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    target_group: Mapped[TargetGroup] = mapped_column(enum_column(TargetGroup))
    intervention: Mapped[InterventionKind] = mapped_column(enum_column(InterventionKind))
    partner: Mapped[str] = mapped_column(String(200), default="")
    measure_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("measure.id", ondelete="SET NULL")
    )
