"""Export a gemeente workspace as a package: check, scan for private data, write, number.

The file appears at its destination only when it is complete and the workspace's package
sequence has been raised; a failure leaves neither a half file nor a used number.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from app import __version__
from app.exchange.metadata import PackageMetadata, Record, content_hash
from app.exchange.privacy import (
    ORGANISATION_DOMAINS,
    PrivacyFinding,
    partner_domains,
    scan_records,
)
from app.exchange.progress import CancelCheck, Progress, ProgressCallback
from app.exchange.records import count_records, read_records
from app.exchange.revision_privacy import scan_revisions
from app.exchange.schema import EXCEL_TEXT_LIMIT, FORMAT_ID, PackageSchema
from app.exchange.text import clean_text, has_control_characters
from app.exchange.versions import CURRENT
from app.exchange.writer import write_package
from app.kernel.errors import UserError
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
    organisation_domains: frozenset[str]


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
    _refuse_findings(findings, accept_findings)
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
    )
    total = count_records(snapshot.records)
    progress = Progress(total, on_progress, is_cancelled)
    with temporary_beside(path) as temporary:
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
        os.replace(temporary, path)
    progress.finish()
    return ExportResult(path, metadata.sequence, metadata.export_id, total, tuple(findings))


def _scan(schema: PackageSchema, snapshot: _Snapshot) -> list[PrivacyFinding]:
    """The records' texts, and the texts inside the plan revisions."""
    domains = snapshot.organisation_domains
    return [
        *scan_records(schema, snapshot.records, domains),
        *scan_revisions(schema, snapshot.records, domains),
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
        emails = [row[0] for row in connection.execute("SELECT contact_email FROM partner")]
        return _Snapshot(
            records=records,
            municipality_code=municipality.cbs_code,
            municipality_name=municipality.name,
            workspace_id=info.id,
            next_sequence=info.package_sequence + 1,
            organisation_domains=ORGANISATION_DOMAINS | partner_domains(emails),
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


def _refuse_findings(findings: list[PrivacyFinding], accept_findings: bool) -> None:
    blocking = [finding for finding in findings if finding.blocks_export]
    if blocking:
        raise PrivacyFindingsError(
            "Het pakket kan niet worden gemaakt: er staat een BSN in de gegevens. Verwijder "
            "het eerst:\n" + "\n".join(finding.sentence for finding in blocking),
            findings,
        )
    if findings and not accept_findings:
        raise PrivacyFindingsError(
            "Mogelijk privégegevens gevonden. Controleer elke plaats; exporteer daarna opnieuw "
            "en bevestig dat het pakket zo weg mag:\n"
            + "\n".join(finding.sentence for finding in findings),
            findings,
        )


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


@contextlib.contextmanager
def temporary_beside(path: Path) -> Iterator[Path]:
    temporary = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.tmp.xlsx")
    try:
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)
