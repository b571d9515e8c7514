"""A regional workspace on a PostgreSQL server: its address, and the checks before it is used.

A gemeente's workspace is always a SQLite file; only the RSIV's may live on a server, so a
team of coordinators works on one regional picture. The password never appears on the command
line: libpq reads it from ~/.pgpass or PGPASSWORD, as psql does.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from app.kernel.errors import WorkspaceError, WorkspaceLockedError
from app.kernel.server_address import ServerAddress
from database.postgres import make_server_engine
from database.tables import WORKSPACE_FORMAT

if TYPE_CHECKING:
    from psycopg import Connection
    from sqlalchemy import Engine

# Every connection of the program is named '<APPLICATION> <user>' on the server.
APPLICATION = "aanpak-woninginbraken"


def current_user() -> str:
    """Who works in this window: the login name, as colleagues know it."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment (KeyError, OSError)
        return "onbekend"


def session_name(user: str) -> str:
    # PostgreSQL keeps the first 63 bytes of an application_name.
    return f"{APPLICATION} {user}"[:63]


def connect_server(address: ServerAddress) -> Engine:
    """An engine on the server, after refusing a password in the URL and an unreachable server."""
    from psycopg import OperationalError
    from psycopg.conninfo import conninfo_to_dict

    try:
        options = conninfo_to_dict(address.url)
    except Exception as error:  # psycopg.ProgrammingError: the URL cannot be read
        raise WorkspaceError(
            "Het adres van de databaseserver is ongeldig. Gebruik de vorm "
            "postgresql://gebruiker@server/database of postgresql://gebruiker@/database?host=/map."
        ) from error
    if "password" in options:
        # Not even the address is repeated: it holds the password.
        raise WorkspaceError(
            "Het adres van de databaseserver bevat een wachtwoord; dat hoort niet op de "
            "opdrachtregel. Laat het wachtwoord weg en zet het in het bestand .pgpass of in "
            "de omgevingsvariabele PGPASSWORD."
        )
    engine = make_server_engine(address.url, session_name(current_user()))
    try:
        with engine.connect():
            pass
    except Exception as error:
        engine.dispose()
        if not isinstance(getattr(error, "orig", error), OperationalError):
            raise
        raise WorkspaceError(
            f"De databaseserver voor {address.name} is niet bereikbaar of weigert de aanmelding. "
            "Controleer het adres en de gebruiker, en of het wachtwoord in .pgpass of "
            "PGPASSWORD staat; vraag anders de IT-afdeling om hulp."
        ) from None
    return engine


def server_revision(engine: Engine, address: ServerAddress) -> str | None:
    """The schema revision of the workspace in this database, or None when it is empty."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return None
        if "workspace_info" not in tables or "alembic_version" not in tables:
            raise WorkspaceError(
                f"De database {address.name} bevat tabellen, maar geen werkruimte van Aanpak "
                "Woninginbraken. Kies een lege database of de database van de RSIV-werkruimte."
            )
        formats = connection.execute(text("SELECT format FROM workspace_info")).scalars().all()
        revisions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    if list(formats) != [WORKSPACE_FORMAT] or len(revisions) != 1:
        raise WorkspaceError(
            f"De database {address.name} is geen geldige werkruimte van Aanpak Woninginbraken. "
            "Kies de database van de RSIV-werkruimte."
        )
    return str(revisions[0][0])


def refuse_municipality_on_server(address: ServerAddress) -> None:
    raise WorkspaceError(
        f"Een werkruimte van een gemeente kan niet op de databaseserver ({address.name}) staan; "
        "alleen de RSIV-werkruimte kan dat. Gebruik --rsiv, of geef voor een gemeente een "
        ".db-bestand op."
    )


class ServerSession:
    """A user's session on the server workspace, held while the window is open.

    The server's counterpart of the file lock: the same user cannot open the workspace twice
    (a second window would work against the first), while colleagues work side by side. An
    advisory lock on a connection of its own ends with the connection, so a crashed program
    leaves no stale lock.
    """

    def __init__(self, address: ServerAddress, user: str) -> None:
        import psycopg

        self.user = user
        self._connection: Connection = psycopg.connect(
            address.url, application_name=session_name(user), autocommit=True
        )
        held = self._connection.execute(
            "SELECT pg_try_advisory_lock(hashtextextended(%s, 0))", (f"open:{user}",)
        ).fetchone()
        if not held or not held[0]:
            self._connection.close()
            raise WorkspaceLockedError(
                f"De werkruimte {address.name} is al geopend door {user}, in een ander venster "
                "of op een andere computer. Sluit dat eerst; collega's met een eigen "
                "gebruikersnaam kunnen wel tegelijk werken."
            )

    def colleagues(self) -> list[str]:
        """The other users with the workspace open now, by name; none while the server is
        out of reach (the next unit of work says so)."""
        from psycopg import Error

        try:
            rows = self._connection.execute(
                "SELECT DISTINCT application_name FROM pg_stat_activity "
                "WHERE datname = current_database() AND application_name LIKE %s",
                (f"{APPLICATION} %",),
            ).fetchall()
        except Error:
            return []
        names = {str(name).removeprefix(f"{APPLICATION} ") for (name,) in rows}
        return sorted(names - {self.user})

    def release(self) -> None:
        # Unlocked first: the server ends a closed connection a moment later, and the same
        # user reopening at once must not find the lock still held.
        with contextlib.suppress(Exception):  # a connection the server already dropped
            self._connection.execute("SELECT pg_advisory_unlock_all()")
        self._connection.close()
