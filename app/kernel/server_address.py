"""What --db names: a workspace file, or a regional workspace on a PostgreSQL server.

Light on purpose: the command line parses --db before anything loads SQLAlchemy.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

SERVER_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class ServerAddress:
    """A libpq URL as the user gave it, e.g. postgresql://rsiv@db.gemeente.nl/woninginbraken."""

    url: str

    def __str__(self) -> str:
        return self.url

    @property
    def name(self) -> str:
        """The database's name, for messages."""
        from psycopg.conninfo import conninfo_to_dict

        return str(conninfo_to_dict(self.url).get("dbname") or self.url)


def workspace_address(text_given: str) -> Path | ServerAddress:
    """What --db names: a PostgreSQL URL, or else the path of a workspace file.

    libpq's other form ('host=... dbname=... password=...') is refused without repeating it:
    taken for a file name, it would be echoed in "file not found", password and all.
    """
    if text_given.startswith(SERVER_SCHEMES):
        return ServerAddress(text_given)
    if _KEYWORD_FORM.match(text_given):
        # The command line shows this text as is; any other error would repeat the value.
        raise argparse.ArgumentTypeError(
            "verwacht een .db-bestand of een adres in de vorm "
            "postgresql://gebruiker@server/database, geen verbindingstekst met host=, dbname= "
            "of password=; zet een wachtwoord in .pgpass of in PGPASSWORD"
        )
    return Path(text_given)


def workspace_file(text_given: str) -> Path:
    """--db of a command that works on a workspace file only: a server address is refused
    without repeating it (it may hold a password)."""
    address = workspace_address(text_given)
    if isinstance(address, ServerAddress):
        raise argparse.ArgumentTypeError(
            "deze opdracht werkt alleen met een .db-bestand, niet met een werkruimte op de "
            "databaseserver"
        )
    return address


# The start of a libpq keyword/value connection string, e.g. 'host=db dbname=rsiv'.
_KEYWORD_FORM = re.compile(
    r"^\s*(host|hostaddr|port|dbname|user|password|passfile|service|sslmode)\s*=", re.IGNORECASE
)
