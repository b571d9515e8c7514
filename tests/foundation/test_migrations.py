"""A workspace made at the first revision, with data, upgrades to head and keeps every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.kernel.paths import backup_dir
from app.kernel.workspace import open_workspace
from database import migrate
from database.schema_version import HEAD_REVISION
from tests.old_workspace import GOUDA, NOW, old_workspace

FIRST_REVISION = "0001"
PLAN = "11111111-1111-4111-8111-111111111111"


def _first_revision_workspace(path: Path) -> None:
    """Build a workspace exactly as the first release wrote it: raw SQL, no current models."""
    with old_workspace(path, FIRST_REVISION) as connection:
        connection.execute(
            "INSERT INTO plan (title, project_lead, problem_summary, organisation, communication,"
            " id, created_at, updated_at, municipality_id) VALUES ('Plan Gouda', 'projectleider',"
            " 'Inbraken in de binnenstad', '', '', ?, ?, ?, ?)",
            (PLAN, NOW, NOW, GOUDA),
        )
        for number in range(5):
            connection.execute(
                "INSERT INTO action (plan_id, title, description, owner, status, id, created_at,"
                " updated_at, municipality_id) VALUES (?, ?, '', 'politie', 'open', ?, ?, ?, ?)",
                (PLAN, f"Actie {number}", f"a{number}", NOW, NOW, GOUDA),
            )


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall())
            for table in ("municipality", "plan", "action")
        }
    finally:
        connection.close()


def test_upgrade_from_the_first_revision_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    _first_revision_workspace(path)
    before = _rows(path)

    with open_workspace(path) as workspace:
        with workspace.engine.connect() as connection:
            assert migrate.current_revision(connection) == HEAD_REVISION
        assert workspace.summary.municipality_name == "Gouda"

    after = _rows(path)
    for table, rows in before.items():
        assert [row[: len(rows[0])] for row in after[table]] == rows, table


def test_upgrade_is_preceded_by_a_backup_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    _first_revision_workspace(path)
    if HEAD_REVISION == FIRST_REVISION:
        return
    open_workspace(path).close()
    backups = list(backup_dir().rglob("oud-*.db"))
    assert len(backups) == 1
    connection = sqlite3.connect(backups[0])
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        titles = connection.execute("SELECT title FROM action ORDER BY title").fetchall()
    finally:
        connection.close()
    assert revision == FIRST_REVISION
    assert len(titles) == 5
