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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from app import __version__
from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.core.region.members import region_members
from app.demo.gemeente import fill_demo
from app.demo.generated import demo_profile
from app.kernel.errors import UserError
from app.kernel.reference import MunicipalityRef
from app.kernel.workspace import Workspace, create_workspace
from database.enums import PackageOutcome, WorkspaceRole
from database.models import ImportedPackage, PackageExport

# One day between making a package and the RSIV reading it in.
READ_IN_AFTER = timedelta(days=1)

GemeenteDone = Callable[[str, int, int], None]  # name, how many so far, how many in all


@dataclass(frozen=True)
class DemoPackage:
    """A gemeente's demo package, and the packages its demo made for earlier werkgroepen."""

    municipality: MunicipalityRef
    path: Path
    earlier: tuple[PackageExport, ...]


def fill_regional_demo(
    workspace: Workspace,
    seed: int = 2017,
    on_gemeente: GemeenteDone | None = None,
    today: date | None = None,
) -> None:
    """Fill a new, empty RSIV workspace with the merged demo packages of all gemeenten of its
    region (the participants, or a generated region), every plan dated around `today` (the
    real today when not given)."""
    if workspace.summary.role is not WorkspaceRole.REGION:
        raise UserError("Een regionale demo komt alleen in een RSIV-werkruimte.")
    today = today or date.today()
    fill_demo(workspace, seed=seed, today=today)
    members = region_members(workspace)
    with tempfile.TemporaryDirectory(prefix="rsiv-demo-") as folder:
        made = demo_packages(Path(folder), members, seed=seed, today=today)
        for done, package in enumerate(made, start=1):
            outcome = merge_package(workspace, package.path, backup=False)
            if outcome.refusal is not None:
                raise outcome.refusal
            _log_earlier_packages(workspace, package.municipality, package.earlier)
            package.path.unlink()
            if on_gemeente is not None:
                on_gemeente(package.municipality.name, done, len(members))


def demo_packages(
    folder: Path, members: Sequence[MunicipalityRef], *, seed: int, today: date
) -> Iterator[DemoPackage]:
    """Per gemeente, in turn: its demo workspace made in `folder` through the services, and
    its package exported there. The workspace file is removed once the package is made."""
    missing = [member for member in members if demo_profile(member.cbs_code) is None]
    if missing:
        names = ", ".join(f"{member.name} ({member.cbs_code})" for member in missing)
        raise UserError(
            f"Voor {names} zijn geen demogegevens beschikbaar. Maak de regionale demo met de "
            "deelnemende gemeenten of met een gegenereerde regio (--gemeenten AANTAL)."
        )
    for member in members:
        package = folder / f"pakket-{member.cbs_code}.xlsx"
        source = folder / f"{member.cbs_code}.db"
        with create_workspace(
            source, WorkspaceRole.MUNICIPALITY, member.cbs_code, is_demo=True, name=member.name
        ) as gemeente:
            fill_demo(gemeente, seed=seed, today=today)
            export_package(gemeente, package, accept_findings=True)
            earlier = _earlier_packages(gemeente)
        source.unlink()
        yield DemoPackage(member, package, tuple(earlier))


def _earlier_packages(gemeente: Workspace) -> list[PackageExport]:
    """The packages the gemeente's demo made for earlier werkgroepen (not the one just made)."""
    with gemeente.reading() as session:
        made = session.scalars(select(PackageExport).order_by(PackageExport.sequence)).all()
        session.expunge_all()
    return list(made[:-1])


def _log_earlier_packages(
    workspace: Workspace, reference: MunicipalityRef, earlier: Sequence[PackageExport]
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
