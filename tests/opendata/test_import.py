"""CBS open data in a gemeente workspace: exactly the gemeente's 1.1.1 monthly counts, withheld
cells unknown (never zero), roll-ups, annual rows and other gemeenten left out."""

from __future__ import annotations

import hashlib
import json
import math
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.figures.charts import ChartKind, build_chart
from app.core.figures.figures import load_figures
from app.core.figures.importing import import_figures
from app.core.overview.status import workspace_status
from app.exchange.cbs_opendata import OpenDataError
from app.kernel.errors import UserError
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole
from database.tables import neighbourhood_table, open_data_figure_table
from tests.opendata.files import (
    COUNT_COLUMN,
    GOUDA,
    WITHHELD,
    crime_rows,
    dwelling_rows,
    expected_counts,
    write_code_list,
    write_csv,
    write_json,
)


@pytest.fixture
def gouda(tmp_path: Path) -> Path:
    path = tmp_path / "gouda.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, GOUDA):
        pass
    return path


def _stored(path: Path) -> dict[tuple[str, str], int | None]:
    table = open_data_figure_table.c
    with open_workspace(path) as workspace, workspace.connection() as connection:
        rows = connection.execute(
            select(table.area_code, table.period, table.value).where(table.measure == "burglaries")
        ).all()
    return {(area, f"{period:%Y}MM{period:%m}"): value for area, period, value in rows}


def _import(path: Path, file: Path) -> str:
    with open_workspace(path) as workspace:
        return import_figures(workspace, file).message


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "write",
    [
        lambda folder, rows: write_json(folder / "47022NED.json", rows),
        lambda folder, rows: write_json(folder / "47022NED.json", rows, bare=True),
        lambda folder, rows: write_csv(folder / "47022NED.csv", rows),
        lambda folder, rows: write_csv(folder / "47022NED.csv", rows, delimiter=","),
    ],
    ids=["json-typed-data-set", "json-bare-list", "csv-semicolon", "csv-comma"],
)
def test_exactly_the_gemeentes_monthly_burglaries_are_stored(
    gouda: Path, tmp_path: Path, write: object
) -> None:
    file = write(tmp_path, crime_rows())  # type: ignore[operator]
    message = _import(gouda, file)
    assert _stored(gouda) == expected_counts()
    assert "incl. pogingen, verdeling onbekend" in message
    assert "1 cel heeft CBS achtergehouden" in message and "niet als 0" in message
    assert "(0.0.0)" in message and "jaar- of kwartaalcijfer" in message
    assert "andere gebieden" in message


def test_a_withheld_cell_is_unknown_never_zero(gouda: Path, tmp_path: Path) -> None:
    _import(gouda, write_json(tmp_path / "47022NED.json", crime_rows()))
    with open_workspace(gouda) as workspace:
        counts = load_figures(workspace).area_counts(WITHHELD[0])
    may = counts.loc["2017-05-01"]
    assert math.isnan(may["total"]) and bool(may["withheld"])
    assert counts.loc["2017-04-01", "total"] == 10
    # Open data has no split: neither completed nor attempts is invented.
    assert counts["completed"].isna().all()


def test_status_says_how_many_cells_were_withheld_and_that_the_split_is_unknown(
    gouda: Path, tmp_path: Path
) -> None:
    _import(gouda, write_csv(tmp_path / "47022NED.csv", crime_rows()))
    _import(gouda, write_csv(tmp_path / "kerncijfers-2017.csv", dwelling_rows()))
    with open_workspace(gouda) as workspace:
        status = workspace_status(workspace, today=date(2018, 3, 15))
    lines = "\n".join(status.as_lines())
    assert "Achtergehouden cellen in de CBS-cijfers: 1 (onbekend, niet 0)." in lines
    assert "zonder pogingen onbekend (CBS-cijfers: incl. pogingen, verdeling onbekend)" in lines
    rate = status.as_dict()["rate"]
    assert rate["withheld_cells"] == 1 and rate["split_unknown"] is True
    # Gemeente counts 40 + month % 3 over feb 2017 to jan 2018, 32,000 dwellings in 2017.
    expected = sum(40 + (month % 3) for month in (*range(2, 13), 1))
    assert rate["burglaries_12_months"] == expected
    assert rate["per_1000_dwellings"] == pytest.approx(expected / 32000 * 1000)


