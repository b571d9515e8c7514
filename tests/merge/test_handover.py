"""A handover at the RSIV: Gouda's plan moves to a new workspace (new laptop, new projectleider).

The first package of the new workspace is refused with the way to accept it; accepting is an
explicit step on the command line (`import --overdracht`), recorded in the import history with
who accepted it and both workspaces; after it the new workspace's packages merge as usual and
the old workspace's are refused. The RSIV runs the real command line, on each store.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from app.core.packages.export import export_package
from app.core.packages.history import import_history
from app.core.packages.importer import import_package
from app.core.packages.merge import HandoverNeededError, merge_previewed, preview_merges
from app.kernel.server_store import current_user
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.enums import PackageOutcome, WorkspaceRole
from tests.conftest import RsivLocation
from tests.merge.conftest import GOUDA, DemoPackages, merged_data


def _app(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=300,
        check=False,
    )


def _new_laptop(package: Path, folder: Path) -> Path:
    """Gouda's plan in a new workspace: made empty, filled from Gouda's last package."""
    path = folder / "gouda-nieuwe-laptop.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, GOUDA, is_demo=True) as workspace:
        import_package(workspace, package)
    return path


def _export(database: Path, package: Path) -> Path:
    with open_workspace(database) as workspace:
        export_package(workspace, package, accept_findings=True)
    return package


def test_a_handover_is_accepted_explicitly_and_the_old_workspace_is_refused_after(
    demo_packages: DemoPackages,
    gouda_workspace: Workspace,
    rsiv_location: RsivLocation,
    tmp_path: Path,
) -> None:
    rsiv = rsiv_location("rsiv.db")
    create_workspace(rsiv, WorkspaceRole.REGION, is_demo=True).close()
    first = _app("import", "--db", rsiv, demo_packages.by_code[GOUDA])
    assert first.returncode == 0, first.stderr
    old_workspace = gouda_workspace.summary.id
    laptop = _new_laptop(demo_packages.by_code[GOUDA], tmp_path)
    handover = _export(laptop, tmp_path / "gouda-nieuw-1.xlsx")

    refused = _app("import", "--db", rsiv, handover)
    assert refused.returncode == 1
    assert "komt uit een andere werkruimte" in refused.stderr
    assert "import --overdracht" in refused.stderr and "Er is niets gewijzigd." in refused.stderr
    assert "Traceback" not in refused.stderr

    dry = _app("import", "--db", rsiv, handover, "--overdracht", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "zou worden samengevoegd als overdracht (proefrun)" in dry.stdout
    accepted = _app("import", "--db", rsiv, handover, "--overdracht")
    assert accepted.returncode == 0, accepted.stderr
    assert "overdracht vastgelegd" in accepted.stdout
    with open_workspace(rsiv) as workspace:
        history = import_history(workspace)
    entry = history[-1]
    merged, refused = PackageOutcome.MERGED, PackageOutcome.REFUSED
    assert [e.outcome for e in history] == [merged, refused, merged]
    with open_workspace(laptop) as workspace:
        new_workspace = workspace.summary.id
    assert entry.outcome is PackageOutcome.MERGED
    assert (entry.source_workspace_id, entry.handover_from) == (new_workspace, old_workspace)
    assert entry.handover_by == current_user()

    # The sequence continues from the new workspace: its next package merges as usual ...
    later = _export(laptop, tmp_path / "gouda-nieuw-2.xlsx")
    merged = _app("import", "--db", rsiv, later)
    assert merged.returncode == 0, merged.stderr
    # ... and the old workspace's next package is refused, even with --overdracht.
    gouda_workspace.close()
    stale = _export(gouda_workspace.path, tmp_path / "gouda-oud.xlsx")
    with open_workspace(rsiv) as workspace:
        before = merged_data(workspace)
    for extra in ((), ("--overdracht",)):
        old = _app("import", "--db", rsiv, stale, *extra)
        assert old.returncode == 1
        assert "komt uit een oude werkruimte" in old.stderr
        assert f"geaccepteerd door {current_user()}" in old.stderr
        assert "Vraag Gouda het pakket te maken in de nieuwe werkruimte." in old.stderr
    with open_workspace(rsiv) as workspace:
        assert merged_data(workspace) == before


def test_the_merge_preview_carries_what_a_handover_changes_before_it_is_accepted(
    demo_packages: DemoPackages, new_rsiv: Callable[..., Workspace], tmp_path: Path
) -> None:
    """The screen shows the handover with its changes; accepting it needs no second reading."""
    rsiv = new_rsiv()
    first = preview_merges(rsiv, [demo_packages.by_code[GOUDA]])
    merge_previewed(rsiv, first)
    laptop = _new_laptop(demo_packages.by_code[GOUDA], tmp_path)
    handover = _export(laptop, tmp_path / "gouda-nieuw-1.xlsx")

    (outcome,) = preview_merges(rsiv, [handover])
    assert isinstance(outcome.refusal, HandoverNeededError)
    preview = outcome.refusal.preview
    assert preview.is_handover and not preview.handover_accepted
    # The same plan, only the workspace is new; single incidents do not travel, so until
    # they are read in again the new workspace sends no incident counts.
    changed = {kind.sheet.table for kind in preview.kinds if kind.has_changes}
    assert changed == {"incident_count"}

    (done,) = merge_previewed(
        rsiv, [type(outcome)(handover, preview.accepting_handover(), None, None)]
    )
    assert done.merged and done.entry is not None and done.entry.handover_from
