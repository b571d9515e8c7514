"""What changed between two states of a plan: added, changed (field by field) and removed.

Pure functions over two PlanDocuments. Field names are the package's Dutch column headers,
values are shown as a person reads them (Dutch labels, dd-mm-jjjj, ja/nee, names for ids).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from app.exchange.revision_document import PlanDocument, StoredRow
from app.exchange.schema import NO, YES, Column, Kind, Sheet
from app.exchange.versions import CURRENT
from database.enums import HotKind

EMPTY = "—"
LINKED_HOTS = "hot_item_ids"  # a measure's links to hots, compared as one field
LINKED_HOTS_HEADER = "Gericht op (hots)"
NOT_COMPARED = frozenset({"id", "plan_id"})


@dataclass(frozen=True)
class FieldChange:
    field: str
    header: str  # the package's Dutch column header
    old: str
    new: str


@dataclass(frozen=True)
class RecordDelta:
    id: str
    label: str
    fields: tuple[FieldChange, ...] = ()  # only for a changed record


@dataclass(frozen=True)
class KindChanges:
    """The changes in one record kind: the plan itself, hotspots, other hots, goals, ..."""

    kind: str
    label: str  # Dutch, plural
    added: tuple[RecordDelta, ...]
    changed: tuple[RecordDelta, ...]
    removed: tuple[RecordDelta, ...]

    @property
    def count(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)


@dataclass(frozen=True)
class _Kind:
    key: str
    label: str
    table: str
    keep: Callable[[StoredRow], bool]


def _is_hotspot(row: StoredRow) -> bool:
    return row.get("kind") == HotKind.HOTSPOT.value


KINDS = (
    _Kind("plan", "Plan", "plan", lambda row: True),
    _Kind("hotspot", "Hotspots", "hot_item", _is_hotspot),
    _Kind("hot", "Overige hots", "hot_item", lambda row: not _is_hotspot(row)),
    _Kind("goal", "Doelstellingen", "goal", lambda row: True),
    _Kind("measure", "Maatregelen", "measure", lambda row: True),
    _Kind("action", "Acties", "action", lambda row: True),
)


def compare_documents(
    old: PlanDocument, new: PlanDocument, names: Mapping[str, str] | None = None
) -> tuple[KindChanges, ...]:
    """Per kind, what `new` adds, changes and removes relative to `old`.

    `names` gives a readable name for ids that point outside the documents (partners,
    meetings, decisions); an unknown id is shown as such.
    """
    names = names or {}
    old_view = _DocumentView(old, names)
    new_view = _DocumentView(new, names)
    return tuple(_compare_kind(kind, old_view, new_view) for kind in KINDS)


class _DocumentView:
    """One document with the helpers to show its values."""

    def __init__(self, document: PlanDocument, names: Mapping[str, str]) -> None:
        self.document = document
        self.names = names
        self.labels: dict[str, str] = {}
        for table in ("hot_item", "goal", "measure", "action"):
            sheet = CURRENT.sheet(table)
            for row in document.rows(table):
                self.labels[str(row["id"])] = str(row.get(sheet.label_field) or "")
        self.links: dict[str, list[str]] = {}
        for link in document.rows("measure_hot_item"):
            self.links.setdefault(str(link["measure_id"]), []).append(str(link["hot_item_id"]))

    def records(self, kind: _Kind) -> dict[str, StoredRow]:
        rows: dict[str, StoredRow] = {}
        for row in self.document.rows(kind.table):
            if not kind.keep(row):
                continue
            if kind.table == "measure":
                row = {**row, LINKED_HOTS: tuple(sorted(self.links.get(str(row["id"]), ())))}
            rows[str(row["id"])] = row
        return rows

    def show(self, column: Column | None, value: object) -> str:
        if column is None:  # the linked hots
            labels = sorted(self.labels.get(i, i) for i in value or ())  # type: ignore[attr-defined]
            return "; ".join(labels) or EMPTY
        return show_value(column, value, lambda i: self.labels.get(i) or self.names.get(i))


def show_value(column: Column, value: object, name_of: Callable[[str], str | None]) -> str:
    """A stored value as a person reads it."""
    if value is None or value == "":
        return EMPTY
    if column.kind is Kind.CHOICE and column.choices is not None:
        try:
            # A choice cell is stored as its enum value, which is text.
            return column.choices(cast(str, value)).label
        except ValueError:
            return str(value)
    if column.kind is Kind.BOOLEAN:
        return YES if value else NO
    if column.kind is Kind.DATE:
        return date.fromisoformat(str(value)).strftime("%d-%m-%Y")
    if column.kind is Kind.DECIMAL:
        return f"{float(value):g}".replace(".", ",")  # type: ignore[arg-type]
    if column.kind is Kind.REFERENCE:
        return name_of(str(value)) or f"(onbekend: {value})"
    return str(value)


def _compare_kind(kind: _Kind, old_view: _DocumentView, new_view: _DocumentView) -> KindChanges:
    sheet = CURRENT.sheet(kind.table)
    old_rows = old_view.records(kind)
    new_rows = new_view.records(kind)
    added = [_delta(sheet, new_rows[i]) for i in new_rows if i not in old_rows]
    removed = [_delta(sheet, old_rows[i]) for i in old_rows if i not in new_rows]
    changed = []
    for record_id, new_row in new_rows.items():
        old_row = old_rows.get(record_id)
        if old_row is None:
            continue
        fields = _field_changes(sheet, old_row, new_row, old_view, new_view)
        if fields:
            changed.append(_delta(sheet, new_row, fields))
    return KindChanges(kind.key, kind.label, _sorted(added), _sorted(changed), _sorted(removed))


def _field_changes(
    sheet: Sheet,
    old_row: StoredRow,
    new_row: StoredRow,
    old_view: _DocumentView,
    new_view: _DocumentView,
) -> tuple[FieldChange, ...]:
    changes = []
    fields: Sequence[str] = [f for f in sheet.fields if f in old_row or f in new_row]
    if LINKED_HOTS in new_row:
        fields = [*fields, LINKED_HOTS]
    for field in fields:
        if field in NOT_COMPARED or old_row.get(field) == new_row.get(field):
            continue
        column = None if field == LINKED_HOTS else sheet.column(field)
        header = LINKED_HOTS_HEADER if column is None else _header(column)
        old = old_view.show(column, old_row.get(field))
        new = new_view.show(column, new_row.get(field))
        changes.append(FieldChange(field, header, old, new))
    return tuple(changes)


def _header(column: Column) -> str:
    """The column's Dutch header; a reference is shown by name, so "Partner-ID" is "Partner"."""
    if column.kind is Kind.REFERENCE:
        return column.header.removesuffix("-ID")
    return column.header


def _delta(sheet: Sheet, row: StoredRow, fields: tuple[FieldChange, ...] = ()) -> RecordDelta:
    label = " ".join(str(row.get(sheet.label_field) or "").split())
    return RecordDelta(str(row["id"]), label, fields)


def _sorted(deltas: list[RecordDelta]) -> tuple[RecordDelta, ...]:
    return tuple(sorted(deltas, key=lambda delta: (delta.label.casefold(), delta.id)))
