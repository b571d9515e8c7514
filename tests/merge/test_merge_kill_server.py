"""A merge into the workspace on the PostgreSQL server, killed while it writes, leaves the old
state; the server rolls the transaction back, and the package merges cleanly afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from app.core.packages.merge import merge_package
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole
from tests.conftest import RsivLocation, pg_test_url
from tests.merge.conftest import GOUDA, DemoPackages, comparable_dump

ROOT = Path(__file__).resolve().parents[2]
# The application_name the program gives its server connections (database/postgres.py).
APPLICATION = "aanpak-woninginbraken"


def _writing_backends(admin: psycopg.Connection, database: str) -> int:
    """Our sessions on `database` inside a transaction that has written something."""
    return admin.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name LIKE %s "
        "AND backend_xid IS NOT NULL",
        (database, f"{APPLICATION}%"),
    ).fetchone()[0]


def _sessions(admin: psycopg.Connection, database: str) -> int:
    return admin.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name LIKE %s",
        (database, f"{APPLICATION}%"),
    ).fetchone()[0]


@pytest.mark.parametrize("rsiv_store", ["postgresql"])
def test_a_merge_killed_while_writing_leaves_the_old_state(
    demo_packages: DemoPackages, rsiv_location: RsivLocation
) -> None:
    server = rsiv_location("rsiv")
    assert isinstance(server, ServerAddress)
    database = server.name
    gouda = demo_packages.by_code[GOUDA]
    with create_workspace(server, WorkspaceRole.REGION, is_demo=True) as workspace:
        for code, path in demo_packages.by_code.items():
            if code != GOUDA:
                assert merge_package(workspace, path).merged
        old = comparable_dump(workspace)

    merging = subprocess.Popen(
        [sys.executable, "-m", "app", "import", "--db", str(server), str(gouda)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    killed_while_writing = False
    with psycopg.connect(pg_test_url(), autocommit=True) as admin:
        while merging.poll() is None:
            if _writing_backends(admin, database):
                merging.send_signal(signal.SIGKILL)
                killed_while_writing = True
                break
            time.sleep(0.005)
        merging.wait()
        # The server ends the dead client's session and rolls its transaction back.
        while _sessions(admin, database):
            time.sleep(0.05)

    with open_workspace(server) as workspace:
        after_kill = comparable_dump(workspace)
        if killed_while_writing:
            assert after_kill == old
        assert merge_package(workspace, gouda).merged is killed_while_writing
        new = comparable_dump(workspace)
    assert killed_while_writing, "the merge finished before it could be killed"
    assert new != old
