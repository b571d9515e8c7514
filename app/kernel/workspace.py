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
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, String, insert, select

from app import __version__
from app.kernel import reference
from app.kernel.errors import DamagedWorkspaceError, WorkspaceError, WorkspaceLockedError
from app.kernel.files import FileWriteError, refusal, written_file
from app.kernel.location import unsafe_location_reason
from app.kernel.locks import AlreadyLockedError, NotAFileError, WorkspaceLock
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
RESTORE_ADVICE = "Zet een reservekopie terug of vraag de functioneel beheerder om hulp."
BACKUPS_KEPT = 20
BACKUP_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_GEMEENTECODE = re.compile(r"GM\d{4}")


# '<stem>-<moment>-<reason>.db'; the stem is the workspace file's name when it was made.
# A file still being written (app.kernel.files) starts with '.~' and is none of them.
BACKUP_NAME = re.compile(r"^(?!\.~).+-(\d{8}T\d{12}Z)-(.+)\.db$")


def legacy_backup_pattern(workspace_path: Path) -> re.Pattern[str]:
    """Backups made before they were kept per workspace id: flat in the backup folder, told
    apart by the file's stem ('werkruimte' must not match those of 'werkruimte-oud')."""
    stem = re.escape(Path(workspace_path).stem)
    return re.compile(rf"^{stem}-(\d{{8}}T\d{{12}}Z)-(.+)\.db$")


def workspace_backup_dir(workspace_id: str) -> Path:
    """One folder per workspace id: two files both called werkruimte.db in different folders
    are different workspaces and never prune each other's backups."""
    return backup_dir() / re.sub(r"[^A-Za-z0-9-]", "", workspace_id)


@dataclass(frozen=True)
class WorkspaceSummary:
    """What the window title and the first screen need to know about a workspace."""

    id: str
    role: WorkspaceRole
    municipality_code: str | None
    municipality_name: str | None
    is_demo: bool
    # A bijdrager: a gemeente that shares its good practices without taking part (Leiden).
    is_contributor: bool = False

    @property
    def display_name(self) -> str:
        if self.role is WorkspaceRole.REGION:
            return "RSIV (regionaal)"
        if self.is_contributor:
            return f"{self.municipality_name or ''} (bijdrager)"
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
        # A server workspace is restored from a restorable point: app.kernel.server_backups.
        assert self.path is not None, "restore_from is for a workspace file"
        revision = _inspect(backup)
        backup_id = workspace_id_of(backup)
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
        statement = select(
            info.id, info.role, info.is_demo, town.cbs_code, town.name, town.is_participant
        ).outerjoin(municipality_table, town.id == info.municipality_id)
        with self.connection() as connection:
            id_, role, is_demo, code, name, participates = connection.execute(statement).one()
        return WorkspaceSummary(
            id=id_,
            role=role,
            municipality_code=code,
            municipality_name=name,
            is_demo=is_demo,
            # A gemeente's own row is a participant unless it was made as a bijdrager.
            is_contributor=role is WorkspaceRole.MUNICIPALITY and participates is False,
        )


def create_workspace(
    path: Path | ServerAddress,
    role: WorkspaceRole,
    cbs_code: str | None = None,
    *,
    is_demo: bool = False,
    name: str | None = None,
    region: Sequence[tuple[str, str | None]] | None = None,
    contributor: bool = False,
) -> Workspace:
    """Make a new workspace at `path` (a file that must not exist yet, or an empty database on
    a PostgreSQL server) and open it.

    A gemeente outside the reference list needs `name`. `region` (RSIV only): the gemeenten
    of the region as (code, name or None); by default the participants of the reference list.
    `contributor`: a bijdrager's workspace, of a gemeente that does not take part (Leiden).
    """
    if isinstance(path, ServerAddress):
        return _create_on_server(path, role, _reference_rows(role, None, region), is_demo=is_demo)
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
            municipality = any_municipality(cbs_code or "", name)
        if contributor:
            if municipality.is_participant and reference.find_municipality(municipality.cbs_code):
                raise WorkspaceError(
                    f"{municipality.name} ({municipality.cbs_code}) neemt deel aan het project; "
                    "maak een gewone werkruimte van de gemeente, zonder bijdrager."
                )
            municipality = replace(municipality, is_participant=False)
        elif not municipality.is_participant:
            raise WorkspaceError(
                f"{municipality.name} ({municipality.cbs_code}) neemt niet deel aan het project; "
                "kies een deelnemende gemeente."
            )
    rows = _reference_rows(role, municipality, region)
    _refuse_unsafe_folder(path.parent)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:  # a file stands where a folder of the path should be
        raise WorkspaceError(
            f"De map {path.parent} kan niet worden aangemaakt: op die plaats staat een bestand. "
            "Kies een andere map voor de werkruimte."
        ) from error
    except OSError as error:
        raise WorkspaceError(refusal(error, path, "De werkruimte")) from error
    lock = _acquire_lock(path, create=True)
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            _fill_new(
                connection,
                role,
                municipality.id if municipality else None,
                rows,
                is_demo=is_demo,
            )
    except Exception:
        engine.dispose()
        lock.release()
        for leftover in (path, *_sidecars(path)):
            leftover.unlink(missing_ok=True)
        raise
    return Workspace(path, engine, lock)


