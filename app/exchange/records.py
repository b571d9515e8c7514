"""One gemeente's records in stored form, read and written with plain SQL.

Stored form is what SQLite holds (text, integers, reals, NULL; dates as ISO text), so export,
import and the diff between them compare like with like and skip the ORM's per-row cost.
Everything is scoped to one gemeente: the RSIV merge replaces one gemeente at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from app.exchange.metadata import Record
from app.exchange.schema import PackageSchema, Sheet
from database.dialect import RawConnection, insert_rows

LINK_OWNER = {"measure_hot_item": ("measure", "measure_id")}


def read_records(
    connection: RawConnection, schema: PackageSchema, municipality_id: str
) -> dict[str, list[Record]]:
    return {
        sheet.table: connection.execute(_select(sheet), (municipality_id,)).fetchall()
        for sheet in schema.sheets
    }


def ids_of_other_municipalities(
    connection: RawConnection, table: str, municipality_id: str, ids: Iterable[str]
) -> set[str]:
    """Which of `ids` already belong to another gemeente's record in `table`."""
    others = connection.execute(
        f"SELECT 1 FROM {table} WHERE municipality_id != ? LIMIT 1", (municipality_id,)
    ).fetchone()
    if others is None:  # the usual case: a gemeente workspace holds only its own records
        return set()
    wanted = list(ids)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0]
            for row in connection.execute(
                f"SELECT id FROM {table} WHERE municipality_id != ? AND id IN ({marks})",
                (municipality_id, *chunk),
            )
        )
    return found


def insert_records(
    connection: RawConnection, sheet: Sheet, municipality_id: str, rows: Sequence[Record]
) -> None:
    if not rows:
        return
    if sheet.keyed_by_id:
        columns = (*sheet.fields, "municipality_id")
        rows = [(*row, municipality_id) for row in rows]
    else:
        columns = sheet.fields
    insert_rows(connection, sheet.table, columns, rows)


def update_records(connection: RawConnection, sheet: Sheet, rows: Sequence[Record]) -> None:
    """Update records keyed by id (link tables have nothing to update, only add or remove)."""
    if not rows:
        return
    fields = sheet.fields[1:]
    assignments = ",".join(f"{field}=?" for field in fields)
    connection.executemany(
        f"UPDATE {sheet.table} SET {assignments} WHERE id=?",
        [(*row[1:], row[0]) for row in rows],
    )


def delete_records(
    connection: RawConnection, sheet: Sheet, keys: Iterable[tuple[object, ...]]
) -> None:
    condition = " AND ".join(f"{field}=?" for field in sheet.key_fields)
    connection.executemany(f"DELETE FROM {sheet.table} WHERE {condition}", list(keys))


def count_records(records: Mapping[str, Sequence[Record]]) -> int:
    return sum(len(rows) for rows in records.values())


def _select(sheet: Sheet) -> str:
    if sheet.table in LINK_OWNER:
        owner, field = LINK_OWNER[sheet.table]
        columns = ",".join(f"link.{name}" for name in sheet.fields)
        return (
            f"SELECT {columns} FROM {sheet.table} link JOIN {owner} owner "
            f"ON owner.id = link.{field} WHERE owner.municipality_id = ? "
            f"ORDER BY {columns}"
        )
    return (
        f"SELECT {','.join(sheet.fields)} FROM {sheet.table} "
        "WHERE municipality_id = ? ORDER BY created_at, id"
    )
