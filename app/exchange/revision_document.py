"""A plan revision's content: the plan's records as exchanged, as one JSON document.

The document holds the plan, the hots (hotspots included), goals, measures with their links
to hots, and actions in stored form (the package's form), without the creation and update
moments, which change on every save and say nothing about the plan. Fields are named, so a
later app version with more columns still reads an older revision.

    {"format": 1, "tables": {"goal": {"fields": ["id", ...], "rows": [[...], ...]}, ...}}
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.exchange.metadata import Record
from app.exchange.records import read_records
from app.exchange.schema import REVISION_PART_LENGTH, PackageSchema
from app.exchange.versions import CURRENT
from database.dialect import RawConnection

DOCUMENT_FORMAT = 1
SNAPSHOT_TABLES = ("plan", "hot_item", "goal", "measure", "measure_hot_item", "action")
LEFT_OUT = frozenset({"created_at", "updated_at"})

StoredRow = dict[str, object]


@dataclass(frozen=True)
class PlanDocument:
    """Stored-form records by table, each a mapping from field to value."""

    tables: Mapping[str, Sequence[StoredRow]]

    def rows(self, table: str) -> Sequence[StoredRow]:
        return self.tables.get(table, ())


def snapshot_schema() -> PackageSchema:
    """The package's sheets for the tables a revision keeps."""
    return PackageSchema(CURRENT.version, tuple(CURRENT.sheet(t) for t in SNAPSHOT_TABLES))


def read_plan_document(connection: RawConnection, municipality_id: str) -> PlanDocument:
    """The gemeente's plan as it is now in the workspace."""
    schema = snapshot_schema()
    return document_from_records(schema, read_records(connection, schema, municipality_id))


def document_from_records(
    schema: PackageSchema, records: Mapping[str, Sequence[Record]]
) -> PlanDocument:
    tables: dict[str, list[StoredRow]] = {}
    for sheet in schema.sheets:
        kept = [(p, f) for p, f in enumerate(sheet.fields) if f not in LEFT_OUT]
        tables[sheet.table] = [
            {field: row[position] for position, field in kept}
            for row in records.get(sheet.table, ())
        ]
    return PlanDocument(tables)


def encode(document: PlanDocument) -> str:
    tables = {}
    for table, rows in document.tables.items():
        fields = sorted({field for row in rows for field in row})
        tables[table] = {
            "fields": fields,
            "rows": [[row.get(field) for field in fields] for row in rows],
        }
    return json.dumps(
        {"format": DOCUMENT_FORMAT, "tables": tables}, ensure_ascii=False, separators=(",", ":")
    )


def decode(text: str) -> PlanDocument:
    raw = json.loads(text)
    if raw.get("format") != DOCUMENT_FORMAT:
        raise ValueError(f"unknown revision document format {raw.get('format')!r}")
    return PlanDocument(
        {
            table: [dict(zip(body["fields"], row, strict=True)) for row in body["rows"]]
            for table, body in raw["tables"].items()
        }
    )


def split_parts(text: str) -> list[str]:
    """The document in pieces that each fit an Excel cell; at least one piece."""
    return [
        text[start : start + REVISION_PART_LENGTH]
        for start in range(0, max(len(text), 1), REVISION_PART_LENGTH)
    ]
