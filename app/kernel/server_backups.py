"""Restorable points of a regional workspace on a PostgreSQL server.

A file workspace is copied before a merge; a server workspace gets the same: every row of
every table, read in one consistent snapshot (REPEATABLE READ) with PostgreSQL's COPY and
written gzip-compressed into the workspace's backup folder in the data folder. Restoring one
empties the tables and copies the rows back in one transaction, so a broken-off restore leaves
the state before it. The IT department's nightly pg_dump (docs/installatie-it.md) covers the
server itself; these points let the coordinator undo a merge without IT.

The file: a first line of JSON (what it is, the workspace id, the schema revision, the
tables), then per table a line '#tabel <name>', its rows in COPY's text form (one line per
row; COPY escapes newlines and backslashes, so no row reads as the end marker) and a line
'\\.'.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.kernel.errors import WorkspaceError
from app.kernel.files import FileWriteError, refusal, written_file
from app.kernel.paths import data_dir
from app.kernel.workspace import (
    BACKUP_STAMP_FORMAT,
    BACKUPS_KEPT,
    Workspace,
    workspace_backup_dir,
)
from database import migrate
from database.dialect import copy_in, copy_out, empty_tables
from database.tables import metadata

SNAPSHOT_KIND = "aanpak-woninginbraken-herstelpunt"
SNAPSHOT_SUFFIX = ".pg.gz"
# '<database>-<moment>-<reason>.pg.gz'; a file still being written starts with '.~'.
SNAPSHOT_NAME = re.compile(r"^(?!\.~).+-(\d{8}T\d{12}Z)-(.+)\.pg\.gz$")
_TABLE_START = b"#tabel "
_TABLE_END = b"\\.\n"


def snapshot_server(workspace: Workspace, reason: str, keep: Path | None = None) -> Path:
    """Write a restorable point of the server workspace; keep the last 20 of them, and `keep`
    whatever its age. Returns the file."""
    assert workspace.server is not None, "a file workspace is backed up as a file"
    folder = workspace_backup_dir(workspace.summary.id)
    remedy = (
        f"Vraag schrijfrechten voor de gegevensmap {data_dir()}; er is niets gewijzigd en "
        "zonder herstelpunt gaat het programma niet verder."
    )
    stem = re.sub(r"[^A-Za-z0-9_-]", "", workspace.server.name) or "werkruimte"
    stamp = datetime.now(UTC).strftime(BACKUP_STAMP_FORMAT)
    target = folder / f"{stem}-{stamp}-{reason}{SNAPSHOT_SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileWriteError(refusal(error, target, "Het herstelpunt", remedy)) from error
    tables = _tables()
    engine = workspace.engine.execution_options(isolation_level="REPEATABLE READ")
    # Level 1: several times faster than the default and still about a fifth of the size.
    with (
        written_file(target, "Het herstelpunt", remedy) as partial,
        engine.connect() as connection,
        gzip.open(partial, "wb", compresslevel=1) as out,
    ):
        header = {
            "soort": SNAPSHOT_KIND,
            "werkruimte": workspace.summary.id,
            "schema": migrate.current_revision(connection),
            "tabellen": dict(tables),
        }
        out.write(json.dumps(header).encode() + b"\n")
        for name, columns in tables:
            out.write(_TABLE_START + name.encode() + b"\n")
            for line in copy_out(connection, name, columns):
                out.write(line)
            out.write(_TABLE_END)
    _prune(folder, keep)
    return target


def snapshot_workspace_id(path: Path) -> str | None:
    """The workspace id in a restorable point's first line; None when it is not one."""
    try:
        return str(_read_header(path)["werkruimte"])
    except WorkspaceError:
        return None


