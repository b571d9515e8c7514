"""The wijkagent's form: each form issued for a hotspot, and the measures an analysis proposes.

Both travel in the package, so a workspace rebuilt from its own package keeps them."""

from datetime import datetime

from sqlalchemy.orm import Mapped

from database.enums import InterventionKind, TargetGroup
from database.models.base import Base, Exchanged
from database.tables.analysis_form import analysis_form_table, proposed_measure_table


class AnalysisForm(Exchanged, Base):
    """A form made for a hotspot; `id` is the form id written in the form's metadata."""

    __table__ = analysis_form_table

    hot_item_id: Mapped[str]
    form_version: Mapped[int]
    issued_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    accepted_version: Mapped[int | None]


class ProposedMeasure(Exchanged, Base):
    """A measure the analysis proposes; `measure_id` is set once it is placed in the matrix."""

    __table__ = proposed_measure_table

    analysis_id: Mapped[str]
    position: Mapped[int]
    title: Mapped[str]
    target_group: Mapped[TargetGroup]
    intervention: Mapped[InterventionKind]
    partner: Mapped[str]
    measure_id: Mapped[str | None]
