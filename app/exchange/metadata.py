"""The hidden metadata sheet: what the package is, where it comes from, and a content hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from operator import itemgetter
from typing import Any

from app.exchange.schema import PackageSchema, Sheet
from app.kernel.moments import file_moment

METADATA_SHEET = "Metadata"

Record = tuple[object, ...]


@dataclass(frozen=True)
class PackageMetadata:
    format_id: str
    format_version: int
    municipality_code: str
    municipality_name: str
    workspace_id: str
    sequence: int
    export_id: str
    exported_at: str  # ISO 8601, UTC; in the file as Dutch time (see file_moment)
    app_version: str
    content_hash: str
    # Written by a demo workspace: made-up data, which a real workspace never takes in (and
    # the other way round). Packages older than this mark have no such row: not demo.
    is_demo: bool = False
    # Written by a contributor's workspace (a bijdrager such as Leiden, not a participant): the
    # RSIV merges it into the good-practice list, never into the region's figures.
    is_contributor: bool = False


@dataclass(frozen=True)
class FeedbackMetadata:
    """The return package's identity: like a plan package's, without a sequence number."""

    format_id: str
    format_version: int
    municipality_code: str
    municipality_name: str
    workspace_id: str  # the RSIV workspace that wrote it
    export_id: str
    exported_at: str  # ISO 8601, UTC
    app_version: str
    content_hash: str


# The Dutch key in column A of the metadata sheet, per field.
METADATA_KEYS: dict[str, str] = {
    "format_id": "Formaat",
    "format_version": "Formaatversie",
    "municipality_code": "Gemeentecode",
    "municipality_name": "Gemeente",
    "workspace_id": "Werkruimte-ID",
    "sequence": "Volgnummer",
    "export_id": "Export-ID",
    "exported_at": "Geëxporteerd op",
    "app_version": "Programmaversie",
    "content_hash": "Inhoudshash (SHA-256)",
    "is_demo": "Demo",
    "is_contributor": "Bijdrager",
}
OPTIONAL_METADATA = frozenset({"is_demo", "is_contributor"})
# Keys of files written before this version, read as the current key.
FORMER_METADATA_KEYS: dict[str, str] = {"Geëxporteerd op (UTC)": METADATA_KEYS["exported_at"]}


# The last row: a SHA-256 over the rows above it. A reader refuses metadata that does not
# match it, so a hand-edited Volgnummer, origin or export moment is never believed.
METADATA_CHECK_KEY = "Controlegetal (SHA-256)"


def metadata_rows(metadata: PackageMetadata | FeedbackMetadata) -> list[tuple[str, str]]:
    """Key/value rows and the check row; every value as text so no spreadsheet reinterprets it."""
    values = {f.name: _text(f.name, getattr(metadata, f.name)).strip() for f in fields(metadata)}
    rows = [(METADATA_KEYS[name], value) for name, value in values.items()]
    return [*rows, (METADATA_CHECK_KEY, metadata_check(values))]


def _text(name: str, value: object) -> str:
    if name == "exported_at":  # a person may open the sheet: Dutch time, read back exactly
        return file_moment(datetime.fromisoformat(str(value)))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def metadata_check(values: Mapping[str, str]) -> str:
    """The check value over the metadata as text, by field name in the dataclass's order."""
    payload = json.dumps(list(values.items()), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def content_hash(schema: PackageSchema, records: Mapping[str, Sequence[Record]]) -> str:
    """SHA-256 over every record in stored form, ordered by key so row order does not count.

    The importer recomputes it: a different hash means the file was edited after export.
    """
    digest = hashlib.sha256()
    for sheet in schema.sheets:
        if sheet.optional and not records.get(sheet.table):
            continue  # so a package made before the sheet existed keeps its hash
        rows = sorted(records.get(sheet.table, ()), key=_key_text(sheet))
        digest.update(sheet.table.encode())
        digest.update(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode())
    return digest.hexdigest()


def _key_text(sheet: Sheet) -> Callable[[Record], Any]:
    """A record's key as text for sorting: a one-field key by its text alone (which sorts as
    its 1-tuple does), without a generator per record."""
    positions = [sheet.fields.index(name) for name in sheet.key_fields]
    if not positions:  # no key: every record sorts alike, so the order stays as read
        return lambda _row: ()
    if len(positions) == 1:
        position = positions[0]
        return lambda row: str(row[position])
    key = itemgetter(*positions)
    return lambda row: tuple(map(str, key(row)))
