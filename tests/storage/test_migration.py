"""A migration is one transaction: an error or a kill halfway leaves the old schema and data.

pysqlite sends no BEGIN before DDL, so without database.store's recipe every CREATE TABLE of a
revision committed at once, and the next start failed on "table ... already exists".
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from app.kernel.errors import UserError
from app.kernel.paths import backup_dir
from app.kernel.workspace import open_workspace
from database import migrate
from database.schema_version import HEAD_REVISION
from database.store import make_engine
from tests.foundation.test_migrations import FIRST_REVISION, _first_revision_workspace
from tests.storage import crash

KILLS = 6


def _tables(path: Path) -> frozenset[str]:
    return crash.revision_and_tables(path)[1]


def _fail_on(engine: Engine, fragment: str) -> None:
    """Make the statement containing `fragment` fail, as a full disk or a crash would."""

    def refuse(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if fragment in statement:
            raise sqlite3.OperationalError("disk I/O error")

    event.listen(engine, "before_cursor_execute", refuse)


def test_a_migration_that_fails_halfway_leaves_the_old_schema(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    _first_revision_workspace(path)
    before = crash.revision_and_tables(path)
    engine = make_engine(path)
    # 0003 creates analysis_form after 0002 created national_reference: fail in between.
    _fail_on(engine, "CREATE TABLE analysis_form")
    with pytest.raises(Exception, match="disk I/O error"):
        migrate.upgrade(engine)
    engine.dispose()

    assert crash.revision_and_tables(path) == before
    with open_workspace(path) as workspace:
        assert workspace.summary.municipality_name == "Gouda"
    assert crash.revision_and_tables(path)[0] == HEAD_REVISION


def test_failed_starts_do_not_pile_up_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "oud.db"
    _first_revision_workspace(path)

    def broken(_engine: Engine, revision: str = "head") -> None:
        raise UserError("De schema-update is mislukt.")

    with monkeypatch.context() as patch:
        patch.setattr(migrate, "upgrade", broken)
        for _ in range(25):
            with pytest.raises(UserError):
                open_workspace(path)
    assert list(backup_dir().rglob("*.db")) == []

    open_workspace(path).close()
    [backup] = backup_dir().rglob("*.db")
    assert crash.revision_and_tables(backup)[0] == FIRST_REVISION


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_a_migration_leaves_the_old_or_the_new_schema(tmp_path: Path) -> None:
    pristine = tmp_path / "voor.db"
    _first_revision_workspace(pristine)
    old = crash.revision_and_tables(pristine)
    migrated = tmp_path / "na.db"
    shutil.copy(pristine, migrated)
    open_workspace(migrated).close()
    new = crash.revision_and_tables(migrated)
    expected = crash.state(migrated)

    target = tmp_path / "doel.db"
    argv = ["check", "--db", str(target)]

    def backed_up(data: Path) -> crash.Marker:
        # The migration's transaction starts right after its backup is complete.
        return lambda: any((data / "backups").rglob("*voor-migratie*.db"))

    shutil.copy(pristine, target)
    timing = crash.timed(argv, tmp_path / "data-getimed", backed_up(tmp_path / "data-getimed"))
    rng = crash.kill_seed("migrate")
    outcomes = []
    for number in range(KILLS):
        for leftover in tmp_path.glob("doel.db*"):
            leftover.unlink()
        shutil.copy(pristine, target)
        data = tmp_path / f"data-{number}"
        crash.kill_during(argv, data, backed_up(data), timing, rng, number)

        left = crash.revision_and_tables(target)
        assert left in (old, new), f"kill {number}: schema {left[0]} with a mix of tables"
        outcomes.append("oud" if left == old else "nieuw")
        result = crash.run(argv, data)
        assert result.returncode == 0, result.stderr
        assert crash.state(target) == expected
    print(f"{KILLS} kills in a migration of {timing.after_marker:.3f} s: {outcomes}")
