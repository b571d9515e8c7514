"""Issue 15, the file-reader side: hostile or broken files end in one Dutch refusal per problem.

Each case runs the command line's entry point (`app.cli.main`; a subprocess where the old
failure was an abort) and checks the exit code, the Dutch sentence and that the workspace
file is byte-for-byte unchanged.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from app.cli import main
from app.core.actions.actions import ActionInput, action_list, add_action
from app.core.actions.export import export_actions
from app.exchange.cells import CellFixed, parser_for
from app.exchange.limits import MAX_SEQUENCE
from app.exchange.problem_report import write_problem_report
from app.exchange.problems import error
from app.exchange.schema import V1
from app.exchange.text import clean_text
from app.kernel.errors import UserError
from app.kernel.workspace import open_workspace
from tests.exchange.conftest import file_hash
from tests.exchange.hostile_parts import (
    add_parts,
    edit_part,
    set_cell,
    set_metadata,
    sheet_part,
)
from tests.fuzz.corpus import Corpus, build_corpus
from tests.fuzz.mutations import read_parts, shared_strings, write_parts

ROOT = Path(__file__).resolve().parents[2]
VERTICAL_TAB = "Eerste regel\x0btweede regel"  # what Word pastes for Shift+Enter
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WONINGINBRAKEN_DATA_DIR", str(folder / "data"))
        return build_corpus(folder)


@pytest.fixture
def gemeente(corpus: Corpus, tmp_path: Path) -> Path:
    target = tmp_path / "gemeente.db"
    shutil.copyfile(corpus.gemeente, target)
    return target


def _run(
    capsys: pytest.CaptureFixture[str], database: Path, *argv: object
) -> tuple[int, str, bool]:
    """Exit code, stderr, and whether the workspace file changed."""
    before = file_hash(database)
    code = main([str(part) for part in argv])
    return code, capsys.readouterr().err, file_hash(database) != before


def _refused(capsys: pytest.CaptureFixture[str], database: Path, *argv: object) -> str:
    code, err, changed = _run(capsys, database, *argv)
    assert code == 1, err
    assert not changed
    assert "Traceback" not in err and "onverwachts" not in err
    return err


def _with_partners_row(corpus: Corpus, target: Path, row: bytes) -> Path:
    """The corpus package with `row` (raw sheet XML) added at the end of the Partners sheet."""
    part = sheet_part(corpus.package, "Partners")
    return edit_part(
        corpus.package,
        target,
        part,
        lambda xml: xml.replace(b"</sheetData>", row + b"</sheetData>"),
    )


def _refused_in_a_process(database: Path, home: Path, command: str, file: Path) -> str:
    """`python -m app <command> --db database file` as a user runs it, for failures that used
    to abort the interpreter: refused with exit 1, the workspace untouched; returns stderr."""
    before = file_hash(database)
    done = subprocess.run(
        [sys.executable, "-m", "app", command, "--db", str(database), str(file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(home)},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert file_hash(database) == before
    return done.stderr


# 3. Edited metadata is not believed.


def test_a_hand_edited_sequence_number_is_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = set_metadata(corpus.package, tmp_path / "pakket.xlsx", "Volgnummer", "3")
    err = _refused(capsys, gemeente, "import", "--db", gemeente, edited)
    assert "zijn na de export gewijzigd, dus het bestand wordt niet vertrouwd" in err


@pytest.mark.parametrize("number", ["9223372036854775807", str(MAX_SEQUENCE + 1), "0", "²"])
def test_a_sequence_number_out_of_range_is_refused(
    number: str,
    corpus: Corpus,
    gemeente: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    edited = set_metadata(corpus.package, tmp_path / "pakket.xlsx", "Volgnummer", number)
    err = _refused(capsys, gemeente, "import", "--db", gemeente, edited)
    assert f"ongeldig volgnummer ('{number}')" in err


def test_a_feedback_file_with_an_edited_export_moment_is_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = "Geëxporteerd op"
    edited = set_metadata(corpus.feedback, tmp_path / "t.xlsx", key, "2030-01-01T00:00:00+00:00")
    err = _refused(capsys, gemeente, "feedback-import", "--db", gemeente, edited)
    assert "zijn na de export gewijzigd" in err


def test_an_export_moment_in_the_year_1_is_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = "Geëxporteerd op"
    edited = set_metadata(corpus.package, tmp_path / "p.xlsx", key, "0001-01-01T00:00:00+00:00")
    assert "ongeldige exportdatum" in _refused(capsys, gemeente, "import", "--db", gemeente, edited)


# 4. Dense sheet ranges: the extent comes from the cells present, before a reader allocates.


def test_one_far_cell_is_refused_cheaply_in_a_real_process(
    corpus: Corpus, gemeente: Path, tmp_path: Path
) -> None:
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    hostile = _with_partners_row(corpus, tmp_path / "ver.xlsx", far)
    err = _refused_in_a_process(gemeente, tmp_path, "import", hostile)
    assert "Blad Partners loopt tot cel XFD1048576" in err
    assert "hoogstens 100.000 rijen per blad" in err


def test_cells_without_references_count_towards_the_extent(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wide = b'<row r="3">' + b"<c><v>1</v></c>" * 70 + b"</row>"
    hostile = _with_partners_row(corpus, tmp_path / "breed.xlsx", wide)
    err = _refused(capsys, gemeente, "import", "--db", gemeente, hostile)
    assert "Blad Partners loopt tot cel BM3" in err  # the 65th column


def test_a_large_dimension_tag_alone_is_not_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    part = sheet_part(corpus.package, "Partners")
    claimed = edit_part(
        corpus.package,
        tmp_path / "dimensie.xlsx",
        part,
        lambda xml: xml.replace(b"<sheetPr", b'<dimension ref="A1:XFD1048576"/><sheetPr', 1),
    )
    code, err, _ = _run(capsys, gemeente, "import", "--db", gemeente, claimed)
    assert code == 0, err


def test_a_sheet_whose_part_is_missing_is_refused_in_dutch(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    part = sheet_part(corpus.package, "Acties")
    with (
        zipfile.ZipFile(corpus.package) as source,
        zipfile.ZipFile(tmp_path / "zonder.xlsx", "w") as target,
    ):
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info))
    err = _refused(capsys, gemeente, "import", "--db", gemeente, tmp_path / "zonder.xlsx")
    assert "het blad 'Acties' ontbreekt in het bestand" in err


# 5. Numbers and dates are range-checked at the reader.


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "expected"),
    [
        ("Maandcijfers", "D2", 1e308, "te groot voor een geheel getal"),
        ("Maandcijfers", "D2", "²", "'²' is geen geheel getal"),
        ("Maandcijfers", "D2", "99999999999999999999", "is geen geheel getal"),
        ("Acties", "G2", "01-01-0999", "Het jaar 999 ligt buiten 1900-2100"),
        ("Acties", "G2", date(2101, 1, 1), "Het jaar 2101 ligt buiten 1900-2100"),
        ("Doelstellingen", "H2", 1e300, "geen bruikbaar getal"),
    ],
)
def test_an_out_of_range_cell_is_refused_with_its_cell(
    sheet: str,
    cell: str,
    value: object,
    expected: str,
    corpus: Corpus,
    gemeente: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile = set_cell(corpus.package, tmp_path / "getal.xlsx", sheet, cell, value)
    err = _refused(capsys, gemeente, "import", "--db", gemeente, hostile)
    assert f"{sheet}!{cell}:" in err
    assert expected in err


def test_a_format_version_in_superscript_is_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = set_metadata(corpus.package, tmp_path / "p.xlsx", "Formaatversie", "²")
    assert "ongeldige formaatversie ('²')" in _refused(
        capsys, gemeente, "import", "--db", gemeente, edited
    )


def test_a_form_version_in_superscript_is_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.load_workbook(corpus.form)
    sheet = workbook["Metadata"]
    for row in sheet.iter_rows():
        if str(row[1].value).isdigit():
            row[1].value = "²"
    workbook.save(tmp_path / "formulier.xlsx")
    err = _refused(capsys, gemeente, "import-form", "--db", gemeente, tmp_path / "formulier.xlsx")
    assert "zijn gewijzigd, dus het formulier wordt niet vertrouwd" in err


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("0999-01;GM0513;;5;1", "het jaar 999 ligt buiten 1900-2100"),
        ("2018-01;GM0513;;²;1", "'²' is geen getal"),
        ("2018-01;GM0513;;1e308;1", "'1e308' is geen getal"),
        ("2018-01;GM0513;;99999999999;1", "geen bruikbaar aantal"),
    ],
)
def test_a_figures_csv_with_an_out_of_range_value_is_refused(
    line: str,
    expected: str,
    gemeente: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    figures = tmp_path / "cijfers.csv"
    figures.write_text(f"periode;gemeentecode;buurtcode;woninginbraken;pogingen\n{line}\n")
    err = _refused(capsys, gemeente, "figures", "--db", gemeente, figures)
    assert "Rij 2" in err and expected in err


# 6. One cleaning for every column; one text-cell writer for every workbook.


def test_a_code_column_is_cleaned_like_text() -> None:
    code = next(c for c in V1.sheet("neighbourhood").columns if c.header == "Buurtcode")
    with pytest.raises(CellFixed) as fixed:
        parser_for(code)("BU05130101\x0c")
    assert fixed.value.stored == "BU05130101"


def test_characters_no_cell_can_hold_are_removed() -> None:
    assert clean_text("a\x00b\ufffec\uffffd\ud800e") == "abcde"
    assert clean_text(VERTICAL_TAB) == "Eerste regel\ntweede regel"


def test_a_vertical_tab_reaches_the_action_list_export(corpus: Corpus, tmp_path: Path) -> None:
    database = tmp_path / "g.db"
    shutil.copyfile(corpus.gemeente, database)
    with open_workspace(database) as workspace:
        add_action(workspace, ActionInput(title=VERTICAL_TAB, due_date=date(2018, 3, 1)))
        shown = action_list(workspace)
    path = export_actions(tmp_path / "acties.xlsx", shown, date(2018, 1, 1))
    titles = [
        row[0] for row in openpyxl.load_workbook(path)["Actielijst"].iter_rows(values_only=True)
    ]
    assert "Eerste regel\ntweede regel" in titles


def test_a_vertical_tab_reaches_the_package_and_back(
    corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "g.db"
    shutil.copyfile(corpus.gemeente, database)
    with open_workspace(database) as workspace:
        add_action(workspace, ActionInput(title=VERTICAL_TAB))
    assert (
        main(
            [
                "export",
                "--db",
                str(database),
                "--out",
                str(tmp_path / "p.xlsx"),
                "--accept-findings",
            ]
        )
        == 0
    )
    titles = [c.value for c in openpyxl.load_workbook(tmp_path / "p.xlsx")["Acties"]["C"]]
    assert "Eerste regel\ntweede regel" in titles
    assert main(["import", "--db", str(database), str(tmp_path / "p.xlsx")]) == 0


def test_a_vertical_tab_reaches_the_problem_report(tmp_path: Path) -> None:
    path = write_problem_report(tmp_path / "controle.xlsx", [error(VERTICAL_TAB, value="=\x0b1")])
    cells = [c.value for row in openpyxl.load_workbook(path).active.iter_rows() for c in row]
    assert "Eerste regel\ntweede regel" in cells


def test_a_text_longer_than_a_cell_is_never_written(corpus: Corpus, tmp_path: Path) -> None:
    database = tmp_path / "g.db"
    shutil.copyfile(corpus.gemeente, database)
    with open_workspace(database) as workspace:
        action = add_action(workspace, ActionInput(title="kort"))
        with workspace.transaction() as session:
            session.connection().exec_driver_sql(
                "UPDATE action SET title = ? WHERE id = ?", ("x" * 40_000, action)
            )
        shown = action_list(workspace)
    with pytest.raises(UserError, match=r"hoogstens 32\.767 tekens"):
        export_actions(tmp_path / "acties.xlsx", shown, date(2018, 1, 1))


# 8. Formulas, macros, links and duplicates found on the parsed zip and XML.


@pytest.mark.parametrize(
    ("find", "replace", "cell"),
    [
        (
            b'<c r="C2" t="inlineStr">',
            b'<c r="C2"><f\n>1+1</f><v>2</v></c><c r="X2" t="inlineStr">',
            "C2",
        ),
        (
            b'<c r="C2" t="inlineStr">',
            b"<c r='C2'><f>1+1</f><v>2</v></c><c r='X2' t='inlineStr'>",
            "C2",
        ),
    ],
)
def test_a_formula_in_any_spelling_is_refused(
    find: bytes,
    replace: bytes,
    cell: str,
    corpus: Corpus,
    gemeente: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    part = sheet_part(corpus.package, "Acties")
    hostile = edit_part(
        corpus.package, tmp_path / "f.xlsx", part, lambda xml: xml.replace(find, replace, 1)
    )
    err = _refused(capsys, gemeente, "import", "--db", gemeente, hostile)
    assert f"Acties!{cell}: Hier staat een formule" in err


def test_a_formula_in_a_cell_without_a_reference_is_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = b'<row r="9"><c><v>1</v></c><c><f>1+1</f><v>2</v></c></row>'
    hostile = _with_partners_row(corpus, tmp_path / "f.xlsx", row)
    assert "Partners!B9: Hier staat een formule" in _refused(
        capsys, gemeente, "import", "--db", gemeente, hostile
    )


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ([("xl/media/plaatje.bin", OLE)], "bevat macro's, ActiveX- of ingesloten onderdelen"),
        ([("xl/externalLinks/externalLink1.xml", b"<externalLink/>")], "externe verwijzingen"),
        ([("xl/worksheets/sheet2.xml", b"<worksheet/>")], "twee keer"),
        ([("XL/WORKBOOK.XML", b"<workbook/>")], "twee keer"),
    ],
)
def test_macros_links_and_duplicate_parts_are_refused(
    extra: list[tuple[str, bytes]],
    expected: str,
    corpus: Corpus,
    gemeente: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile = add_parts(corpus.package, tmp_path / "extra.xlsx", extra)
    assert expected in _refused(capsys, gemeente, "import", "--db", gemeente, hostile)


def test_a_macro_content_type_is_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override = (
        b'<Override PartName="/xl/gewoon.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    )
    hostile = edit_part(
        corpus.package,
        tmp_path / "m.xlsx",
        "[Content_Types].xml",
        lambda xml: xml.replace(b"</Types>", override + b"</Types>"),
    )
    assert "bevat macro's" in _refused(capsys, gemeente, "import", "--db", gemeente, hostile)


def test_two_sheets_of_one_name_are_refused(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = edit_part(
        corpus.package,
        tmp_path / "dubbel.xlsx",
        "xl/workbook.xml",
        lambda xml: xml.replace(b'name="Overleggen"', b'name="acties"', 1),
    )
    err = _refused(capsys, gemeente, "import", "--db", gemeente, hostile)
    assert "heeft twee bladen met de naam 'acties'" in err


# 9. Figures: the same safety pass, with limits; export refuses what import would refuse.


def test_a_figures_zip_bomb_is_refused(
    gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "cijfers.xlsx"
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            for _ in range(80):
                stream.write(bytes(16 * 2**20))
    assert "zip-bom" in _refused(capsys, gemeente, "figures", "--db", gemeente, bomb)


def test_a_figures_sheet_with_a_far_cell_is_refused(
    gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["periode", "gemeentecode", "buurtcode", "woninginbraken", "pogingen"])
    sheet.append(["2018-01", "GM0513", None, 5, 1])
    sheet["XFD1048576"] = 1
    workbook.save(tmp_path / "cijfers.xlsx")
    err = _refused(capsys, gemeente, "figures", "--db", gemeente, tmp_path / "cijfers.xlsx")
    assert "loopt tot cel XFD1048576; een cijferbestand heeft hoogstens 100.000 rijen" in err


def test_a_figures_csv_with_too_many_rows_is_refused(
    gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = tmp_path / "cijfers.csv"
    with figures.open("w") as handle:
        handle.write("periode;gemeentecode;buurtcode;woninginbraken;pogingen\n")
        handle.writelines("2018-01;GM0513;;1;0\n" for _ in range(100_001))
    err = _refused(capsys, gemeente, "figures", "--db", gemeente, figures)
    assert "meer dan 100.000 regels onder de kopregel" in err


def test_a_figures_xlsm_is_refused_as_macros(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(corpus.figures_xlsx, tmp_path / "cijfers.xlsm")
    err = _refused(capsys, gemeente, "figures", "--db", gemeente, tmp_path / "cijfers.xlsm")
    assert "met macro's (.xlsm)" in err


def test_export_refuses_what_the_reader_would_refuse(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_workspace(gemeente) as workspace:
        action = add_action(workspace, ActionInput(title="Oude actie"))
        with workspace.transaction() as session:
            session.connection().exec_driver_sql(
                "UPDATE action SET due_date = '1850-01-01' WHERE id = ?", (action,)
            )
    out = tmp_path / "p.xlsx"
    code = main(["export", "--db", str(gemeente), "--out", str(out), "--accept-findings"])
    err = capsys.readouterr().err
    assert code == 1
    assert "de ontvanger zou het weigeren" in err
    assert "Acties, rij" in err and "Het jaar 1850 ligt buiten 1900-2100" in err
    assert not out.exists()


def test_a_vertical_tab_reaches_the_excel_report(corpus: Corpus, tmp_path: Path) -> None:
    from app.core.region.report_content import ReportKind, report_content
    from app.report import write_report

    database = tmp_path / "rsiv.db"
    shutil.copyfile(corpus.rsiv, database)
    with open_workspace(database) as workspace:
        with workspace.transaction() as session:
            session.connection().exec_driver_sql(
                "UPDATE plan SET problem_summary = ?", (VERTICAL_TAB,)
            )
        content = report_content(workspace, ReportKind.WERKGROEP, date(2018, 3, 1))
    path = write_report(content, tmp_path / "werkgroep.xlsx")
    texts = [
        cell
        for sheet in openpyxl.load_workbook(path).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str) and "tweede regel" in cell
    ]
    assert texts  # the summary is shortened for the agenda, but there
    assert not any("\x0b" in text for text in texts)


def test_a_vertical_tab_reaches_the_feedback_file(corpus: Corpus, tmp_path: Path) -> None:
    from app.core.feedback.export import export_feedback
    from app.core.feedback.suggestions import add_suggestion

    database = tmp_path / "rsiv.db"
    shutil.copyfile(corpus.rsiv, database)
    with open_workspace(database) as workspace:
        add_suggestion(workspace, "GM0513", date(2018, 5, 17), VERTICAL_TAB)
        export_feedback(workspace, "GM0513", tmp_path / "terugkoppeling.xlsx")
    cells = {
        cell
        for sheet in openpyxl.load_workbook(tmp_path / "terugkoppeling.xlsx").worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    }
    assert "Eerste regel\ntweede regel" in cells


def test_a_vertical_tab_reaches_the_wijkagent_form(corpus: Corpus, tmp_path: Path) -> None:
    from sqlalchemy import select

    from app.core.hotspots.analysis_forms import make_form
    from app.core.hotspots.hotspots import AnalysisDraft, set_analysis
    from database.enums import HotKind
    from database.models import HotItem

    database = tmp_path / "g.db"
    shutil.copyfile(corpus.gemeente, database)
    with open_workspace(database) as workspace:
        with workspace.reading() as session:
            hotspot = session.scalars(
                select(HotItem.id).where(HotItem.kind == HotKind.HOTSPOT).limit(1)
            ).one()
        set_analysis(workspace, hotspot, AnalysisDraft(offender=VERTICAL_TAB))
        make_form(workspace, hotspot, tmp_path / "formulier.xlsx")
    cells = {
        cell
        for sheet in openpyxl.load_workbook(tmp_path / "formulier.xlsx").worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    }
    assert "Eerste regel\ntweede regel" in cells


def test_a_validation_range_after_the_cells_is_no_formula(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel keeps a dropdown's source range as <xm:f> after the cells; it is not a cell."""
    part = sheet_part(corpus.package, "Acties")
    extension = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b'<x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        b"<x14:dataValidation><x14:formula1><xm:f>Plan!$A$2:$A$3</xm:f></x14:formula1>"
        b"<xm:sqref>C2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
    )
    edited = edit_part(
        corpus.package,
        tmp_path / "keuzelijst.xlsx",
        part,
        lambda xml: xml.replace(b"</worksheet>", extension + b"</worksheet>"),
    )
    code, err, _ = _run(capsys, gemeente, "import", "--db", gemeente, edited)
    assert code == 0, err


