"""Which cells of the 3D matrix are gaps in the plan: the one rule behind the matrix's orange
cells, the Overzicht's list of empty cells and the RSIV's count per gemeente. A cell the
gemeente marked "bewust leeg" (app.core.matrix.empty_cells) is no gap.

Plain values only (no ORM), so the Overzicht can use it at start-up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from database.enums import InterventionKind, MeasureStatus, TargetGroup

CellKey = tuple[TargetGroup, InterventionKind]

# The cells a plan should fill. Nazorg (after-care) is for victims; for offenders and the
# environment an empty nazorg cell is no gap.
MATRIX_CELLS: tuple[CellKey, ...] = tuple(
    (group, kind)
    for group in TargetGroup
    for kind in InterventionKind
    if kind is not InterventionKind.AFTERCARE or group is TargetGroup.VICTIM_DWELLING
)


def is_gap(
    cell: CellKey, statuses: Iterable[MeasureStatus], marked_empty: Collection[CellKey] = ()
) -> bool:
    """An expected cell without a measure that still runs (a stopped measure fills nothing),
    unless the gemeente marked it bewust leeg."""
    return (
        cell in MATRIX_CELLS
        and cell not in marked_empty
        and all(status is MeasureStatus.STOPPED for status in statuses)
    )


def plan_gaps(
    placed: Iterable[tuple[TargetGroup, InterventionKind, MeasureStatus]],
    marked_empty: Collection[CellKey] = (),
) -> tuple[CellKey, ...]:
    """The gaps of a plan whose measures sit at `placed` (doelgroep, aard, status), the cells
    in `marked_empty` (bewust leeg) left out."""
    statuses: dict[CellKey, list[MeasureStatus]] = defaultdict(list)
    for group, kind, status in placed:
        statuses[(group, kind)].append(status)
    return tuple(cell for cell in MATRIX_CELLS if is_gap(cell, statuses[cell], marked_empty))
