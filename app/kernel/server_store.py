"""A regional workspace on a PostgreSQL server: its address, and the checks before it is used.

A gemeente's workspace is always a SQLite file; only the RSIV's may live on a server, so a
team of coordinators works on one regional picture. The password never appears on the command
line: libpq reads it from ~/.pgpass or PGPASSWORD, as psql does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from app.kernel.errors import WorkspaceError
from app.kernel.server_address import ServerAddress
from database.postgres import make_server_engine
from database.tables import WORKSPACE_FORMAT

if TYPE_CHECKING:
    from sqlalchemy import Engine


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
    engine = make_server_engine(address.url)
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
