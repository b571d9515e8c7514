"""The privacy scan of plan revisions: every record inside a revision, as if it were exported.

A revision keeps texts the plan may no longer hold (a name removed after an earlier scan),
and its JSON parts are not scanned as text (UUIDs look like numbers), so the records inside
are scanned one by one with the scanner of app.exchange.privacy and each finding names the
revision. Content that is not a revision document as this app writes it (does not decode, or
has fields or tables a revision does not have) cannot be checked: it is refused on import
(`revision_problem`) and is a blocking finding on export.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace

from app.exchange.metadata import Record
from app.exchange.privacy import RULE, UNREADABLE, PrivacyFinding, scan_records
from app.exchange.revision_document import (
    DOCUMENT_FORMAT,
    LEFT_OUT,
    PlanDocument,
    decode,
    snapshot_schema,
)
from app.exchange.schema import PackageSchema

_VALUE_TYPES = (str, int, float, bool, type(None))


def revision_contents(
    schema: PackageSchema, records: Mapping[str, Sequence[Record]]
) -> dict[str, str]:
    """Each revision's document text by revision id, its parts joined in order."""
    parts = schema.sheet("plan_revision_part")
    revision, position, content = (
        parts.fields.index(name) for name in ("revision_id", "position", "content")
    )
    pieces: dict[str, list[tuple[int, str]]] = {}
    for row in records.get("plan_revision_part", ()):
        pieces.setdefault(str(row[revision]), []).append(
            (int(str(row[position])), str(row[content]))
        )
    return {key: "".join(text for _, text in sorted(found)) for key, found in pieces.items()}


def revision_problem(text: str) -> str | None:
    """Why `text` is not a revision document this app can check (Dutch), or None."""
    try:
        raw = json.loads(text)
    except ValueError:
        return "de inhoud is geen leesbaar document (onvolledig of met de hand gewijzigd)"
    if not isinstance(raw, dict) or raw.get("format") != DOCUMENT_FORMAT:
        return "de inhoud heeft een onbekende opbouw"
    if set(raw) != {"format", "tables"} or not isinstance(raw["tables"], dict):
        extra = ", ".join(sorted(set(raw) - {"format", "tables"})) or "tables"
        return f"de inhoud heeft onderdelen die een planversie niet heeft ({extra})"
    inner = {sheet.table: sheet for sheet in snapshot_schema().sheets}
    for table, body in raw["tables"].items():
        if table not in inner:
            return f"de inhoud heeft een tabel die een planversie niet heeft ({table})"
        if not isinstance(body, dict) or set(body) != {"fields", "rows"}:
            return f"de tabel {table} in de inhoud is niet leesbaar"
        allowed = set(inner[table].fields) - LEFT_OUT
        extra_fields = sorted(set(map(str, body["fields"])) - allowed)
        if extra_fields:
            return (
                f"de tabel {table} in de inhoud heeft velden die een planversie niet heeft "
                f"({', '.join(extra_fields)})"
            )
        for row in body["rows"]:
            if not isinstance(row, list) or len(row) != len(body["fields"]):
                return f"een rij in de tabel {table} van de inhoud past niet bij de velden"
            if not all(isinstance(value, _VALUE_TYPES) for value in row):
                return f"een rij in de tabel {table} van de inhoud heeft een ongeldige waarde"
    return None


def document_records(document: PlanDocument) -> dict[str, list[Record]]:
    """The document's rows as package records of the snapshot schema."""
    return {
        sheet.table: [
            tuple(row.get(field) for field in sheet.fields) for row in document.rows(sheet.table)
        ]
        for sheet in snapshot_schema().sheets
    }


def scan_revisions(
    schema: PackageSchema,
    records: Mapping[str, Sequence[Record]],
    confirmed_addresses: frozenset[str],
) -> list[PrivacyFinding]:
    revisions = schema.sheet("plan_revision")
    name_position = revisions.fields.index("name")
    names = {str(row[0]): str(row[name_position]) for row in records.get("plan_revision", ())}
    inner = snapshot_schema()
    findings: list[PrivacyFinding] = []
    for revision_id, text in revision_contents(schema, records).items():
        revision = f"planversie '{names.get(revision_id, revision_id)}'"
        problem = revision_problem(text)
        if problem is not None:
            rule = RULE[UNREADABLE]
            findings.append(
                PrivacyFinding(
                    rule.what,
                    "",
                    "",
                    "Inhoud",
                    True,
                    revision,
                    problem,
                    "plan_revision",
                    revision_id,
                    "content",
                    revision_id,
                    rule.key,
                )
            )
            continue
        rows = document_records(decode(text))
        findings += [
            replace(
                finding,
                place="",
                record=f"{revision}: {finding.record}",
                revision_id=revision_id,
            )
            for finding in scan_records(inner, rows, confirmed_addresses)
        ]
    return findings
