"""The RSIV workspace on a PostgreSQL server: the same merges give the same data as in a
SQLite file, and the command line refuses what does not belong on a server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.core.inspection.integrity import check_workspace
from app.core.packages.merge import merge_package
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole
from tests.conftest import RsivLocation
from tests.merge.conftest import DemoPackages, comparable_dump

ROOT = Path(__file__).resolve().parents[2]


def _cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("rsiv_store", ["postgresql"])
def test_nine_packages_merged_into_postgresql_and_into_sqlite_give_identical_dumps(
    demo_packages: DemoPackages, rsiv_location: RsivLocation, tmp_path: Path
) -> None:
    server = rsiv_location("rsiv")
    assert isinstance(server, ServerAddress)
    forward = sorted(demo_packages.by_code)
    with create_workspace(server, WorkspaceRole.REGION, is_demo=True) as on_server:
        for code in forward:
            assert merge_package(on_server, demo_packages.by_code[code]).merged
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True) as in_file:
        for code in reversed(forward):
            assert merge_package(in_file, demo_packages.by_code[code]).merged
        file_dump = comparable_dump(in_file)

    # Reopened, as a colleague would: what the server holds, not what a session remembers.
    with open_workspace(server) as on_server:
        assert comparable_dump(on_server) == file_dump
        assert check_workspace(on_server).ok
    assert len(file_dump["imported_package"]) == 9
    checked = _cli("check", "--db", str(server))
    assert checked.returncode == 0, checked.stderr
    assert "integriteit: in orde" in checked.stdout


@pytest.mark.parametrize("rsiv_store", ["postgresql"])
def test_the_command_line_refuses_a_password_a_gemeente_and_a_second_workspace(
    rsiv_location: RsivLocation,
) -> None:
    server = str(rsiv_location("rsiv"))
    with_password = server.replace("postgresql://postgres@", "postgresql://postgres:geheim123@")
    assert with_password != server

    refused = _cli("init", "--rsiv", "--db", with_password)
    assert refused.returncode == 1
    assert "bevat een wachtwoord" in refused.stderr
    assert "geheim123" not in refused.stdout + refused.stderr

    gemeente = _cli("init", "--gemeente", "GM0513", "--db", server)
    assert gemeente.returncode == 1
    assert "alleen de RSIV-werkruimte" in gemeente.stderr

    assert _cli("init", "--rsiv", "--db", server).returncode == 0
    again = _cli("init", "--rsiv", "--db", server)
    assert again.returncode == 1
    assert "bevat al een werkruimte" in again.stderr
    dumped = _cli("dump", "--db", server)
    assert dumped.returncode == 0, dumped.stderr
    assert '"workspace_info"' in dumped.stdout


def test_the_window_and_the_commands_keep_a_server_address_whole() -> None:
    from app.cli import build_parser

    url = "postgresql://rsiv@/woninginbraken?host=/run/postgresql"
    for arguments in (["--db", url], ["dump", "--db", url], ["import", "--db", url, "p.xlsx"]):
        assert build_parser().parse_args(arguments).db == ServerAddress(url)
    assert build_parser().parse_args(["dump", "--db", "rsiv.db"]).db == Path("rsiv.db")
