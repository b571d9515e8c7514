"""Broken and hostile files: each refused with a precise Dutch message, the workspace untouched.

Every case hashes the workspace file before and after the attempt: a refusal must leave it
byte-for-byte the same.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from app.core.packages.importer import import_package
from app.exchange.problems import PackageRefusedError
from app.exchange.versions import CURRENT
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace, open_workspace
from tests.exchange.conftest import file_hash

Builder = Callable[[Path, Path], Path]


def _with_workbook(change: Callable[[openpyxl.Workbook], None]) -> Builder:
    def build(package: Path, folder: Path) -> Path:
        workbook = openpyxl.load_workbook(package)
        change(workbook)
        target = folder / "aangepast.xlsx"
        workbook.save(target)
        return target

    return build


def _set(sheet: str, cell: str, value: object) -> Builder:
    def change(workbook: openpyxl.Workbook) -> None:
        workbook[sheet][cell] = value

    return _with_workbook(change)


def _bytes(name: str, content: bytes) -> Builder:
    def build(_package: Path, folder: Path) -> Path:
        target = folder / name
        target.write_bytes(content)
        return target

    return build


def _copy_as(name: str) -> Builder:
    def build(package: Path, folder: Path) -> Path:
        target = folder / name
        shutil.copy(package, target)
        return target

    return build


def _rezip(
    name: str,
    extra: dict[str, bytes],
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> Builder:
    def build(package: Path, folder: Path) -> Path:
        target = folder / name
        replace_parts = replace or {}
        with zipfile.ZipFile(package) as source, zipfile.ZipFile(target, "w") as out:
            for info in source.infolist():
                if info.filename in drop:
                    continue
                data = replace_parts.get(info.filename, source.read(info))
                out.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
            for part, data in extra.items():
                out.writestr(part, data, zipfile.ZIP_DEFLATED)
        return target

    return build


def _zip_bomb(_package: Path, folder: Path) -> Path:
    """A real .xlsx-looking zip whose sheet unpacks to 2 GiB of zeros (about 9 MB on disk)."""
    target = folder / "bom.xlsx"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            chunk = bytes(16 * 2**20)
            for _ in range(128):
                stream.write(chunk)
    return target


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&lol3;</workbook>"""


