"""`check` on a workspace on the PostgreSQL server: the schema version, every rule the tables
declare, references that point nowhere, and the content rules of a SQLite file. Each broken
state is one Dutch sentence and exit 1; nothing is changed by the check itself."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from app.core.packages.merge import merge_package
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole
from database.schema_version import HEAD_REVISION
from tests.conftest import drop_server_database, new_server_database
from tests.merge.conftest import GOUDA, DemoPackages

ROOT = Path(__file__).resolve().parents[2]
SOMEWHERE = "00000000-0000-0000-0000-000000000000"


@pytest.fixture(scope="module")
def merged_template(demo_packages: DemoPackages) -> Iterator[ServerAddress]:
    """A server workspace with Gouda's package merged; each test breaks a copy of it."""
    template = new_server_database()
    with create_workspace(template, WorkspaceRole.REGION, is_demo=True) as workspace:
        assert merge_package(workspace, demo_packages.by_code[GOUDA], backup=False).merged
    yield template
    drop_server_database(template)


@pytest.fixture
def server(merged_template: ServerAddress) -> Iterator[ServerAddress]:
    copy = new_server_database(template=merged_template.name)
    yield copy
    drop_server_database(copy)


def _break(server: ServerAddress, *statements: str) -> None:
    """What someone with rights on the server could do behind the program's back."""
    with psycopg.connect(server.url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)  # type: ignore[arg-type]


def _check(server: ServerAddress) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "check", "--db", str(server)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _problems(checked: subprocess.CompletedProcess[str]) -> list[str]:
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr
    lines = checked.stderr.splitlines()
    assert all(line.startswith("Fout: ") for line in lines), lines
    return [line.removeprefix("Fout: ") for line in lines]


def test_a_sound_server_workspace_passes(server: ServerAddress) -> None:
    checked = _check(server)
    assert checked.returncode == 0, checked.stderr
    assert f"schemaversie: {HEAD_REVISION}" in checked.stdout
    assert "integriteit: in orde" in checked.stdout


def test_a_dropped_rule_is_named_and_a_record_that_then_points_nowhere_is_counted(
    server: ServerAddress,
) -> None:
    _break(
        server,
        "ALTER TABLE measure_hot_item DROP CONSTRAINT fk_measure_hot_item_measure_id_measure",
        f"UPDATE measure_hot_item SET measure_id = '{SOMEWHERE}' WHERE ctid = "
        "(SELECT min(ctid) FROM measure_hot_item)",
    )
    assert _problems(_check(server)) == [
        "De regel fk_measure_hot_item_measure_id_measure (de verwijzing naar 'maatregelen' in "
        "'koppelingen maatregel en hot-item') ontbreekt in de database, dus de server bewaakt "
        "hem niet meer. Vraag de IT-afdeling de database terug te zetten uit de "
        "pg_dump-kopie van vóór de wijziging (zie de installatiehandleiding voor IT).",
        "1 record(s) in 'koppelingen maatregel en hot-item' verwijzen naar een record in "
        "'maatregelen' dat niet bestaat. Zet een reservekopie terug (map 'backups' in de "
        "gegevensmap) of vraag de functioneel beheerder om hulp.",
    ]


def test_a_record_written_with_the_triggers_off_is_found(server: ServerAddress) -> None:
    _break(
        server,
        "ALTER TABLE action DISABLE TRIGGER ALL",
        f"UPDATE action SET plan_id = '{SOMEWHERE}' WHERE ctid = (SELECT min(ctid) FROM action)",
        "ALTER TABLE action ENABLE TRIGGER ALL",
    )
    (problem,) = _problems(_check(server))
    assert problem.startswith(
        "1 record(s) in 'acties' verwijzen naar een record in 'plannen van aanpak' dat niet "
        "bestaat."
    )


@pytest.mark.parametrize(
    ("statement", "sentence"),
    [
        (
            "ALTER TABLE municipality DROP CONSTRAINT uq_municipality_cbs_code",
            "De regel uq_municipality_cbs_code (de uniciteitsregel in 'gemeenten') ontbreekt",
        ),
        (
            "ALTER TABLE rsiv_note DROP CONSTRAINT pk_rsiv_note",
            "De regel pk_rsiv_note (de primaire sleutel in 'notities van het RSIV') ontbreekt",
        ),
        (
            "ALTER TABLE measure ALTER COLUMN title DROP NOT NULL",
            "Het veld title van 'maatregelen' mag in de database leeg zijn, maar is verplicht.",
        ),
        (
            "UPDATE alembic_version SET version_num = '0009'",
            "De schemaversie van de werkruimte is 0009, maar deze versie van het programma "
            f"verwacht {HEAD_REVISION}.",
        ),
        (
            "DROP TABLE rsiv_note",
            "De tabel met notities van het RSIV (rsiv_note) ontbreekt in de database.",
        ),
    ],
)
def test_each_broken_schema_is_one_sentence(
    server: ServerAddress, statement: str, sentence: str
) -> None:
    _break(server, statement)
    (problem,) = _problems(_check(server))
    assert problem.startswith(sentence), problem
    # The check reads only: an old version is reported, not upgraded behind the team's back.
    if "alembic_version" in statement:
        with psycopg.connect(server.url) as connection:
            version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        assert version == ("0009",)
