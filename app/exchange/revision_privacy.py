"""The privacy scan of plan revisions: every record inside a revision, as if it were exported.

A revision keeps texts the plan may no longer hold (a name removed after an earlier scan),
and its JSON parts are not scanned as text (UUIDs look like numbers), so the records inside
are scanned one by one and each finding names the revision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from app.exchange.metadata import Record
from app.exchange.privacy import PrivacyFinding, scan_records
from app.exchange.revision_document import decode, snapshot_schema
from app.exchange.schema import PackageSchema


def scan_revisions(
    schema: PackageSchema,
    records: Mapping[str, Sequence[Record]],
    organisation_domains: frozenset[str],
) -> list[PrivacyFinding]:
    revisions = schema.sheet("plan_revision")
    parts = schema.sheet("plan_revision_part")
    names = {row[0]: str(row[revisions.fields.index("name")]) for row in records["plan_revision"]}
    content: dict[object, list[tuple[int, str]]] = {}
    for row in records["plan_revision_part"]:
        revision_id = row[parts.fields.index("revision_id")]
        content.setdefault(revision_id, []).append(
            (int(str(row[parts.fields.index("position")])), str(row[parts.fields.index("content")]))
        )
    inner = snapshot_schema()
    findings: list[PrivacyFinding] = []
    for revision_id, pieces in content.items():
        try:
            document = decode("".join(text for _, text in sorted(pieces)))
        except (ValueError, KeyError, TypeError):
            continue  # not ours to judge here: the reader of the package refuses it
        rows = {
            sheet.table: [
                tuple(row.get(field) for field in sheet.fields)
                for row in document.rows(sheet.table)
            ]
            for sheet in inner.sheets
        }
        name = names.get(revision_id, "")
        findings += [
            replace(finding, place=f"Planversie '{name}', {finding.place}")
            for finding in scan_records(inner, rows, organisation_domains)
        ]
    return findings
