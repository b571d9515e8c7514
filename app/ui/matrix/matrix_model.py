"""The 3D matrix as a table: doelgroep rows by aard columns, one cell per combination."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.matrix.matrix import MatrixCell
from database.enums import InterventionKind, MeasureStatus, TargetGroup

Index = QModelIndex | QPersistentModelIndex

TARGETS = tuple(TargetGroup)
KINDS = tuple(InterventionKind)
CELL_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_COLOURS = {
    MeasureStatus.PLANNED: QColor("#1f6fb2"),
    MeasureStatus.RUNNING: QColor("#2e7d32"),
    MeasureStatus.COMPLETED: QColor("#6d6d6d"),
    MeasureStatus.STOPPED: QColor("#b00020"),
}
GAP_BACKGROUND = QColor("#fff4e0")
GAP_BORDER = QColor("#e0a030")
# Bewust leeg: grey-blue with diagonal hatching, so it differs from a gap also without colour.
EMPTY_BACKGROUND = QColor("#eef1f5")
EMPTY_HATCH = QColor("#9aa6b2")


class MatrixModel(QAbstractTableModel):
    """Display text lists count and titles; CELL_ROLE gives the `MatrixCell` to the delegate."""

    def __init__(self) -> None:
        super().__init__()
        self._cells: dict[tuple[TargetGroup, InterventionKind], MatrixCell] = {}

    def set_cells(self, cells: dict[tuple[TargetGroup, InterventionKind], MatrixCell]) -> None:
        self.beginResetModel()
        self._cells = dict(cells)
        self.endResetModel()

    def cell_at(self, index: Index) -> MatrixCell | None:
        if not index.isValid():
            return None
        return self._cells.get((TARGETS[index.row()], KINDS[index.column()]))

    def index_of(self, target: TargetGroup, kind: InterventionKind) -> QModelIndex:
        return self.index(TARGETS.index(target), KINDS.index(kind))

    def rowCount(self, parent: Index | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(TARGETS)

    def columnCount(self, parent: Index | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(KINDS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(KINDS):
            return KINDS[section].label.capitalize()
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(TARGETS):
            # "Slachtoffer/woning" on two lines leaves the cells room for the titles.
            return TARGETS[section].label.capitalize().replace("/", "/\n")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_at(index)
        if cell is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(cell)
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.BackgroundRole and cell.is_gap:
            return GAP_BACKGROUND
        return None

    def cell_text(self, cell: MatrixCell) -> str:
        if cell.is_left_empty:
            return self.tr("Bewust leeg: {reason}").format(reason=cell.empty_reason)
        if not cell.measures:
            if not cell.expected:
                return self.tr("Leeg: niet nodig, nazorg is voor slachtoffers")
            return self.tr("Leeg: nog geen maatregel (gat in het plan)")
        count = len(cell.measures)
        heading = (
            self.tr("1 maatregel") if count == 1 else self.tr("{n} maatregelen").format(n=count)
        )
        if cell.is_gap:
            heading = self.tr("Alleen gestopte maatregelen: een gat in het plan")
        lines = [f"{row.title} ({row.data.status.label})" for row in cell.measures]
        return "\n".join([heading, *lines])

    def cell_tooltip(self, cell: MatrixCell) -> str:
        where = f"{cell.target_group.label} \u00d7 {cell.intervention.label}"
        if cell.is_left_empty:
            return self.tr("{cell}: bewust leeg. Reden: {reason}").format(
                cell=where, reason=cell.empty_reason
            )
        if not cell.measures:
            return self.tr(
                "{cell}: nog geen maatregel. Druk op Enter om er een toe te voegen."
            ).format(cell=where)
        lines = [
            f"• {row.title} — {row.data.status.label}"
            + (f", {row.partner_name}" if row.partner_name else "")
            for row in cell.measures
        ]
        return "\n".join([where, *lines])
