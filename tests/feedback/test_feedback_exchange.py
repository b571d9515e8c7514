"""The return package: written by the RSIV, read by the gemeente, the plan left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from app.core.feedback.export import export_all_feedback, export_feedback
from app.core.feedback.importing import import_feedback
from app.core.feedback.received import current_feedback
from app.core.feedback.suggestions import delete_suggestion, suggestion_rows
from app.core.inspection.dump import dump_workspace
from app.core.packages.importer import import_package
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace, open_workspace
from tests.exchange.conftest import file_hash
from tests.exchange.test_hostile_files import _rezip, _with_workbook, _zip_bomb
from tests.feedback.conftest import DELFT, GOUDA, SUGGESTIONS, WERKGROEP


def _attempt(path: Path, offered: Path) -> str:
    with open_workspace(path) as workspace, pytest.raises(UserError) as refusal:
        import_feedback(workspace, offered)
    return str(refusal.value)


def test_gouda_reads_its_feedback_and_its_plan_stays_as_it_was(
    gouda: Workspace, feedback_files: dict[str, Path]
) -> None:
    before = dump_workspace(gouda)

    shown = import_feedback(gouda, feedback_files[GOUDA])

    after = dump_workspace(gouda)
    assert [table for table in after if after[table] != before[table]] == ["rsiv_feedback"]
    assert [s.text for s in shown.suggestions] == list(SUGGESTIONS)
    assert shown.werkgroep_on == WERKGROEP
    assert shown.earlier == 0
    rate = shown.figure("rate")
    assert rate is not None and rate.value is not None and rate.unit == "per 1.000 woningen"
    reference = shown.figure("regional_reference")
    assert reference is not None and reference.value == 8
    rank = shown.figure("rank")
    assert rank is not None and rank.unit == "van 9 gemeenten"
    assert 1 <= (rank.value or 0) <= 9


def test_the_rsiv_workspace_is_unchanged_by_an_export(rsiv_nine: Workspace, tmp_path: Path) -> None:
    before = dump_workspace(rsiv_nine)
    export_feedback(rsiv_nine, GOUDA, tmp_path / "t.xlsx")
    assert dump_workspace(rsiv_nine) == before


def test_user_text_is_written_as_text_never_as_a_formula(
    feedback_files: dict[str, Path],
) -> None:
    workbook = openpyxl.load_workbook(feedback_files[GOUDA])
    assert workbook.sheetnames[0] == "Toelichting"
    assert workbook["Metadata"].sheet_state == "hidden"
    texts = [row[2].value for row in workbook["Suggesties"].iter_rows(min_row=2)]
    formula = next(text for text in texts if str(text).startswith("=HYPERLINK"))
    cell = next(
        row[2] for row in workbook["Suggesties"].iter_rows(min_row=2) if row[2].value == formula
    )
    assert cell.data_type == "s"


def test_reading_the_same_feedback_again_changes_nothing(
    gouda_path: Path, feedback_files: dict[str, Path]
) -> None:
    with open_workspace(gouda_path) as workspace:
        import_feedback(workspace, feedback_files[GOUDA])
    before = file_hash(gouda_path)
    message = _attempt(gouda_path, feedback_files[GOUDA])
    assert "al ingelezen" in message and "niets veranderd" in message
    assert file_hash(gouda_path) == before


def test_newer_feedback_is_shown_and_the_older_kept(
    gouda: Workspace, rsiv_nine: Workspace, feedback_files: dict[str, Path], tmp_path: Path
) -> None:
    import_feedback(gouda, feedback_files[GOUDA])
    first = current_feedback(gouda)
    for row in suggestion_rows(rsiv_nine, GOUDA):
        delete_suggestion(rsiv_nine, row.id)
    newer = export_feedback(rsiv_nine, GOUDA, tmp_path / "nieuwer.xlsx")

    shown = import_feedback(gouda, newer.path)

    assert first is not None and shown.export_id == newer.export_id != first.export_id
    assert shown.suggestions == () and shown.earlier == 1
    assert len(dump_workspace(gouda)["rsiv_feedback"]) == 2
    with pytest.raises(UserError):  # the older one again: already read in
        import_feedback(gouda, feedback_files[GOUDA])
    assert current_feedback(gouda) == shown


def test_feedback_for_delft_is_refused_in_goudas_workspace(
    gouda_path: Path, feedback_files: dict[str, Path]
) -> None:
    before = file_hash(gouda_path)
    message = _attempt(gouda_path, feedback_files[DELFT])
    assert "Deze terugkoppeling is voor Delft (GM0503); deze werkruimte is van Gouda" in message
    assert "niets ingelezen" in message
    assert file_hash(gouda_path) == before


def test_a_plan_package_offered_as_feedback_points_to_the_package_import(
    gouda_path: Path, plan_package: Path
) -> None:
    before = file_hash(gouda_path)
    message = _attempt(gouda_path, plan_package)
    assert "geen terugkoppeling van het RSIV" in message
    assert "Bestand > Pakket importeren" in message
    assert file_hash(gouda_path) == before


def test_feedback_offered_as_a_plan_package_points_to_the_feedback_import(
    gouda_path: Path, feedback_files: dict[str, Path]
) -> None:
    before = file_hash(gouda_path)
    with open_workspace(gouda_path) as workspace, pytest.raises(UserError) as refusal:
        import_package(workspace, feedback_files[GOUDA], allow_removals=True)
    assert "geen pakket van Aanpak Woninginbraken" in str(refusal.value)
    assert "Bestand > Terugkoppeling RSIV inlezen" in str(refusal.value)
    assert file_hash(gouda_path) == before


def _edited(workbook: openpyxl.Workbook) -> None:
    workbook["Suggesties"]["C2"] = "Een andere tekst dan de werkgroep schreef."


def _formula_in_suggestion(workbook: openpyxl.Workbook) -> None:
    workbook["Suggesties"]["C2"] = '=CONCAT("a", 1)'


def _macro_file(package: Path, folder: Path) -> Path:
    target = folder / "terugkoppeling.xlsm"
    shutil.copy(package, target)
    return target


HOSTILE = {
    "formule": (_with_workbook(_formula_in_suggestion), "Suggesties!C2: Hier staat een formule"),
    "macrobestand": (_macro_file, "met macro's (.xlsm)"),
    "vba in xlsx": (_rezip("t.xlsx", {"xl/vbaProject.bin": b"macro"}), "bevat macro's"),
    "zip-bom": (_zip_bomb, "zip-bom"),
    "met de hand gewijzigd": (_with_workbook(_edited), "na de export gewijzigd"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_or_edited_file_is_refused_and_changes_nothing(
    case: str, gouda_path: Path, feedback_files: dict[str, Path], tmp_path: Path
) -> None:
    build, expected = HOSTILE[case]
    hostile = build(feedback_files[GOUDA], tmp_path)
    before = file_hash(gouda_path)
    message = _attempt(gouda_path, hostile)
    assert expected in message
    assert file_hash(gouda_path) == before


def test_feedback_for_all_nine_into_a_folder(rsiv_nine: Workspace, tmp_path: Path) -> None:
    made = export_all_feedback(rsiv_nine, tmp_path)
    assert len(made) == 9
    assert all(item.path.is_file() and item.path.parent == tmp_path for item in made)
    assert any("Gouda" in item.path.name for item in made)


def test_only_the_rsiv_exports_and_only_a_gemeente_reads_in(
    gouda: Workspace, rsiv_nine: Workspace, feedback_files: dict[str, Path], tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="RSIV-werkruimte"):
        export_feedback(gouda, GOUDA, tmp_path / "x.xlsx")
    with pytest.raises(UserError, match="werkruimte van die gemeente"):
        import_feedback(rsiv_nine, feedback_files[GOUDA])


def test_the_format_document_names_every_sheet_column_and_figure_code(
    feedback_files: dict[str, Path],
) -> None:
    from app.exchange.feedback_schema import FEEDBACK_V2
    from app.exchange.formats import FEEDBACK_FORMAT_ID

    document = (Path(__file__).parents[2] / "docs" / "feedback-format.md").read_text("utf-8")
    assert FEEDBACK_FORMAT_ID in document
    for sheet in FEEDBACK_V2.sheets:
        assert f"**{sheet.name}**" in document
        assert all(f"*{column.header}*" in document for column in sheet.columns)
    workbook = openpyxl.load_workbook(feedback_files[GOUDA])
    codes = [row[0].value for row in workbook["Kengetallen"].iter_rows(min_row=2)]
    assert all(f"`{code}`" in document for code in codes)
