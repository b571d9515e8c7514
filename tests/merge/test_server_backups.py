"""Restorable points of the RSIV workspace on a PostgreSQL server: made before a merge, put
back with `restore` (the same use case as Bestand > Herstellen), refused when they would do
harm. Run on a real cluster through the real command line."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from app.core.inspection.dump import dump_workspace
from app.core.packages.merge import merge_package, merge_previewed, preview_merges
from app.kernel.backups import list_workspace_backups, restore_backup
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole
from tests.conftest import RsivLocation, pg_test_url
from tests.merge.conftest import GOUDA, DemoPackages
from tests.merge.test_merge_kill_server import _sessions, _writing_backends

ROOT = Path(__file__).resolve().parents[2]
DELFT = "GM0503"
SERVER_ONLY = pytest.mark.parametrize("rsiv_store", ["postgresql"])


def _cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _dump(server: ServerAddress) -> str:
    dumped = _cli("dump", "--db", str(server))
    assert dumped.returncode == 0, dumped.stderr
    return dumped.stdout


def _points(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "backups").glob("*/*.pg.gz"))


@SERVER_ONLY
def test_restore_puts_back_the_state_before_a_merge_and_can_itself_be_undone(
    demo_packages: DemoPackages, rsiv_location: RsivLocation, isolated_data_dir: Path
) -> None:
    server = rsiv_location("rsiv")
    assert isinstance(server, ServerAddress)
    with create_workspace(server, WorkspaceRole.REGION, is_demo=True) as workspace:
        assert merge_package(workspace, demo_packages.by_code[DELFT], backup=False).merged
    before = _dump(server)
    assert not _points(isolated_data_dir)

    merged = _cli("import", "--db", str(server), str(demo_packages.by_code[GOUDA]))
    assert merged.returncode == 0, merged.stderr
    after = _dump(server)
    assert after != before
    (point,) = _points(isolated_data_dir)
    assert "-voor-samenvoegen_GM0513_nr" in point.name

    listed = _cli("restore", "--db", str(server))
    assert listed.returncode == 0, listed.stderr
    assert "voor het samenvoegen van een pakket (GM0513, nr" in listed.stdout
    assert str(point) in listed.stdout

    restored = _cli("restore", "--db", str(server), "--from", str(point))
    assert restored.returncode == 0, restored.stderr
    assert _dump(server) == before
    checked = _cli("check", "--db", str(server))
    assert checked.returncode == 0, checked.stderr

    # The restore made a point of its own first: going back to it undoes the restore.
    (undo,) = [found for found in _points(isolated_data_dir) if "voor-herstel" in found.name]
    again = _cli("restore", "--db", str(server), "--from", str(undo))
    assert again.returncode == 0, again.stderr
    assert _dump(server) == after


@SERVER_ONLY
def test_a_merge_job_of_several_packages_makes_one_point_before_the_job(
    demo_packages: DemoPackages, rsiv_location: RsivLocation
) -> None:
    server = rsiv_location("rsiv")
    files = [demo_packages.by_code[code] for code in (GOUDA, DELFT)]
    with create_workspace(server, WorkspaceRole.REGION, is_demo=True) as workspace:
        before = dump_workspace(workspace)
        outcomes = merge_previewed(workspace, preview_merges(workspace, files))
        assert all(outcome.merged for outcome in outcomes)
        (point,) = list_workspace_backups(workspace)
        assert point.description == "voor het samenvoegen van 2 pakketten"
        restore_backup(workspace, point.path)
        assert dump_workspace(workspace) == before


@SERVER_ONLY
def test_a_restore_that_would_do_harm_is_refused_and_changes_nothing(
    demo_packages: DemoPackages,
    rsiv_location: RsivLocation,
    isolated_data_dir: Path,
    tmp_path: Path,
) -> None:
    server = rsiv_location("rsiv")
    other = rsiv_location("andere")
    assert isinstance(server, ServerAddress) and isinstance(other, ServerAddress)
    create_workspace(other, WorkspaceRole.REGION, is_demo=True).close()
    with create_workspace(server, WorkspaceRole.REGION, is_demo=True) as workspace:
        assert merge_package(workspace, demo_packages.by_code[GOUDA], backup=False).merged
        assert merge_package(workspace, demo_packages.by_code[DELFT]).merged
        (point,) = list_workspace_backups(workspace)
    current = _dump(server)

    # Cut off halfway through Gouda's rows, as a copy to a full disk would leave it.
    whole = gzip.decompress(point.path.read_bytes())
    header = whole.index(b"\n")
    cut = tmp_path / "afgebroken.pg.gz"
    cut.write_bytes(gzip.compress(whole[: header + (len(whole) - header) // 2]))
    not_one = tmp_path / "werkruimte.db"
    not_one.write_bytes(b"SQLite format 3\x00" + bytes(100))
    refusals = {
        cut: "is onvolledig of beschadigd",
        not_one: "is geen herstelpunt van Aanpak Woninginbraken",
        tmp_path / "weg.pg.gz": "bestaat niet (meer)",
    }
    for source, sentence in refusals.items():
        refused = _cli("restore", "--db", str(server), "--from", str(source))
        assert refused.returncode == 1, refused.stderr
        assert sentence in refused.stderr
        assert "Traceback" not in refused.stderr
        assert _dump(server) == current

    foreign = _cli("restore", "--db", str(other), "--from", str(point.path))
    assert foreign.returncode == 1
    assert "herstelpunt van een andere werkruimte" in foreign.stderr

    # A colleague with the workspace open would lose their work unnoticed.
    with psycopg.connect(server.url, application_name="aanpak-woninginbraken anna"):
        busy = _cli("restore", "--db", str(server), "--from", str(point.path))
    assert busy.returncode == 1
    assert "anna werkt nu ook in deze werkruimte" in busy.stderr
    assert _dump(server) == current
    assert not [found for found in _points(isolated_data_dir) if "voor-herstel" in found.name]


@SERVER_ONLY
def test_a_restore_killed_while_writing_leaves_the_state_before_it(
    demo_packages: DemoPackages, rsiv_location: RsivLocation
) -> None:
    server = rsiv_location("rsiv")
    assert isinstance(server, ServerAddress)
    with create_workspace(server, WorkspaceRole.REGION, is_demo=True) as workspace:
        assert merge_package(workspace, demo_packages.by_code[GOUDA], backup=False).merged
        assert merge_package(workspace, demo_packages.by_code[DELFT]).merged
        (point,) = list_workspace_backups(workspace)
    current = _dump(server)

    restoring = subprocess.Popen(
        [sys.executable, "-m", "app", "restore", "--db", str(server), "--from", str(point.path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    killed_while_writing = False
    with psycopg.connect(pg_test_url(), autocommit=True) as admin:
        while restoring.poll() is None:
            if _writing_backends(admin, server.name):
                restoring.send_signal(signal.SIGKILL)
                killed_while_writing = True
                break
            time.sleep(0.005)
        restoring.wait()
        # The server ends the dead client's session and rolls its transaction back.
        while _sessions(admin, server.name):
            time.sleep(0.05)
    assert killed_while_writing, "the restore finished before it could be killed"
    assert _dump(server) == current


def test_the_restore_command_puts_back_a_file_backup_too(
    demo_packages: DemoPackages, tmp_path: Path, isolated_data_dir: Path
) -> None:
    path = tmp_path / "rsiv.db"
    create_workspace(path, WorkspaceRole.REGION, is_demo=True).close()
    before = _cli("dump", "--db", str(path)).stdout
    merged = _cli("import", "--db", str(path), str(demo_packages.by_code[GOUDA]))
    assert merged.returncode == 0, merged.stderr
    (backup,) = (isolated_data_dir / "backups").glob("*/*.db")

    listed = _cli("restore", "--db", str(path))
    assert "voor het samenvoegen van een pakket (GM0513, nr" in listed.stdout
    restored = _cli("restore", "--db", str(path), "--from", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert _cli("dump", "--db", str(path)).stdout == before
