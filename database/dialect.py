"""The one place where the two stores differ in raw SQL: SQLite for a gemeente, and SQLite or
PostgreSQL for the RSIV.

Package records are read and written in stored form, which is what SQLite holds: text,
integers, reals and NULL, with dates as ISO text, moments as 'YYYY-MM-DD HH:MM:SS.ffffff' and
booleans as 0/1. The plain-SQL code in app.exchange.records and app.core.packages compares a
package with the store in that form and skips the ORM's per-row cost. On PostgreSQL the
connection here translates the '?' placeholders and returns the same stored form, so that
code runs unchanged on both stores.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from psycopg import Connection as PostgresConnection
    from psycopg import Cursor as PostgresCursor
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

# SQLAlchemy's own text form of a moment on SQLite.
STORED_MOMENT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


class StoredRows(Protocol):
    """The rows of one statement, as sqlite3's cursor gives them."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class RawConnection(Protocol):
    """A driver connection with sqlite3's interface: '?' placeholders and stored-form rows."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> StoredRows: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any: ...


def raw_connection(owner: Session | Connection) -> RawConnection:
    """The driver connection under a session or Core connection, inside its transaction."""
    from sqlalchemy.orm import Session

    connection = owner.connection() if isinstance(owner, Session) else owner
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection):
        return driver
    return _PostgresRaw(driver)  # type: ignore[arg-type]


def is_sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def integrity_errors() -> tuple[type[Exception], ...]:
    """The driver errors for a broken constraint, on either store.

    Called inside an except clause only: psycopg is loaded when a constraint did break.
    """
    try:
        from psycopg.errors import IntegrityError
    except ImportError:
        return (sqlite3.IntegrityError,)
    return (sqlite3.IntegrityError, IntegrityError)


class _PostgresRaw:
    """A psycopg connection behind sqlite3's interface."""

    def __init__(self, connection: PostgresConnection[Any]) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> StoredRows:
        cursor = self._cursor()
        cursor.execute(_placeholders(sql), tuple(parameters))
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> None:
        rows = [tuple(row) for row in rows]
        if rows:
            self._cursor().executemany(_placeholders(sql), rows)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        # A cursor without `_stored_form`: COPY's text needs no untyped numbers.
        with self._connection.cursor().copy(f"COPY {_quoted(table, columns)} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _cursor(self) -> PostgresCursor[Any]:
        cursor = self._connection.cursor()
        _stored_form(cursor)
        return cursor


def _placeholders(sql: str) -> str:
    # The raw SQL never holds a literal '?' or '%': only its placeholders change.
    return sql.replace("?", "%s")


def _stored_form(cursor: PostgresCursor[Any]) -> None:
    """Make this cursor read and write what SQLite stores, and nothing else on the connection."""
    date_loader, moment_loader, bool_loader, untyped = _stored_form_adapters()
    adapters = cursor.adapters
    adapters.register_loader("date", date_loader)
    adapters.register_loader("timestamp", moment_loader)
    adapters.register_loader("bool", bool_loader)
    adapters.register_dumper(int, untyped)
    adapters.register_dumper(float, untyped)
    adapters.register_dumper(bool, untyped)


@functools.cache
def _stored_form_adapters() -> tuple[type, type, type, type]:
    """The loaders and the dumper of `_stored_form`, made once: every cursor uses them, and a
    class made per cursor cost more than the query it served."""
    from psycopg.adapt import Dumper
    from psycopg.pq import Format
    from psycopg.types.bool import BoolLoader
    from psycopg.types.datetime import DateLoader, TimestampLoader

    # Each returns the stored form instead of the Python type its base returns.
    class StoredDate(DateLoader):
        def load(self, data: Any) -> str:  # type: ignore[override]
            loaded: date = super().load(data)
            return loaded.isoformat()

    class StoredMoment(TimestampLoader):
        def load(self, data: Any) -> str:  # type: ignore[override]
            loaded: datetime = super().load(data)
            return loaded.strftime(STORED_MOMENT_FORMAT)

    class StoredBool(BoolLoader):
        def load(self, data: Any) -> int:  # type: ignore[override]
            return int(super().load(data))

    class Untyped(Dumper):
        """Numbers go as untyped text, so PostgreSQL reads them as the column's type: 0/1 into
        a boolean column, as SQLite stores booleans."""

        format = Format.TEXT
        oid = 0

        def dump(self, obj: Any) -> bytes:
            return str(int(obj) if isinstance(obj, bool) else obj).encode()

    return StoredDate, StoredMoment, StoredBool, Untyped


def insert_rows(
    raw: RawConnection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert rows in stored form, in the caller's transaction.

    SQLite: one prepared INSERT run per row. PostgreSQL: one COPY stream, which reads every
    value as text of its column's type (0/1 into a boolean column, as the untyped numbers of
    the INSERT form do), instead of a statement and a Python dumper call per value.
    """
    if not rows:
        return
    if isinstance(raw, _PostgresRaw):
        raw.copy_rows(table, columns, rows)
        return
    marks = ",".join("?" * len(columns))
    raw.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", rows)


def json_rows(
    raw: RawConnection, columns: str, table: str, where: str, order: str, parameters: Sequence[Any]
) -> list[list[Any]]:
    """Rows as one JSON text that the store builds in a single step (dates as ISO text).

    Fetching many rows one by one hands the interpreter lock back and forth per row; one text
    is one handover. `order` ends with the insertion order, which each store names its own way.
    """
    if isinstance(raw, sqlite3.Connection):
        sql = (
            f"SELECT json_group_array(json_array({columns})) FROM "
            f"(SELECT * FROM {table} WHERE {where} ORDER BY {order}, rowid)"
        )
    else:
        sql = (
            f"SELECT json_agg(json_build_array({columns}) ORDER BY {order}, created_at, id)::text "
            f"FROM {table} WHERE {where}"
        )
    text = raw.execute(sql, parameters).fetchone()[0]
    return json.loads(text) if text else []


def damage_reports(connection: Connection) -> list[str]:
    """The store's own word on damaged pages. PostgreSQL guards its pages itself, and a
    damaged page there stops every read, so only SQLite's file is checked here."""
    if not is_sqlite(connection):
        return []
    return [
        message
        for (message,) in connection.exec_driver_sql("PRAGMA integrity_check")
        if message != "ok"
    ]


def broken_references(connection: Connection) -> list[tuple[str, str]]:
    """SQLite: (table, referred table) per record whose foreign key points nowhere. On
    PostgreSQL the check counts them with plain queries (app.core.inspection.integrity)."""
    if not is_sqlite(connection):
        return []
    return [
        (table, parent)
        for table, _rowid, parent, _fkid in connection.exec_driver_sql("PRAGMA foreign_key_check")
    ]


def serialize_on(raw: RawConnection, key: str) -> None:
    """Wait until no other transaction holds `key`, then hold it until this one ends.

    PostgreSQL: a transaction-level advisory lock, so two coordinators merging the same
    gemeente take turns while other gemeenten merge side by side. SQLite needs none: it lets
    one writer at a time into the file.
    """
    if isinstance(raw, sqlite3.Connection):
        return
    raw.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (key,)).fetchone()


