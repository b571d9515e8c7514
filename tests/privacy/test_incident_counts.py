"""Incidents travel to the RSIV only as counts per month, buurt and hot-time cell."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from app import __version__
from app.core.figures.figures import load_figures
from app.core.packages.importer import apply_import, preview_import
from app.core.packages.merge import merge_package
from app.exchange.metadata import PackageMetadata, content_hash
from app.exchange.progress import Progress
from app.exchange.reader import read_package
from app.exchange.records import read_records
from app.exchange.schema import FORMAT_ID, V1
from app.exchange.writer import write_package
from app.kernel.workspace import Workspace, create_workspace
from database.enums import WorkspaceRole

GOUDA = "GM0513"


def _incidents(workspace: Workspace) -> int:
    with sqlite3.connect(workspace.path) as connection:
        return connection.execute("SELECT count(*) FROM incident").fetchone()[0]


def test_the_package_carries_counts_and_no_single_incident_or_modus_operandi(
    demo_workspace: Workspace, demo_package: Path
) -> None:
    workbook = openpyxl.load_workbook(demo_package, read_only=True)
    assert "Incidenten" not in workbook.sheetnames
    rows = list(workbook["Incidentaantallen"].values)
    header, data = rows[0], rows[1:]
    assert "Werkwijze" not in header and "Vanaf" not in header
    completed, attempts = header.index("Geslaagd"), header.index("Pogingen")
    total = sum(float(row[completed]) + float(row[attempts]) for row in data)
    assert total == pytest.approx(_incidents(demo_workspace))
    assert read_package(demo_package).problems == []  # read back exactly as written


def test_the_rsiv_sees_the_same_hot_times_as_the_gemeente(
    demo_workspace: Workspace, demo_package: Path, tmp_path: Path
) -> None:
    own = load_figures(demo_workspace).hot_times()
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True) as rsiv:
        assert merge_package(rsiv, demo_package, backup=False).merged
        assert _incidents(rsiv) == 0
        merged = load_figures(rsiv, GOUDA).hot_times()
    assert merged.to_numpy() == pytest.approx(own.to_numpy(), abs=1e-4)  # 6 decimals a cell


def test_the_gemeente_keeps_its_incidents_when_it_reads_its_own_package(
    demo_workspace: Workspace, demo_package: Path
) -> None:
    before = _incidents(demo_workspace)
    preview = preview_import(demo_workspace, demo_package)
    apply_import(demo_workspace, preview)
    assert _incidents(demo_workspace) == before
    with sqlite3.connect(demo_workspace.path) as connection:
        assert connection.execute("SELECT count(*) FROM incident_count").fetchone()[0] == 0


def _version_1_package(workspace: Workspace, path: Path) -> Path:
    """A package as the previous version of the program wrote it: a row per incident."""
    with workspace.reading() as session:
        connection = session.connection().connection.driver_connection
        municipality = connection.execute(
            "SELECT id, cbs_code, name FROM municipality WHERE cbs_code = ?", (GOUDA,)
        ).fetchone()
        records = read_records(connection, V1, municipality[0])
    metadata = PackageMetadata(
        format_id=FORMAT_ID,
        format_version=1,
        municipality_code=municipality[1],
        municipality_name=municipality[2],
        workspace_id=workspace.summary.id,
        sequence=1,
        export_id=str(uuid.uuid4()),
        exported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        app_version=__version__,
        content_hash=content_hash(V1, records),
        is_demo=True,
    )
    write_package(path, V1, records, metadata, Progress(1))
    return path


def test_an_older_package_with_single_incidents_is_counted_on_reading(
    demo_workspace: Workspace, new_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    old = _version_1_package(demo_workspace, tmp_path / "pakket-v1.xlsx")
    assert "Incidenten" in openpyxl.load_workbook(old, read_only=True).sheetnames
    own = load_figures(demo_workspace).hot_times()
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True) as rsiv:
        outcome = merge_package(rsiv, old, backup=False)
        assert outcome.merged and outcome.preview is not None
        assert any("geteld per maand, buurt" in p.message for p in outcome.preview.warnings)
        assert _incidents(rsiv) == 0
        merged = load_figures(rsiv, GOUDA).hot_times()
    assert merged.to_numpy() == pytest.approx(own.to_numpy(), abs=1e-4)  # 6 decimals a cell
