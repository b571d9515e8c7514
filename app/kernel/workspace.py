"""Creating and opening workspaces: one SQLite file with a role, checked before it is touched
(or, for the RSIV only, a PostgreSQL database: app.kernel.server_store).

Every refusal happens before the file is changed: the checks read the file through a
read-only connection, and only then does the app take the lock, back up and migrate.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, insert, select

from app import __version__
from app.kernel import reference
from app.kernel.errors import WorkspaceError, WorkspaceLockedError
from app.kernel.location import unsafe_location_reason
from app.kernel.locks import AlreadyLockedError, WorkspaceLock
from app.kernel.paths import backup_dir, data_dir
from app.kernel.server_address import ServerAddress
from app.kernel.server_store import (
    ServerSession,
    connect_server,
    current_user,
    refuse_municipality_on_server,
    server_revision,
)
from database import migrate
from database.enums import WorkspaceRole
from database.schema_version import HEAD_REVISION
from database.store import make_engine, make_session_factory
from database.tables import WORKSPACE_FORMAT, municipality_table, workspace_info_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUPS_KEPT = 20
PARTIAL_SUFFIX = ".part"
BACKUP_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"


def backup_name_pattern(workspace_path: Path) -> re.Pattern[str]:
    """The names of this workspace's backups, '<stem>-<moment>-<reason>.db', and no other's:
    'werkruimte' must not match the backups of 'werkruimte-oud'."""
    stem = re.escape(Path(workspace_path).stem)
    return re.compile(rf"^{stem}-(\d{{8}}T\d{{12}}Z)-(.+)\.db$")


@dataclass(frozen=True)
class WorkspaceSummary:
    """What the window title and the first screen need to know about a workspace."""

    id: str
    role: WorkspaceRole
    municipality_code: str | None
    municipality_name: str | None
    is_demo: bool

    @property
    def display_name(self) -> str:
        if self.role is WorkspaceRole.REGION:
            return "RSIV (regionaal)"
        return self.municipality_name or ""


class Workspace:
    """An open workspace: the engine, the session factory and the lock that guards the file.

    A regional workspace on a PostgreSQL server has no file: `path` is None, `server` names
    it, and the user's ServerSession takes the place of the file lock.
    """

    def __init__(
        self,
        path: Path | None,
        engine: Engine,
        lock: WorkspaceLock | ServerSession,
        server: ServerAddress | None = None,
    ) -> None:
        self.path = path
        self.server = server
        self.engine = engine
        self._session_factory: sessionmaker[Session] | None = None
        self._lock = lock
        self.summary = self._read_summary()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading only; nothing is committed."""
        with self._sessions() as session:
            yield session

    @contextlib.contextmanager
    def connection(self) -> Iterator[Connection]:
        """A Core connection for reading through database.tables; nothing is committed.

        Needs neither the ORM nor the mapped classes: the first screen reads this way.
        """
        with self.engine.connect() as connection:
            yield connection

    @property
    def _sessions(self) -> sessionmaker[Session]:
        if self._session_factory is None:
            self._session_factory = make_session_factory(self.engine)
        return self._session_factory

    def close(self) -> None:
        self._release_engine()
        self._lock.release()

    def colleagues(self) -> list[str]:
        """Who else has this workspace open: on a server, by user name; a file has one user."""
        return self._lock.colleagues() if isinstance(self._lock, ServerSession) else []

    def restore_from(self, backup: Path) -> Path:
        """Replace the content with a backup of this workspace; returns the backup made first.

        The lock stays held throughout, so no other window opens the file halfway. The copy
        uses SQLite's backup API into the live file: one write transaction, so a crash leaves
        either the old or the restored content. An older schema is upgraded afterwards.
        """
        if self.path is None:
            raise WorkspaceError(
                "Een werkruimte op de databaseserver wordt teruggezet met pg_restore door de "
                "IT-afdeling (zie de installatiehandleiding); er is niets gewijzigd."
            )
        revision = _inspect(backup)
        backup_id = _workspace_id(backup)
        if backup_id != self.summary.id:
            raise WorkspaceError(
                f"{backup.name} is een reservekopie van een andere werkruimte. Kies een "
                "reservekopie van deze werkruimte; er is niets gewijzigd."
            )
        # The chosen backup may be the oldest: the clean-up after this copy must not take it.
        safety = backup_workspace(self.path, reason="voor-herstel", keep=backup)
        self._release_engine()
        try:
            _copy_database(backup, self.path, at_rest=True)
        finally:
            self.engine = make_engine(self.path)
            self._session_factory = None
        if revision != HEAD_REVISION:
            migrate.upgrade(self.engine)
        self.summary = self._read_summary()
        return safety

    def _release_engine(self) -> None:
        if self.path is None:
            self.engine.dispose()
            return
        with contextlib.suppress(sqlite3.Error), self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _read_summary(self) -> WorkspaceSummary:
        info = workspace_info_table.c
        town = municipality_table.c
        statement = select(info.id, info.role, info.is_demo, town.cbs_code, town.name).outerjoin(
            municipality_table, town.id == info.municipality_id
        )
        with self.connection() as connection:
            id_, role, is_demo, code, name = connection.execute(statement).one()
        return WorkspaceSummary(
            id=id_, role=role, municipality_code=code, municipality_name=name, is_demo=is_demo
        )


