"""The dump: every record as plain JSON values, in an order that does not depend on chance."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.inspection.dump import dump_workspace
from app.demo.gemeente import fill_demo
from app.kernel.reference import municipalities
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.enums import WorkspaceRole
from database.models import Base

MUNICIPALITY = WorkspaceRole.MUNICIPALITY


@pytest.fixture
def empty_workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "leeg.db", MUNICIPALITY, "GM0627") as workspace:
        yield workspace


def test_an_empty_workspace_dumps_every_table_but_alembics(empty_workspace: Workspace) -> None:
    dump = dump_workspace(empty_workspace)
    assert list(dump) == sorted(Base.metadata.tables)
    assert "alembic_version" not in dump
    assert len(dump["workspace_info"]) == 1
    assert len(dump["municipality"]) == len(municipalities())
    assert [row["year"] for row in dump["national_reference"]] == [2016, 2017, 2018]
    assert all(dump[table] == [] for table in ("plan", "measure", "action", "incident"))
    json.dumps(dump)


def test_values_are_json_with_iso_dates_utc_moments_and_enum_values(
    empty_workspace: Workspace,
) -> None:
    info = dump_workspace(empty_workspace)["workspace_info"][0]
    assert info["role"] == "municipality"
    assert info["is_demo"] is False
    assert info["created_at"].endswith("+00:00")
    fill_demo(empty_workspace)
    dump = dump_workspace(empty_workspace)
    measure = dump["measure"][0]
    assert measure["target_group"] in {"offender", "victim_dwelling", "environment"}
    assert len(measure["period_start"]) == 10  # 2018-01-01
    incident = dump["incident"][0]
    assert "+" not in incident["window_start"]  # a local time, as reported, stays naive
    assert isinstance(dump["goal"][0]["baseline_value"], float)


def test_rows_are_ordered_by_primary_key(empty_workspace: Workspace) -> None:
    fill_demo(empty_workspace)
    dump = dump_workspace(empty_workspace)
    ids = [row["id"] for row in dump["action"]]
    assert ids == sorted(ids)
    links = [(row["measure_id"], row["hot_item_id"]) for row in dump["measure_hot_item"]]
    assert links == sorted(links)


def test_the_same_content_gives_the_same_dump_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "delft.db"
    with create_workspace(path, MUNICIPALITY, "GM0503") as workspace:
        fill_demo(workspace)
        before = json.dumps(dump_workspace(workspace))
    with open_workspace(path) as workspace:
        assert json.dumps(dump_workspace(workspace)) == before
