"""A screen can follow long package work and stop it; stopping leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.packages.export import export_package
from app.core.packages.importer import preview_import
from app.exchange.progress import ExchangeCancelledError
from app.exchange.reader import read_package
from app.kernel.workspace import Workspace
from database.models import WorkspaceInfo


def test_export_reports_progress_up_to_the_total(demo_workspace: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_package(
        demo_workspace, tmp_path / "p.xlsx", on_progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1][0] == seen[-1][1] > 0
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_cancelled_export_leaves_no_file_and_no_used_number(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "p.xlsx"
    with demo_workspace.reading() as session:
        used = session.scalar(select(WorkspaceInfo.package_sequence))  # the demo sent some
    with pytest.raises(ExchangeCancelledError, match="Afgebroken"):
        export_package(demo_workspace, target, is_cancelled=lambda: True)
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*.xlsx"))
    result = export_package(demo_workspace, target)
    assert result.sequence == used + 1


def test_reading_can_be_cancelled(demo_package: Path, demo_workspace: Workspace) -> None:
    seen: list[int] = []
    read_package(demo_package, on_progress=lambda done, total: seen.append(done))
    assert seen
    with pytest.raises(ExchangeCancelledError):
        preview_import(demo_workspace, demo_package, is_cancelled=lambda: True)
