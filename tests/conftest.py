"""Shared test set-up: every test gets its own data folder and runs Qt offscreen."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

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
