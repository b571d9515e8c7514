"""The RSIV workspace's import history and the provenance of merged records.

Every package offered to the RSIV workspace gets a row in `imported_package`, merged or
refused. A merged package's row is written in the merge's own transaction; a refusal's row in
a small transaction of its own, after nothing else was written, so a refused package leaves
every other table byte for byte as it was. A gemeente's current package is the merged row with
the highest sequence number from its current workspace: the one no accepted handover
(`handover_from` of a merged row) has replaced.

Provenance per record is stored as a default plus exceptions: a record came from its
gemeente's first merged package unless `merged_record` names a later package that added or
changed it. The first merge of a gemeente (all of its records) thus writes no provenance rows,
and later merges write as many as they change, which keeps merging fast and the dump small.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.packages.importer import KindDiff
from app.exchange.metadata import PackageMetadata
from app.exchange.records import LINK_OWNER
from app.exchange.schema import Sheet
from app.exchange.versions import CURRENT
from app.kernel.workspace import Workspace
from database.dialect import RawConnection, raw_connection
from database.enums import PackageOutcome
from database.models import ImportedPackage, MergedRecord

# Fixed, so the same offer gets the same history id in every RSIV workspace.
_HISTORY_NAMESPACE = uuid.UUID("3c0e2a59-8f0d-4b63-9f4e-6a1d2b7c5e41")


@dataclass(frozen=True)
class PackageEntry:
    """One row of the import history, as a screen shows it."""

    id: str
    export_id: str | None
    municipality_code: str
    municipality_name: str
    source_workspace_id: str
    sequence: int | None
    exported_at: str
    imported_at: datetime
    file_name: str
    app_version: str
    outcome: PackageOutcome
    reason: str
    added: int
    changed: int
    removed: int
    handover_from: str = ""  # the gemeente's old workspace, when this package took over
    handover_by: str = ""  # who accepted that handover (login name)


@dataclass(frozen=True)
class Offer:
    """What is known about an offered file when it is recorded: its metadata, if readable."""

    path: Path
    metadata: PackageMetadata | None
    municipality_id: str | None


def import_history(workspace: Workspace) -> list[PackageEntry]:
    """Every package offered to the workspace, oldest first."""
    with workspace.reading() as session:
        rows = session.scalars(
            select(ImportedPackage).order_by(ImportedPackage.imported_at, ImportedPackage.id)
        )
        return [_entry(row) for row in rows]


def current_packages(workspace: Workspace) -> dict[str, PackageEntry]:
    """Per gemeente (CBS code) the merged package its records now come from."""
    with workspace.reading() as session:
        rows = session.scalars(
            select(ImportedPackage).where(ImportedPackage.outcome == PackageOutcome.MERGED)
        )
        merged: dict[str, list[PackageEntry]] = {}
        for entry in map(_entry, rows):
            merged.setdefault(entry.municipality_code, []).append(entry)
        return {code: _current(entries) for code, entries in merged.items()}


def current_package(session: Session, municipality_id: str) -> PackageEntry | None:
    entries = _merged_entries(session, municipality_id)
    return _current(entries) if entries else None


def handover_of(session: Session, municipality_id: str, workspace_id: str) -> PackageEntry | None:
    """The merged package whose handover replaced `workspace_id`, if that workspace is old."""
    return next(
        (
            entry
            for entry in _merged_entries(session, municipality_id)
            if entry.handover_from == workspace_id
        ),
        None,
    )


def _merged_entries(session: Session, municipality_id: str) -> list[PackageEntry]:
    rows = session.scalars(
        select(ImportedPackage).where(
            ImportedPackage.municipality_id == municipality_id,
            ImportedPackage.outcome == PackageOutcome.MERGED,
        )
    )
    return [_entry(row) for row in rows]


def _current(entries: list[PackageEntry]) -> PackageEntry:
    """The newest package of the one workspace no handover replaced.

    Sequence numbers only compare within one workspace, so a new workspace's packages count
    from the handover on, whatever number its first package has.
    """
    replaced = {entry.handover_from for entry in entries if entry.handover_from}
    live = [entry for entry in entries if entry.source_workspace_id not in replaced] or entries
    return max(live, key=lambda entry: (entry.sequence or 0, entry.imported_at))


def merged_with_export_id(session: Session, export_id: str) -> PackageEntry | None:
    row = session.scalars(
        select(ImportedPackage).where(
            ImportedPackage.export_id == export_id,
            ImportedPackage.outcome == PackageOutcome.MERGED,
        )
    ).first()
    return None if row is None else _entry(row)


def source_of(workspace: Workspace, table: str, key: str | tuple[str, ...]) -> PackageEntry | None:
    """The package that last added or changed a merged record (a link's key as a tuple).

    None when the workspace holds no such record.
    """
    sheet = CURRENT.sheet(table)
    keys = key if isinstance(key, tuple) else (key,)
    with workspace.reading() as session:
        row = session.scalars(
            select(ImportedPackage)
            .join(MergedRecord, MergedRecord.package_id == ImportedPackage.id)
            .where(MergedRecord.table_name == table, MergedRecord.record_key == _record_key(key))
        ).first()
        if row is not None:
            return _entry(row)
        connection = raw_connection(session)
        owner = connection.execute(owner_query(sheet), keys).fetchone()
        if owner is None:
            return None
        first = session.scalars(
            select(ImportedPackage)
            .where(
                ImportedPackage.municipality_id == owner[0],
                ImportedPackage.outcome == PackageOutcome.MERGED,
            )
            .order_by(ImportedPackage.sequence)
            .limit(1)
        ).first()
        return None if first is None else _entry(first)


def owner_query(sheet: Sheet) -> str:
    """SQL for the gemeente of one record of `sheet`, given its key fields as parameters."""
    condition = " AND ".join(f"record.{field} = ?" for field in sheet.key_fields)
    if sheet.table in LINK_OWNER:
        owner, field = LINK_OWNER[sheet.table]
        return (
            f"SELECT owner.municipality_id FROM {sheet.table} record JOIN {owner} owner "
            f"ON owner.id = record.{field} WHERE {condition}"
        )
    return f"SELECT record.municipality_id FROM {sheet.table} record WHERE {condition}"


def add_entry(
    session: Session,
    offer: Offer,
    outcome: PackageOutcome,
    *,
    reason: str = "",
    counts: tuple[int, int, int] = (0, 0, 0),
    handover_from: str = "",
    handover_by: str = "",
) -> PackageEntry:
    """Write one history row in the caller's transaction; a handover names the workspace it
    replaces and who accepted it."""
    metadata = offer.metadata
    key = metadata.export_id if metadata else f"bestand:{_file_hash(offer.path)}"
    number = 0  # how often this package was offered before
    while session.get(ImportedPackage, _history_id(key, number)) is not None:
        number += 1
    row = ImportedPackage(
        id=_history_id(key, number),
        export_id=metadata.export_id if metadata else None,
        municipality_id=offer.municipality_id,
        municipality_code=metadata.municipality_code if metadata else "",
        municipality_name=metadata.municipality_name if metadata else "",
        source_workspace_id=metadata.workspace_id if metadata else "",
        sequence=metadata.sequence if metadata else None,
        exported_at=metadata.exported_at if metadata else "",
        imported_at=datetime.now(UTC),
        file_name=offer.path.name,
        app_version=metadata.app_version if metadata else "",
        content_hash=metadata.content_hash if metadata else "",
        outcome=outcome,
        reason=reason,
        added=counts[0],
        changed=counts[1],
        removed=counts[2],
        handover_from=handover_from,
        handover_by=handover_by,
    )
    session.add(row)
    session.flush()
    return _entry(row)


def record_sources(connection: RawConnection, kinds: Sequence[KindDiff], package_id: str) -> None:
    """Point every added or changed record at `package_id`; forget removed ones.

    Only for a gemeente's later packages: its first one is every record's default source.
    """
    for kind in kinds:
        table = kind.sheet.table
        connection.executemany(
            "DELETE FROM merged_record WHERE table_name = ? AND record_key = ?",
            [(table, _record_key(change.key)) for change in kind.removed],
        )
        connection.executemany(
            "INSERT INTO merged_record (table_name, record_key, package_id) VALUES (?, ?, ?) "
            "ON CONFLICT (table_name, record_key) DO UPDATE SET package_id = excluded.package_id",
            [
                (table, _record_key(change.key), package_id)
                for change in (*kind.added, *kind.changed)
            ],
        )


def _history_id(key: str, number: int) -> str:
    return str(uuid.uuid5(_HISTORY_NAMESPACE, f"{key}#{number}"))


def _record_key(key: object) -> str:
    return "/".join(map(str, key)) if isinstance(key, tuple) else str(key)


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return f"onleesbaar:{path.name}"


def _entry(row: ImportedPackage) -> PackageEntry:
    return PackageEntry(
        id=row.id,
        export_id=row.export_id,
        municipality_code=row.municipality_code,
        municipality_name=row.municipality_name,
        source_workspace_id=row.source_workspace_id,
        sequence=row.sequence,
        exported_at=row.exported_at,
        imported_at=row.imported_at,
        file_name=row.file_name,
        app_version=row.app_version,
        outcome=row.outcome,
        reason=row.reason,
        added=row.added,
        changed=row.changed,
        removed=row.removed,
        handover_from=row.handover_from,
        handover_by=row.handover_by,
    )
