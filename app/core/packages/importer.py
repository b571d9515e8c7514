"""Import a package into a workspace: preview what changes, then apply it in one transaction.

The import works on one gemeente's records, keyed by UUID: the package is that gemeente's
complete state, so a record missing from it is a removal, shown in the preview and applied
only when allowed. The RSIV merge builds on `diff_package`/`apply_diff` per gemeente.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.exchange.metadata import PackageMetadata, Record
from app.exchange.privacy import confirmed_addresses, import_problem, scan_records
from app.exchange.problems import PackageRefusedError, Problem, error, warning
from app.exchange.progress import CancelCheck, Progress, ProgressCallback
from app.exchange.reader import ReadPackage, read_package
from app.exchange.records import (
    delete_records,
    ids_of_other_municipalities,
    insert_records,
    read_records,
    update_records,
)
from app.exchange.revision_privacy import scan_revisions
from app.exchange.schema import Kind, Sheet
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace, backup_workspace
from database.dialect import RawConnection, integrity_errors, raw_connection
from database.enums import WorkspaceRole
from database.models import Municipality, WorkspaceInfo

Key = object  # the UUID, or a tuple of UUIDs for a link table
# A gemeente keeps its single incidents; the counts in its package are for the RSIV, so its
# own import leaves them out (they are made from the incidents at every export).
RSIV_ONLY = frozenset({"incident_count"})


@dataclass(frozen=True)
class RecordChange:
    key: Key
    label: str  # a few words that name the record for a person
    row: int | None  # the Excel row in the package (None for a removal)


class _AllAdded(Sequence[RecordChange]):
    """Every record of a sheet as an addition, each made when asked for.

    A new gemeente's package adds all its records: a change object per record, held until
    the import ends, made the cycle collector walk the whole heap (50 ms for a large
    package). Counting them needs none.
    """

    def __init__(self, sheet: Sheet, records: Sequence[Record], rows: Sequence[int]) -> None:
        self._sheet = sheet
        self._records = records
        self._rows = rows
        self._key_of = itemgetter(*[sheet.fields.index(name) for name in sheet.key_fields])

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> RecordChange: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[RecordChange]: ...

    def __getitem__(self, index: int | slice) -> RecordChange | Sequence[RecordChange]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        record = self._records[index]
        return RecordChange(
            self._key_of(record), self._sheet.record_label(record), self._rows[index]
        )


@dataclass(frozen=True)
class KindDiff:
    """What the import changes for one record kind (one sheet)."""

    sheet: Sheet
    added: Sequence[RecordChange]
    changed: tuple[RecordChange, ...]
    removed: tuple[RecordChange, ...]
    unchanged: int
    rows_to_insert: tuple[Record, ...]
    rows_to_update: tuple[Record, ...]

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass(frozen=True)
class ImportPreview:
    package: ReadPackage
    municipality_id: str
    kinds: tuple[KindDiff, ...]
    problems: tuple[Problem, ...]
    stored: dict[str, list[Record]]  # the workspace's records the diff was made against
    # The privacy scan's findings the user must see and accept (also among `problems`).
    privacy_warnings: tuple[Problem, ...] = ()

    @property
    def removal_count(self) -> int:
        return sum(len(kind.removed) for kind in self.kinds)

    @property
    def change_count(self) -> int:
        return sum(len(k.added) + len(k.changed) + len(k.removed) for k in self.kinds)


class RemovalsNotAllowedError(UserError):
    """The package removes records and the user has not agreed to that yet."""

    def __init__(self, preview: ImportPreview) -> None:
        self.preview = preview
        lines = [
            f"{kind.sheet.name}: {change.label}"
            for kind in preview.kinds
            for change in kind.removed
        ]
        shown = lines[:20] + ([f"... en nog {len(lines) - 20}"] if len(lines) > 20 else [])
        super().__init__(
            f"Dit pakket verwijdert {len(lines)} rij(en) uit de werkruimte. Er is niets "
            "gewijzigd. Bekijk de lijst en bevestig het verwijderen om het pakket in te "
            "lezen:\n" + "\n".join(shown)
        )


def preview_import(
    workspace: Workspace,
    path: Path,
    *,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ImportPreview:
    """Read and check `path` and show what would change; the workspace is not touched."""
    package = read_package(path, on_progress=on_progress, is_cancelled=is_cancelled)
    if package.errors:
        raise PackageRefusedError(package.problems)
    with workspace.reading() as session:
        municipality_id, problems = _check_target(session, workspace, package)
    return preview_package(workspace, package, municipality_id, problems, skip=RSIV_ONLY)


def preview_package(
    workspace: Workspace,
    package: ReadPackage,
    municipality_id: str,
    problems: list[Problem] | None = None,
    *,
    edited_at: datetime | None = None,
    skip: frozenset[str] = frozenset(),
) -> ImportPreview:
    """The diff of a read package against one gemeente's records in `workspace`.

    Shared by the gemeente import and the RSIV merge (which calls it per gemeente); refuses
    a package whose IDs belong to another gemeente's records. Record kinds in `skip` are
    left as they are.
    """
    privacy = privacy_problems(package)
    problems = [*(problems or []), *privacy]
    with workspace.reading() as session:
        connection = raw_connection(session)
        problems += _foreign_ids(connection, package, municipality_id)
        if any(problem.is_error for problem in problems):
            raise PackageRefusedError([*package.problems, *problems])
        stored = read_records(connection, package.schema, municipality_id)
    kinds = diff_package(package, stored, edited_at=edited_at, skip=skip)
    return ImportPreview(
        package,
        municipality_id,
        kinds,
        (*package.problems, *problems),
        stored,
        tuple(problem for problem in privacy if not problem.is_error),
    )


def privacy_problems(package: ReadPackage) -> list[Problem]:
    """The privacy scan of an incoming package, before anything is accepted.

    A BSN, a revision whose content cannot be checked, or a name in a hotshot or hotgroup row
    refuses the package; other findings are warnings the user sees in the preview.
    """
    records = {table: result.records for table, result in package.sheets.items()}
    partners = package.schema.sheet("partner")
    email = partners.fields.index("contact_email")
    addresses = confirmed_addresses([str(row[email]) for row in records.get("partner", ())])
    findings = [
        *scan_records(package.schema, records, addresses),
        *scan_revisions(package.schema, records, addresses),
    ]
    return [import_problem(finding, "het pakket") for finding in findings]


def import_package(
    workspace: Workspace,
    path: Path,
    *,
    allow_removals: bool = False,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ImportPreview:
    """Preview and apply in one go (the command line); screens call the two steps."""
    preview = preview_import(workspace, path, on_progress=on_progress, is_cancelled=is_cancelled)
    apply_import(workspace, preview, allow_removals=allow_removals, is_cancelled=is_cancelled)
    return preview


def apply_import(
    workspace: Workspace,
    preview: ImportPreview,
    *,
    allow_removals: bool = False,
    is_cancelled: CancelCheck | None = None,
) -> None:
    """Store a previewed package: all or nothing, after a backup of the workspace file."""
    if preview.removal_count and not allow_removals:
        raise RemovalsNotAllowedError(preview)
    if preview.change_count and workspace.path is not None:
        backup_workspace(workspace.path, reason="voor-pakket")
    package = preview.package
    progress = Progress(preview.change_count, is_cancelled=is_cancelled)
    try:
        with workspace.transaction() as session:
            connection = raw_connection(session)
            store_preview(connection, preview, progress)
            info = session.scalars(select(WorkspaceInfo)).one()
            info.package_sequence = max(info.package_sequence, package.metadata.sequence)
    except integrity_errors() as problem:
        raise UserError(
            "Het pakket kon niet worden opgeslagen: het botst met gegevens die al in de "
            "werkruimte staan. De werkruimte is niet gewijzigd; meld dit met het pakket bij de "
            "functioneel beheerder."
        ) from problem


def store_preview(connection: RawConnection, preview: ImportPreview, progress: Progress) -> None:
    """Apply a preview inside the caller's transaction, if the records are still as previewed."""
    stored = read_records(connection, preview.package.schema, preview.municipality_id)
    if stored != preview.stored:
        raise UserError(
            "De werkruimte is gewijzigd sinds het overzicht werd gemaakt. Lees het pakket "
            "opnieuw in om het actuele overzicht te zien; er is niets gewijzigd."
        )
    apply_diff(connection, preview.kinds, preview.municipality_id, progress)


