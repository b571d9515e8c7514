"""Matrix cells marked "bewust leeg": left empty on purpose, with the reason, so no gap.

A projectleider marks a cell such as slachtoffer x repressief ("repressief richt zich niet op
slachtoffers"); the matrix, the Overzicht, the plan document and the RSIV then count it as
deliberately empty instead of as a gap. Removing the mark makes an empty cell a gap again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.matrix.gaps import MATRIX_CELLS, CellKey
from app.core.plan.plans import own_municipality_id, plan_id
from app.exchange.field_rules import max_length
from app.kernel.errors import FieldError, UserError
from app.kernel.workspace import Workspace
from database.enums import InterventionKind, MeasureStatus, TargetGroup
from database.models import DeliberatelyEmptyCell, Measure

REASON_MAX = max_length("deliberately_empty_cell", "reason")  # from the package schema


@dataclass(frozen=True)
class EmptyCellMark:
    id: str
    target_group: TargetGroup
    intervention: InterventionKind
    reason: str

    @property
    def cell(self) -> CellKey:
        return (self.target_group, self.intervention)


def cell_name(target_group: TargetGroup, intervention: InterventionKind) -> str:
    return f"{target_group.label} x {intervention.label}"


def empty_cell_marks(workspace: Workspace) -> dict[CellKey, EmptyCellMark]:
    """The gemeente's cells marked bewust leeg, by cell."""
    owner = own_municipality_id(workspace)
    with workspace.reading() as session:
        rows = session.scalars(
            select(DeliberatelyEmptyCell).where(DeliberatelyEmptyCell.municipality_id == owner)
        ).all()
        marks = [_mark(row) for row in rows]
    return {mark.cell: mark for mark in marks}


def empty_cell_reasons(workspace: Workspace) -> dict[CellKey, str]:
    """The reason per cell marked bewust leeg, as `build_matrix` takes it."""
    return {cell: mark.reason for cell, mark in empty_cell_marks(workspace).items()}


def checked_reason(target_group: TargetGroup, intervention: InterventionKind, reason: str) -> str:
    """The reason without spaces at its ends, or a refusal naming the cell."""
    where = cell_name(target_group, intervention)
    text = reason.strip()
    if not text:
        raise FieldError(
            "reason",
            f"Vul de reden in waarom de cel {where} bewust leeg is, bijvoorbeeld "
            "'repressief richt zich niet op slachtoffers'.",
        )
    if len(text) > REASON_MAX:
        raise FieldError(
            "reason",
            f"De reden bij de cel {where} is te lang: maximaal {REASON_MAX} tekens. Maak de "
            "tekst korter.",
        )
    if (target_group, intervention) not in MATRIX_CELLS:
        raise UserError(
            f"De cel {where} is geen gat: nazorg is alleen voor slachtoffers. Er is niets "
            "gemarkeerd."
        )
    return text


def mark_cell_empty(
    workspace: Workspace,
    target_group: TargetGroup,
    intervention: InterventionKind,
    reason: str,
    mark_id: str | None = None,
) -> EmptyCellMark | None:
    """Mark a cell bewust leeg with `reason` (or give a marked cell a new reason).

    Returns the mark it replaced (None for a new one), so undo can put it back; `mark_id`
    lets redo recreate the same record.
    """
    text = checked_reason(target_group, intervention, reason)
    where = cell_name(target_group, intervention)
    owner = own_municipality_id(workspace)
    with workspace.transaction() as session:
        running = session.scalars(
            select(Measure.title).where(
                Measure.municipality_id == owner,
                Measure.target_group == target_group,
                Measure.intervention == intervention,
                Measure.status != MeasureStatus.STOPPED,
            )
        ).first()
        if running is not None:
            raise UserError(
                f"De cel {where} heeft al een maatregel ('{running}'), dus hij is niet leeg. "
                "Stop of verplaats die maatregel eerst, of laat de cel zoals hij is."
            )
        found = _stored(session, owner, target_group, intervention)
        if found is not None:
            before = _mark(found)
            found.reason = text
            return before
        row = DeliberatelyEmptyCell(
            municipality_id=owner,
            plan_id=plan_id(session, workspace),
            target_group=target_group,
            intervention=intervention,
            reason=text,
        )
        if mark_id:
            row.id = mark_id
        session.add(row)
        return None


def unmark_cell(
    workspace: Workspace, target_group: TargetGroup, intervention: InterventionKind
) -> EmptyCellMark | None:
    """Remove the mark, so an empty cell is a gap again; returns the removed mark for undo."""
    owner = own_municipality_id(workspace)
    with workspace.transaction() as session:
        found = _stored(session, owner, target_group, intervention)
        if found is None:
            return None
        removed = _mark(found)
        session.execute(delete(DeliberatelyEmptyCell).where(DeliberatelyEmptyCell.id == removed.id))
        return removed


def restore_mark(workspace: Workspace, mark: EmptyCellMark) -> None:
    """Undo of a removal or a change: the mark as it was, with its own id."""
    unmark_cell(workspace, mark.target_group, mark.intervention)
    mark_cell_empty(workspace, mark.target_group, mark.intervention, mark.reason, mark.id)


def _stored(
    session: Session, owner: str, target_group: TargetGroup, intervention: InterventionKind
) -> DeliberatelyEmptyCell | None:
    return session.scalars(
        select(DeliberatelyEmptyCell).where(
            DeliberatelyEmptyCell.municipality_id == owner,
            DeliberatelyEmptyCell.target_group == target_group,
            DeliberatelyEmptyCell.intervention == intervention,
        )
    ).first()


def _mark(row: DeliberatelyEmptyCell) -> EmptyCellMark:
    return EmptyCellMark(row.id, row.target_group, row.intervention, row.reason)
