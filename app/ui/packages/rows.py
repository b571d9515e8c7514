"""A read-only table of frozen rows without an id (problems, files, backups), headers in Dutch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.ui.widgets.rows_model import RowsTableModel


class PlainRowsModel(RowsTableModel):
    """RowsTableModel for rows that have no `id` (the id role answers nothing), headers
    translated."""

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        title = super().headerData(section, orientation, role)
        return self.tr(title) if isinstance(title, str) else title
