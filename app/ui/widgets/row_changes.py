"""Changing a table model's rows in place, as Anki's browser table does, never by a reset.

A reset forgets the view's current row and selection. `morph_rows` turns the rows shown
(keys in display order) into the new ones with the signals Qt's views follow: removed rows
with beginRemoveRows, a changed order as a layout change that carries the persistent
indexes (selection, current row) along with their records, new rows with beginInsertRows,
and changed contents as dataChanged.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")


def morph_rows(
    model: QAbstractItemModel,
    old: Sequence[K],
    new: Sequence[K],
    show: Callable[[list[K]], None],
    changed: Collection[K] = (),
) -> None:
    """Move `model` from showing `old` to showing `new` (both unique keys in row order).

    `show(keys)` makes the model answer for `keys` (called between each begin/end pair);
    `changed` names kept rows whose contents changed.
    """
    current = list(old)
    keep = set(new)
    top = QModelIndex()

    # Removals from the bottom up, so the positions above stay valid.
    end = len(current) - 1
    while end >= 0:
        if current[end] in keep:
            end -= 1
            continue
        start = end
        while start > 0 and current[start - 1] not in keep:
            start -= 1
        model.beginRemoveRows(top, start, end)
        del current[start : end + 1]
        show(current)
        model.endRemoveRows()
        end = start - 1

    # The kept rows in their new order: the persistent indexes move with their records.
    present = set(current)
    order = [key for key in new if key in present]
    if order != current:
        model.layoutAboutToBeChanged.emit()
        position = {key: row for row, key in enumerate(order)}
        persistent = model.persistentIndexList()
        moved = [
            model.index(position[current[index.row()]], index.column())
            if 0 <= index.row() < len(current)
            else QModelIndex()
            for index in persistent
        ]
        current = order
        show(current)
        model.changePersistentIndexList(persistent, moved)
        model.layoutChanged.emit()

    # Insertions from the top down: each run of new keys goes in at its place.
    row = 0
    while row < len(new):
        if row < len(current) and current[row] == new[row]:
            row += 1
            continue
        start = row
        while row < len(new) and new[row] not in present:
            row += 1
        model.beginInsertRows(top, start, row - 1)
        current[start:start] = new[start:row]
        show(current)
        model.endInsertRows()

    # Contents of the kept rows that changed, in runs of neighbouring rows. The model answers
    # with the new contents from here on, also when no row came, went or moved.
    show(current)
    if not changed:
        return
    wanted = set(changed) & present
    last_column = max(model.columnCount() - 1, 0)
    rows = [n for n, key in enumerate(current) if key in wanted]
    for first, last in _runs(rows):
        model.dataChanged.emit(model.index(first, 0), model.index(last, last_column))


def change_rows(
    model: QAbstractItemModel,
    shown: list[R],
    new: Sequence[R],
    key: Callable[[R], Hashable] | None = None,
) -> None:
    """For a model over the list `shown` of frozen rows: make it `new`, in place, matching
    rows by `key` (default: the row's `id`). Rows without a unique key (problems, files)
    are shown by a reset: they have no selection worth keeping."""
    identify = key or _row_id
    old_keys = [identify(row) for row in shown]
    new_keys = [identify(row) for row in new]
    if (
        None in old_keys
        or None in new_keys
        or len(set(old_keys)) < len(old_keys)
        or len(set(new_keys)) < len(new_keys)
    ):
        model.beginResetModel()
        shown[:] = new
        model.endResetModel()
        return
    by_key = dict(zip(old_keys, shown, strict=True))
    fresh = dict(zip(new_keys, new, strict=True))
    changed = [k for k, row in fresh.items() if k in by_key and by_key[k] != row]
    by_key.update(fresh)

    def show(keys: list[Hashable]) -> None:
        shown[:] = [by_key[k] for k in keys]

    morph_rows(model, old_keys, new_keys, show, changed)


def _row_id(row: object) -> Hashable:
    return getattr(row, "id", None)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