def test_a_rate_over_a_window_with_a_withheld_month_says_so(gouda: Path, tmp_path: Path) -> None:
    rows = crime_rows()
    for row in rows:
        offence, area = row["SoortMisdrijf"].strip(), row["WijkenEnBuurten"].strip()
        if (offence, area, row["Perioden"]) == ("1.1.1", GOUDA, "2017MM11"):
            row[COUNT_COLUMN] = None
    _import(gouda, write_json(tmp_path / "47022NED.json", rows))
    _import(gouda, write_csv(tmp_path / "kerncijfers-2017.csv", dwelling_rows()))
    with open_workspace(gouda) as workspace:
        status = workspace_status(workspace, today=date(2018, 3, 15))
    lines = "\n".join(status.as_lines())
    assert "CBS heeft 1 van de 12 maanden t/m feb 2018 achtergehouden (onbekend, niet 0)" in lines
    assert status.as_dict()["rate"]["withheld_months_in_window"] == 1
    # Every 12-month window of this file holds November 2017: no rate, as the month is no zero.
    assert status.rate.rate is None


def test_buurt_names_come_from_the_code_list_when_it_is_there(gouda: Path, tmp_path: Path) -> None:
    folder = tmp_path / "download"
    folder.mkdir()
    write_code_list(folder, as_csv=True)
    message = _import(gouda, write_json(folder / "47022NED.json", crime_rows()))
    assert "Buurtnamen uit WijkenEnBuurten.csv" in message
    with open_workspace(gouda) as workspace, workspace.connection() as connection:
        buurten = connection.execute(select(neighbourhood_table.c.code, neighbourhood_table.c.name))
        names = {code: name for code, name in buurten}
    assert names == {"BU05130101": "Oude Binnenstad", "BU05130102": "Nieuwe Park"}


def test_a_json_code_list_works_and_without_one_codes_are_shown(
    gouda: Path, tmp_path: Path
) -> None:
    plain = _import(gouda, write_csv(tmp_path / "47022NED.csv", crime_rows()))
    assert "Zonder codelijst" in plain
    folder = tmp_path / "met-codelijst"
    folder.mkdir()
    write_code_list(folder)
    assert "Buurtnamen uit WijkenEnBuurten.json" in _import(
        gouda, write_csv(folder / "47022NED.csv", crime_rows())
    )


def test_reading_the_same_download_twice_replaces_it(gouda: Path, tmp_path: Path) -> None:
    file = write_json(tmp_path / "47022NED.json", crime_rows())
    _import(gouda, file)
    message = _import(gouda, file)
    assert "56 eerder ingelezen cijfers voor dezelfde periode vervangen" in message
    assert _stored(gouda) == expected_counts()


def test_dwelling_stock_from_kerncijfers_per_buurt_and_gemeente(
    gouda: Path, tmp_path: Path
) -> None:
    message = _import(gouda, write_json(tmp_path / "kerncijfers.json", dwelling_rows(True)))
    assert "4 cijfers woningvoorraad" in message and "2017" in message
    with open_workspace(gouda) as workspace:
        stock = load_figures(workspace).dwellings
    assert set(zip(stock["area"], stock["dwellings"], strict=True)) == {
        ("", 32000),
        ("WK051301", 5000),
        ("BU05130101", 2000),
        ("BU05130102", 3000),
    }


