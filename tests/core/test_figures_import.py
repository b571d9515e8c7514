"""Importing figures files: Dutch CSV and XLSX in, precise errors out, nothing half-stored."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.core.figures.formats import FORMATS
from app.core.figures.importing import FiguresImportError, import_figures
from app.kernel.errors import UserError
from app.kernel.reference import municipality_id
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole
from database.models import DwellingStock, Incident, MonthlyFigure, Neighbourhood

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
GOUDA = "GM0513"
MONTHLY_HEADER = "periode;gemeentecode;buurtcode;woninginbraken;pogingen"


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    """A closed Gouda workspace with two buurten."""
    path = tmp_path / "gouda.db"
    with (
        create_workspace(path, WorkspaceRole.MUNICIPALITY, GOUDA) as workspace,
        workspace.transaction() as session,
    ):
        for code, name in (("BU05130001", "Noord"), ("BU05130002", "Oost")):
            session.add(Neighbourhood(municipality_id=municipality_id(GOUDA), code=code, name=name))
    return path


def _write(folder: Path, name: str, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path = folder / name
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def _import(workspace_path: Path, file: Path) -> str:
    with open_workspace(workspace_path) as workspace:
        return import_figures(workspace, file).message


def _count(workspace_path: Path, model: type) -> int:
    with open_workspace(workspace_path) as workspace, workspace.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_example_files_import(workspace_path: Path) -> None:
    assert _import(workspace_path, EXAMPLES / "maandcijfers.csv") == (
        "36 maandcijfers ingelezen (jan 2017 t/m dec 2017)."
    )
    assert "6 cijfers woningvoorraad" in _import(workspace_path, EXAMPLES / "woningvoorraad.csv")
    assert "8 incidenten" in _import(workspace_path, EXAMPLES / "incidenten.csv")
    with open_workspace(workspace_path) as workspace, workspace.reading() as session:
        stock = session.scalars(
            select(DwellingStock.dwellings).where(
                DwellingStock.year == 2016, DwellingStock.neighbourhood_code.is_(None)
            )
        ).one()
        assert stock == 32_410  # "32.410": a Dutch thousands separator
        late = session.scalars(
            select(Incident).where(Incident.modus_operandi == "inklimmen via bijkeuken")
        ).one()
        assert late.window_start == datetime(2017, 1, 13, 22, 30)
        assert late.window_end == datetime(2017, 1, 14, 1, 30)


def test_reimporting_a_period_replaces_it_and_says_so(workspace_path: Path) -> None:
    _import(workspace_path, EXAMPLES / "maandcijfers.csv")
    message = _import(workspace_path, EXAMPLES / "maandcijfers.csv")
    assert "36 eerder ingelezen regels voor dezelfde periode vervangen" in message
    assert _count(workspace_path, MonthlyFigure) == 36
    _import(workspace_path, EXAMPLES / "incidenten.csv")
    assert "8 eerder ingelezen regels" in _import(workspace_path, EXAMPLES / "incidenten.csv")
    assert _count(workspace_path, Incident) == 8


def test_commas_decimal_commas_and_windows_1252(workspace_path: Path, tmp_path: Path) -> None:
    monthly = _write(
        tmp_path,
        "komma.csv",
        ["Periode,Gemeentecode,Woninginbraken,Pogingen", '2018-01,gm0513,"12,0",3'],
        encoding="utf-8",
    )
    assert "1 maandcijfers" in _import(workspace_path, monthly)
    with open_workspace(workspace_path) as workspace, workspace.reading() as session:
        stored = session.execute(select(MonthlyFigure.completed, MonthlyFigure.attempts)).one()
    assert tuple(stored) == (12, 3)  # "12,0" is twelve, not 120
    incidents = _write(
        tmp_path,
        "ansi.csv",
        [
            "datum_van;tijd_van;datum_tot;tijd_tot;buurtcode;poging;modus_operandi",
            "05-01-2018;22:30;06-01-2018;1:30;BU05130001;Ja;deur geforceerd, ruit kapot (€)",
        ],
        encoding="cp1252",
    )
    _import(workspace_path, incidents)
    with open_workspace(workspace_path) as workspace, workspace.reading() as session:
        assert session.scalars(select(Incident.modus_operandi)).one().endswith("(€)")


def test_an_excel_file_with_dates_as_excel_writes_them(
    workspace_path: Path, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Cijfers"
    sheet.append(["periode", "gemeentecode", "buurtcode", "woninginbraken", "pogingen"])
    sheet.append([datetime(2018, 2, 1), "GM0513", None, 14, 5.0])
    sheet.append(["2018-03", "GM0513", "BU05130002", 2, 0])
    path = tmp_path / "cijfers.xlsx"
    book.save(path)
    assert "2 maandcijfers ingelezen (feb 2018 t/m mrt 2018)" in _import(workspace_path, path)


def _garbage(tmp_path: Path) -> Path:
    path = tmp_path / "rommel.csv"
    with path.open("wb") as handle:
        for _ in range(50):
            handle.write(os.urandom(1024 * 1024))
    return path


BROKEN = {
    "wrong header": (
        ["periode;gemeente;aantal", "2018-01;GM0513;4"],
        "Rij 1: kolom 'gemeentecode' ontbreekt",
    ),
    "unknown column": (
        [MONTHLY_HEADER + ";adres", "2018-01;GM0513;;4;1;Dorpsstraat 1"],
        "kolom 'adres' hoort niet in een bestand met maandcijfers",
    ),
    "text in a count": (
        [MONTHLY_HEADER, "2018-01;GM0513;;4;1", "2018-02;GM0513;;twaalf;1"],
        "Rij 3, kolom 'woninginbraken': 'twaalf' is geen getal",
    ),
    "negative count": (
        [MONTHLY_HEADER, "2018-01;GM0513;;4;-1"],
        "Rij 2, kolom 'pogingen': '-1' is negatief",
    ),
    "unknown buurt": (
        [MONTHLY_HEADER, "2018-01;GM0513;BU05139999;4;1"],
        "Rij 2, kolom 'buurtcode': buurt 'BU05139999' is onbekend in deze werkruimte",
    ),
    "buurt of another gemeente": (
        [MONTHLY_HEADER, "2018-01;GM0513;BU05030001;4;1"],
        "buurt 'BU05030001' ligt niet in gemeente GM0513",
    ),
    "other gemeente": (
        [MONTHLY_HEADER, "2018-01;GM0503;;4;1"],
        "Rij 2, kolom 'gemeentecode': 'GM0503' is niet de gemeente van deze werkruimte",
    ),
    "a month twice": (
        [MONTHLY_HEADER, "2018-01;GM0513;;4;1", "2018-02;GM0513;;4;1", "2018-01;GM0513;;5;1"],
        "Rij 4, kolom 'periode': 2018-01 voor de hele gemeente staat ook in rij 2",
    ),
    "bad month": (
        [MONTHLY_HEADER, "jan 2018;GM0513;;4;1"],
        "Rij 2, kolom 'periode': 'jan 2018' is geen maand",
    ),
    "only a header": ([MONTHLY_HEADER, ";;;;"], "geen regels met maandcijfers"),
    "window backwards": (
        [
            "datum_van;tijd_van;datum_tot;tijd_tot;buurtcode;poging",
            "06-01-2018;08:00;05-01-2018;17:00;BU05130001;nee",
        ],
        "Rij 2, kolommen 'datum_tot' en 'tijd_tot': het einde ligt vóór het begin",
    ),
    "not yes or no": (
        [
            "datum_van;tijd_van;datum_tot;tijd_tot;buurtcode;poging",
            "05-01-2018;08:00;05-01-2018;17:00;BU05130001;misschien",
        ],
        "Rij 2, kolom 'poging': 'misschien' is geen ja of nee",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_file_is_refused_precisely_and_changes_nothing(
    case: str, workspace_path: Path, tmp_path: Path
) -> None:
    _import(workspace_path, EXAMPLES / "maandcijfers.csv")
    lines, expected = BROKEN[case]
    before = _digest(workspace_path)
    with pytest.raises(FiguresImportError) as refused:
        _import(workspace_path, _write(tmp_path, "kapot.csv", lines))
    assert expected in str(refused.value)
    assert "er is niets opgeslagen" in str(refused.value)
    assert _digest(workspace_path) == before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda folder: _write(folder, "leeg.csv", []), "is leeg"),
        (lambda folder: _write(folder, "niets.csv", [], encoding="utf-8"), "is leeg"),
        (_garbage, "geen tekstbestand"),
        (lambda folder: _write(folder, "a.xlsx", ["geen zip"]), "geen geldig Excel-bestand"),
        (lambda folder: _write(folder, "cijfers.pdf", ["x"]), "geen CSV- of Excel-bestand"),
    ],
)
def test_empty_garbage_and_wrong_kinds_of_file_are_refused(
    make: object, expected: str, workspace_path: Path, tmp_path: Path
) -> None:
    file = make(tmp_path)  # type: ignore[operator]
    before = _digest(workspace_path)
    with pytest.raises(UserError) as refused:
        _import(workspace_path, file)
    assert expected in str(refused.value)
    assert _digest(workspace_path) == before


def test_garbage_text_without_line_breaks_is_refused_by_its_header(
    workspace_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "tekst.csv"
    path.write_bytes(b"ab;" * (25 * 1024 * 1024 // 3))
    with pytest.raises(UserError, match="geen kopregel"):
        _import(workspace_path, path)


def test_many_errors_are_listed_with_a_count(workspace_path: Path, tmp_path: Path) -> None:
    lines = [MONTHLY_HEADER] + [f"2018-01;GM0513;BU05130001;x{row};1" for row in range(60)]
    with pytest.raises(FiguresImportError) as refused:
        _import(workspace_path, _write(tmp_path, "veel.csv", lines))
    assert len(refused.value.problems) == 60
    assert "60 fouten" in str(refused.value)
    assert "en nog 35 andere fouten" in str(refused.value)


def test_the_rsiv_workspace_does_not_import(tmp_path: Path) -> None:
    path = tmp_path / "rsiv.db"
    with (
        create_workspace(path, WorkspaceRole.REGION) as workspace,
        pytest.raises(UserError, match="alleen in de werkruimte van een gemeente"),
    ):
        import_figures(workspace, EXAMPLES / "maandcijfers.csv")


def test_the_format_document_names_every_column() -> None:
    document = (EXAMPLES.parent / "figures-format.md").read_text("utf-8")
    for form in FORMATS:
        for column in form.columns:
            assert f"`{column.name}`" in document, column.name
