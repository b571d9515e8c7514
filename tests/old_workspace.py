"""Gouda's workspace as an earlier release wrote it: the schema of an old revision, filled with
raw SQL (never the current models, which know only the newest schema), for the tests that open
it and check what the upgrade kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.kernel.reference import municipality_id
from database import migrate
from database.store import make_engine

GOUDA = municipality_id("GM0513")
NOW = "2018-03-01 10:00:00.000000"


@contextmanager
def old_workspace(path: Path, revision: str) -> Iterator[sqlite3.Connection]:
    """A workspace file at `revision` with its gemeente; the block adds the rest of its rows,
    which are stored together when it ends."""
    engine = make_engine(path)
    migrate.upgrade(engine, revision)
    engine.dispose()
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(
                "INSERT INTO municipality VALUES ('GM0513', 'Gouda', NULL, 1, ?, ?, ?)",
                (GOUDA, NOW, NOW),
            )
            connection.execute(
                "INSERT INTO workspace_info VALUES ('ws-1', 'aanpak-woninginbraken/workspace', "
                "'municipality', ?, 0, ?, '0.1.0', 3)",
                (GOUDA, NOW),
            )
            yield connection
    finally:
        connection.close()
