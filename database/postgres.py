"""The engine on a PostgreSQL server, for a regional (RSIV) workspace a team shares.

The address is a libpq connection string or URL, handed to libpq unchanged: the password
comes from ~/.pgpass or PGPASSWORD, exactly as psql finds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine

if TYPE_CHECKING:
    from psycopg import Connection


def make_server_engine(conninfo: str, application_name: str) -> Engine:
    """An engine whose connections libpq opens from `conninfo` as given; `application_name`
    shows colleagues (pg_stat_activity) who is working."""
    import psycopg

    def connect() -> Connection:
        return psycopg.connect(conninfo, application_name=application_name)

    return create_engine("postgresql+psycopg://", creator=connect, future=True)
