"""Is a workspace file sound? SQLite's own checks plus the rules the schema cannot express.

Run before sending a package or after a crash: the report says in Dutch what is wrong and
how many records it touches, so the user can restore a backup or ask for help.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    CheckConstraint,
    Connection,
    ForeignKeyConstraint,
    PrimaryKeyConstraint,
    UniqueConstraint,
    exists,
    func,
    inspect,
    select,
)

from app.core.packages.provenance import provenance_problems
from app.kernel.errors import DamagedWorkspaceError
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import Workspace, open_workspace
from database import migrate
from database.dialect import broken_references, damage_reports, is_sqlite
from database.enums import WorkspaceRole
from database.models import Base, Municipality, WorkspaceInfo
from database.schema_version import HEAD_REVISION
from database.tables import metadata

# What the user calls each kind of record, in the order of the plan.
RECORD_KINDS = {
    "workspace_info": "werkruimte-gegevens",
    "municipality": "gemeenten",
    "neighbourhood": "buurten",
    "dwelling_stock": "woningvoorraad",
    "national_reference": "landelijke referentiecijfers",
    "plan": "plannen van aanpak",
    "hot_item": "hot-items",
    "hotspot_analysis": "probleemanalyses",
    "deep_analysis_request": "verdiepende analyses",
    "analysis_form": "formulieren voor de wijkagent",
    "proposed_measure": "voorgestelde maatregelen uit analyses",
    "bylaw_instrument": "APV-instrumenten",
    "partner": "partners",
    "goal": "doelstellingen",
    "goal_measurement": "metingen van doelstellingen",
    "measure": "maatregelen",
    "measure_hot_item": "koppelingen maatregel en hot-item",
    "deliberately_empty_cell": "bewust lege cellen van de 3D-matrix",
    "meeting": "overleggen",
    "decision": "besluiten",
    "action": "acties",
    "progress_note": "voortgangsnotities",
    "monthly_figure": "maandcijfers",
    "incident": "incidenten",
    "open_data_figure": "open-datacijfers van CBS",
    "incident_count": "incidentaantallen (RSIV)",
    "evaluation": "evaluaties",
    "measure_evaluation": "beoordelingen van maatregelen",
    "b3w_check": "antwoorden op de B3W-checklist",
    "plan_revision": "planversies",
    "plan_revision_part": "delen van planversies",
    "package_export": "gemaakte pakketten",
    "imported_package": "ontvangen pakketten (RSIV)",
    "merged_record": "herkomst van samengevoegde records",
    "rsiv_note": "notities van het RSIV",
    "werkgroep_suggestion": "suggesties van de werkgroep (RSIV)",
    "rsiv_feedback": "ontvangen terugkoppeling van het RSIV",
    "privacy_redaction": "verwijderde privégegevens (alleen wanneer, nooit wat)",
}

RESTORE_HINT = (
    "Zet een reservekopie terug (map 'backups' in de gegevensmap) of vraag de functioneel "
    "beheerder om hulp."
)
# A server's schema is the IT department's: its nightly pg_dump holds the rules too.
SCHEMA_HINT = (
    "Vraag de IT-afdeling de database terug te zetten uit de pg_dump-kopie van vóór de "
    "wijziging (zie de installatiehandleiding voor IT)."
)
_CONSTRAINT_KINDS = {
    PrimaryKeyConstraint: ("pk", "de primaire sleutel"),
    ForeignKeyConstraint: ("fk", "de verwijzing"),
    UniqueConstraint: ("uq", "de uniciteitsregel"),
    CheckConstraint: ("ck", "de controleregel"),
}


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    lines: list[str]
    problems: list[str]


def check_workspace_file(path: Path | ServerAddress) -> IntegrityReport:
    """Open and check the file at `path` (or the server workspace, without upgrading its
    schema); a damaged file is reported, not a crash."""
    try:
        with open_workspace(path, upgrade_server=False) as workspace:
            return check_workspace(workspace)
    except DamagedWorkspaceError as damaged:
        return IntegrityReport(
            ok=False, lines=["integriteit: de werkruimte is beschadigd"], problems=[str(damaged)]
        )


def check_workspace(workspace: Workspace) -> IntegrityReport:
    """All checks on one connection, so they see one consistent state of the file."""
    with workspace.engine.connect() as connection:
        revision = migrate.current_revision(connection)
        damage = _damage(connection)
        if damage:  # the rules below read the damaged pages and would only fail on them
            return IntegrityReport(
                ok=False, lines=["integriteit: de werkruimte is beschadigd"], problems=damage
            )
        missing_tables = _missing_tables(connection)
        if missing_tables:  # every rule below reads them
            return IntegrityReport(
                ok=False,
                lines=["integriteit: de database mist tabellen"],
                problems=missing_tables,
            )
        problems = [
            *_constraint_problems(connection),
            *_foreign_key_problems(connection),
            *_revision_problems(revision),
            *_ownership_problems(connection),
            *_regional_problems(connection),
        ]
        counts = _record_counts(connection)
    lines = [f"schemaversie: {revision or 'onbekend'}"]
    lines += [f"{RECORD_KINDS.get(name, name)}: {count}" for name, count in counts.items()]
    if problems:
        lines.append(f"integriteit: {len(problems)} probleem/problemen gevonden")
    else:
        lines.append("integriteit: in orde")
    return IntegrityReport(ok=not problems, lines=lines, problems=problems)


def _damage(connection: Connection) -> list[str]:
    """The store's own check of its pages, as one Dutch sentence (SQLite's English messages
    stay out of sight; PostgreSQL guards its pages itself)."""
    faults = len(damage_reports(connection))
    if not faults:
        return []
    return [f"De database is beschadigd: SQLite vond {faults} fout(en). {RESTORE_HINT}"]


def _missing_tables(connection: Connection) -> list[str]:
    present = set(inspect(connection).get_table_names())
    return [
        f"De tabel met {RECORD_KINDS.get(table.name, table.name)} ({table.name}) ontbreekt in "
        f"de database. {SCHEMA_HINT}"
        for table in metadata.sorted_tables
        if table.name not in present
    ]


def _constraint_problems(connection: Connection) -> list[str]:
    """On a server: every rule the tables declare exists there, by kind and name.

    Someone with rights on the server can drop a rule, and PostgreSQL then no longer guards
    it. A SQLite file is checked by its own pragmas instead (older files carry constraints
    from before they were named).
    """
    if is_sqlite(connection):
        return []
    inspector = inspect(connection)
    problems = []
    for table in metadata.sorted_tables:
        kind = RECORD_KINDS.get(table.name, table.name)
        present = {
            ("pk", inspector.get_pk_constraint(table.name)["name"]),
            *(("fk", key["name"]) for key in inspector.get_foreign_keys(table.name)),
            *(("uq", unique["name"]) for unique in inspector.get_unique_constraints(table.name)),
            *(("ck", check["name"]) for check in inspector.get_check_constraints(table.name)),
        }
        for constraint in sorted(table.constraints, key=lambda constraint: str(constraint.name)):
            declared = _CONSTRAINT_KINDS.get(type(constraint))
            if declared is None or (declared[0], constraint.name) in present:
                continue
            what = declared[1]
            if isinstance(constraint, ForeignKeyConstraint):
                parent = constraint.referred_table.name
                what += f" naar '{RECORD_KINDS.get(parent, parent)}'"
            problems.append(
                f"De regel {constraint.name} ({what} in '{kind}') ontbreekt in de database, dus "
                f"de server bewaakt hem niet meer. {SCHEMA_HINT}"
            )
        nullable = {
            column["name"]: column["nullable"] for column in inspector.get_columns(table.name)
        }
        problems += [
            f"Het veld {column.name} van '{kind}' mag in de database leeg zijn, maar is "
            f"verplicht. {SCHEMA_HINT}"
            for column in table.columns
            if not column.nullable and nullable.get(column.name, False)
        ]
    return problems


def _foreign_key_problems(connection: Connection) -> list[str]:
    broken = Counter(
        broken_references(connection) if is_sqlite(connection) else _orphans(connection)
    )
    return [
        f"{count} record(s) in '{RECORD_KINDS.get(table, table)}' verwijzen naar een record in "
        f"'{RECORD_KINDS.get(parent, parent)}' dat niet bestaat. {RESTORE_HINT}"
        for (table, parent), count in sorted(broken.items())
    ]


def _orphans(connection: Connection) -> list[tuple[str, str]]:
    """(table, referred table) per record whose reference points nowhere, by plain queries.

    A server guards its foreign keys, unless one was dropped or its triggers disabled while
    records were written.
    """
    found: list[tuple[str, str]] = []
    for table in metadata.sorted_tables:
        for key in table.foreign_key_constraints:
            parent = key.referred_table.alias()
            pairs = [
                (column, parent.c[element.column.name])
                for column, element in zip(key.columns, key.elements, strict=True)
            ]
            orphaned = connection.scalar(
                select(func.count())
                .select_from(table)
                .where(
                    *(column.is_not(None) for column, _ in pairs),
                    ~exists().where(*(column == referred for column, referred in pairs)),
                )
            )
            found += [(table.name, key.referred_table.name)] * (orphaned or 0)
    return found


def _revision_problems(revision: str | None) -> list[str]:
    head = HEAD_REVISION
    if revision == head:
        return []
    return [
        f"De schemaversie van de werkruimte is {revision or 'onbekend'}, maar deze versie van "
        f"het programma verwacht {head}. Open de werkruimte opnieuw in het programma, zodat het "
        "schema wordt bijgewerkt."
    ]


def _ownership_problems(connection: Connection) -> list[str]:
    """One workspace row; a gemeente's workspace holds only its own gemeente's records."""
    infos = connection.execute(select(WorkspaceInfo.role, WorkspaceInfo.municipality_id)).all()
    if len(infos) != 1:
        return [
            f"De werkruimte heeft {len(infos)} rijen met werkruimte-gegevens in plaats van "
            f"precies één. {RESTORE_HINT}"
        ]
    role, own_id = infos[0]
    if role is not WorkspaceRole.MUNICIPALITY:
        return []
    name = connection.scalar(select(Municipality.name).where(Municipality.id == own_id))
    if name is None:
        return [f"De gemeente van deze gemeentewerkruimte ontbreekt. {RESTORE_HINT}"]
    problems = []
    for table in sorted(Base.metadata.tables.values(), key=lambda table: table.name):
        if "municipality_id" not in table.columns or table.name == "workspace_info":
            continue
        foreign = connection.scalar(
            select(func.count())
            .select_from(table)
            .where(table.columns["municipality_id"] != own_id)
        )
        if foreign:
            problems.append(
                f"{foreign} record(s) in '{RECORD_KINDS.get(table.name, table.name)}' horen bij "
                f"een andere gemeente dan {name}. Een gemeentewerkruimte bevat alleen gegevens "
                f"van de eigen gemeente. {RESTORE_HINT}"
            )
    return problems


def _regional_problems(connection: Connection) -> list[str]:
    """In the RSIV workspace every gemeente record knows the package it came from."""
    roles = connection.execute(select(WorkspaceInfo.role)).scalars().all()
    if roles != [WorkspaceRole.REGION]:
        return []
    return provenance_problems(connection, RECORD_KINDS, RESTORE_HINT)


def _record_counts(connection: Connection) -> dict[str, int]:
    names = [*RECORD_KINDS, *sorted(set(Base.metadata.tables) - set(RECORD_KINDS))]
    return {
        name: connection.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0
        for name in names
        if name in Base.metadata.tables
    }
