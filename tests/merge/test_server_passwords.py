"""A password for the server never shows: not in a message, the data folder (logs, crash log,
restorable points, settings), the server's record of the sessions, or a dump. An address
with a password in it is refused by every command, before anything connects or is written."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from app.cli import main
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole
from tests.conftest import RsivLocation, pg_test_url
from tests.merge.conftest import GOUDA, DemoPackages

ROOT = Path(__file__).resolve().parents[2]
SECRET = "geheim123"
SERVER_ONLY = pytest.mark.parametrize("rsiv_store", ["postgresql"])


def _cli(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "WONINGINBRAKEN_DATA_DIR": str(data_dir), "PGPASSWORD": SECRET},
    )


def _everything_written(folder: Path) -> str:
    """Every file in the data folder as text, restorable points decompressed."""
    texts = []
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            if path.name.endswith(".gz"):
                content = gzip.decompress(content)
            texts.append(content.decode("utf-8", "replace"))
    return "\n".join(texts)


def _with_password(server: ServerAddress) -> list[str]:
    """The ways a password can ride along in a URL: user:password@, percent-encoded, and as
    a query parameter."""
    url = server.url
    return [
        url.replace("postgresql://postgres@", f"postgresql://postgres:{SECRET}@"),
        url.replace("postgresql://postgres@", "postgresql://postgres:%67eheim123@"),
        f"{url}&password={SECRET}",
    ]


@SERVER_ONLY
def test_every_command_refuses_an_address_with_a_password_and_repeats_nothing(
    demo_packages: DemoPackages, rsiv_location: RsivLocation, tmp_path: Path
) -> None:
    server = rsiv_location("rsiv")
    assert isinstance(server, ServerAddress)
    create_workspace(server, WorkspaceRole.REGION, is_demo=True).close()
    data = tmp_path / "gegevens"
    package = str(demo_packages.by_code[GOUDA])
    plain, *other_forms = _with_password(server)
    attempts = [(command, plain) for command in _commands(plain, package, tmp_path)]
    attempts += [(["dump", "--db", url], url) for url in other_forms]
    for command, url in attempts:
        assert url != server.url
        refused = _cli(*command, data_dir=data)
        said = refused.stdout + refused.stderr
        assert refused.returncode == 1, (command, said)
        assert "bevat een wachtwoord" in said and ".pgpass" in said, said
        assert SECRET not in said and "%67eheim" not in said
    # Commands for a gemeente's file refuse any server address, and repeat none.
    for command in (
        ["figures", "--db", plain, package],
        ["form", "--db", plain, "--hotspot", "x", "--out", str(tmp_path / "f.xlsx")],
        ["import-form", "--db", plain, package],
        ["plan-document", "--db", plain, "--out", str(tmp_path / "p.docx")],
        ["driehoek", "--db", plain, "--out", str(tmp_path / "d.pdf")],
        ["redact", "--db", plain],
    ):
        refused = _cli(*command, data_dir=data)
        assert refused.returncode == 2, (command, refused.stderr)
        assert "alleen met een .db-bestand" in refused.stderr
        assert SECRET not in refused.stdout + refused.stderr
    assert SECRET not in _everything_written(data)


def _commands(url: str, package: str, folder: Path) -> list[list[str]]:
    """Every command that takes a regional workspace."""
    return [
        ["init", "--rsiv", "--db", url],
        ["demo", "--rsiv", "--db", url],
        ["regio", "--db", url],
        ["dump", "--db", url],
        ["check", "--db", url],
        ["restore", "--db", url],
        ["import", "--db", url, package],
        ["status", "--db", url],
        ["report", "--db", url, "--out", str(folder / "r.pdf")],
        ["evaluation", "--db", url, "--out", str(folder / "e.pdf")],
        ["feedback-export", "--db", url, "--gemeente", GOUDA, "--out", str(folder / "t.xlsx")],
    ]


def test_libpqs_keyword_form_is_refused_without_repeating_it(tmp_path: Path) -> None:
    given = f"host=/tmp dbname=rsiv password={SECRET}"
    refused = _cli("dump", "--db", given, data_dir=tmp_path)
    assert refused.returncode == 2
    assert "postgresql://gebruiker@server/database" in refused.stderr
    assert SECRET not in refused.stdout + refused.stderr


@SERVER_ONLY
def test_a_password_from_the_environment_stays_out_of_every_trace(
    demo_packages: DemoPackages,
    rsiv_location: RsivLocation,
    tmp_path: Path,
    isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = rsiv_location("rsiv")
    # A demo RSIV: the demo package is refused by a real one.
    create_workspace(server, WorkspaceRole.REGION, is_demo=True).close()
    data = tmp_path / "gegevens"
    url = str(server)
    for command in (
        ["import", "--db", url, str(demo_packages.by_code[GOUDA])],
        ["dump", "--db", url],
        ["check", "--db", url],
        ["restore", "--db", url],
        # Refused after connecting: the refusal names the database, not the address.
        ["restore", "--db", url, "--from", str(tmp_path / "weg.pg.gz")],
        ["init", "--rsiv", "--db", url],
    ):
        done = _cli(*command, data_dir=data)
        assert SECRET not in done.stdout + done.stderr, command
    assert list((data / "backups").glob("*/*.pg.gz")), "the merge made a restorable point"

    # The server's record of who is working: the session's name and every other column.
    with open_workspace(server), psycopg.connect(pg_test_url()) as admin:
        sessions = admin.execute("SELECT * FROM pg_stat_activity").fetchall()
        assert any("aanpak-woninginbraken" in str(row) for row in sessions)
        assert SECRET not in str(sessions)

    # A bug while the workspace is open: the crash log holds the traceback, not the password.
    monkeypatch.setenv("PGPASSWORD", SECRET)

    def broken(*_args: object) -> None:
        raise RuntimeError("een fout in het programma")

    monkeypatch.setattr("app.core.inspection.dump.dump_workspace", broken)
    assert main(["dump", "--db", url]) == 70
    assert "een fout in het programma" in _everything_written(isolated_data_dir)
    assert SECRET not in capsys.readouterr().err
    assert SECRET not in _everything_written(data) + _everything_written(isolated_data_dir)