def any_municipality(cbs_code: str, name: str | None) -> reference.MunicipalityRef:
    """A Dutch gemeente by its CBS code: from the reference list when it is there (a given
    name then overrides nothing), else with the given name."""
    code = cbs_code.strip().upper()
    if not _GEMEENTECODE.fullmatch(code):
        raise WorkspaceError(
            f"'{cbs_code}' is geen CBS-gemeentecode. Die bestaat uit GM en vier cijfers, "
            "bijvoorbeeld GM0363 voor Amsterdam."
        )
    known = reference.find_municipality(code)
    if known is not None:
        return replace(known, is_participant=True)
    if not (name or "").strip():
        raise WorkspaceError(
            f"Gemeente {code} is onbekend in de lijst van het programma (die kent de gemeenten "
            f"van eenheid Den Haag); geef de naam erbij, bijvoorbeeld {code} met naam Amsterdam "
            "(op de opdrachtregel: --naam Amsterdam)."
        )
    given = " ".join((name or "").split())  # one line: tabs and line breaks become spaces
    column_type = municipality_table.c.name.type
    longest = (column_type.length if isinstance(column_type, String) else None) or len(given)
    if len(given) > longest:
        raise WorkspaceError(
            f"De naam van gemeente {code} is {len(given)} tekens lang; hoogstens {longest} "
            "past. Geef de naam zoals CBS die schrijft, bijvoorbeeld Amsterdam."
        )
    return reference.MunicipalityRef(code, given, None, True)


def _fill_new(
    connection: Connection,
    role: WorkspaceRole,
    municipality_id: str | None,
    rows: Iterable[reference.MunicipalityRef],
    *,
    is_demo: bool,
) -> None:
    """The schema, the reference list of gemeenten and the workspace's own row, in the
    transaction of `connection`: a crash leaves no half-made workspace."""
    migrate.upgrade_in(connection)
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
            for ref in rows
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


def _reference_rows(
    role: WorkspaceRole,
    municipality: reference.MunicipalityRef | None,
    region: Sequence[tuple[str, str | None]] | None,
) -> list[reference.MunicipalityRef]:
    """Every gemeente of the reference list, the region's (or the workspace's own) marked as
    taking part."""
    members = (
        [any_municipality(code, given) for code, given in region]
        if role is WorkspaceRole.REGION and region
        else list(reference.participants())
    )
    if municipality is not None and municipality not in members:
        members.append(municipality)
    rows = {ref.cbs_code: replace(ref, is_participant=False) for ref in reference.municipalities()}
    rows.update({ref.cbs_code: ref for ref in members})
    return list(rows.values())


def _create_on_server(
    address: ServerAddress,
    role: WorkspaceRole,
    rows: Sequence[reference.MunicipalityRef],
    *,
    is_demo: bool,
) -> Workspace:
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
        # PostgreSQL changes its schema in a transaction too: schema and first rows at once.
        with engine.begin() as connection:
            _fill_new(connection, role, None, rows, is_demo=is_demo)
        session = ServerSession(address, current_user())
    except BaseException:
        engine.dispose()
        raise
    return Workspace(None, engine, session, server=address)


def _open_on_server(address: ServerAddress, *, upgrade: bool = True) -> Workspace:
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
            if upgrade:
                # PostgreSQL migrates in one transaction: a failure leaves the old schema.
                migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        if session is not None:
            session.release()
        raise
    return Workspace(None, engine, session, server=address)


