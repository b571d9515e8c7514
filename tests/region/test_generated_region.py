"""`demo --rsiv --gemeenten N`: a generated region of illustrative gemeenten, each gemeente's
demo package made and merged as for the nine real ones, on both RSIV stores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.packages.history import import_history
from app.core.region.members import region_members
from app.core.region.overview import regional_overview
from app.kernel.workspace import open_workspace
from database.enums import PackageOutcome
from tests.conftest import RsivLocation

ROOT = Path(__file__).resolve().parents[2]


def _app(*arguments: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WONINGINBRAKEN_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_generated_region_has_illustrative_gemeenten_each_merged_once(
    rsiv_location: RsivLocation, tmp_path: Path
) -> None:
    where = rsiv_location("regio.db")

    made = _app("demo", "--rsiv", "--gemeenten", "3", "--db", str(where), data=tmp_path)

    assert made.returncode == 0, made.stderr
    assert "Voorbeeldgemeente 003 samengevoegd (3 van 3)" in made.stdout
    with open_workspace(where) as workspace:
        members = region_members(workspace)
        history = import_history(workspace)
        overview = regional_overview(workspace)
    assert [(m.cbs_code, m.name) for m in members] == [
        ("GM9001", "Voorbeeldgemeente 001"),
        ("GM9002", "Voorbeeldgemeente 002"),
        ("GM9003", "Voorbeeldgemeente 003"),
    ]
    merged = [e.municipality_code for e in history if e.outcome is PackageOutcome.MERGED]
    assert sorted(set(merged)) == ["GM9001", "GM9002", "GM9003"]
    # Every gemeente has its plan in the regional picture.
    assert [row.name for row in overview.included] == [m.name for m in members]
    assert all(row.measures > 0 and row.rate is not None for row in overview.included)
    dump = _app("dump", "--db", str(where), data=tmp_path)
    assert dump.returncode == 0, dump.stderr
    # The gemeenten' plans, beside the plan of the werkgroep the RSIV chairs itself.
    titles = [plan["title"] for plan in json.loads(dump.stdout)["plan"]]
    assert "Werkgroep woninginbraken (RSIV)" in titles
    titles.remove("Werkgroep woninginbraken (RSIV)")
    assert [title.rsplit(" ", 1)[0] for title in sorted(titles)] == [
        f"DEMO – Plan van aanpak woninginbraken Voorbeeldgemeente 00{n}"  # noqa: RUF001
        for n in (1, 2, 3)
    ]


@pytest.mark.parametrize("rsiv_store", ["sqlite"])
def test_a_region_size_out_of_range_is_refused_and_makes_nothing(
    rsiv_location: RsivLocation, tmp_path: Path
) -> None:
    where = rsiv_location("regio.db")

    made = _app("demo", "--rsiv", "--gemeenten", "0", "--db", str(where), data=tmp_path)

    assert made.returncode == 1
    assert made.stderr.strip() == (
        "Fout: Een gegenereerde demoregio heeft 1 tot 999 gemeenten, niet 0. Geef bij "
        "--gemeenten een aantal in dat bereik."
    )
    assert not Path(where).exists()
