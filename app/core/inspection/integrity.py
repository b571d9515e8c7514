"""Is a workspace file sound? SQLite's own checks plus the rules the schema cannot express.

Run before sending a package or after a crash: the report says in Dutch what is wrong and
how many records it touches, so the user can restore a backup or ask for help.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, func, select

from app.core.packages.provenance import provenance_problems
from app.kernel.errors import DamagedWorkspaceError
from app.kernel.workspace import Workspace, open_workspace
from database import migrate
from database.dialect import broken_references, damage_reports
from database.enums import WorkspaceRole
from database.models import Base, Municipality, WorkspaceInfo
from database.schema_version import HEAD_REVISION

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


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    lines: list[str]
    problems: list[str]


def check_workspace_file(path: Path) -> IntegrityReport:
    """Open and check the file at `path`; a damaged file is reported, not a crash."""
    try:
        with open_workspace(path) as workspace:
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
        problems = [
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


def _foreign_key_problems(connection: Connection) -> list[str]:
    broken = Counter(broken_references(connection))
    return [
        f"{count} record(s) in '{RECORD_KINDS.get(table, table)}' verwijzen naar een record in "
        f"'{RECORD_KINDS.get(parent, parent)}' dat niet bestaat. {RESTORE_HINT}"
        for (table, parent), count in sorted(broken.items())
    ]


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
