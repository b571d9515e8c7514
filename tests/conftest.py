"""Shared test set-up: every test gets its own data folder and runs Qt offscreen.

The store matrix: a test that takes `rsiv_location` runs once on a SQLite file and once in a
fresh database on the PostgreSQL test cluster (tests/pg_cluster.sh). Without the cluster the
PostgreSQL run is skipped locally, and fails in CI (CI=true), where the cluster must be up.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.kernel.server_address import ServerAddress

# Before any Qt import: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Keep backups, settings and demo workspaces out of the real user folder."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("WONINGINBRAKEN_DATA_DIR", str(folder))
    # main() points matplotlib's cache into the data folder; undo that after each test.
    monkeypatch.setenv("MPLCONFIGDIR", str(folder / "matplotlib"))
    yield folder


@pytest.fixture(autouse=True)
def no_job_left_running() -> Iterator[None]:
    """A test fails when it leaves a background job running: closing the window must cancel
    and await its jobs, and a test must wait for the jobs it starts."""
    yield
    background = sys.modules.get("app.ui.widgets.background")
    if background is None:
        return  # no Qt screen was used
    left = background.Job.still_running()
    for job in left:
        job.cancel()
    assert not left, f"{len(left)} background job(s) still running after the test"


# The test cluster's maintenance URL, e.g. postgresql://postgres@/postgres?host=/tmp/x.
TEST_PG_ENV = "WONINGINBRAKEN_TEST_PG"
RSIV_STORES = ("sqlite", "postgresql")

RsivLocation = Callable[[str], "Path | ServerAddress"]


def pg_test_url() -> str:
    """The cluster's URL; a clear skip locally, a failure in CI."""
    url = os.environ.get(TEST_PG_ENV)
    if not url:
        reason = (
            f"no PostgreSQL test cluster: {TEST_PG_ENV} is not set; start one with "
            '`eval "$(tests/pg_cluster.sh start)"`'
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return url


@pytest.fixture(params=RSIV_STORES)
def rsiv_store(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def new_server_database(template: str | None = None) -> ServerAddress:
    """A new database on the test cluster, empty or a copy of `template`."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    url = pg_test_url()
    database = f"test_{uuid.uuid4().hex[:16]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"{copy}')
    options = conninfo_to_dict(url)
    return ServerAddress(f"postgresql://{options['user']}@/{database}?host={options['host']}")


def drop_server_database(address: ServerAddress) -> None:
    import psycopg

    with psycopg.connect(pg_test_url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{address.name}" WITH (FORCE)')


@pytest.fixture
def rsiv_location(rsiv_store: str, tmp_path: Path) -> Iterator[RsivLocation]:
    """Where a new RSIV workspace goes on this run's store: a file, or a new empty database
    per workspace (dropped after the test)."""
    if rsiv_store == "sqlite":
        yield lambda name: tmp_path / name
        return
    made: list[ServerAddress] = []

    def location(_name: str) -> ServerAddress:
        made.append(new_server_database())
        return made[-1]

    yield location
    for address in made:
        drop_server_database(address)