def diff_package(
    package: ReadPackage,
    stored: dict[str, list[Record]],
    *,
    edited_at: datetime | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[KindDiff, ...]:
    """Added, changed and removed records per kind between stored records and the package.

    A record whose data changed while its update moment did not gets `edited_at` (default:
    now) as its new update moment; the RSIV merge passes the package's export moment, so the
    merged result does not depend on when it was merged.
    """
    now = (edited_at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return tuple(
        _diff_sheet(sheet, package, stored[sheet.table], now)
        for sheet in package.schema.sheets
        # An older format version does not carry every kind: what it lacks stays as it is.
        if sheet.table not in skip and sheet.table in package.sheets
    )


def apply_diff(
    connection: RawConnection,
    kinds: tuple[KindDiff, ...],
    municipality_id: str,
    progress: Progress,
) -> None:
    """Removals first (children before parents), then additions and changes (parents first)."""
    ordered = dependency_order(kinds)
    for kind in reversed(ordered):
        delete_records(
            connection,
            kind.sheet,
            [c.key if isinstance(c.key, tuple) else (c.key,) for c in kind.removed],
        )
        progress.advance(len(kind.removed))
    for kind in ordered:
        insert_records(connection, kind.sheet, municipality_id, kind.rows_to_insert)
        progress.advance(len(kind.added))
    for kind in ordered:
        update_records(connection, kind.sheet, kind.rows_to_update)
        progress.advance(len(kind.changed))


def dependency_order(kinds: tuple[KindDiff, ...]) -> list[KindDiff]:
    """Kinds so that every record kind comes after the kinds its references point to."""
    remaining = list(kinds)
    placed: set[str] = set()
    ordered: list[KindDiff] = []
    while remaining:
        ready = [
            kind
            for kind in remaining
            if all(
                column.references in placed or column.references == kind.sheet.table
                for column in kind.sheet.columns
                if column.references
            )
        ]
        if not ready:
            raise AssertionError("the package schema has a reference cycle")
        for kind in ready:
            ordered.append(kind)
            placed.add(kind.sheet.table)
            remaining.remove(kind)
    return ordered


def _diff_sheet(sheet: Sheet, package: ReadPackage, stored: list[Record], now: str) -> KindDiff:
    result = package.sheets[sheet.table]
    key_positions = [sheet.fields.index(name) for name in sheet.key_fields]
    stamp_positions = [p for p, c in enumerate(sheet.columns) if c.kind is Kind.TIMESTAMP]
    updated_position = sheet.fields.index("updated_at") if stamp_positions else None
    data_positions = [p for p in range(len(sheet.columns)) if p not in stamp_positions]

    key_of = itemgetter(*key_positions)

    stored_by_key = {key_of(record): record for record in stored}
    if not stored_by_key:  # a new workspace: everything is added
        return KindDiff(
            sheet,
            _AllAdded(sheet, result.records, result.row_numbers),
            (),
            (),
            0,
            tuple(result.records),
            (),
        )
    added: list[RecordChange] = []
    changed: list[RecordChange] = []
    inserts: list[Record] = []
    updates: list[Record] = []
    seen: set[Key] = set()
    for record, row in zip(result.records, result.row_numbers, strict=True):
        key = key_of(record)
        seen.add(key)
        old = stored_by_key.get(key)
        if old is None:
            added.append(RecordChange(key, sheet.record_label(record), row))
            inserts.append(record)
            continue
        if old == record:
            continue
        data_changed = any(old[p] != record[p] for p in data_positions)
        if (
            data_changed
            and updated_position is not None
            and (old[updated_position] == record[updated_position])
        ):
            # Edited by hand in the file: the protected timestamp still says the old moment.
            record = (*record[:updated_position], now, *record[updated_position + 1 :])
        changed.append(RecordChange(key, sheet.record_label(record), row))
        updates.append(record)
    removed = [
        RecordChange(key, sheet.record_label(record), None)
        for key, record in stored_by_key.items()
        if key not in seen
    ]
    unchanged = len(result.records) - len(added) - len(changed)
    return KindDiff(
        sheet,
        tuple(added),
        tuple(changed),
        tuple(removed),
        unchanged,
        tuple(inserts),
        tuple(updates),
    )


def _check_target(
    session: Session, workspace: Workspace, package: ReadPackage
) -> tuple[str, list[Problem]]:
    summary = workspace.summary
    metadata = package.metadata
    if summary.role is not WorkspaceRole.MUNICIPALITY:
        raise PackageRefusedError(
            [
                error(
                    "Deze werkruimte is een RSIV-werkruimte: daarin worden pakketten van "
                    "gemeenten samengevoegd, niet ingelezen. Gebruik Bestand > Pakketten "
                    "importeren (of 'import' met de RSIV-werkruimte)."
                )
            ]
        )
    if summary.municipality_code != metadata.municipality_code:
        raise PackageRefusedError(
            [
                error(
                    f"Dit pakket is van {metadata.municipality_name} "
                    f"({metadata.municipality_code}); "
                    f"deze werkruimte is van {summary.municipality_name} "
                    f"({summary.municipality_code}). Open de werkruimte van "
                    f"{metadata.municipality_name} of maak er een nieuwe voor.",
                    sheet="Metadata",
                    value=metadata.municipality_code,
                )
            ]
        )
    reason = demo_refusal(metadata, summary.is_demo)
    if reason is not None:
        raise PackageRefusedError([error(reason, sheet="Metadata")])
    info = session.scalars(select(WorkspaceInfo)).one()
    municipality = session.get(Municipality, info.municipality_id)
    problems: list[Problem] = []
    if metadata.workspace_id == info.id and metadata.sequence < info.package_sequence:
        problems.append(
            warning(
                f"Dit pakket heeft volgnummer {metadata.sequence}; deze werkruimte heeft al "
                f"pakket {info.package_sequence} gemaakt. U leest dus een ouder pakket in: "
                "controleer de wijzigingen goed."
            )
        )
    assert municipality is not None  # a gemeente workspace always has its gemeente
    return municipality.id, problems


def demo_refusal(metadata: PackageMetadata, workspace_is_demo: bool) -> str | None:
    """Why a demo package may not enter a real workspace, or a real one a demo workspace."""
    if metadata.is_demo and not workspace_is_demo:
        return (
            f"Dit pakket van {metadata.municipality_name} komt uit een demowerkruimte en bevat "
            "verzonnen gegevens; deze werkruimte is echt en neemt geen demogegevens op. Er is "
            "niets gewijzigd. Lees het in een demowerkruimte in, of vraag om een pakket uit de "
            "echte werkruimte."
        )
    if workspace_is_demo and not metadata.is_demo:
        return (
            f"Dit pakket van {metadata.municipality_name} komt uit een echte werkruimte; deze "
            "werkruimte is een demowerkruimte, waarin echte gegevens niet thuishoren. Er is "
            "niets gewijzigd. Lees het pakket in de echte werkruimte in."
        )
    return None


def _foreign_ids(
    connection: RawConnection, package: ReadPackage, municipality_id: str
) -> list[Problem]:
    problems: list[Problem] = []
    for sheet in package.schema.sheets:
        if not sheet.keyed_by_id or sheet.table not in package.sheets:
            continue
        result = package.sheets[sheet.table]
        taken = ids_of_other_municipalities(
            connection,
            sheet.table,
            municipality_id,
            # A refused ID is None, which matches no stored ID anyway.
            (record[0] for record in result.records if isinstance(record[0], str)),
        )
        for record, row in zip(result.records, result.row_numbers, strict=True):
            if record[0] in taken:
                problems.append(
                    error(
                        "Deze ID hoort in de werkruimte bij een andere gemeente. Maak de cel leeg "
                        "(dan wordt het een nieuwe rij) of zet de oorspronkelijke ID terug.",
                        sheet=sheet.name,
                        cell=f"{sheet.name}!A{row}",
                        column="ID",
                        value=str(record[0]),
                    )
                )
    return problems
