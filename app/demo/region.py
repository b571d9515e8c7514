"""The RSIV's demo workspace, made the way the real one is: every participating gemeente's
demo plan exported as a package and merged, so the regional screens, reports and history show
exactly what a merge produces.

The gemeente workspaces and their packages live in a temporary folder that is removed
afterwards. The plans are deterministic per seed; the package log records when the packages
were made and read in, as it would for real packages.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.demo.gemeente import fill_demo
from app.kernel.errors import UserError
from app.kernel.reference import participants
from app.kernel.workspace import Workspace, create_workspace
from database.enums import WorkspaceRole

GemeenteDone = Callable[[str, int, int], None]  # name, how many so far, how many in all


def fill_regional_demo(
    workspace: Workspace, seed: int = 2017, on_gemeente: GemeenteDone | None = None
) -> None:
    """Fill a new, empty RSIV workspace with the merged demo packages of all participants."""
    if workspace.summary.role is not WorkspaceRole.REGION:
        raise UserError("Een regionale demo komt alleen in een RSIV-werkruimte.")
    fill_demo(workspace, seed=seed)
    gemeenten = participants()
    with tempfile.TemporaryDirectory(prefix="rsiv-demo-") as folder:
        for done, reference in enumerate(gemeenten, start=1):
            package = Path(folder) / f"pakket-{reference.cbs_code}.xlsx"
            source = Path(folder) / f"{reference.cbs_code}.db"
            with create_workspace(
                source, WorkspaceRole.MUNICIPALITY, reference.cbs_code, is_demo=True
            ) as gemeente:
                fill_demo(gemeente, seed=seed)
                export_package(gemeente, package, accept_findings=True)
            outcome = merge_package(workspace, package, backup=False)
            if outcome.refusal is not None:
                raise outcome.refusal
            if on_gemeente is not None:
                on_gemeente(reference.name, done, len(gemeenten))