def copy_out(connection: Connection, table: str, columns: Sequence[str]) -> Iterator[bytes]:
    """PostgreSQL: a table's rows in COPY's text form, one line per row, inside the
    connection's transaction. The restorable point before a merge is written this way."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {_quoted(table, columns)} TO STDOUT") as copy:
        yield from (bytes(chunk) for chunk in copy)


def copy_in(
    connection: Connection, table: str, columns: Sequence[str], lines: Iterable[bytes]
) -> None:
    """PostgreSQL: rows in COPY's text form back into a table, in the caller's transaction."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {_quoted(table, columns)} FROM STDIN") as copy:
        batch: list[bytes] = []
        for line in lines:
            batch.append(line)
            if len(batch) == 1000:  # one write per batch: a write per row costs a call each
                copy.write(b"".join(batch))
                batch.clear()
        if batch:
            copy.write(b"".join(batch))


def empty_tables(connection: Connection, tables: Sequence[str]) -> None:
    """PostgreSQL: remove every row of `tables` at once, in the caller's transaction (all in one
    statement, so foreign keys between them need no order)."""
    connection.exec_driver_sql("TRUNCATE " + ", ".join(f'"{table}"' for table in tables))


def _quoted(table: str, columns: Sequence[str]) -> str:
    # Quoted: names such as "order" or "year" are words of SQL too.
    names = ", ".join(f'"{column}"' for column in columns)
    return f'"{table}" ({names})'
