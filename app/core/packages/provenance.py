"""Integrity rules of an RSIV workspace that the schema cannot express.

Every record of a gemeente came from a merged package, so its gemeente has one; a provenance
row in `merged_record` points at a merged (not refused) package and at a record that exists.
The RSIV's own werkgroep meetings and actions come from no package.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from app.core.plan.plans import REGION_OWNER_CODE
from app.exchange.versions import CURRENT
from app.kernel.reference import municipality_id
from database.enums import PackageOutcome


def provenance_problems(connection: Connection, kind_names: dict[str, str], hint: str) -> list[str]:
    merged = {"merged": PackageOutcome.MERGED.value}
    own = {"own": municipality_id(REGION_OWNER_CODE)}
    problems: list[str] = []
    for sheet in CURRENT.sheets:
        table = sheet.table
        name = kind_names.get(table, table)
        if sheet.keyed_by_id:
            without_package = connection.execute(
                text(
                    f"SELECT count(*) FROM {table} WHERE municipality_id != :own AND "
                    "municipality_id NOT IN (SELECT municipality_id FROM imported_package "
                    "WHERE outcome = :merged AND municipality_id IS NOT NULL)"
                ),
                merged | own,
            ).scalar()
            if without_package:
                problems.append(
                    f"{without_package} record(s) in '{name}' horen bij een gemeente waarvan "
                    f"geen pakket is samengevoegd. {hint}"
                )
        key = " || '/' || ".join(f"record.{field}" for field in sheet.key_fields)
        dangling = connection.execute(
            text(
                f"SELECT count(*) FROM merged_record source WHERE source.table_name = :table "
                f"AND NOT EXISTS (SELECT 1 FROM {table} record WHERE {key} = source.record_key)"
            ),
            {"table": table},
        ).scalar()
        if dangling:
            problems.append(
                f"De herkomst van {dangling} record(s) in '{name}' verwijst naar records die er "
                f"niet meer zijn. {hint}"
            )
    refused_sources = connection.execute(
        text(
            "SELECT count(*) FROM merged_record source JOIN imported_package package "
            "ON package.id = source.package_id WHERE package.outcome != :merged"
        ),
        merged,
    ).scalar()
    if refused_sources:
        problems.append(
            f"{refused_sources} record(s) verwijzen als herkomst naar een geweigerd pakket. {hint}"
        )
    return problems
