"""Several coordinators merging into one workspace on the PostgreSQL server at the same time:
every package lands, and the same package twice lands once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from app.core.packages.history import import_history
from app.demo.generated import generated_region
from app.demo.region import demo_packages
from app.kernel.errors import WorkspaceLockedError
from app.kernel.paths import DATA_DIR_ENV
from app.kernel.server_address import ServerAddress
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import PackageOutcome, WorkspaceRole
from tests.conftest import RsivLocation, pg_test_url
from tests.merge.conftest import DemoPackages

ROOT = Path(__file__).resolve().parents[2]
# Two coordinators with 20 packages each, and one package that both of them were sent.
EACH = 20


def _merge_at_once(server: ServerAddress, *batches: list[Path]) -> list[int]:
    """One `import` process per batch, each by another coordinator, all started before any
    is awaited."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "import", "--db", str(server), *map(str, batch)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **_logged_in_as(f"coordinator-{number}")},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number, batch in enumerate(batches)
    ]
    codes = []
    for process in processes:
        _out, errors = process.communicate(timeout=600)
        assert "Traceback" not in errors, errors
        codes.append(process.returncode)
    return codes


def _logged_in_as(user: str) -> dict[str, str]:
    """The login name the program reads (getpass), set for a child process."""
    return {"LOGNAME": user, "USER": user, "LNAME": user, "USERNAME": user}


@pytest.fixture
def server(rsiv_location: RsivLocation) -> ServerAddress:
    address = rsiv_location("rsiv")
    assert isinstance(address, ServerAddress)
    create_workspace(address, WorkspaceRole.REGION, is_demo=True).close()
    return address


@pytest.mark.parametrize("rsiv_store", ["postgresql"])
def test_two_coordinators_merging_different_packages_at_once_both_land(
    demo_packages: DemoPackages, server: ServerAddress
) -> None:
    codes = sorted(demo_packages.by_code)
    first, second = codes[:4], codes[4:]

    exits = _merge_at_once(server, demo_packages.in_order(first), demo_packages.in_order(second))

    assert exits == [0, 0]
    with open_workspace(server) as workspace:
        history = import_history(workspace)
    assert sorted(entry.municipality_code for entry in history) == codes
    assert {entry.outcome for entry in history} == {PackageOutcome.MERGED}


@pytest.mark.parametrize("rsiv_store", ["postgresql"])
def test_the_same_packages_merged_twice_at_once_land_once(
    demo_packages: DemoPackages, server: ServerAddress
) -> None:
    codes = sorted(demo_packages.by_code)

    _merge_at_once(
        server, demo_packages.in_order(codes), demo_packages.in_order(list(reversed(codes)))
    )

    with open_workspace(server) as workspace:
        history = import_history(workspace)
    merged = Counter(e.municipality_code for e in history if e.outcome is PackageOutcome.MERGED)
    assert merged == Counter(codes)  # every gemeente once
    refused = [entry for entry in history if entry.outcome is PackageOutcome.REFUSED]
    assert len(refused) == len(codes)
    # The second arrival is told it came before, not a database error.
    assert all("al samengevoegd" in (entry.reason or "") for entry in refused), [
        entry.reason for entry in refused
    ]


@pytest.mark.parametrize("rsiv_store", ["postgresql"])
def test_a_user_opens_the_workspace_once_and_sees_who_else_is_working(
    server: ServerAddress, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in _logged_in_as("anne").items():
        monkeypatch.setenv(name, value)
    with open_workspace(server) as anne:
        with pytest.raises(WorkspaceLockedError, match="al geopend door anne"):
            open_workspace(server)
        assert anne.colleagues() == []
        for name, value in _logged_in_as("bram").items():
            monkeypatch.setenv(name, value)
        with open_workspace(server) as bram:
            assert anne.colleagues() == ["bram"]
            assert bram.colleagues() == ["anne"]
    # Closed: the same user opens it again.
    for name, value in _logged_in_as("anne").items():
        monkeypatch.setenv(name, value)
    open_workspace(server).close()


@pytest.fixture(scope="module")
def region_packages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The demo packages of a generated region of 41 gemeenten, made once for this module."""
    pg_test_url()  # skip before the minute of making them when there is no cluster
    folder = tmp_path_factory.mktemp("regio-pakketten")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(folder / "data"))
        made = demo_packages(
            folder, generated_region(2 * EACH + 1), seed=2017, today=date(2026, 12, 3)
        )
        return [package.path for package in made]


@pytest.mark.parametrize("rsiv_store", ["postgresql"])
def test_two_processes_merging_twenty_packages_each_land_every_package_once(
    region_packages: list[Path], rsiv_location: RsivLocation, tmp_path: Path
) -> None:
    server = rsiv_location("rsiv")
    assert isinstance(server, ServerAddress)
    region = [(member.cbs_code, member.name) for member in generated_region(2 * EACH + 1)]
    create_workspace(server, WorkspaceRole.REGION, is_demo=True, region=region).close()
    shared, own = region_packages[0], region_packages[1:]
    # The shared package first in both batches, so both processes reach it at the same moment.
    first = [shared, *own[:EACH]]
    second = [shared, *own[EACH:]]

    exits = _merge_at_once(server, first, second)

    # One of the two is told the shared package was merged already: exit 1, the rest merged.
    assert sorted(exits) == [0, 1]
    dump = subprocess.run(
        [sys.executable, "-m", "app", "dump", "--db", str(server)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), DATA_DIR_ENV: str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert dump.returncode == 0, dump.stderr
    tables = json.loads(dump.stdout)
    merged = Counter(
        row["municipality_code"] for row in tables["imported_package"] if row["outcome"] == "merged"
    )
    assert merged == Counter(code for code, _name in region)  # all 41 gemeenten, each once
    # Each gemeente's records are there once: one plan per gemeente, none doubled.
    plans = Counter(row["municipality_id"] for row in tables["plan"])
    assert len(plans) == len(region) and set(plans.values()) == {1}
    refused = [row for row in tables["imported_package"] if row["outcome"] == "refused"]
    assert [row["municipality_code"] for row in refused] == [region[0][0]]
    assert "al samengevoegd" in refused[0]["reason"]
