"""What an import changes in a record, field by field, written the way a person reads it.

The preview of an import names the changed records; a screen expands each one into its
fields with the stored value and the value from the package (labels, not codes; dates as
dd-mm-jjjj; a reference as the label of the record it points to).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from typing import cast

from app.core.packages.importer import ImportPreview, KindDiff
from app.exchange.metadata import Record
from app.exchange.schema import NO, YES, Column, Kind, Sheet


@dataclass(frozen=True)
class FieldChange:
    column: str  # the Dutch header
    old: str
    new: str


def field_changes(preview: ImportPreview, kind: KindDiff) -> list[tuple[FieldChange, ...]]:
    """Per changed record of `kind`, in the order of `kind.changed`, the fields that differ."""
    sheet = kind.sheet
    key_of = itemgetter(*(sheet.fields.index(name) for name in sheet.key_fields))
    stored = {key_of(record): record for record in preview.stored[sheet.table]}
    labels = _reference_labels(preview, sheet)
    shown = [
        (position, column)
        for position, column in enumerate(sheet.columns)
        if column.kind is not Kind.TIMESTAMP
    ]
    result = []
    for change, new in zip(kind.changed, kind.rows_to_update, strict=True):
        old = stored[change.key]
        result.append(
            tuple(
                FieldChange(
                    column.header,
                    display_value(column, old[position], labels),
                    display_value(column, new[position], labels),
                )
                for position, column in shown
                if old[position] != new[position]
            )
        )
    return result


def display_value(column: Column, value: object, labels: dict[str, str]) -> str:
    """A stored value as the package shows it; `labels` names referenced records by ID."""
    if value is None or value == "":
        return ""
    kind = column.kind
    if kind is Kind.CHOICE and column.choices is not None:
        # A choice cell is stored as its enum value, which is text.
        return column.choices(cast(str, value)).label
    if kind is Kind.BOOLEAN:
        return YES if value else NO
    if kind in (Kind.DATE, Kind.MONTH):
        return date.fromisoformat(str(value)).strftime("%d-%m-%Y")
    if kind is Kind.DATETIME:
        return datetime.fromisoformat(str(value)).strftime("%d-%m-%Y %H:%M")
    if kind is Kind.REFERENCE:
        return labels.get(str(value), str(value))
    return str(value)


def _reference_labels(preview: ImportPreview, sheet: Sheet) -> dict[str, str]:
    """The label of every record a column of `sheet` may point to, stored or in the package."""
    labels: dict[str, str] = {}
    schema = preview.package.schema
    for table in {column.references for column in sheet.columns if column.references}:
        target = schema.sheet(table)
        if not target.keyed_by_id:
            continue
        records: list[Record] = [*preview.stored[table], *preview.package.records(table)]
        labels.update((str(record[0]), target.record_label(record)) for record in records)
    return labels