def _metadata(key: str, value: str) -> Builder:
    def change(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Metadata"]
        for row in sheet.iter_rows():
            if row[0].value == key:
                row[1].value = value

    return _with_workbook(change)


def _delete_sheet(name: str) -> Builder:
    def change(workbook: openpyxl.Workbook) -> None:
        del workbook[name]

    return _with_workbook(change)


def _empty_rows(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Acties"]
    start = sheet.max_row + 1
    for row in range(start, start + 100_000):
        sheet.cell(row=row, column=3, value=" ")


def _duplicate_id(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Acties"]
    sheet["A3"] = sheet["A2"].value


def _duplicate_month(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Maandcijfers"]
    sheet["B3"] = sheet["B2"].value
    sheet["C3"] = sheet["C2"].value


def _formula(workbook: openpyxl.Workbook) -> None:
    workbook["Acties"]["C2"] = '=CONCAT("actie ", 1)'


def _truncated(package: Path, folder: Path) -> Path:
    target = folder / "afgebroken.xlsx"
    data = package.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)

CASES: dict[str, tuple[Builder, str]] = {
    "geen zip": (_bytes("pakket.xlsx", b"Dit is gewoon tekst."), "geen Excel-werkmap"),
    "leeg bestand": (_bytes("pakket.xlsx", b""), "is leeg"),
    "oud xls": (_bytes("pakket.xls", OLE), "oud Excel-bestand (.xls"),
    "xls hernoemd": (_bytes("pakket.xlsx", OLE), "oud Excel-bestand"),
    "versleuteld": (
        _bytes("pakket.xlsx", OLE + "EncryptedPackage".encode("utf-16-le")),
        "versleuteld",
    ),
    "xlsm-extensie": (_copy_as("pakket.xlsm"), "met macro's (.xlsm)"),
    "vba in xlsx": (_rezip("pakket.xlsx", {"xl/vbaProject.bin": b"macro"}), "bevat macro's"),
    "andere extensie": (_copy_as("pakket.zip"), "alleen .xlsx-bestanden"),
    "zip zonder werkmap": (
        _rezip("pakket.xlsx", {}, drop=("xl/workbook.xml",)),
        "een zip-bestand, maar geen Excel-werkmap",
    ),
    "zip-bom": (_zip_bomb, "zip-bom"),
    "xml-bom": (
        _rezip("pakket.xlsx", {}, {"xl/workbook.xml": BILLION_LAUGHS}),
        "XML-definitie (DOCTYPE of ENTITY)",
    ),
    "afgebroken bestand": (_truncated, "beschadigd"),
    "geen metadata": (_delete_sheet("Metadata"), "het blad Metadata ontbreekt"),
    "ander formaat": (_metadata("Formaat", "iets-anders"), "geen pakket van Aanpak"),
    "nieuwere versie": (
        _metadata("Formaatversie", str(CURRENT.version + 1)),
        "Installeer de nieuwste versie",
    ),
    "onzinversie": (_metadata("Formaatversie", "abc"), "ongeldige formaatversie"),
    "exportdatum met de hand": (
        _metadata("Geëxporteerd op", "27-11-2018 14:05"),
        "ongeldige exportdatum ('27-11-2018 14:05')",
    ),
    "blad ontbreekt": (_delete_sheet("Acties"), "Het blad Acties ontbreekt"),
    "kop hernoemd": (_set("Acties", "H1", "Staat"), "'Staat' in Acties!H1"),
    "verkeerd type": (_set("Maandcijfers", "D2", "veel"), "Maandcijfers!D2: 'veel' is geen geheel"),
    "onbekende keuze": (_set("Acties", "H2", "misschien"), "Acties!H2: 'misschien' is geen"),
    "dubbele uuid": (_with_workbook(_duplicate_id), "Rij 3 heeft dezelfde ID als rij 2"),
    "dubbele maand": (
        _with_workbook(_duplicate_month),
        "dezelfde Maand + Buurtcode als rij 2",
    ),
    "formule": (_with_workbook(_formula), "Acties!C2: Hier staat een formule"),
    "100.000 lege rijen": (_with_workbook(_empty_rows), "hoogstens 100.000 rijen per blad"),
    "verplicht leeg": (_set("Acties", "C2", None), "Acties!C2: Titel is verplicht"),
    "onmogelijke datum": (_set("Acties", "G2", "31-02-2018"), "'31-02-2018' is geen geldige datum"),
    "maand niet de eerste": (_set("Maandcijfers", "B2", "15-03-2018"), "eerste dag"),
    "kapotte verwijzing": (
        _set("Acties", "J2", "00000000-0000-4000-8000-000000000000"),
        "komt niet voor op blad Maatregelen",
    ),
    "ongeldige uuid": (_set("Acties", "A2", "niet-een-id"), "Acties!A2: Dit is geen geldige ID"),
    "te lange tekst": (_set("Acties", "C2", "x" * 301), "hier passen er hoogstens 300"),
    "gemeentecode gewijzigd": (_set("Gemeente", "A2", "GM0503"), "Gemeente!A2: De gemeentecode"),
}


@pytest.fixture
def closed_workspace(demo_workspace: Workspace) -> Path:
    path = demo_workspace.path
    demo_workspace.close()
    return path


@pytest.fixture(scope="module")
def module_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo package for all cases (building it per case would triple the run time)."""
    from app.core.packages.export import export_package
    from app.demo.gemeente import fill_demo
    from app.kernel.workspace import create_workspace
    from database.enums import WorkspaceRole

    folder = tmp_path_factory.mktemp("bron")
    with create_workspace(folder / "bron.db", WorkspaceRole.MUNICIPALITY, "GM0513") as source:
        fill_demo(source, seed=2017)
        export_package(source, folder / "pakket.xlsx", accept_findings=True)
    return folder / "pakket.xlsx"


def _attempt(database: Path, package: Path) -> str:
    with open_workspace(database) as workspace, pytest.raises(UserError) as refusal:
        import_package(workspace, package, allow_removals=True)
    return str(refusal.value)


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_file_is_refused_precisely_and_changes_nothing(
    case: str, module_package: Path, closed_workspace: Path, tmp_path: Path
) -> None:
    build, expected = CASES[case]
    hostile = build(module_package, tmp_path)
    before = file_hash(closed_workspace)

    message = _attempt(closed_workspace, hostile)

    assert expected in message
    assert "niet" in message  # every refusal says what did not happen or what is not right
    assert file_hash(closed_workspace) == before


def test_the_wrong_gemeente_is_refused(
    module_package: Path, new_workspace: Callable[..., Workspace]
) -> None:
    delft = new_workspace("GM0503", name="delft.db")
    path = delft.path
    delft.close()
    before = file_hash(path)
    message = _attempt(path, module_package)
    assert "Dit pakket is van Gouda (GM0513); deze werkruimte is van Delft (GM0503)" in message
    assert file_hash(path) == before


def test_all_problems_of_a_file_are_listed_at_once(
    module_package: Path, closed_workspace: Path, tmp_path: Path
) -> None:
    def change(workbook: openpyxl.Workbook) -> None:
        workbook["Acties"]["H2"] = "misschien"
        workbook["Acties"]["C3"] = None
        workbook["Maandcijfers"]["D2"] = "veel"

    hostile = _with_workbook(change)(module_package, tmp_path)
    with open_workspace(closed_workspace) as workspace, pytest.raises(PackageRefusedError) as x:
        import_package(workspace, hostile)
    cells = {problem.cell for problem in x.value.problems if problem.is_error}
    assert {"Acties!H2", "Acties!C3", "Maandcijfers!D2"} <= cells
    assert "3 fouten" in str(x.value)