def create_workspace(
    path: Path | ServerAddress,
    role: WorkspaceRole,
    cbs_code: str | None = None,
    *,
    is_demo: bool = False,
) -> Workspace:
    """Make a new workspace file at `path` (which must not exist yet) and open it."""
    if isinstance(path, ServerAddress):
        return _create_on_server(path, role, is_demo=is_demo)
    path = Path(path)
    if path.exists():
        raise WorkspaceError(
            f"Het bestand {path} bestaat al. Kies een nieuwe bestandsnaam of open het bestaande "
            "bestand."
        )
    municipality = None
    if role is WorkspaceRole.MUNICIPALITY:
        municipality = reference.find_municipality(cbs_code or "")
        if municipality is None:
            known = ", ".join(m.cbs_code for m in reference.participants())
            raise WorkspaceError(
                f"Gemeentecode '{cbs_code}' is onbekend. Gebruik een CBS-code van een "
                f"deelnemende gemeente: {known}."
            )
        if not municipality.is_participant:
            raise WorkspaceError(
                f"{municipality.name} ({municipality.cbs_code}) neemt niet deel aan het project; "
                "kies een deelnemende gemeente."
            )
    _refuse_unsafe_folder(path.parent)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkspaceError(
            f"De map {path.parent} kan niet worden aangemaakt ({error.strerror}). Kies een map "
            "waarin u mag schrijven."
        ) from error
    lock = _acquire_lock(path)
    engine = make_engine(path)
    try:
        _fill_new(engine, role, municipality.id if municipality else None, is_demo=is_demo)
    except Exception:
        engine.dispose()
        lock.release()
        for leftover in (path, *_sidecars(path)):
            leftover.unlink(missing_ok=True)
        raise
    return Workspace(path, engine, lock)


def _fill_new(
    engine: Engine, role: WorkspaceRole, municipality_id: str | None, *, is_demo: bool
) -> None:
    """The schema, the reference list of gemeenten and the workspace's own row."""
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(municipality_table),
            [
                {
                    "id": ref.id,
                    "cbs_code": ref.cbs_code,
                    "name": ref.name,
                    "police_team": ref.police_team,
                    "is_participant": ref.is_participant,
                }
                for ref in reference.municipalities()
            ],
        )
        connection.execute(
            insert(workspace_info_table).values(
                role=role,
                municipality_id=municipality_id,
                is_demo=is_demo,
                created_by_version=__version__,
            )
        )


