"""Export a gemeente workspace as a package: check, scan for private data, write, number.

The file appears at its destination only when it is complete and the workspace's package
sequence has been raised; a failure leaves neither a half file nor a used number.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import __version__
from app.exchange.cells import CellFixed, CellInvalid, parser_for
from app.exchange.incident_counts import incident_count_records, read_incident_rows
from app.exchange.limits import MAX_ROWS_PER_SHEET, MAX_SEQUENCE, dutch_number
from app.exchange.metadata import PackageMetadata, Record, content_hash
from app.exchange.privacy import REDACTED, PrivacyFinding, confirmed_addresses, scan_records
from app.exchange.progress import CancelCheck, Progress, ProgressCallback
from app.exchange.records import count_records, read_records
from app.exchange.revision_privacy import scan_revisions
from app.exchange.schema import EXCEL_TEXT_LIMIT, FORMAT_ID, Column, Kind, PackageSchema
from app.exchange.text import NEEDS_CLEANING
from app.exchange.versions import CURRENT
from app.exchange.writer import write_package
from app.kernel.errors import UserError
from app.kernel.files import written_file
from app.kernel.workspace import Workspace
from database.dialect import raw_connection
from database.enums import WorkspaceRole
from database.models import Municipality, PackageExport, WorkspaceInfo


class PrivacyFindingsError(UserError):
    """The scan found private data; `findings` lists each with its place."""

    def __init__(self, message: str, findings: list[PrivacyFinding]) -> None:
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    export_id: str
    record_count: int
    accepted_findings: tuple[PrivacyFinding, ...]


@dataclass(frozen=True)
class _Snapshot:
    records: dict[str, list[Record]]
    municipality_code: str
    municipality_name: str
    workspace_id: str
    next_sequence: int
    confirmed_addresses: frozenset[str]


def scan_privacy(workspace: Workspace) -> list[PrivacyFinding]:
    """What the export would find, for a screen to show before the user decides."""
    snapshot = _snapshot(workspace, CURRENT)
    return _scan(CURRENT, snapshot)


def export_package(
    workspace: Workspace,
    path: Path,
    *,
    accept_findings: bool = False,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Write the workspace's package to `path` (.xlsx) and raise the package sequence."""
    path = checked_destination(path, "Een pakket")
    schema = CURRENT
    snapshot = _snapshot(workspace, schema)
    _check_records(schema, snapshot.records)
    if snapshot.next_sequence > MAX_SEQUENCE:
        raise UserError(
            f"Deze werkruimte heeft al {snapshot.next_sequence - 1} pakketten gemaakt; een "
            f"volgnummer is hoogstens {dutch_number(MAX_SEQUENCE)}. Maak een nieuwe werkruimte "
            "voor de gemeente."
        )
    findings = _scan(schema, snapshot)
    assert workspace.path is not None  # a gemeente's workspace is always a file
    _refuse_findings(findings, accept_findings, workspace.path)
    metadata = PackageMetadata(
        format_id=FORMAT_ID,
        format_version=schema.version,
        municipality_code=snapshot.municipality_code,
        municipality_name=snapshot.municipality_name,
        workspace_id=snapshot.workspace_id,
        sequence=snapshot.next_sequence,
        export_id=str(uuid.uuid4()),
        exported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        app_version=__version__,
        content_hash=content_hash(schema, snapshot.records),
        is_demo=workspace.summary.is_demo,
        is_contributor=workspace.summary.is_contributor,
    )
    total = count_records(snapshot.records)
    progress = Progress(total, on_progress, is_cancelled)
    with written_file(path, "Het pakket") as temporary:
        write_package(temporary, schema, snapshot.records, metadata, progress)
        progress.check()
        with workspace.transaction() as session:
            info = session.scalars(select(WorkspaceInfo)).one()
            info.package_sequence = max(info.package_sequence, metadata.sequence)
            session.add(
                PackageExport(
                    export_id=metadata.export_id,
                    sequence=metadata.sequence,
                    exported_at=datetime.fromisoformat(metadata.exported_at),
                    file_name=path.name,
                )
            )
    progress.finish()
    return ExportResult(path, metadata.sequence, metadata.export_id, total, tuple(findings))


def _scan(schema: PackageSchema, snapshot: _Snapshot) -> list[PrivacyFinding]:
    """The records' texts and codes, and the records inside the plan revisions."""
    addresses = snapshot.confirmed_addresses
    return [
        *scan_records(schema, snapshot.records, addresses),
        *scan_revisions(schema, snapshot.records, addresses),
    ]


