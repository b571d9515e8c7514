"""Integrity rules of an RSIV workspace that the schema cannot express.

Every record of a gemeente came from a merged package, so each has a row in `merged_record`
pointing at a merged (not refused) package, and no such row points at a record that is gone.
"""

from __future__ import annotations

from sqlalchemy import Connection

from app.exchange.versions import CURRENT
from database.enums import PackageOutcome


def provenance_problems(connection: Connection, kind_names: dict[str, str], hint: str) -> list[str]:
    problems: list[str] = []
    for sheet in CURRENT.sheets:
        table = sheet.table
        key = " || '/' || ".join(f"record.{field}" for field in sheet.key_fields)
        without_source = connection.exec_driver_sql(
            f"SELECT count(*) FROM {table} record WHERE NOT EXISTS (SELECT 1 FROM merged_record "
            f"source WHERE source.table_name = ? AND source.record_key = {key})",
            (table,),
        ).scalar()
        dangling = connection.exec_driver_sql(
            f"SELECT count(*) FROM merged_record source WHERE source.table_name = ? AND NOT "
            f"EXISTS (SELECT 1 FROM {table} record WHERE {key} = source.record_key)",
            (table,),
        ).scalar()
        name = kind_names.get(table, table)
        if without_source:
            problems.append(
                f"{without_source} record(s) in '{name}' hebben geen herkomst: ze komen niet uit "
                f"een samengevoegd pakket. {hint}"
            )
        if dangling:
            problems.append(
                f"De herkomst van {dangling} record(s) in '{name}' verwijst naar records die er "
                f"niet meer zijn. {hint}"
            )
    refused_sources = connection.exec_driver_sql(
        "SELECT count(*) FROM merged_record source JOIN imported_package package "
        "ON package.id = source.package_id WHERE package.outcome != ?",
        (PackageOutcome.MERGED.value,),
    ).scalar()
    if refused_sources:
        problems.append(
            f"{refused_sources} record(s) verwijzen als herkomst naar een geweigerd pakket. {hint}"
        )
    return problems