def _create_on_server(address: ServerAddress, role: WorkspaceRole, *, is_demo: bool) -> Workspace:
    """A regional workspace in an empty PostgreSQL database that the IT department made."""
    if role is not WorkspaceRole.REGION:
        refuse_municipality_on_server(address)
    engine = connect_server(address)
    try:
        if server_revision(engine, address) is not None:
            raise WorkspaceError(
                f"De database {address.name} bevat al een werkruimte. Open die, of vraag de "
                "IT-afdeling om een lege database."
            )
        # Schema and first rows are two transactions: a failure between them leaves tables
        # without a workspace row, which opening refuses, and IT empties the database again.
        _fill_new(engine, role, None, is_demo=is_demo)
        session = ServerSession(address, current_user())
    except BaseException:
        engine.dispose()
        raise
    return Workspace(None, engine, session, server=address)


def _open_on_server(address: ServerAddress) -> Workspace:
    engine = connect_server(address)
    session = None
    try:
        session = ServerSession(address, current_user())
        revision = server_revision(engine, address)
        if revision is None:
            raise WorkspaceError(
                f"De database {address.name} is leeg. Maak er eerst een RSIV-werkruimte in met "
                "'init --rsiv'."
            )
        if revision != HEAD_REVISION:
            if revision not in migrate.known_revisions():
                raise WorkspaceError(
                    f"De werkruimte in {address.name} is gemaakt met een nieuwere versie van "
                    f"Aanpak Woninginbraken (schema {revision}); deze versie is {__version__}. "
                    "Installeer de nieuwste versie."
                )
            # PostgreSQL migrates in one transaction: a failure leaves the old schema.
            migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        if session is not None:
            session.release()
        raise
    return Workspace(None, engine, session, server=address)


def open_workspace(path: Path | ServerAddress) -> Workspace:
    """Open an existing workspace, upgrading its schema (after a backup) when it is older."""
    if isinstance(path, ServerAddress):
        return _open_on_server(path)
    path = Path(path)
    if not path.exists():
        raise WorkspaceError(
            f"Het bestand {path} bestaat niet. Controleer het pad, of maak een nieuwe werkruimte "
            "met 'init'."
        )
    if path.is_dir():
        raise WorkspaceError(f"{path} is een map, geen werkruimtebestand. Kies een .db-bestand.")
    _refuse_unsafe_folder(path.parent)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise WorkspaceError(
            f"De werkruimte {path} is alleen-lezen (of de map erom is dat). Kopieer het bestand "
            "naar een map waarin u mag schrijven, of vraag schrijfrechten."
        )
    lock = _acquire_lock(path)
    try:
        revision = _inspect(path)
        engine = make_engine(path)
        if revision != HEAD_REVISION:
            backup_workspace(path, reason=f"voor-migratie-{revision}")
            migrate.upgrade(engine)
        return Workspace(path, engine, lock)
    except BaseException:
        lock.release()
        raise