def _snapshot(workspace: Workspace, schema: PackageSchema) -> _Snapshot:
    if workspace.summary.role is not WorkspaceRole.MUNICIPALITY:
        raise UserError(
            "Alleen een gemeentewerkruimte maakt een pakket; een RSIV-werkruimte ontvangt "
            "pakketten. Open de werkruimte van de gemeente."
        )
    with workspace.reading() as session:
        info = session.scalars(select(WorkspaceInfo)).one()
        municipality = session.get(Municipality, info.municipality_id)
        assert municipality is not None  # a gemeente workspace always has its gemeente
        connection = raw_connection(session)
        records = read_records(connection, schema, municipality.id)
        # Single incidents stay here: the package carries their counts only.
        records["incident_count"] = incident_count_records(
            read_incident_rows(connection, municipality.id), municipality.cbs_code
        )
        emails = [row[0] for row in connection.execute("SELECT contact_email FROM partner")]
        return _Snapshot(
            records=records,
            municipality_code=municipality.cbs_code,
            municipality_name=municipality.name,
            workspace_id=info.id,
            next_sequence=info.package_sequence + 1,
            confirmed_addresses=confirmed_addresses(emails),
        )


def _check_records(schema: PackageSchema, records: dict[str, list[Record]]) -> None:
    """Refuse what the reader would refuse, with the reader's own cell parsers (the RSIV must
    never refuse a gemeente's own package); apply what it would repair (control characters)."""
    problems: list[str] = []
    for sheet in schema.sheets:
        rows = records[sheet.table]
        if len(rows) > MAX_ROWS_PER_SHEET:
            problems.append(
                f"{sheet.name}: {dutch_number(len(rows))} rijen; een pakket heeft hoogstens "
                f"{dutch_number(MAX_ROWS_PER_SHEET)} rijen per blad."
            )
        for position, column in enumerate(sheet.columns):
            check = _cell_check(column)
            if check is None:
                continue
            for number, row in enumerate(rows):
                value = row[position]
                if value is None or value == "":
                    continue
                try:
                    check(value)
                except CellFixed as fixed:
                    rows[number] = (*row[:position], fixed.stored, *row[position + 1 :])
                except CellInvalid as invalid:
                    problems.append(
                        f"{sheet.name}, rij {number + 2}, kolom {column.header}: {invalid.message}"
                    )
    if problems:
        shown = problems[:30] + ([f"... en nog {len(problems) - 30}"] if len(problems) > 30 else [])
        raise UserError(
            "Het pakket kan niet worden gemaakt: de ontvanger zou het weigeren. Pas deze "
            "gegevens aan:\n" + "\n".join(shown)
        )


def _cell_check(column: Column) -> Callable[[Any], object] | None:
    """The reader's parser applied to the value as the writer puts it in the cell."""
    parse = parser_for(column)
    kind = column.kind
    if column.is_text:
        limit = column.max_length or EXCEL_TEXT_LIMIT

        def text(value: Any) -> object:
            if len(value) <= limit and NEEDS_CLEANING.search(value) is None:
                return value
            return parse(value)

        return text
    if kind in (Kind.DATE, Kind.MONTH):
        return lambda value: parse(_stored_moment(date.fromisoformat, value))
    if kind is Kind.DATETIME:
        return lambda value: parse(_stored_moment(datetime.fromisoformat, value))
    if kind in (Kind.INTEGER, Kind.DECIMAL, Kind.TIMESTAMP):
        return parse
    return None  # IDs, choices and yes/no come from the program's own lists


def _stored_moment(convert: Callable[[str], Any], value: Any) -> Any:
    try:
        return convert(str(value))
    except ValueError:
        raise CellInvalid(
            f"'{value}' is geen geldige datum. Verbeter de datum in het programma."
        ) from None


def _refuse_findings(
    findings: list[PrivacyFinding], accept_findings: bool, workspace_path: Path
) -> None:
    blocking = [finding for finding in findings if finding.blocks_export]
    if blocking:
        raise PrivacyFindingsError(
            "Het pakket kan niet worden gemaakt: er staan gegevens in die nooit mee mogen "
            "(een BSN of een planversie die niet te controleren is). Vervang elke vondst door "
            f"'{REDACTED}': in het venster met de knop Verwijderen bij de vondst, of met de "
            "opdracht die erbij staat; exporteer daarna opnieuw.\n"
            + "\n".join(
                f"{finding.sentence} Opdracht: {redact_command(workspace_path, finding)}"
                for finding in blocking
            ),
            findings,
        )
    if findings and not accept_findings:
        raise PrivacyFindingsError(
            "Mogelijk privégegevens gevonden. Controleer elke plaats; vervang wat weg moet door "
            f"'{REDACTED}' (knop Verwijderen, of de opdracht erbij) of pas de tekst aan, en "
            "exporteer daarna opnieuw en bevestig dat het pakket zo weg mag (--accept-findings):\n"
            + "\n".join(
                f"{finding.sentence} Verwijderen: {redact_command(workspace_path, finding)}"
                for finding in findings
            ),
            findings,
        )


def redact_command(workspace_path: Path, finding: PrivacyFinding) -> str:
    """The command line that replaces `finding` by [verwijderd]."""
    return f'python -m app redact --db "{workspace_path}" --finding {finding.key}'


def checked_destination(path: Path, what: str) -> Path:
    """`path` when it names an .xlsx file in an existing folder; `what` starts the refusal."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            f"{what} is een .xlsx-bestand; kies een naam die eindigt op .xlsx in "
            f"plaats van '{path.name}'."
        )
    if not path.parent.is_dir():
        raise UserError(f"De map {path.parent} bestaat niet. Kies een bestaande map.")
    return path
