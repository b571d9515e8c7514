"""Every record of a workspace as plain JSON values, in a stable order.

For checks and tests: two workspaces with the same content give the same dump, so a diff of
two dumps shows exactly what changed. Only Alembic's bookkeeping table is left out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.kernel.workspace import Workspace
from database.models import Base

JsonValue = str | int | float | bool | None


def dump_workspace(workspace: Workspace) -> dict[str, list[dict[str, JsonValue]]]:
    """Tables by name; rows by primary key; columns in schema order."""
    tables = sorted(Base.metadata.tables.values(), key=lambda table: table.name)
    with workspace.reading() as session:
        return {table.name: _rows(session, table) for table in tables}


def _rows(session: Session, table: Table) -> list[dict[str, JsonValue]]:
    statement = select(table).order_by(*table.primary_key.columns)
    return [
        {name: _json_value(value) for name, value in row.items()}
        for row in session.execute(statement).mappings()
    ]


def _json_value(value: object) -> JsonValue:
    """Enums as their stored value, dates ISO, moments ISO in UTC.

    A naive datetime is a local time by design (an incident's window), so it stays naive.
    """
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"no JSON form for {type(value).__name__}")
