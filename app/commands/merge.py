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


def merge_files(workspace: Workspace, paths: Sequence[Path], *, dry_run: bool) -> int:
    from app.core.errors import UserError
    from app.core.merge import (
        MergeRefusedError,
        merge_package,
        package_files,
        preview_merge,
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
        outcome = merge_package(workspace, path)
        if outcome.refusal is not None:
            _report_refusal(place, outcome.refusal)
            refused += 1
            continue
        assert outcome.preview is not None
        _report_preview(outcome.preview)
        added, changed, removed = outcome.preview.counts
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
