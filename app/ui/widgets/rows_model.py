"""A read-only table of frozen rows from a service, one column per attribute shown.

One model serves every such table: a column says its title and its text, and optionally its
colour (always next to a written word, never alone), its tooltip and whether it is a number.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.ui.widgets.row_changes import change_rows

ID_ROLE = Qt.ItemDataRole.UserRole  # the row's `id`
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen row itself

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    colour: Callable[[Any], str | None] | None = None
    numeric: bool = False
    tooltip: Callable[[Any], str] | None = None  # by default the text itself


class RowsTableModel(QAbstractTableModel):
    """Rows are frozen dataclasses, usually with an `id`: the UserRole of every cell."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any], key: Callable[[Any], Hashable] | None = None) -> None:
        """Show `rows`: rows with an id (or a `key`) are changed in place, so the view keeps
        its selection."""
        change_rows(self, self._rows, rows, key)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == record_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None
