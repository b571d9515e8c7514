"""The 3D matrix: measures by doelgroep x aard, filtered on a third axis the user picks.

Pure functions over `MeasureRow`s, so the screen and the tests agree on what a cell holds and
which cells are gaps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.core.matrix.gaps import MATRIX_CELLS, is_gap
from app.core.matrix.measures import Choice, MeasureRow
from database.enums import HotKind, InterventionKind, MeasureStatus, TargetGroup

DARK_DAYS_VALUE = "ddo"


class ThirdAxis(StrEnum):
    """What the grid is filtered on; `ALL` shows every measure."""

    ALL = "all"
    PARTNER = "partner"
    HOTSPOT = "hotspot"
    HOT_ITEM = "hot_item"
    PERIOD = "period"
    STATUS = "status"


@dataclass(frozen=True)
class MatrixFilter:
    axis: ThirdAxis = ThirdAxis.ALL
    value: str | None = None


@dataclass(frozen=True)
class MatrixCell:
    target_group: TargetGroup
    intervention: InterventionKind
    measures: tuple[MeasureRow, ...]
    empty_reason: str | None = None  # set when the gemeente marked the cell bewust leeg

    @property
    def expected(self) -> bool:
        """Whether a plan should have a measure here (nazorg only for victims)."""
        return (self.target_group, self.intervention) in MATRIX_CELLS

    @property
    def is_marked_empty(self) -> bool:
        return self.empty_reason is not None

    @property
    def is_left_empty(self) -> bool:
        """Marked bewust leeg and without a measure that still runs: shown as such."""
        return self.is_marked_empty and all(
            row.data.status is MeasureStatus.STOPPED for row in self.measures
        )

    @property
    def is_gap(self) -> bool:
        cell = (self.target_group, self.intervention)
        marked = (cell,) if self.is_marked_empty else ()
        return is_gap(cell, (row.data.status for row in self.measures), marked)


def axis_values(
    axis: ThirdAxis,
    rows: Iterable[MeasureRow],
    partners: Iterable[Choice],
    hot_items: Iterable[tuple[Choice, HotKind]],
) -> tuple[Choice, ...]:
    """The values a user can pick on `axis`: ids with the Dutch text to show."""
    if axis is ThirdAxis.PARTNER:
        return tuple(partners)
    if axis is ThirdAxis.HOTSPOT:
        return tuple(choice for choice, kind in hot_items if kind is HotKind.HOTSPOT)
    if axis is ThirdAxis.HOT_ITEM:
        return tuple(choice for choice, kind in hot_items if kind is not HotKind.HOTSPOT)
    if axis is ThirdAxis.STATUS:
        return tuple(Choice(status.value, status.label) for status in MeasureStatus)
    if axis is ThirdAxis.PERIOD:
        years = sorted({year for row in rows for year in _years(row)})
        return (
            Choice(DARK_DAYS_VALUE, "Donkere Dagen Offensief (DDO)"),
            *(Choice(str(year), f"loopt in {year}") for year in years),
        )
    return ()


def matches(row: MeasureRow, matrix_filter: MatrixFilter) -> bool:
    axis, value = matrix_filter.axis, matrix_filter.value
    if axis is ThirdAxis.ALL or value is None:
        return True
    data = row.data
    if axis is ThirdAxis.PARTNER:
        return data.partner_id == value
    if axis in (ThirdAxis.HOTSPOT, ThirdAxis.HOT_ITEM):
        return value in data.hot_item_ids
    if axis is ThirdAxis.STATUS:
        return data.status.value == value
    if value == DARK_DAYS_VALUE:
        return data.dark_days
    return value.isdigit() and int(value) in _years(row)


def build_matrix(
    rows: Iterable[MeasureRow],
    matrix_filter: MatrixFilter = MatrixFilter(),
    empty_reasons: Mapping[tuple[TargetGroup, InterventionKind], str] | None = None,
) -> dict[tuple[TargetGroup, InterventionKind], MatrixCell]:
    """Every cell of doelgroep x aard, in enum order, empty ones included; `empty_reasons`:
    the cells marked bewust leeg with their reason."""
    reasons = empty_reasons or {}
    grouped: dict[tuple[TargetGroup, InterventionKind], list[MeasureRow]] = {
        (target, kind): [] for target in TargetGroup for kind in InterventionKind
    }
    for row in rows:
        if matches(row, matrix_filter):
            grouped[(row.data.target_group, row.data.intervention)].append(row)
    return {
        key: MatrixCell(key[0], key[1], tuple(measures), reasons.get(key))
        for key, measures in grouped.items()
    }


def _years(row: MeasureRow) -> range:
    start, end = row.data.period_start, row.data.period_end
    if start is None and end is None:
        return range(0)
    first = (start or end or date.today()).year
    last = (end or start or date.today()).year
    return range(first, last + 1)
