"""A workspace with plan revisions at schema 0005 upgrades to head and keeps them whole."""

from __future__ import annotations

from pathlib import Path

from app.core.course.revisions import list_revisions, revision_document
from app.exchange.revision_document import PlanDocument, encode, split_parts
from app.kernel.workspace import open_workspace
from tests.old_workspace import GOUDA, NOW, old_workspace

REVISIONS_ADDED = "0005"
PLAN = "11111111-1111-4111-8111-111111111111"
REVISION = "22222222-2222-4222-8222-222222222222"
DOCUMENT = PlanDocument(
    {
        "plan": [{"id": PLAN, "title": "Plan Gouda", "local_start": "2017-10-10"}],
        "goal": [{"id": "g1", "title": "Minder inbraken " + "x" * 40_000, "target_value": 7.0}],
    }
)


def _workspace_with_a_revision(path: Path) -> list[str]:
    parts = split_parts(encode(DOCUMENT))
    with old_workspace(path, REVISIONS_ADDED) as connection:
        connection.execute(
            "INSERT INTO plan_revision (name, frozen_at, created_by, municipality_id, id, "
            "created_at, updated_at) VALUES ('voor werkgroep maart', ?, 'projectleider', ?, ?, "
            "?, ?)",
            (NOW, GOUDA, REVISION, NOW, NOW),
        )
        for position, content in enumerate(parts):
            connection.execute(
                "INSERT INTO plan_revision_part (revision_id, position, content, "
                "municipality_id, id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (REVISION, position, content, GOUDA, f"part-{position}", NOW, NOW),
            )
    return parts


def test_revisions_survive_the_upgrade_to_head(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    parts = _workspace_with_a_revision(path)
    assert len(parts) > 2  # the long goal title needs several parts

    with open_workspace(path) as workspace:
        (row,) = list_revisions(workspace)
        assert row.name == "voor werkgroep maart"
        assert revision_document(workspace, REVISION) == DOCUMENT
