"""Any Dutch gemeente from the command line: init with a code outside the reference list,
read the CBS download, ask the status; and the RSIV's own choice of region."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.opendata.files import COUNT_COLUMN, write_csv, write_json

AMSTERDAM = "GM0363"
AREAS = ("GM0363", "BU03630000", "BU03630001", "GM0513")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def _amsterdam_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for area in AREAS:
        for year in (2016, 2017):
            for period in (*(f"{year}MM{month:02d}" for month in range(1, 13)), f"{year}JJ00"):
                for offence in ("0.0.0", "1.1.1"):
                    value: int | None = 300 if area.startswith("GM") else 12
                    if (area, period) == ("BU03630001", "2017MM03"):
                        value = None
                    rows.append(
                        {
                            "ID": len(rows),
                            "SoortMisdrijf": offence.ljust(8),
                            "WijkenEnBuurten": area.ljust(10),
                            "Perioden": period,
                            COUNT_COLUMN: 9999 if period.endswith("JJ00") else value,
                        }
                    )
    return rows


def test_amsterdam_init_open_data_import_and_status(tmp_path: Path) -> None:
    db = tmp_path / "amsterdam.db"
    created = _run("init", "--db", str(db), "--gemeente", AMSTERDAM, "--naam", "Amsterdam")
    assert created.returncode == 0, created.stderr
    assert "Amsterdam" in created.stdout

    crime = _run(
        "figures", "--db", str(db), str(write_json(tmp_path / "47022NED.json", _amsterdam_rows()))
    )
    assert crime.returncode == 0, crime.stderr
    assert "72 maandcijfers woninginbraak" in crime.stdout
    assert "incl. pogingen, verdeling onbekend" in crime.stdout

    stock = [
        {"ID": 0, "WijkenEnBuurten": "GM0363    ", "Woningvoorraad_34": 440000},
        {"ID": 1, "WijkenEnBuurten": "GM0513    ", "Woningvoorraad_34": 32000},
    ]
    dwellings = _run(
        "figures", "--db", str(db), str(write_csv(tmp_path / "kerncijfers-2016.csv", stock))
    )
    assert dwellings.returncode == 0, dwellings.stderr

    status = _run("status", "--db", str(db), "--json")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["municipality"] == {"code": AMSTERDAM, "name": "Amsterdam"}
    rate = data["rate"]
    assert rate["burglaries_12_months"] == 12 * 300
    assert rate["per_1000_dwellings"] == 12 * 300 / 440000 * 1000
    assert rate["withheld_cells"] == 1 and rate["split_unknown"] is True

    text = _run("status", "--db", str(db))
    assert "Achtergehouden cellen in de CBS-cijfers: 1 (onbekend, niet 0)." in text.stdout


def test_a_code_outside_the_list_without_a_name_is_one_dutch_sentence(tmp_path: Path) -> None:
    result = _run("init", "--db", str(tmp_path / "a.db"), "--gemeente", AMSTERDAM)
    assert result.returncode == 1
    assert "GM0363 is onbekend in de lijst" in result.stderr and "--naam" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "a.db").exists()


def test_the_rsiv_chooses_its_region_and_changes_it(tmp_path: Path) -> None:
    db = tmp_path / "rsiv.db"
    created = _run("init", "--db", str(db), "--rsiv", "--gemeenten", "GM0363=Amsterdam", "GM0513")
    assert created.returncode == 0, created.stderr
    shown = _run("regio", "--db", str(db))
    # The memo's gemeenten first, in its order; then the others by name.
    assert shown.stdout.splitlines()[1:] == ["- Gouda (GM0513)", "- Amsterdam (GM0363)"]

    crime = _run(
        "figures", "--db", str(db), str(write_json(tmp_path / "47022NED.json", _amsterdam_rows()))
    )
    assert crime.returncode == 0, crime.stderr
    assert "2 gemeenten" in crime.stdout

    changed = _run("regio", "--db", str(db), "--gemeenten", "GM0513", "GM0503")
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.splitlines()[1:] == ["- Gouda (GM0513)", "- Delft (GM0503)"]


def test_the_default_region_is_the_memos(tmp_path: Path) -> None:
    db = tmp_path / "rsiv.db"
    assert _run("init", "--db", str(db), "--rsiv").returncode == 0
    lines = _run("regio", "--db", str(db)).stdout.splitlines()
    assert lines[0] == "Regio (9 gemeenten):"
    assert "- Leiden (GM0546)" not in lines


def test_a_package_of_a_gemeente_outside_the_list_merges_into_its_region(
    tmp_path: Path,
) -> None:
    gemeente, rsiv, package = tmp_path / "amsterdam.db", tmp_path / "rsiv.db", tmp_path / "p.xlsx"
    init = ("init", "--db", str(gemeente), "--gemeente", AMSTERDAM, "--naam", "Amsterdam")
    assert _run(*init).returncode == 0
    exported = _run("export", "--db", str(gemeente), "--out", str(package))
    assert exported.returncode == 0, exported.stderr

    elsewhere = tmp_path / "rsiv-den-haag.db"
    assert _run("init", "--db", str(elsewhere), "--rsiv").returncode == 0
    refused = _run("import", "--db", str(elsewhere), str(package))
    assert refused.returncode == 1
    assert "Gouda (GM0513)" in refused.stderr and "Traceback" not in refused.stderr

    assert (
        _run("init", "--db", str(rsiv), "--rsiv", "--gemeenten", "GM0363=Amsterdam").returncode == 0
    )
    merged = _run("import", "--db", str(rsiv), str(package))
    assert merged.returncode == 0, merged.stderr
    assert "Amsterdam" in merged.stdout
