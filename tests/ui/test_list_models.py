"""List models change their rows in place: a view keeps its current row and selection on
the same records when rows are changed, removed, added or reordered (no model reset)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QBrush
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.qtbot import QtBot

from app.ui.widgets.rows_model import ID_ROLE, ROW_ROLE, Column, RowsTableModel

CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass(frozen=True)
class Partner:
    id: str
    name: str


def _rows(*names: str) -> list[Partner]:
    return [Partner(name.split()[0].lower(), name) for name in names]


def _models() -> list[QAbstractTableModel]:
    return [
        RowsTableModel([Column("Naam", lambda row: row.name)]),
        # The regional screen's tables: coloured, right-aligned figures.
        RowsTableModel([Column("Naam", lambda row: row.name, lambda _row: "#b00020", True)]),
    ]


def _id(model: QAbstractTableModel, index: object) -> str:
    value = index.data(ID_ROLE)  # type: ignore[attr-defined]
    assert value == index.data(ROW_ROLE).id  # type: ignore[attr-defined]
    return str(value)


@pytest.mark.parametrize("model", _models(), ids=["rows", "region"])
def test_a_refresh_keeps_the_selection_on_the_same_records(
    qtbot: QtBot, model: RowsTableModel
) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setModel(model)
    model.set_rows(_rows("Gemeente", "Politie", "OM", "Woningcorporatie"))
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    for row, modifier in ((1, Qt.KeyboardModifier.NoModifier), (3, CTRL)):
        centre = view.visualRect(model.index(row, 0)).center()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, centre)
    selected = {_id(model, index) for index in view.selectionModel().selectedRows()}
    assert selected == {"politie", "woningcorporatie"}

    # Gemeente removed, Bewoners added on top, Politie renamed, OM and Politie swapped.
    model.set_rows(_rows("Bewoners", "OM", "Politie Haaglanden", "Woningcorporatie"))

    assert [model.index(row, 0).data() for row in range(4)] == [
        "Bewoners",
        "OM",
        "Politie Haaglanden",
        "Woningcorporatie",
    ]
    selected = {_id(model, index) for index in view.selectionModel().selectedRows()}
    assert selected == {"politie", "woningcorporatie"}
    assert _id(model, view.currentIndex()) == "woningcorporatie"
    assert resets == []


def test_a_column_colours_aligns_and_explains_its_cells() -> None:
    model = RowsTableModel(
        [
            Column("Naam", lambda row: row.name, tooltip=lambda row: f"Partner {row.name}"),
            Column(
                "Kenmerk",
                lambda row: row.id,
                lambda row: "#b00020" if row.id == "om" else None,
                True,
            ),
        ]
    )
    model.set_rows(_rows("Politie", "OM"))
    name, mark = model.index(1, 0), model.index(1, 1)
    assert name.data(Qt.ItemDataRole.ToolTipRole) == "Partner OM"
    assert mark.data(Qt.ItemDataRole.ToolTipRole) == "om"
    brush = mark.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#b00020"
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert name.data(Qt.ItemDataRole.ForegroundRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert mark.data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert name.data(Qt.ItemDataRole.TextAlignmentRole) is None
