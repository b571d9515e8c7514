"""Every package format version this app reads, and the one it writes.

Gemeenten update at different times, so a version once released stays readable for good:
each version keeps its own schema here, and the reader turns it into the current records.
"""

from __future__ import annotations

from app.exchange.incident_counts import incident_count_records
from app.exchange.metadata import Record
from app.exchange.schema import V1, V2, V3, PackageSchema

CURRENT = V3

READABLE: dict[int, PackageSchema] = {1: V1, 2: V2, 3: V3}


def upgrade_records(
    version: int, records: dict[str, list[Record]], municipality_code: str
) -> dict[str, list[Record]]:
    """A read package's records in the current schema.

    Version 1 carried one row per incident; version 2 carries only their counts per month,
    buurt and hot-time cell, so an older package's incidents are counted on reading and the
    rows themselves (with their modus operandi) are dropped. Versions 1 and 2 did not carry the
    forms, the proposed measures and the cells left empty on purpose of version 3: those kinds
    stay absent, so reading an older package leaves them as they are instead of removing them.
    """
    if version == CURRENT.version or version == V2.version:
        return records
    incidents = V1.sheet("incident")
    wanted = [
        incidents.fields.index(name)
        for name in (
            "window_start",
            "window_end",
            "neighbourhood_code",
            "is_attempt",
            "created_at",
            "updated_at",
        )
    ]
    upgraded = {table: rows for table, rows in records.items() if table != "incident"}
    upgraded["incident_count"] = incident_count_records(
        (tuple(row[p] for p in wanted) for row in records.get("incident", ())), municipality_code
    )
    return upgraded
