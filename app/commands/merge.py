"""`import` into the RSIV workspace: merge one or more packages, or every package in a folder.

Each package is its own transaction; each outcome is reported per file, and the command exits
with 1 when any package was refused (the others are merged all the same).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.packages.merge import MergePreview, MergeRefusedError
    from app.kernel.workspace import Workspace


def merge_files(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    dry_run: bool,
    accept_findings: bool = False,
    accept_handover: bool = False,
) -> int:
    from app.commands.preview_lines import FINDINGS_NOT_ACCEPTED
    from app.core.packages.merge import merge_previewed, package_files, preview_merges
    from app.kernel.errors import UserError

    files = package_files(paths)
    if not files:
        names = ", ".join(str(path) for path in paths)
        raise UserError(f"Geen pakketten (.xlsx) gevonden in {names}; er is niets gewijzigd.")
    outcomes = preview_merges(workspace, files, accept_handover=accept_handover)
    # A package with privacy findings waits for the user's consent (--accept-findings).
    held = {
        index
        for index, outcome in enumerate(outcomes)
        if outcome.preview is not None
        and outcome.preview.changes.privacy_warnings
        and not accept_findings
    }
    if not dry_run:
        merged = iter(
            merge_previewed(workspace, [o for index, o in enumerate(outcomes) if index not in held])
        )
        outcomes = [o if index in held else next(merged) for index, o in enumerate(outcomes)]
    refused = 0
    for number, outcome in enumerate(outcomes, start=1):
        place = f"[{number}/{len(files)}] {outcome.path.name}"
        if outcome.refusal is not None:
            _report_refusal(place, outcome.refusal)
            refused += 1
            continue
        assert outcome.preview is not None
        _report_preview(outcome.preview)
        if dry_run:
            handover = " als overdracht" if outcome.preview.handover_accepted else ""
            print(f"{place}: zou worden samengevoegd{handover} (proefrun).")
            continue
        if number - 1 in held:
            print(f"{place}: {FINDINGS_NOT_ACCEPTED}", file=sys.stderr)
            refused += 1
            continue
        added, changed, removed = outcome.preview.counts
        print(f"{place}: samengevoegd ({added} nieuw, {changed} gewijzigd, {removed} verwijderd).")
        if outcome.entry is not None and outcome.entry.handover_from:
            print(
                f"{place}: overdracht vastgelegd in de importgeschiedenis: de nieuwe werkruimte "
                f"van {outcome.preview.municipality.name} vervangt de oude (geaccepteerd door "
                f"{outcome.entry.handover_by}); pakketten van de oude werkruimte worden voortaan "
                "geweigerd."
            )
    verb = "zouden worden samengevoegd" if dry_run else "samengevoegd"
    print(f"{len(files) - refused} van {len(files)} pakket(ten) {verb}; {refused} geweigerd.")
    if dry_run:
        print("Proefrun: er is niets gewijzigd.")
    return 1 if refused else 0


def _report_preview(preview: MergePreview) -> None:
    from app.commands.preview_lines import preview_summary

    for problem in preview.warnings:
        print(problem.line(), file=sys.stderr)
    for line in preview_summary(preview.changes):
        print(f"  {line}")


def _report_refusal(place: str, refusal: MergeRefusedError) -> None:
    first, *more = refusal.detail_lines
    print(f"{place}: geweigerd. {first}", file=sys.stderr)
    for line in more:
        print(f"  {line}", file=sys.stderr)
