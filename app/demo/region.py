"""The RSIV's demo workspace, made the way the real one is: every participating gemeente's
demo plan exported as a package and merged, so the regional screens, reports and history show
exactly what a merge produces.

The gemeente workspaces and their packages live in a temporary folder that is removed
afterwards. The plans are deterministic per seed; the package log records when the packages
were made and read in, as it would for real packages.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from app import __version__
from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.demo.gemeente import fill_demo
from app.kernel.errors import UserError
from app.kernel.reference import MunicipalityRef, participants
from app.kernel.workspace import Workspace, create_workspace
from database.enums import PackageOutcome, WorkspaceRole
from database.models import ImportedPackage, PackageExport

# One day between making a package and the RSIV reading it in.
READ_IN_AFTER = timedelta(days=1)

GemeenteDone = Callable[[str, int, int], None]  # name, how many so far, how many in all


def fill_regional_demo(
    workspace: Workspace,
    seed: int = 2017,
    on_gemeente: GemeenteDone | None = None,
    today: date | None = None,
) -> None:
    """Fill a new, empty RSIV workspace with the merged demo packages of all participants,
    every plan dated around `today` (the real today when not given)."""
    if workspace.summary.role is not WorkspaceRole.REGION:
        raise UserError("Een regionale demo komt alleen in een RSIV-werkruimte.")
    today = today or date.today()
    fill_demo(workspace, seed=seed, today=today)
    gemeenten = participants()
    with tempfile.TemporaryDirectory(prefix="rsiv-demo-") as folder:
        for done, reference in enumerate(gemeenten, start=1):
            package = Path(folder) / f"pakket-{reference.cbs_code}.xlsx"
            source = Path(folder) / f"{reference.cbs_code}.db"
            with create_workspace(
                source, WorkspaceRole.MUNICIPALITY, reference.cbs_code, is_demo=True
            ) as gemeente:
                fill_demo(gemeente, seed=seed, today=today)
                export_package(gemeente, package, accept_findings=True)
                earlier = _earlier_packages(gemeente)
            outcome = merge_package(workspace, package, backup=False)
            if outcome.refusal is not None:
                raise outcome.refusal
            _log_earlier_packages(workspace, reference, earlier)
            if on_gemeente is not None:
                on_gemeente(reference.name, done, len(gemeenten))


def _earlier_packages(gemeente: Workspace) -> list[PackageExport]:
    """The packages the gemeente's demo made for earlier werkgroepen (not the one just made)."""
    with gemeente.reading() as session:
        made = session.scalars(select(PackageExport).order_by(PackageExport.sequence)).all()
        session.expunge_all()
    return list(made[:-1])


def _log_earlier_packages(
    workspace: Workspace, reference: MunicipalityRef, earlier: list[PackageExport]
) -> None:
    """The RSIV read those earlier packages in too: its timeline shows them on time.

    Only the log rows are written; their content is all in the package just merged.
    """
    info = workspace.summary
    with workspace.transaction() as session:
        source = session.scalar(
            select(ImportedPackage.source_workspace_id).where(
                ImportedPackage.municipality_id == reference.id
            )
        )
        for made in earlier:
            session.add(
                ImportedPackage(
                    id=str(uuid.uuid5(uuid.NAMESPACE_OID, f"{info.id}-{made.export_id}")),
                    export_id=made.export_id,
                    municipality_id=reference.id,
                    municipality_code=reference.cbs_code,
                    municipality_name=reference.name,
                    source_workspace_id=source or "",
                    sequence=made.sequence,
                    exported_at=made.exported_at.isoformat(timespec="seconds"),
                    imported_at=made.exported_at + READ_IN_AFTER,
                    file_name=made.file_name,
                    app_version=__version__,
                    outcome=PackageOutcome.MERGED,
                )
            )
