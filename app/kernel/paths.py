"""Where the app keeps its files: the per-user, local (non-roaming) data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

from app import APP_ID

DATA_DIR_ENV = "WONINGINBRAKEN_DATA_DIR"
APP_AUTHOR = "RSIV"


def data_dir() -> Path:
    """The local data folder; WONINGINBRAKEN_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    # roaming=False: a roaming profile would sync the database over the network.
    return user_data_path(APP_ID, APP_AUTHOR, roaming=False)


def default_workspace_path() -> Path:
    return data_dir() / "werkruimte.db"


def demo_workspace_path() -> Path:
    return data_dir() / "demo" / "demo-werkruimte.db"


def backup_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    # Inside the data folder, so IT has one folder to know about.
    return data_dir() / "logs"


def resources_dir() -> Path:
    """The shipped resources: beside the frozen executable, or at the repository root."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
