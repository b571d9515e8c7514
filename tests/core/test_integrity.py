"""The integrity check: passes on a sound workspace, names what is wrong in Dutch otherwise."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.inspection.integrity import RECORD_KINDS, check_workspace
from app.demo.gemeente import fill_demo
from app.kernel.reference import municipality_id
from app.kernel.workspace import create_workspace, open_workspace
from database import migrate
from database.enums import WorkspaceRole
from database.models import Base


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A closed Gouda demo workspace, ready to be opened or tampered with."""
    path = tmp_path / "gouda.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0513") as workspace:
        fill_demo(workspace)
    return path


def _tamper(path: Path, statement: str) -> None:
    """Change the file behind the app's back, with foreign keys off as SQLite's default."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def test_a_demo_workspace_is_in_order(demo_path: Path) -> None:
    with open_workspace(demo_path) as workspace:
        report = check_workspace(workspace)
    assert report.ok, report.problems
    assert report.problems == []
    assert report.lines[0] == f"schemaversie: {migrate.head_revision()}"
    assert "plannen van aanpak: 1" in report.lines
    assert any(line.startswith("maatregelen: ") for line in report.lines)
    assert report.lines[-1] == "integriteit: in orde"


def test_an_empty_rsiv_workspace_is_in_order(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as workspace:
        report = check_workspace(workspace)
    assert report.ok, report.problems


def test_every_table_has_a_dutch_name() -> None:
    assert set(RECORD_KINDS) == set(Base.metadata.tables)


def test_a_broken_reference_is_reported(demo_path: Path) -> None:
    _tamper(demo_path, "UPDATE action SET measure_id = 'bestaat-niet' WHERE rowid = 1")
    with open_workspace(demo_path) as workspace:
        report = check_workspace(workspace)
    assert not report.ok
    assert report.lines[-1] == "integriteit: 1 probleem/problemen gevonden"
    (problem,) = report.problems
    assert "'acties'" in problem and "'maatregelen'" in problem and "niet bestaat" in problem
    assert "reservekopie" in problem


def test_records_of_another_gemeente_are_reported(demo_path: Path) -> None:
    delft = municipality_id("GM0503")
    _tamper(demo_path, f"UPDATE measure SET municipality_id = '{delft}' WHERE rowid <= 2")
    with open_workspace(demo_path) as workspace:
        report = check_workspace(workspace)
    assert not report.ok
    (problem,) = report.problems
    assert problem.startswith("2 record(s) in 'maatregelen' horen bij een andere gemeente")
    assert "Gouda" in problem


def test_a_second_workspace_row_is_reported(demo_path: Path) -> None:
    with open_workspace(demo_path) as workspace:
        with workspace.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO workspace_info (id, format, role, is_demo, created_at, "
                "created_by_version, package_sequence) SELECT 'tweede', format, 'region', 0, "
                "created_at, created_by_version, 0 FROM workspace_info"
            )
        report = check_workspace(workspace)
    assert not report.ok
    assert report.problems == [
        "De werkruimte heeft 2 rijen met werkruimte-gegevens in plaats van precies één. "
        "Zet een reservekopie terug (map 'backups' in de gegevensmap) of vraag de functioneel "
        "beheerder om hulp."
    ]


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "UPDATE alembic_version SET version_num = '9999'",
            "De schemaversie van de werkruimte is 9999, maar deze versie van het programma "
            "verwacht",
        ),
        (
            "UPDATE workspace_info SET municipality_id = NULL",
            "De gemeente van deze gemeentewerkruimte ontbreekt.",
        ),
    ],
    ids=["schemaversie", "eigen-gemeente"],
)
def test_schema_and_ownership_problems_are_reported(
    demo_path: Path, statement: str, expected: str
) -> None:
    with open_workspace(demo_path) as workspace:
        with workspace.engine.begin() as connection:
            connection.exec_driver_sql(statement)
        report = check_workspace(workspace)
    assert not report.ok
    assert any(problem.startswith(expected) for problem in report.problems), report.problems