def restore_server(workspace: Workspace, snapshot: Path) -> Path:
    """Put a restorable point back as the server workspace's content, in one transaction;
    returns the point made just before, so the restore can itself be undone."""
    assert workspace.server is not None, "a file workspace is restored from a file"
    snapshot = Path(snapshot)
    if not snapshot.is_file():
        raise WorkspaceError(
            f"Het herstelpunt {snapshot} bestaat niet (meer). Kies een ander herstelpunt."
        )
    header = _read_header(snapshot)
    if header["werkruimte"] != workspace.summary.id:
        raise WorkspaceError(
            f"{snapshot.name} is een herstelpunt van een andere werkruimte. Kies een herstelpunt "
            "van deze werkruimte; er is niets gewijzigd."
        )
    tables = _tables()
    with workspace.engine.connect() as connection:
        revision = migrate.current_revision(connection)
    if header["schema"] != revision or header["tabellen"] != dict(tables):
        raise WorkspaceError(
            f"{snapshot.name} is gemaakt met schemaversie {header['schema']}, maar de werkruimte "
            f"heeft nu versie {revision}. Dit herstelpunt kan niet meer worden teruggezet; vraag "
            "de IT-afdeling om de pg_dump-kopie van die dag. Er is niets gewijzigd."
        )
    colleagues = workspace.colleagues()
    if colleagues:
        raise WorkspaceError(
            f"{', '.join(colleagues)} werkt nu ook in deze werkruimte; terugzetten zou dat werk "
            "ongemerkt weggooien. Vraag hen de werkruimte te sluiten en probeer het opnieuw; er "
            "is niets gewijzigd."
        )
    safety = snapshot_server(workspace, "voor-herstel", keep=snapshot)
    try:
        with workspace.engine.begin() as connection, _opened(snapshot) as source:
            _header(source, snapshot)
            empty_tables(connection, [name for name, _columns in tables])
            for name, columns in tables:
                if source.readline() != _TABLE_START + name.encode() + b"\n":
                    raise _damaged(snapshot)
                copy_in(connection, name, columns, _rows(source, snapshot))
    except BaseException:
        # The transaction left the workspace as it was: this point adds nothing, and kept,
        # each failed restore would push an older good one out.
        safety.unlink(missing_ok=True)
        raise
    return safety


def _tables() -> list[tuple[str, list[str]]]:
    """Every table with its columns, parents before the tables that refer to them."""
    return [
        (table.name, [column.name for column in table.columns]) for table in metadata.sorted_tables
    ]


def _header(source: gzip.GzipFile, path: Path) -> dict[str, Any]:
    try:
        header = json.loads(source.readline())
    except (ValueError, UnicodeDecodeError):
        header = None
    if not isinstance(header, dict) or header.get("soort") != SNAPSHOT_KIND:
        raise _not_a_snapshot(path)
    return header


def _rows(source: gzip.GzipFile, path: Path) -> Iterator[bytes]:
    for line in source:
        if line == _TABLE_END:
            return
        yield line
    raise _damaged(path)  # the file ended inside a table


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[gzip.GzipFile]:
    """The snapshot's decompressed lines; a file that breaks off is one Dutch sentence."""
    try:
        with gzip.open(path, "rb") as source:
            yield source
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise _damaged(path) from error


def _read_header(path: Path) -> dict[str, Any]:
    try:
        with gzip.open(path, "rb") as source:
            return _header(source, path)
    except (OSError, EOFError, zlib.error) as error:  # not gzip, or not readable
        raise _not_a_snapshot(path) from error


def _not_a_snapshot(path: Path) -> WorkspaceError:
    return WorkspaceError(
        f"{path.name} is geen herstelpunt van Aanpak Woninginbraken. Kies een bestand uit "
        "de map 'backups' in de gegevensmap; er is niets gewijzigd."
    )


def _damaged(path: Path) -> WorkspaceError:
    return WorkspaceError(
        f"Het herstelpunt {path.name} is onvolledig of beschadigd. Kies een ander herstelpunt; "
        "er is niets gewijzigd."
    )


def _prune(folder: Path, keep: Path | None) -> None:
    points = sorted(
        (found for found in folder.glob(f"*{SNAPSHOT_SUFFIX}") if SNAPSHOT_NAME.match(found.name)),
        key=lambda found: found.stat().st_mtime,
    )
    for old in points[:-BACKUPS_KEPT]:
        if keep is None or old.resolve() != keep.resolve():
            old.unlink(missing_ok=True)
