"""Merging gemeente packages into the RSIV workspace: preview first, then one transaction.

A package is a gemeente's complete state, so merging it replaces exactly that gemeente's
records (matched by UUID) and nothing else: other gemeenten, the RSIV's notes and the
reference data are never touched, which makes the result independent of the order in which
gemeenten arrive. The per-gemeente diff, its checks and its storing are the package import's
(`app.core.packages.importer`); this module adds what the RSIV needs around it: which packages are
accepted (`merge_rules`), the history and the provenance of records (`merge_history`), and a
backup before every merge.

A package from a new workspace of a gemeente the RSIV already has (new laptop, new
projectleider) is a handover: refused with HandoverNeededError until the RSIV accepts it
(`accept_handover`, `import --overdracht`); the merge then records the old workspace and who
accepted in the history, and the new workspace's sequence counts from then on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.packages.history import (
    Offer,
    PackageEntry,
    add_entry,
    current_package,
    handover_of,
    merged_with_export_id,
    record_sources,
)
from app.core.packages.importer import (
    ImportPreview,
    KindDiff,
    demo_refusal,
    preview_package,
    store_preview,
)
from app.core.packages.merge_rules import handover_reason, refusal_reason
from app.core.region.members import find_member, region_members
from app.exchange.metadata import PackageMetadata
from app.exchange.problems import PackageRefusedError, Problem
from app.exchange.progress import CancelCheck, Progress, ProgressCallback
from app.exchange.reader import read_package
from app.kernel.backups import SEVERAL_MERGES, backup_before, backup_reason
from app.kernel.errors import UserError
from app.kernel.reference import MunicipalityRef
from app.kernel.workspace import Workspace
from database.dialect import integrity_errors, raw_connection, serialize_on
from database.enums import PackageOutcome, WorkspaceRole

# Problems of a refused file kept in the history's reason; the full list is in the file report.
SHOWN_IN_HISTORY = 5
# Progress steps per file when several files are read or merged as one job.
STEPS_PER_FILE = 1000


class MergeRefusedError(UserError):
    """The package is not merged; `reason` says why in Dutch, `problems` lists cell findings."""

    def __init__(self, offer: Offer, reason: str, problems: Iterable[Problem] = ()) -> None:
        self.offer = offer
        self.problems = list(problems)
        self.headline = reason
        errors = [problem.line() for problem in self.problems if problem.is_error]
        shown = errors[:SHOWN_IN_HISTORY]
        if len(errors) > len(shown):
            shown.append(f"... en nog {len(errors) - len(shown)}.")
        self.reason = " ".join([reason, *shown])  # what the import history keeps
        super().__init__(f"{offer.path.name} is niet samengevoegd. {self.reason}")

    @property
    def detail_lines(self) -> list[str]:
        """The reason, then every problem found in the file (warnings too), one per line."""
        return [self.headline, *(problem.line() for problem in self.problems)]


class HandoverNeededError(MergeRefusedError):
    """The package comes from a new workspace of a gemeente the RSIV already has.

    Everything else about it was checked: `preview` is what merging would change, so accepting
    the handover (`preview.accepting_handover()`) needs no second reading of the file.
    """

    def __init__(self, preview: MergePreview, reason: str) -> None:
        super().__init__(preview.offer, reason)
        self.preview = preview


@dataclass(frozen=True)
class MergePreview:
    """What merging one package would change, per record kind, before anything is written.

    `changes.kinds` holds added, changed and removed records per kind; a screen shows the
    changed fields with `app.core.packages.changes.field_changes(preview.changes, kind)`.
    """

    path: Path
    municipality: MunicipalityRef
    changes: ImportPreview
    previous: PackageEntry | None  # the gemeente's package merged so far
    # The package comes from a new workspace of the gemeente (a handover) ...
    is_handover: bool = False
    # ... and the RSIV accepted that handover explicitly.
    handover_accepted: bool = False

    def accepting_handover(self) -> MergePreview:
        """This preview with the handover accepted: merging it records the handover."""
        return replace(self, handover_accepted=True)

    @property
    def metadata(self) -> PackageMetadata:
        return self.changes.package.metadata

    @property
    def kinds(self) -> tuple[KindDiff, ...]:
        return self.changes.kinds

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return self.changes.problems

    @property
    def counts(self) -> tuple[int, int, int]:
        """Added, changed and removed records over all kinds."""
        return (
            sum(len(kind.added) for kind in self.kinds),
            sum(len(kind.changed) for kind in self.kinds),
            sum(len(kind.removed) for kind in self.kinds),
        )

    @property
    def offer(self) -> Offer:
        return Offer(self.path, self.metadata, self.municipality.id)


@dataclass(frozen=True)
class MergeOutcome:
    """What happened to one file: merged (with its history entry) or refused (with why)."""

    path: Path
    preview: MergePreview | None
    entry: PackageEntry | None
    refusal: MergeRefusedError | None

    @property
    def merged(self) -> bool:
        return self.refusal is None


def package_files(paths: Iterable[Path]) -> list[Path]:
    """The packages to merge: files as given, and every .xlsx in a given folder (by name)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(
                item
                for item in path.iterdir()
                if item.suffix.lower() == ".xlsx" and not item.name.startswith("~$")
            )
        else:
            found.append(path)
    return found


