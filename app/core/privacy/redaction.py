"""Replace a privacy finding by "[verwijderd]": the way out of every finding.

Old analysis versions and plan revisions cannot be edited on a screen, and they travel in the
package, so a BSN in one of them would block the export for good. Redaction replaces exactly
the found text in the record (inside a revision: in the record within its document) and logs
that and when something was removed from which record and field, never what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.exchange.privacy import REDACTED, PrivacyFinding
from app.exchange.revision_document import PlanDocument, decode, encode, split_parts
from app.exchange.revision_privacy import revision_problem
from app.exchange.versions import CURRENT
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace
from database.models import PlanRevision, PlanRevisionPart, PrivacyRedaction
from database.tables import metadata


@dataclass(frozen=True)
class RedactionRow:
    redacted_at: datetime  # UTC
    record: str
    field: str
    kind: str


def findings(workspace: Workspace) -> list[PrivacyFinding]:
    """Everything the export's privacy scan finds now, in the order it lists them."""
    from app.core.packages.export import scan_privacy

    return scan_privacy(workspace)


def refuse_bsn(
    workspace: Workspace, wanted: Callable[[PrivacyFinding], bool], what: str
) -> list[PrivacyFinding]:
    """The findings `wanted` selects; a BSN among them refuses `what` with the way out."""
    from app.core.packages.export import redact_command

    found = [finding for finding in findings(workspace) if wanted(finding)]
    blocking = [finding for finding in found if finding.blocks_export]
    if blocking:
        assert workspace.path is not None  # redaction is for a gemeente's file alone
        raise UserError(
            f"{what} is niet gemaakt: er staat een BSN in. Vervang het door '{REDACTED}' "
            "(in het venster via Pakket exporteren > Verwijderen, of met de opdracht erbij) en "
            "probeer het opnieuw.\n"
            + "\n".join(
                f"{finding.sentence} Opdracht: {redact_command(workspace.path, finding)}"
                for finding in blocking
            )
        )
    return found


def redact(workspace: Workspace, keys: list[str]) -> list[RedactionRow]:
    """Replace the findings named by `keys` (PrivacyFinding.key) in one transaction."""
    found = {finding.key: finding for finding in findings(workspace)}
    unknown = [key for key in keys if key not in found]
    if unknown:
        raise UserError(
            f"Vondst {', '.join(unknown)} staat niet (meer) in deze werkruimte; er is niets "
            "verwijderd. Toon de vondsten van nu met 'python -m app redact --db PAD' en kies een "
            "code uit die lijst."
        )
    return redact_findings(workspace, [found[key] for key in dict.fromkeys(keys)])


def redact_findings(workspace: Workspace, chosen: list[PrivacyFinding]) -> list[RedactionRow]:
    """Replace each of `chosen` by [verwijderd] and log it; all or nothing."""
    now = datetime.now(UTC)
    rows: list[RedactionRow] = []
    with workspace.transaction() as session:
        for finding in chosen:
            if finding.revision_id:
                _redact_in_revision(session, finding, now)
            else:
                _redact_in_record(session, finding, now)
            row = RedactionRow(
                now, _without(finding.record, finding.found), finding.column, finding.what
            )
            session.add(
                PrivacyRedaction(
                    redacted_at=now, record=row.record[:300], field=row.field, kind=row.kind
                )
            )
            rows.append(row)
    return rows


def redaction_history(workspace: Workspace) -> list[RedactionRow]:
    """Every removal, oldest first."""
    with workspace.reading() as session:
        return [
            RedactionRow(r.redacted_at, r.record, r.field, r.kind)
            for r in session.scalars(
                select(PrivacyRedaction).order_by(PrivacyRedaction.redacted_at)
            )
        ]


def redacted(text: str, found: str, limit: int | None) -> str:
    """`text` with every `found` replaced; a code too short for the marker is emptied."""
    result = text.replace(found, REDACTED)
    return result if limit is None or len(result) <= limit else ""


def _redact_in_record(session: Session, finding: PrivacyFinding, now: datetime) -> None:
    table = metadata.tables[finding.table]
    column = CURRENT.sheet(finding.table).column(finding.field)
    current = session.scalar(select(table.c[finding.field]).where(table.c.id == finding.record_id))
    if not isinstance(current, str) or finding.found not in current:
        raise _changed(finding)
    value: str | None = redacted(current, finding.found, column.max_length)
    if not value and column.nullable:
        value = None
    session.execute(
        update(table)
        .where(table.c.id == finding.record_id)
        .values({finding.field: value, "updated_at": now})
    )


def _redact_in_revision(session: Session, finding: PrivacyFinding, now: datetime) -> None:
    revision = session.get(PlanRevision, finding.revision_id)
    if revision is None:
        raise _changed(finding)
    text = "".join(
        session.scalars(
            select(PlanRevisionPart.content)
            .where(PlanRevisionPart.revision_id == revision.id)
            .order_by(PlanRevisionPart.position)
        )
    )
    if finding.table == "plan_revision":
        # Content that cannot be checked cannot be kept either: the revision keeps no records.
        if revision_problem(text) is None:
            raise _changed(finding)
        document = PlanDocument({})
    else:
        document = _redacted_document(decode(text), finding)
    session.execute(delete(PlanRevisionPart).where(PlanRevisionPart.revision_id == revision.id))
    for position, content in enumerate(split_parts(encode(document))):
        session.add(
            PlanRevisionPart(
                municipality_id=revision.municipality_id,
                revision_id=revision.id,
                position=position,
                content=content,
            )
        )
    revision.updated_at = now


def _redacted_document(document: PlanDocument, finding: PrivacyFinding) -> PlanDocument:
    limit = CURRENT.sheet(finding.table).column(finding.field).max_length
    tables = {table: [dict(row) for row in rows] for table, rows in document.tables.items()}
    for row in tables.get(finding.table, []):
        value = row.get(finding.field)
        if (
            str(row.get("id")) == finding.record_id
            and isinstance(value, str)
            and finding.found in value
        ):
            row[finding.field] = redacted(value, finding.found, limit)
            return PlanDocument(tables)
    raise _changed(finding)


def _without(record: str, found: str) -> str:
    """The record's description without the removed text (a name can be in a label)."""
    return record.replace(found, REDACTED) if found else record


def _changed(finding: PrivacyFinding) -> UserError:
    return UserError(
        f"{finding.where}: de vondst staat er niet meer zoals getoond (intussen gewijzigd); er "
        "is niets verwijderd. Laat de privacycontrole opnieuw lopen."
    )
