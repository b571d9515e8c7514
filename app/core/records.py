"""The shape every record service of the plan shares: a draft's fields as columns and back,
storing a new record (under the id redo asks for), reading, updating and deleting one by id,
and snapshots of deleted rows, so undoing a delete brings back the same record with its id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Table, inspect, select
from sqlalchemy.orm import Session

from app.kernel.errors import RecordGoneError
from app.kernel.workspace import Workspace
from database.models import (
    Action,
    AnalysisForm,
    Base,
    BylawInstrument,
    Decision,
    Goal,
    GoalMeasurement,
    HotItem,
    HotspotAnalysis,
    Measure,
    Meeting,
    Partner,
    Plan,
    PlanRevision,
    ProgressNote,
    ProposedMeasure,
    RsivNote,
)
from database.models.base import Identified

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Model = TypeVar("Model", bound=Base)
Row = TypeVar("Row")
Draft = TypeVar("Draft", bound="DataclassInstance")


# What a user calls each record, for the refusal when it was deleted meanwhile.
_NOUNS: dict[type[Base], str] = {
    Action: "De actie",
    AnalysisForm: "Het formulier voor de wijkagent",
    BylawInstrument: "Het APV-instrument",
    Decision: "Het besluit",
    Goal: "De doelstelling",
    GoalMeasurement: "De meting",
    HotItem: "De hotspot (of een ander onderdeel van de probleembeschrijving)",
    HotspotAnalysis: "De probleemanalyse",
    Measure: "De maatregel",
    Meeting: "Het overleg",
    Partner: "De partner",
    Plan: "Het plan van aanpak",
    PlanRevision: "De planversie",
    ProgressNote: "De voortgangsnotitie",
    ProposedMeasure: "De voorgestelde maatregel",
    RsivNote: "De notitie",
}


def gone(model: type[Base]) -> RecordGoneError:
    """The refusal for a record of `model` that was deleted after the screen showed it."""
    return RecordGoneError.about(_NOUNS.get(model, "Het gekozen gegeven"))


def existing(session: Session, model: type[Model], record_id: str) -> Model:
    """The record with `record_id`, or the Dutch refusal when it no longer exists."""
    record = session.get(model, record_id)
    if record is None:
        raise gone(model)
    return record


def refuse_gone_links(
    session: Session, model: type[Base], record_ids: Iterable[str | None]
) -> None:
    """Refuse a record that points at `model` rows deleted since the form listed them (the
    database would refuse the link with an error no user can act on)."""
    wanted = {record_id for record_id in record_ids if record_id}
    if not wanted:
        return
    key = inspect(model).primary_key[0]
    found = set(session.scalars(select(key).where(key.in_(wanted))))
    if wanted - found:
        raise gone(model)


@dataclass(frozen=True)
class RecordSnapshot:
    """Every column of one row, by the name of its table."""

    table: str
    values: tuple[tuple[str, Any], ...]


def columns_of(draft: DataclassInstance) -> dict[str, object]:
    """The draft's fields by name: a draft's fields are named after the columns they fill."""
    return {field.name: getattr(draft, field.name) for field in fields(draft)}


def draft_of(draft_type: type[Draft], record: Base, **overrides: object) -> Draft:
    """The draft holding the record's columns; `overrides` for columns stored otherwise."""
    values = {field.name: getattr(record, field.name) for field in fields(draft_type)}
    return draft_type(**{**values, **overrides})


def assign(record: Base, columns: Mapping[str, object]) -> None:
    for key, value in columns.items():
        setattr(record, key, value)


def insert_record(session: Session, record: Identified, record_id: str | None) -> str:
    """Store a new record and return its id; `record_id` lets redo bring back the same one."""
    if record_id:
        record.id = record_id
    session.add(record)
    session.flush()
    return record.id


def read_record(
    workspace: Workspace, model: type[Model], record_id: str, row: Callable[[Model], Row]
) -> Row:
    with workspace.reading() as session:
        return row(existing(session, model, record_id))


def update_record(
    workspace: Workspace, model: type[Base], record_id: str, columns: Mapping[str, object]
) -> None:
    with workspace.transaction() as session:
        assign(existing(session, model, record_id), columns)


def delete_record(workspace: Workspace, model: type[Base], record_id: str) -> RecordSnapshot:
    """Delete one row that nothing else hangs on; the snapshot lets undo put it back."""
    with workspace.transaction() as session:
        record = existing(session, model, record_id)
        snapshot = take(record)
        session.delete(record)
        return snapshot


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
