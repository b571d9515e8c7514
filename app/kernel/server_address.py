"""What --db names: a workspace file, or a regional workspace on a PostgreSQL server.

Light on purpose: the command line parses --db before anything loads SQLAlchemy.
"""

from __future__ import annotations

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
    """What --db names: a PostgreSQL URL, or else the path of a workspace file."""
    if text_given.startswith(SERVER_SCHEMES):
        return ServerAddress(text_given)
    return Path(text_given)