def preview_merge(
    workspace: Workspace,
    path: Path,
    *,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    accept_handover: bool = False,
) -> MergePreview:
    """Read and check a package and show what merging it would change; nothing is written.

    A package from a new workspace of a gemeente raises HandoverNeededError unless
    `accept_handover`; the error carries the preview, so a screen can accept it afterwards.
    """
    require_regional(workspace)
    path = Path(path)
    try:
        package = read_package(path, on_progress=on_progress, is_cancelled=is_cancelled)
    except PackageRefusedError as refusal:
        raise _refused_package(Offer(path, None, None), refusal.problems) from refusal
    metadata = package.metadata
    municipality = find_member(workspace, metadata.municipality_code)
    offer = Offer(path, metadata, municipality.id if municipality else None)
    if package.errors:
        raise _refused_package(offer, package.problems)
    with workspace.reading() as session:
        previous, is_handover = _check_arrival(
            session, offer, municipality, region_members(workspace)
        )
    reason = demo_refusal(metadata, workspace.summary.is_demo)
    if reason is not None:
        raise MergeRefusedError(offer, reason)
    assert municipality is not None  # _check_arrival refuses an unknown gemeente
    try:
        changes = preview_package(
            workspace, package, municipality.id, edited_at=_export_moment(metadata)
        )
    except PackageRefusedError as refusal:
        raise _refused_package(offer, refusal.problems) from refusal
    preview = MergePreview(path, municipality, changes, previous, is_handover, accept_handover)
    if is_handover and not accept_handover:
        assert previous is not None  # a handover replaces a workspace merged before
        raise HandoverNeededError(preview, handover_reason(metadata, previous))
    return preview


def apply_merge(
    workspace: Workspace,
    preview: MergePreview,
    *,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    backup: bool = True,
) -> PackageEntry:
    """Replace the gemeente's records with the package's in one transaction, after a backup.

    backup=False while the regional demo is made (that workspace holds nothing to lose) and
    when the caller made the restorable point itself.
    """
    if backup:
        backup_before(workspace, _merge_reason(preview.metadata))
    progress = Progress(preview.changes.change_count, on_progress, is_cancelled)
    try:
        with workspace.transaction() as session:
            connection = raw_connection(session)
            # One merge per gemeente at a time on a shared server: a colleague's merge of the
            # same package commits first, and the check below then refuses this one.
            serialize_on(connection, f"merge:{preview.municipality.id}")
            # Checked again inside the transaction: the history may have grown since the preview.
            previous, is_handover = _check_arrival(
                session,
                preview.offer,
                preview.municipality,
                region_members(workspace),
                handover_accepted=preview.handover_accepted,
            )
            store_preview(connection, preview.changes, progress)
            entry = add_entry(
                session,
                preview.offer,
                PackageOutcome.MERGED,
                counts=preview.counts,
                **_handover(previous if is_handover else None),
            )
            if previous is not None:  # a gemeente's first package is the default source
                record_sources(connection, preview.kinds, entry.id)
    except integrity_errors() as problem:
        raise MergeRefusedError(
            preview.offer,
            "Het pakket kon niet worden opgeslagen: het botst met gegevens die al in de "
            "werkruimte staan. Meld dit met het pakket bij de functioneel beheerder.",
        ) from problem
    progress.finish()
    return entry


def _handover(replaced: PackageEntry | None) -> dict[str, str]:
    """The history's record of an accepted handover: the old workspace and who accepted."""
    if replaced is None:
        return {}
    from app.kernel.server_store import current_user

    return {"handover_from": replaced.source_workspace_id, "handover_by": current_user()}


def record_refusal(workspace: Workspace, refusal: MergeRefusedError) -> PackageEntry | None:
    """Add the refusal to the import history, in a transaction of its own.

    Nothing else is written, so the merged data stay byte for byte as they were. A file that
    does not exist was never received and gets no row.
    """
    if not refusal.offer.path.is_file():
        return None
    with workspace.transaction() as session:
        return add_entry(session, refusal.offer, PackageOutcome.REFUSED, reason=refusal.reason)


def merge_package(
    workspace: Workspace,
    path: Path,
    *,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    backup: bool = True,
    accept_handover: bool = False,
) -> MergeOutcome:
    """Preview and merge one file; a refusal is recorded in the history and returned."""
    preview = None
    try:
        preview = preview_merge(
            workspace,
            path,
            on_progress=on_progress,
            is_cancelled=is_cancelled,
            accept_handover=accept_handover,
        )
        entry = apply_merge(workspace, preview, is_cancelled=is_cancelled, backup=backup)
    except MergeRefusedError as refusal:
        record_refusal(workspace, refusal)
        return MergeOutcome(Path(path), preview, None, refusal)
    return MergeOutcome(Path(path), preview, entry, None)