def _inspect(path: Path) -> str:
    """Check through a read-only connection that `path` is a workspace this app can open."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise WorkspaceError(
            f"{path.name} is geen werkruimte van Aanpak Woninginbraken (het is geen "
            "SQLite-database). Kies het .db-bestand van uw werkruimte."
        )
    try:
        connection = _read_only(path, at_rest=True)
    except sqlite3.Error as error:
        raise WorkspaceError(f"{path.name} kan niet worden gelezen: {error}.") from error
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "workspace_info" not in tables or "alembic_version" not in tables:
            raise WorkspaceError(
                f"{path.name} is een database, maar geen werkruimte van Aanpak Woninginbraken. "
                "Kies het .db-bestand van uw werkruimte."
            )
        formats = [row[0] for row in connection.execute("SELECT format FROM workspace_info")]
        revisions = [
            row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
        ]
    except sqlite3.DatabaseError as error:
        raise WorkspaceError(
            f"{path.name} is beschadigd of geen werkruimte ({error}). Herstel een reservekopie."
        ) from error
    finally:
        connection.close()
    if formats != [WORKSPACE_FORMAT] or len(revisions) != 1:
        raise WorkspaceError(
            f"{path.name} is geen geldige werkruimte van Aanpak Woninginbraken. Kies het "
            ".db-bestand van uw werkruimte."
        )
    revision = revisions[0]
    if revision != HEAD_REVISION and revision not in migrate.known_revisions():
        raise WorkspaceError(
            f"De werkruimte {path.name} is gemaakt met een nieuwere versie van Aanpak "
            f"Woninginbraken (schema {revision}); deze versie is {__version__}. Installeer de "
            "nieuwste versie om dit bestand te openen."
        )
    return revision


def backup_workspace(path: Path, reason: str, keep: Path | None = None) -> Path:
    """Copy the workspace with SQLite's backup API (consistent even mid-use); keep the last 20
    of its backups, and `keep` whatever its age."""
    folder = backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime(BACKUP_STAMP_FORMAT)
    target = folder / f"{path.stem}-{stamp}-{reason}.db"
    ours = backup_name_pattern(path)
    # Written under a temporary name and renamed when complete: a crash mid-copy never leaves
    # a half backup among the ones offered for restoring.
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    for stale in folder.glob(f"*.db{PARTIAL_SUFFIX}"):
        if ours.match(stale.name.removesuffix(PARTIAL_SUFFIX)):
            stale.unlink(missing_ok=True)
    _copy_database(path, partial)
    os.replace(partial, target)
    backups = sorted(
        (found for found in folder.glob("*.db") if ours.match(found.name)),
        key=lambda found: found.stat().st_mtime,
    )
    for old in backups[:-BACKUPS_KEPT]:
        if keep is None or old.resolve() != keep.resolve():
            old.unlink(missing_ok=True)
    return target


def _copy_database(source_path: Path, target_path: Path, *, at_rest: bool = False) -> None:
    """A consistent copy with SQLite's backup API, in one write transaction on the target.

    `at_rest`: the source is a backup nobody writes to, read without leaving -wal/-shm files.
    """
    source = _read_only(source_path, at_rest=at_rest)
    try:
        destination = sqlite3.connect(target_path)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def _read_only(path: Path, *, at_rest: bool) -> sqlite3.Connection:
    """A read-only connection. A file at rest without a -wal beside it holds everything: read
    it as immutable, so not even an empty -wal/-shm is left behind."""
    has_wal = path.with_name(path.name + "-wal").exists()
    options = "mode=ro&immutable=1" if at_rest and not has_wal else "mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)


def _workspace_id(path: Path) -> str | None:
    connection = _read_only(path, at_rest=True)
    try:
        row = connection.execute("SELECT id FROM workspace_info").fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def _refuse_unsafe_folder(folder: Path) -> None:
    reason = unsafe_location_reason(folder)
    if reason:
        raise WorkspaceError(
            f"Een werkruimte kan niet in {folder} staan: {reason}, en dan kan SQLite de gegevens "
            f"niet veilig vergrendelen. Bewaar de werkruimte in de lokale map {data_dir()} en "
            "gebruik pakketten om gegevens te delen."
        )


def _acquire_lock(path: Path) -> WorkspaceLock:
    lock = WorkspaceLock(_lock_path(path))
    try:
        lock.acquire()
    except AlreadyLockedError as error:
        raise WorkspaceLockedError(
            f"De werkruimte {path.name} is al geopend in een ander venster of door een andere "
            "gebruiker. Sluit dat eerst, of open een andere werkruimte."
        ) from error
    except OSError as error:
        raise WorkspaceError(
            f"De werkruimte {path.name} kan niet worden vergrendeld ({error.strerror}). Kies een "
            "map waarin u mag schrijven."
        ) from error
    return lock


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _sidecars(path: Path) -> tuple[Path, ...]:
    return (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
