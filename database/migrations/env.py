"""Alembic environment.

The app hands over its own connection (database.migrate). A developer generating a revision
passes a scratch file instead: `alembic -c database/alembic.ini -x db=/tmp/dev.db ...`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from database.models import Base
from database.store import make_engine


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


handed_over = context.config.attributes.get("connection")
if handed_over is not None:
    _run(handed_over)
else:
    with make_engine(context.get_x_argument(as_dictionary=True)["db"]).begin() as connection:
        _run(connection)
