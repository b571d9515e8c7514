"""The IT department's nightly routine of docs/installatie-it.md, run as written on a real
cluster: pg_dump over the local socket, pg_restore into a new database, `check` on it; the
program then reads exactly what it held."""

from __future__ import annotations

import glob
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.packages.merge import merge_package
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole
from tests.conftest import RsivLocation
from tests.merge.conftest import GOUDA, DemoPackages

ROOT = Path(__file__).resolve().parents[2]
DELFT = "GM0503"


def _tool(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        pytest.skip(f"{name} is not installed")
    return found[-1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.mark.parametrize("rsiv_store", ["postgresql"])
def test_the_documented_pg_dump_and_pg_restore_give_back_the_same_workspace(
    demo_packages: DemoPackages, rsiv_location: RsivLocation, tmp_path: Path
) -> None:
    server = rsiv_location("rsiv")
    restored = rsiv_location("hersteld")  # the empty database IT makes with createdb
    assert isinstance(server, ServerAddress) and isinstance(restored, ServerAddress)
    with create_workspace(server, WorkspaceRole.REGION, is_demo=True) as workspace:
        for code in (GOUDA, DELFT):
            assert merge_package(workspace, demo_packages.by_code[code]).merged
    user = server.url.removeprefix("postgresql://").partition("@")[0]
    copy = tmp_path / "woninginbraken-20261202.dump"

    _run(_tool("pg_dump"), f"--dbname={server.url}", "--format=custom", f"--file={copy}")
    _run(
        _tool("pg_restore"),
        f"--dbname={restored.url}",
        "--no-owner",
        f"--role={user}",
        "--single-transaction",
        "--exit-on-error",
        str(copy),
    )

    program = [sys.executable, "-m", "app"]
    checked = _run(*program, "check", "--db", restored.url)
    assert "integriteit: in orde" in checked.stdout
    original = _run(*program, "dump", "--db", server.url).stdout
    assert _run(*program, "dump", "--db", restored.url).stdout == original
