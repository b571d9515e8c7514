"""Small 47022NED and Kerncijfers files as CBS writes them: padded codes, roll-ups, annual
rows, withheld cells and other gemeenten mixed in (the numbers are made up)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

GOUDA, DELFT = "GM0513", "GM0503"
GOUDA_AREAS = ("GM0513", "WK051301", "BU05130101", "BU05130102")
DELFT_AREAS = ("GM0503", "BU05030101")
MONTHS = (*(f"2017MM{month:02d}" for month in range(1, 13)), "2018MM01", "2018MM02")
# The one withheld 1.1.1 cell: a buurt in May 2017.
WITHHELD = ("BU05130102", "2017MM05")
COUNT_COLUMN = "GeregistreerdeMisdrijven_1"


def burglaries(area: str, period: str) -> int:
    """The made-up 1.1.1 count of an area in a month."""
    month = int(period[-2:])
    return {"GM": 40, "WK": 20, "BU": 9, "NL": 4000}[area[:2]] + month % 3


def crime_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for area in (*GOUDA_AREAS, *DELFT_AREAS, "NL00"):
        for period in (*MONTHS, "2017JJ00"):
            for offence in ("0.0.0", "1.1.1", "1.2.1"):
                if offence == "1.1.1" and (area, period) == WITHHELD:
                    value: int | None = None
                elif offence == "1.1.1":
                    value = 999 if period.endswith("JJ00") else burglaries(area, period)
                else:
                    value = 500
                rows.append(
                    {
                        "ID": len(rows),
                        "SoortMisdrijf": f"{offence}   ",
                        "WijkenEnBuurten": area.ljust(10),
                        "Perioden": period,
                        COUNT_COLUMN: value,
                    }
                )
    return rows


def expected_counts() -> dict[tuple[str, str], int | None]:
    """Gouda's 1.1.1 monthly counts, exactly what an import must store."""
    return {
        (area, period): None if (area, period) == WITHHELD else burglaries(area, period)
        for area in GOUDA_AREAS
        for period in MONTHS
    }


def write_json(path: Path, rows: list[dict[str, object]], *, bare: bool = False) -> Path:
    content: object = rows
    if not bare:
        content = {
            "odata.metadata": "https://opendata.cbs.nl/ODataApi/OData/47022NED/$metadata"
            "#Cbs.OData.WebAPI.TypedDataSet",
            "value": rows,
        }
    path.write_text(json.dumps(content, indent=1), "utf-8")
    return path


def write_csv(path: Path, rows: list[dict[str, object]], delimiter: str = ";") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=csv.QUOTE_ALL)
        writer.writerow(list(rows[0]))
        for row in rows:
            writer.writerow(["." if value is None else value for value in row.values()])
    return path


def write_code_list(folder: Path, *, as_csv: bool = False) -> Path:
    names = {
        "GM0513": "Gouda",
        "WK051301": "Wijk 01 Binnenstad",
        "BU05130101": "Oude Binnenstad",
        "BU05130102": "Nieuwe Park",
        "BU05030101": "Delft-Centrum",
    }
    entries = [{"Key": code.ljust(10), "Title": title} for code, title in names.items()]
    if as_csv:
        path = folder / "WijkenEnBuurten.csv"
        lines = ['"Key";"Title"', *(f'"{e["Key"]}";"{e["Title"]}"' for e in entries)]
        path.write_text("\n".join(lines) + "\n", "utf-8")
        return path
    path = folder / "WijkenEnBuurten.json"
    path.write_text(json.dumps({"value": entries}), "utf-8")
    return path


def dwelling_rows(year_column: bool = False) -> list[dict[str, object]]:
    stock = {"GM0513": 32000, "WK051301": 5000, "BU05130101": 2000, "BU05130102": 3000}
    stock |= {"GM0503": 50000, "BU05030101": 4000, "NL00": 7_900_000}
    rows = []
    for area, dwellings in stock.items():
        row: dict[str, object] = {
            "ID": len(rows),
            "WijkenEnBuurten": area.ljust(10),
            "Gemeentenaam_1": "Gouda" if area[2:6] == "0513" else "Delft",
        }
        if year_column:
            row["Perioden"] = "2017JJ00"
        row["Woningvoorraad_34"] = dwellings
        rows.append(row)
    return rows
