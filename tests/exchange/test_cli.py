"""`export` and `import` on the command line: exit codes and messages a user sees."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from app.kernel.reference import municipality_id
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import PartnerKind, WorkspaceRole
from database.models import Partner
from tests.exchange.conftest import file_hash


def _run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "WONINGINBRAKEN_DATA_DIR": str(data_dir)},
        timeout=300,
        check=False,
    )


def test_export_then_import_with_dry_run_and_for_real(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source, target, package = tmp_path / "gouda.db", tmp_path / "nieuw.db", tmp_path / "p.xlsx"
    assert _run("demo", "--db", str(source), "--gemeente", "GM0513", data_dir=data).returncode == 0

    exported = _run("export", "--db", str(source), "--out", str(package), data_dir=data)
    assert exported.returncode == 0, exported.stderr
    # The demo already sent five packages for the werkgroepen before today.
    assert "volgnummer 6" in exported.stdout

    # A demo package goes into a demo workspace only; a real one (made by 'init') refuses it.
    create_workspace(target, WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True).close()
    before = file_hash(target)
    dry = _run("import", "--db", str(target), str(package), "--dry-run", data_dir=data)
    assert dry.returncode == 0, dry.stderr
    assert re.search(r"^Acties: \d+ nieuw, 0 gewijzigd, 0 verwijderd$", dry.stdout, re.M)
    assert "Proefrun: er is niets gewijzigd." in dry.stdout
    assert file_hash(target) == before

    real = _run("import", "--db", str(target), str(package), data_dir=data)
    assert real.returncode == 0, real.stderr
    assert "Pakket ingelezen" in real.stdout
    again = _run("import", "--db", str(target), str(package), "--dry-run", data_dir=data)
    assert "Geen wijzigingen" in again.stdout


def test_import_of_a_refused_file_exits_non_zero_with_problems_on_stderr(tmp_path: Path) -> None:
    data = tmp_path / "data"
    database, bad = tmp_path / "gouda.db", tmp_path / "kapot.xlsx"
    bad.write_text("geen excel")
    assert (
        _run("init", "--db", str(database), "--gemeente", "GM0513", data_dir=data).returncode == 0
    )
    before = file_hash(database)
    result = _run("import", "--db", str(database), str(bad), data_dir=data)
    assert result.returncode == 1
    assert "geen Excel-werkmap" in result.stderr
    assert "niet ingelezen" in result.stderr
    assert file_hash(database) == before


def test_export_with_private_data_needs_consent(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source, package = tmp_path / "gouda.db", tmp_path / "p.xlsx"
    _run("init", "--db", str(source), "--gemeente", "GM0513", data_dir=data)
    with open_workspace(source) as workspace, workspace.transaction() as session:
        session.add(
            Partner(
                municipality_id=municipality_id("GM0513"),
                name="Buurtpreventie",
                kind=PartnerKind.RESIDENTS,
                role="Coördinator bereikbaar op 06-12345678",
            )
        )
    refused = _run("export", "--db", str(source), "--out", str(package), data_dir=data)
    assert refused.returncode == 1
    assert "Partners!D2" in refused.stderr and "telefoonnummer" in refused.stderr
    assert not package.exists()
    accepted = _run(
        "export", "--db", str(source), "--out", str(package), "--accept-findings", data_dir=data
    )
    assert accepted.returncode == 0
    assert "Let op: Partner 'Buurtpreventie', veld Rol (Partners!D2)" in accepted.stderr


def test_removals_need_consent_on_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source, package = tmp_path / "gouda.db", tmp_path / "p.xlsx"
    _run("demo", "--db", str(source), "--gemeente", "GM0513", data_dir=data)
    empty_source = tmp_path / "leeg.db"  # a demo too: a demo workspace refuses a real package
    create_workspace(empty_source, WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True).close()
    assert (
        _run("export", "--db", str(empty_source), "--out", str(package), data_dir=data).returncode
        == 0
    )

    refused = _run("import", "--db", str(source), str(package), data_dir=data)
    assert refused.returncode == 1
    assert "verwijdert" in refused.stderr and "niets gewijzigd" in refused.stderr
    allowed = _run("import", "--db", str(source), str(package), "--allow-removals", data_dir=data)
    assert allowed.returncode == 0, allowed.stderr
