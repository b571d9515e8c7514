"""Export a gemeente workspace as a package: check, scan for private data, write, number.

The file appears at its destination only when it is complete and the workspace's package
sequence has been raised; a failure leaves neither a half file nor a used number.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from app import __version__
from app.exchange.incident_counts import incident_count_records, read_incident_rows
from app.exchange.metadata import PackageMetadata, Record, content_hash
from app.exchange.privacy import REDACTED, PrivacyFinding, confirmed_addresses, scan_records
from app.exchange.progress import CancelCheck, Progress, ProgressCallback
from app.exchange.records import count_records, read_records
from app.exchange.revision_privacy import scan_revisions
from app.exchange.schema import EXCEL_TEXT_LIMIT, FORMAT_ID, PackageSchema
from app.exchange.text import clean_text, has_control_characters
from app.exchange.versions import CURRENT
from app.exchange.writer import write_package
from app.kernel.errors import UserError
from app.kernel.files import written_file
from app.kernel.workspace import Workspace
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
    _check_texts(schema, snapshot.records)
    findings = _scan(schema, snapshot)
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
        connection: sqlite3.Connection = session.connection().connection.driver_connection
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


def _check_texts(schema: PackageSchema, records: dict[str, list[Record]]) -> None:
    """Remove control characters; refuse text that is longer than its column allows."""
    problems: list[str] = []
    for sheet in schema.sheets:
        texts = [(p, c) for p, c in enumerate(sheet.columns) if c.is_text]
        rows = records[sheet.table]
        for number, row in enumerate(rows):
            for position, column in texts:
                value = row[position]
                if not value:
                    continue
                limit = min(column.max_length or EXCEL_TEXT_LIMIT, EXCEL_TEXT_LIMIT)
                if len(value) > limit:
                    problems.append(
                        f"{sheet.name}, rij {number + 2}, kolom {column.header}: de tekst is "
                        f"{len(value)} tekens lang, hoogstens {limit} past. Maak de tekst korter."
                    )
                if has_control_characters(value) or "\r" in value:
                    cleaned = list(rows[number])
                    cleaned[position] = clean_text(value)
                    rows[number] = row = tuple(cleaned)
    if problems:
        raise UserError("Het pakket kan niet worden gemaakt:\n" + "\n".join(problems))


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
