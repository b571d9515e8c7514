"""The store: foreign keys enforced, deliberate journal settings, schema version in step."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.kernel.workspace import create_workspace
from database import migrate
from database.enums import ActionStatus, WorkspaceRole
from database.models import Action
from database.schema_version import HEAD_REVISION


def test_a_foreign_key_violation_is_refused(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "g.db", WorkspaceRole.MUNICIPALITY, "GM0513") as workspace:
        municipality_id = workspace.summary and _municipality_id(workspace)
        with pytest.raises(IntegrityError), workspace.transaction() as session:
            session.add(
                Action(
                    municipality_id=municipality_id,
                    plan_id="00000000-0000-4000-8000-000000000000",
                    title="Actie bij een plan dat niet bestaat",
                    status=ActionStatus.OPEN,
                )
            )
        with workspace.reading() as session:
            assert session.query(Action).count() == 0


def test_every_connection_has_foreign_keys_wal_and_full_sync(tmp_path: Path) -> None:
    with create_workspace(tmp_path / "g.db", WorkspaceRole.REGION) as workspace:
        for _ in range(2):
            with workspace.engine.connect() as connection:
                assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
                assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
                assert connection.execute(text("PRAGMA synchronous")).scalar() == 2


def test_the_fast_head_constant_matches_alembic() -> None:
    assert migrate.head_revision() == HEAD_REVISION


def _municipality_id(workspace: object) -> str:
    from app.kernel.reference import municipality_id

    return municipality_id("GM0513")