class _ClaimsTooMuch(random.Random):
    """Makes `shared_strings` claim the first of its huge counts (four billion)."""

    def random(self) -> float:
        return 0.0

    def choice(self, seq):  # type: ignore[no-untyped-def]
        return seq[0]


def test_a_shared_string_table_claiming_billions_is_refused_in_a_real_process(
    corpus: Corpus, gemeente: Path, tmp_path: Path
) -> None:
    """A reader reserves room for the claimed count: four billion strings made it abort."""
    parts = shared_strings(_ClaimsTooMuch(), read_parts(corpus.figures_xlsx))
    hostile = tmp_path / "cijfers.xlsx"
    hostile.write_bytes(write_parts(parts))
    err = _refused_in_a_process(gemeente, tmp_path, "figures", hostile)
    assert "zegt 4000000000 teksten te bevatten" in err


def test_shared_strings_as_excel_writes_them_are_read(
    corpus: Corpus, gemeente: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = shared_strings(random.Random(2), read_parts(corpus.figures_xlsx))  # true count
    assert b"<si>" in dict(parts)["xl/sharedStrings.xml"]
    excel = tmp_path / "cijfers.xlsx"
    excel.write_bytes(write_parts(parts))
    code, err, _ = _run(capsys, gemeente, "figures", "--db", gemeente, excel)
    assert code == 0, err


def test_a_panic_in_the_sheet_reader_is_one_dutch_line_in_a_real_process(
    gemeente: Path, tmp_path: Path
) -> None:
    """A duration far out of range makes calamine's Rust code panic and print to stderr."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["periode", "gemeentecode", "buurtcode", "woninginbraken", "pogingen"])
    sheet.append(["2018-01", "GM0513", None, -1e16, 1])
    sheet["D2"].number_format = "[h]:mm:ss"
    workbook.save(tmp_path / "cijfers.xlsx")
    err = _refused_in_a_process(gemeente, tmp_path, "figures", tmp_path / "cijfers.xlsx")
    assert err.startswith("Fout: Het blad Sheet van cijfers.xlsx kan niet worden gelezen")
    assert "panicked" not in err and "backtrace" not in err
