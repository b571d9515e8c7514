"""One engine and one session factory per workspace file, with deliberate SQLite settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling sends no BEGIN before DDL, so a CREATE TABLE in a
    # migration would commit at once. Switch it off and let SQLAlchemy send BEGIN itself
    # (_begin): every unit of work, a migration included, is then one real transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # SQLite leaves foreign keys off unless asked, per connection.
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL: a background export or report reads while the user keeps editing, and a
        # crash mid-write leaves the last committed state. Network shares are refused
        # elsewhere, so WAL's shared-memory requirement holds.
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: every commit is on disk before the status bar says "opgeslagen"; user
        # edits are small, so the extra fsync is not felt, and a power cut loses nothing.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def sqlite_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under `session`'s unit of work, for bulk work in raw SQL.

    SQLAlchemy types the driver's connection as Any | None; a workspace's is always sqlite3's.
    """
    driver = session.connection().connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError(f"Expected a sqlite3 connection, got {type(driver).__name__}.")
    return driver


def make_engine(path: Path | str) -> Engine:
    """An engine on the SQLite file at `path` with the workspace's pragmas on every connection."""
    engine = create_engine(f"sqlite:///{Path(path)}", future=True)
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Connection) -> None:
    """SQLAlchemy's documented pysqlite recipe: the transaction starts at BEGIN, not at the
    first write, so DDL and DML in one block commit or roll back together."""
    connection.exec_driver_sql("BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # Imported here: the first screen reads through Core, and the ORM loads when first needed.
    from sqlalchemy.orm import sessionmaker

    # expire_on_commit=False: services return plain values after the unit of work ends.
    return sessionmaker(engine, expire_on_commit=False)