def preview_merges(
    workspace: Workspace,
    files: Sequence[Path],
    *,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    accept_handover: bool = False,
) -> list[MergeOutcome]:
    """Read and check every file; each outcome holds its preview or why it is refused.

    Nothing is written: this is what the RSIV sees before choosing Samenvoegen. A handover
    is refused (HandoverNeededError, with its preview) unless `accept_handover`.
    """
    outcomes = []
    for index, path in enumerate(files):
        try:
            preview = preview_merge(
                workspace,
                path,
                on_progress=_per_file(on_progress, index, len(files)),
                is_cancelled=is_cancelled,
                accept_handover=accept_handover,
            )
        except MergeRefusedError as refusal:
            outcomes.append(MergeOutcome(Path(path), None, None, refusal))
        else:
            outcomes.append(MergeOutcome(Path(path), preview, None, None))
    return outcomes


def merge_previewed(
    workspace: Workspace,
    planned: Sequence[MergeOutcome],
    *,
    on_progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> list[MergeOutcome]:
    """Merge each accepted file in its own transaction, after one backup of the workspace as
    it was before all of them; refusals go into the import history.

    A second package of a gemeente that this batch already merged is previewed again, so its
    changes are counted against what the first one left, not against the state before.
    """
    outcomes = []
    merged_municipalities: set[str] = set()
    # One backup before a job of several packages, not one per package: copying a workspace of
    # hundreds of gemeenten before each of their packages made merging a region quadratic. A
    # server's restorable point holds the whole region, so it is made once even for one package.
    on_server = workspace.path is None
    accepted = [plan.preview for plan in planned if plan.preview is not None]
    if on_server and len(accepted) == 1:
        backup_before(workspace, _merge_reason(accepted[0].metadata))
    elif len(accepted) > 1:
        backup_before(workspace, backup_reason(SEVERAL_MERGES, str(len(accepted))))
    for index, plan in enumerate(planned):
        refusal = plan.refusal
        preview = plan.preview
        if preview is not None:
            try:
                if preview.municipality.cbs_code in merged_municipalities:
                    preview = preview_merge(
                        workspace,
                        plan.path,
                        is_cancelled=is_cancelled,
                        accept_handover=preview.handover_accepted,
                    )
                entry = apply_merge(
                    workspace,
                    preview,
                    on_progress=_per_file(on_progress, index, len(planned)),
                    is_cancelled=is_cancelled,
                    backup=not on_server and len(accepted) == 1,
                )
            except MergeRefusedError as late:
                refusal = late
            else:
                merged_municipalities.add(preview.municipality.cbs_code)
                outcomes.append(MergeOutcome(plan.path, preview, entry, None))
                continue
        assert refusal is not None
        record_refusal(workspace, refusal)
        outcomes.append(MergeOutcome(plan.path, preview, None, refusal))
    return outcomes


def _merge_reason(metadata: PackageMetadata) -> str:
    return backup_reason("voor-samenvoegen", metadata.municipality_code, f"nr{metadata.sequence}")


def _per_file(
    report: ProgressCallback | None, index: int, count: int
) -> Callable[[int, int], None] | None:
    """Progress of one file as part of all files."""
    if report is None:
        return None
    return lambda done, total: report(
        index * STEPS_PER_FILE + done * STEPS_PER_FILE // max(total, 1), count * STEPS_PER_FILE
    )


def require_regional(workspace: Workspace) -> None:
    if workspace.summary.role is not WorkspaceRole.REGION:
        raise UserError(
            "Samenvoegen kan alleen in de RSIV-werkruimte. In een gemeentewerkruimte leest u "
            "één pakket van de eigen gemeente in."
        )


def _check_arrival(
    session: Session,
    offer: Offer,
    municipality: MunicipalityRef | None,
    members: tuple[MunicipalityRef, ...],
    *,
    handover_accepted: bool = True,
) -> tuple[PackageEntry | None, bool]:
    """Refuse a package the rules do not accept; returns the gemeente's current package and
    whether this package is a handover (from another workspace than that package).

    The preview checks with the handover taken as accepted and asks for it afterwards, so the
    RSIV sees what merging would change before it decides.
    """
    metadata = offer.metadata
    assert metadata is not None
    current = current_package(session, municipality.id) if municipality else None
    replaced_by = (
        handover_of(session, municipality.id, metadata.workspace_id) if municipality else None
    )
    same_export = merged_with_export_id(session, metadata.export_id)
    reason = refusal_reason(
        metadata,
        municipality,
        current,
        same_export,
        members,
        replaced_by=replaced_by,
        handover_accepted=handover_accepted,
    )
    if reason is not None:
        raise MergeRefusedError(offer, reason)
    return current, current is not None and current.source_workspace_id != metadata.workspace_id


def _export_moment(metadata: PackageMetadata) -> datetime | None:
    try:
        moment = datetime.fromisoformat(metadata.exported_at)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _refused_package(offer: Offer, problems: list[Problem]) -> MergeRefusedError:
    errors = sum(problem.is_error for problem in problems)
    count = "1 fout" if errors == 1 else f"{errors} fouten"
    return MergeRefusedError(offer, f"Het pakket bevat {count}; er is niets gewijzigd.", problems)
