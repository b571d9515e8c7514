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
    from app.core.merge import MergePreview, MergeRefusedError
    from app.core.workspace import Workspace


def merge_files(
    workspace: Workspace, paths: Sequence[Path], *, dry_run: bool, accept_findings: bool = False
) -> int:
    from app.commands.package import FINDINGS_NOT_ACCEPTED
    from app.core.errors import UserError
    from app.core.merge import (
        MergeRefusedError,
        apply_merge,
        package_files,
        preview_merge,
        record_refusal,
    )

    files = package_files(paths)
    if not files:
        names = ", ".join(str(path) for path in paths)
        raise UserError(f"Geen pakketten (.xlsx) gevonden in {names}; er is niets gewijzigd.")
    refused = 0
    for number, path in enumerate(files, start=1):
        place = f"[{number}/{len(files)}] {path.name}"
        if dry_run:
            try:
                preview = preview_merge(workspace, path)
            except MergeRefusedError as refusal:
                _report_refusal(place, refusal)
                refused += 1
                continue
            _report_preview(preview)
            print(f"{place}: zou worden samengevoegd (proefrun).")
            continue
        refusal, preview = None, None
        try:  # merge_package's steps, with the user's consent to privacy findings between
            preview = preview_merge(workspace, path)
            if preview.changes.privacy_warnings and not accept_findings:
                _report_preview(preview)
                print(f"{place}: {FINDINGS_NOT_ACCEPTED}", file=sys.stderr)
                refused += 1
                continue
            apply_merge(workspace, preview)
        except MergeRefusedError as problem:
            record_refusal(workspace, problem)
            refusal = problem
        if refusal is not None:
            _report_refusal(place, refusal)
            refused += 1
            continue
        assert preview is not None
        _report_preview(preview)
        added, changed, removed = preview.counts
        print(f"{place}: samengevoegd ({added} nieuw, {changed} gewijzigd, {removed} verwijderd).")
    verb = "zouden worden samengevoegd" if dry_run else "samengevoegd"
    print(f"{len(files) - refused} van {len(files)} pakket(ten) {verb}; {refused} geweigerd.")
    if dry_run:
        print("Proefrun: er is niets gewijzigd.")
    return 1 if refused else 0


def _report_preview(preview: MergePreview) -> None:
    from app.commands.package import preview_summary

    for problem in preview.warnings:
        print(problem.line(), file=sys.stderr)
    for line in preview_summary(preview.changes):
        print(f"  {line}")


def _report_refusal(place: str, refusal: MergeRefusedError) -> None:
    first, *more = refusal.detail_lines
    print(f"{place}: geweigerd. {first}", file=sys.stderr)
    for line in more:
        print(f"  {line}", file=sys.stderr)