def open_workspace(path: Path | ServerAddress, *, upgrade_server: bool = True) -> Workspace:
    """Open an existing workspace, upgrading its schema (after a backup) when it is older.

    upgrade_server=False (`check`): a server workspace is read with the schema it has, so the
    check reports an old version instead of changing the schema a team works on.
    """
    if isinstance(path, ServerAddress):
        return _open_on_server(path, upgrade=upgrade_server)
    path = Path(path)
    if not path.exists():
        raise WorkspaceError(
            f"Het bestand {path} bestaat niet. Controleer het pad, of maak een nieuwe werkruimte "
            "met 'init'."
        )
    _refuse_non_regular(path)
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
            backup = backup_workspace(path, reason=f"voor-migratie-{revision}")
            try:
                migrate.upgrade(engine)
            except BaseException:
                # The migration's transaction left the file as it was, so this copy adds
                # nothing; kept, each failed start would push an older good backup out.
                engine.dispose()
                backup.unlink(missing_ok=True)
                raise
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
        raise DamagedWorkspaceError(
            f"{path.name} kan niet worden gelezen; het bestand is beschadigd of niet "
            f"toegankelijk. {RESTORE_ADVICE}"
        ) from error
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
        damage = _damage(connection)
    except sqlite3.DatabaseError as error:
        raise DamagedWorkspaceError(
            f"De werkruimte {path.name} is beschadigd: SQLite kan de bestandsstructuur niet "
            f"lezen. Er is niets gewijzigd. {RESTORE_ADVICE}"
        ) from error
    finally:
        connection.close()
    if damage:
        raise DamagedWorkspaceError(
            f"De werkruimte {path.name} is beschadigd: SQLite vond {damage} fout(en) in de "
            f"bestandsstructuur. Er is niets gewijzigd. {RESTORE_ADVICE}"
        )
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


def _damage(connection: sqlite3.Connection) -> int:
    """How many faults SQLite's quick check finds (0 for a sound file). Milliseconds for a
    workspace; it keeps every command from writing into damaged pages."""
    return sum(1 for (message,) in connection.execute("PRAGMA quick_check") if message != "ok")


def _refuse_non_regular(path: Path) -> None:
    """A folder, pipe or device is no workspace; reading a pipe would wait forever."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise WorkspaceError(
            f"Het bestand {path} kan niet worden gelezen. Controleer het pad en de rechten."
        ) from error
    if stat.S_ISDIR(mode):
        raise WorkspaceError(f"{path} is een map, geen werkruimtebestand. Kies een .db-bestand.")
    if not stat.S_ISREG(mode):
        raise WorkspaceError(
            f"{path} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat). Kies het "
            ".db-bestand van uw werkruimte."
        )


def backup_workspace(path: Path, reason: str, keep: Path | None = None) -> Path:
    """Copy the workspace with SQLite's backup API (consistent even mid-use); keep the last 20
    of its backups, and `keep` whatever its age."""
    workspace_id = workspace_id_of(path)
    if not workspace_id:
        raise WorkspaceError(
            f"{path.name} heeft geen werkruimte-gegevens, dus er kan geen reservekopie van "
            f"worden gemaakt. {RESTORE_ADVICE}"
        )
    folder = workspace_backup_dir(workspace_id)
    remedy = (
        f"Vraag schrijfrechten voor de gegevensmap {data_dir()}; er is niets gewijzigd en "
        "zonder reservekopie gaat het programma niet verder."
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileWriteError(
            refusal(error, folder / path.name, "De reservekopie", remedy)
        ) from error
    stamp = datetime.now(UTC).strftime(BACKUP_STAMP_FORMAT)
    target = folder / f"{path.stem}-{stamp}-{reason}.db"
    # Complete or absent: a crash mid-copy never leaves a half backup among those offered.
    with written_file(target, "De reservekopie", remedy) as partial:
        _copy_database(path, partial)
    backups = sorted(
        (found for found in folder.glob("*.db") if BACKUP_NAME.match(found.name)),
        key=lambda found: found.stat().st_mtime,
    )
    for old in backups[:-BACKUPS_KEPT]:
        if keep is None or old.resolve() != keep.resolve():
            old.unlink(missing_ok=True)
    return target


def backup_belongs_to(backup: Path, workspace_id: str) -> bool:
    """Whether `backup` is a copy of the workspace with this id (read, not trusted by name)."""
    try:
        return workspace_id_of(backup) == workspace_id
    except sqlite3.Error:
        return False


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


def workspace_id_of(path: Path) -> str | None:
    """The id in the workspace file at `path` (None when it has none)."""
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


def _acquire_lock(path: Path, *, create: bool = False) -> WorkspaceLock:
    lock = WorkspaceLock(path)
    try:
        lock.acquire(create=create)
    except AlreadyLockedError as error:
        raise WorkspaceLockedError(
            f"De werkruimte {path.name} is al geopend in een ander venster of door een andere "
            "gebruiker. Sluit dat eerst, of open een andere werkruimte."
        ) from error
    except NotAFileError as error:
        raise WorkspaceError(
            f"{path} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat). Kies het "
            ".db-bestand van uw werkruimte."
        ) from error
    except FileExistsError as error:
        raise WorkspaceError(
            f"Het bestand {path} bestaat al. Kies een nieuwe bestandsnaam of open het bestaande "
            "bestand."
        ) from error
    except OSError as error:
        raise WorkspaceError(
            f"De werkruimte {path.name} kan niet worden geopend en vergrendeld. Controleer of u "
            "het bestand mag lezen en de map mag schrijven, of kies een andere map."
        ) from error
    return lock


def _sidecars(path: Path) -> tuple[Path, ...]:
    return (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