def test_kerncijfers_without_a_year_are_refused_with_advice(gouda: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Zet het jaar in de bestandsnaam"):
        _import(gouda, write_csv(tmp_path / "kerncijfers.csv", dwelling_rows()))


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (
            {
                "ID": 0,
                "SoortMisdrijf": "1.1.1",
                "RegioS": "GM0513",
                "Perioden": "2017JJ00",
                "GeregistreerdeMisdrijven_1": 5,
            },
            "lijkt op CBS-tabel 83648NED",
        ),
        (
            {
                "ID": 0,
                "SoortMisdrijf": "1.1.1",
                "Perioden": "2017MM01",
                "GeregistreerdeMisdrijven_1": 5,
            },
            "lijkt op tabel 47022NED, maar de kolom(men) wijkenenbuurten ontbreken",
        ),
        (
            {"ID": 0, "WijkenEnBuurten": "GM0513", "AantalInwoners_5": 70000},
            "zonder kolom GeregistreerdeMisdrijven of Woningvoorraad",
        ),
    ],
    ids=["regional-table", "missing-area-column", "other-wijk-table"],
)
def test_an_unknown_table_is_refused_saying_what_to_download(
    gouda: Path, tmp_path: Path, columns: dict[str, object], expected: str
) -> None:
    file = write_csv(tmp_path / "download.csv", [columns])
    before = _digest(gouda)
    with pytest.raises(UserError) as refusal:
        _import(gouda, file)
    text = str(refusal.value)
    assert expected in text
    assert "Download tabel 47022NED" in text
    assert _digest(gouda) == before


def test_another_table_id_in_the_json_is_named(gouda: Path, tmp_path: Path) -> None:
    file = tmp_path / "download.json"
    file.write_text(
        json.dumps(
            {
                "odata.metadata": "https://example.invalid/ODataApi/OData/85984NED/$metadata",
                "value": [{"ID": 0, "WijkenEnBuurten": "GM0513", "AantalInwoners_5": 1}],
            }
        ),
        "utf-8",
    )
    with pytest.raises(UserError, match="is CBS-tabel 85984NED met wijken en buurten"):
        _import(gouda, file)


def test_a_bad_count_is_refused_with_its_row_and_nothing_is_stored(
    gouda: Path, tmp_path: Path
) -> None:
    rows = crime_rows()
    rows[4][COUNT_COLUMN] = "twaalf"  # a 1.1.1 row of Gouda
    file = write_csv(tmp_path / "47022NED.csv", rows)
    with pytest.raises(OpenDataError, match=f"Rij 6, kolom '{COUNT_COLUMN}': 'twaalf' is geen"):
        _import(gouda, file)
    assert _stored(gouda) == {}


def test_a_file_without_the_gemeente_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leidschendam.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM1916"):
        pass
    with pytest.raises(UserError, match=r"bevat geen maandcijfers woninginbraak .* voor GM1916"):
        _import(path, write_json(tmp_path / "47022NED.json", crime_rows()))


def test_a_truncated_json_file_is_refused(gouda: Path, tmp_path: Path) -> None:
    file = write_json(tmp_path / "47022NED.json", crime_rows())
    file.write_bytes(file.read_bytes()[:-2000])
    with pytest.raises(UserError, match="geen geldig JSON-bestand"):
        _import(gouda, file)
    assert _stored(gouda) == {}


def test_json_with_braces_in_strings_and_nested_values_reads_exactly(
    gouda: Path, tmp_path: Path
) -> None:
    rows = crime_rows()
    rows[3]["Opmerking"] = "tekst met } en { erin"
    rows[10]["Extra"] = {"genest": [1, 2]}
    _import(gouda, write_json(tmp_path / "47022NED.json", rows))
    assert _stored(gouda) == expected_counts()


def test_the_monthly_chart_draws_totals_and_marks_withheld_months(
    gouda: Path, tmp_path: Path
) -> None:
    _import(gouda, write_json(tmp_path / "47022NED.json", crime_rows()))
    with open_workspace(gouda) as workspace:
        figures = load_figures(workspace)
    figure = build_chart(figures, ChartKind.MONTHLY, "Gouda", WITHHELD[0])
    axes = figure.axes[0]
    totals = [patch for patch in axes.patches if patch.get_gid() == "total"]
    marks = [text for text in axes.texts if text.get_gid() == "withheld"]
    assert len(totals) == 11 and len(marks) == 1  # twelve months shown, May 2017 withheld
    assert {patch.get_height() for patch in totals} <= {9, 10, 11}
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert "Incl. pogingen, verdeling onbekend (CBS)" in legend
    assert "? = achtergehouden door CBS (onbekend, niet 0)" in legend
