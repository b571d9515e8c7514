"""A new laptop or a new projectleider: `init` and `import` of the gemeente's own package
rebuild the whole plan, and a form sent to the wijkagent before the move is read back after it.

Everything runs through the real command line, as the projectleider would; only the demo plan
is filled through the services (the `demo` command makes a demo workspace, whose package a
real workspace made by `init` refuses).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

from app import __version__
from app.core.hotspots.hotspot_list import HotspotRow, list_hotspots
from app.core.packages.importer import preview_import
from app.demo.gemeente import fill_demo
from app.exchange.metadata import PackageMetadata, content_hash
from app.exchange.progress import Progress
from app.exchange.records import read_records
from app.exchange.schema import FORMAT_ID, V2
from app.exchange.versions import CURRENT
from app.exchange.workspace_local import MADE_BY_EVERY_WORKSPACE, NOT_CARRIED
from app.exchange.writer import write_package
from app.kernel.workspace import Workspace, create_workspace
from database.dialect import raw_connection
from database.enums import WorkspaceRole
from database.models import Base
from tests.exchange.conftest import GOUDA
from tests.exchange.form_filling import fill_form

Dump = dict[str, list[dict[str, object]]]
MOMENTS = ("created_at", "updated_at")


def _app(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        capture_output=True,
        text=True,
        env=dict(os.environ),  # the test's own data folder (conftest)
        timeout=300,
        check=False,
    )


def _dump(database: Path) -> Dump:
    result = _app("dump", "--db", database)
    assert result.returncode == 0, result.stderr
    dump: Dump = json.loads(result.stdout)
    return dump


def _differences(original: Dump, rebuilt: Dump) -> list[str]:
    """Every table and column of the dump compared, except what is declared not to travel.

    A table that travels must hold rows in the original, so a kind the package forgot
    cannot pass as 'both empty'; a column the package forgot differs in every row.
    """
    problems = []
    if original.keys() != rebuilt.keys():
        problems.append(f"other tables: {sorted(original.keys() ^ rebuilt.keys())}")
    for table in sorted(original.keys() - NOT_CARRIED.keys()):
        ours, theirs = original[table], rebuilt.get(table, [])
        if table in MADE_BY_EVERY_WORKSPACE:
            ours, theirs = ([_without(row, MOMENTS) for row in rows] for rows in (ours, theirs))
        elif not ours:
            problems.append(f"{table}: the demo plan has no rows, so nothing shows it travels")
        if ours != theirs:
            missing = [row for row in ours if row not in theirs]
            problems.append(
                f"{table}: {len(missing)} of {len(ours)} rows differ, e.g. {missing[:1]}"
            )
    return problems


def _real_workspace_with_the_demo_plan(path: Path) -> list[HotspotRow]:
    """A real workspace holding the demo's plan, as if a gemeente had typed it in; its
    hotspots. `init` makes real workspaces, and a real workspace refuses a demo package."""
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, GOUDA) as workspace:
        fill_demo(workspace, seed=2017)
        hotspots = list_hotspots(workspace)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE workspace_info SET is_demo = 0")
    connection.close()
    return hotspots


def _without(row: dict[str, object], names: tuple[str, ...]) -> dict[str, object]:
    return {name: value for name, value in row.items() if name not in names}


def test_every_table_and_column_travels_or_is_declared_to_stay(tmp_path: Path) -> None:
    """The declaration in app/exchange/workspace_local.py covers the whole schema; a table
    that travels carries every column (incident counts travel for the RSIV only)."""
    carried = {sheet.table: sheet for sheet in CURRENT.sheets}
    for table in Base.metadata.tables.values():
        if table.name in carried:
            columns = {column.name for column in table.columns} - {"municipality_id"}
            assert columns == set(carried[table.name].fields), table.name
        else:
            declared = NOT_CARRIED.keys() | MADE_BY_EVERY_WORKSPACE.keys()
            assert table.name in declared, f"{table.name} neither travels nor is declared"


def test_a_workspace_rebuilt_from_its_own_package_is_the_same_plan(tmp_path: Path) -> None:
    original, rebuilt = tmp_path / "oude-laptop.db", tmp_path / "nieuwe-laptop.db"
    package, blank = tmp_path / "pakket.xlsx", tmp_path / "formulier.xlsx"
    hotspot = _real_workspace_with_the_demo_plan(original)[2]

    # Before the move: a form goes out to the wijkagent, then the last package is made.
    made = _app("form", "--db", original, "--hotspot", hotspot.label, "--out", blank)
    assert made.returncode == 0, made.stderr
    filled = fill_form(blank, tmp_path / "ingevuld.xlsx")
    exported = _app("export", "--db", original, "--out", package, "--accept-findings")
    assert exported.returncode == 0, exported.stderr

    # The move: a new, empty workspace of the same gemeente reads that package.
    assert _app("init", "--db", rebuilt, "--gemeente", GOUDA).returncode == 0
    imported = _app("import", "--db", rebuilt, package, "--accept-findings")
    assert imported.returncode == 0, imported.stderr

    before, after = _dump(original), _dump(rebuilt)
    assert _differences(before, after) == []
    # The package sequence continues: the new workspace's next package follows this one.
    own = before["workspace_info"][0]
    assert after["workspace_info"][0]["package_sequence"] == own["package_sequence"]
    assert after["workspace_info"][0]["id"] != own["id"]

    # After the move: the wijkagent's answer comes back and is read in the new workspace.
    read = _app("import-form", "--db", rebuilt, filled, "--accept")
    assert read.returncode == 0, read.stderr
    versions = [
        row["version"]
        for row in _dump(rebuilt)["hotspot_analysis"]
        if row["hot_item_id"] == hotspot.id
    ]
    assert f"Formulier ingelezen: versie {max(versions)} van de analyse" in read.stdout

    # The same form a second time: one Dutch sentence, exit 1, nothing new stored.
    stored = _dump(rebuilt)
    again = _app("import-form", "--db", rebuilt, filled, "--accept")
    assert again.returncode == 1
    today = datetime.now().strftime("%d-%m-%Y")
    assert f"al ingelezen op {today} als versie {max(versions)} van de analyse" in again.stderr
    assert "Traceback" not in again.stderr
    assert _dump(rebuilt) == stored


def test_a_form_made_after_the_package_is_refused_in_the_new_workspace(tmp_path: Path) -> None:
    original, rebuilt = tmp_path / "oude-laptop.db", tmp_path / "nieuwe-laptop.db"
    package, blank = tmp_path / "pakket.xlsx", tmp_path / "formulier.xlsx"
    hotspot = _real_workspace_with_the_demo_plan(original)[1]
    assert _app("export", "--db", original, "--out", package, "--accept-findings").returncode == 0
    assert (
        _app("form", "--db", original, "--hotspot", hotspot.label, "--out", blank).returncode == 0
    )
    assert _app("init", "--db", rebuilt, "--gemeente", GOUDA).returncode == 0
    assert _app("import", "--db", rebuilt, package, "--accept-findings").returncode == 0

    refused = _app("import-form", "--db", rebuilt, fill_form(blank, tmp_path / "in.xlsx"))
    assert refused.returncode == 1
    assert "andere werkruimte van Gouda" in refused.stderr
    assert "Lees eerst een pakket in" in refused.stderr


def test_a_package_of_format_2_leaves_forms_and_proposals_as_they_are(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    """Gemeenten update at different times: an older program's package removes nothing it
    did not carry."""
    with demo_workspace.reading() as session:
        connection = raw_connection(session)
        municipality = connection.execute(
            "SELECT id, name FROM municipality WHERE cbs_code = ?", (GOUDA,)
        ).fetchone()
        records = read_records(connection, V2, municipality[0])
    metadata = PackageMetadata(
        format_id=FORMAT_ID,
        format_version=2,
        municipality_code=GOUDA,
        municipality_name=municipality[1],
        workspace_id=demo_workspace.summary.id,
        sequence=9,
        export_id=str(uuid.uuid4()),
        exported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        app_version=__version__,
        content_hash=content_hash(V2, records),
        is_demo=True,
    )
    older = tmp_path / "pakket-v2.xlsx"
    write_package(older, V2, records, metadata, Progress(1))

    preview = preview_import(demo_workspace, older)
    assert not preview.package.errors
    assert preview.change_count == 0
    assert {kind.sheet.table for kind in preview.kinds}.isdisjoint(
        {"analysis_form", "proposed_measure"}
    )
