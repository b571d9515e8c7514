"""Snapshots of deleted rows, so undoing a delete brings back the same record with its id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, inspect
from sqlalchemy.orm import Session

from app.kernel.workspace import Workspace
from database.models import Base


@dataclass(frozen=True)
class RecordSnapshot:
    """Every column of one row, by the name of its table."""

    table: str
    values: tuple[tuple[str, Any], ...]


def take(record: Base) -> RecordSnapshot:
    mapper = inspect(record).mapper
    values = tuple((column.key, getattr(record, column.key)) for column in mapper.column_attrs)
    # Every model is declared on a Table, whose name the FromClause stub does not know.
    return RecordSnapshot(table=cast(Table, mapper.local_table).name, values=values)


def put_back(session: Session, snapshot: RecordSnapshot) -> None:
    """Insert the row of `snapshot` again, with its original id and moments."""
    session.add(_model(snapshot.table)(**dict(snapshot.values)))
    session.flush()


def restore_record(workspace: Workspace, snapshot: RecordSnapshot) -> None:
    """Undo a delete that removed a single row."""
    with workspace.transaction() as session:
        put_back(session, snapshot)


def _model(table: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if cast(Table, mapper.local_table).name == table:
            return mapper.class_
    raise KeyError(table)
