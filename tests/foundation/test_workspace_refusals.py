"""Opening what is not a usable workspace is refused in Dutch, and the file stays as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.kernel.errors import WorkspaceError, WorkspaceLockedError
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _closed_workspace(path: Path) -> Path:
    create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0503").close()
    return path


def _assert_refused(path: Path, *words: str) -> None:
    before = _digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(WorkspaceError) as refusal:
        open_workspace(path)
    for word in words:
        assert word in str(refusal.value)
    assert _digest(path) == before
    assert not (path.parent / (path.name + "-wal")).exists()
    leftover = sorted(p.name for p in path.parent.iterdir())
    assert leftover == siblings  # not even a lock file


def test_a_text_file_is_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "notities.db"
    path.write_text("boodschappenlijst", encoding="utf-8")
    _assert_refused(path, "geen werkruimte", "SQLite")


def test_another_programs_database_is_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "ander.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE klanten (naam TEXT)")
    connection.commit()
    connection.close()
    _assert_refused(path, "geen werkruimte van Aanpak Woninginbraken")


def test_a_workspace_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = _closed_workspace(tmp_path / "nieuw.db")
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    _assert_refused(path, "nieuwere versie", "Installeer")


def test_a_workspace_open_elsewhere_is_refused(tmp_path: Path) -> None:
    path = _closed_workspace(tmp_path / "open.db")
    with open_workspace(path):
        before = _digest(path)
        with pytest.raises(WorkspaceLockedError) as refusal:
            open_workspace(path)
        assert "al geopend" in str(refusal.value)
        assert _digest(path) == before


def test_a_workspace_open_in_another_process_is_refused(tmp_path: Path) -> None:
    path = _closed_workspace(tmp_path / "proces.db")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from app.kernel.workspace import open_workspace; "
            f"w = open_workspace({str(path)!r}); print('open', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(WorkspaceLockedError):
            open_workspace(path)
    finally:
        holder.kill()
        holder.wait()
    open_workspace(path).close()  # the lock dies with the process that held it


def test_a_read_only_workspace_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _closed_workspace(tmp_path / "alleenlezen.db")
    path.chmod(0o444)
    # Root may write to read-only files, so the check itself is what is observed here.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode)
    )
    _assert_refused(path, "alleen-lezen")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="bestaat niet"):
        open_workspace(tmp_path / "weg.db")
    assert not (tmp_path / "weg.db").exists()


def test_a_cloud_synced_folder_is_refused_with_the_local_folder_offered(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - Gemeente Gouda"
    with pytest.raises(WorkspaceError) as refusal:
        create_workspace(folder / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513")
    message = str(refusal.value)
    assert "clouddienst" in message
    assert os.environ["WONINGINBRAKEN_DATA_DIR"] in message
    assert not folder.exists()


def test_creating_over_an_existing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bestaand.db"
    path.write_bytes(b"iets")
    with pytest.raises(WorkspaceError, match="bestaat al"):
        create_workspace(path, WorkspaceRole.REGION)
    assert path.read_bytes() == b"iets"


def test_an_unknown_or_non_participating_gemeente_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="onbekend"):
        create_workspace(tmp_path / "a.db", WorkspaceRole.MUNICIPALITY, "GM9999")
    with pytest.raises(WorkspaceError, match="neemt niet deel"):
        create_workspace(tmp_path / "b.db", WorkspaceRole.MUNICIPALITY, "GM0546")
    assert list(tmp_path.iterdir()) == []
