"""A wijkagent fills the form in a spreadsheet; every answer ends up in the workspace."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from app.core.hotspots.analysis_forms import accept_form, make_form, preview_form
from app.core.hotspots.analysis_history import analysis_versions
from app.core.hotspots.hotspot_list import list_hotspots
from app.core.hotspots.hotspots import current_analysis
from app.exchange.form_layout import QUESTIONS
from app.exchange.problems import Severity
from app.kernel.workspace import Workspace
from database.enums import AnalysisState, InterventionKind, TargetGroup
from database.models import HotItem
from tests.exchange.form_filling import ANSWERS, convert, fill_form

FIELD_BY_HEADING = {question.heading: question.field for question in QUESTIONS}


def _issued(workspace: Workspace, tmp_path: Path, position: int = 0) -> tuple[str, Path]:
    hotspot = list_hotspots(workspace)[position]
    path = tmp_path / "formulier.xlsx"
    make_form(workspace, hotspot.id, path)
    return hotspot.id, path


def _assert_every_answer_stored(workspace: Workspace, hotspot_id: str) -> None:
    stored = current_analysis(workspace, hotspot_id)
    assert stored is not None
    for heading, text in ANSWERS.texts.items():
        assert getattr(stored, FIELD_BY_HEADING[heading]) == text, heading
    assert stored.author_name == ANSWERS.author_name
    assert stored.author_role == ANSWERS.author_role
    assert stored.written_on == ANSWERS.written_on
    assert stored.state is AnalysisState.RECEIVED
    assert stored.received_on is not None and stored.sent_on is not None
    [current, *_] = analysis_versions(workspace, hotspot_id)
    assert [
        (m.row.title, m.row.target_group.label, m.row.intervention.label, m.row.partner)
        for m in current.measures
    ] == list(ANSWERS.measures)
    assert current.measures[0].row.target_group is TargetGroup.ENVIRONMENT
    assert current.measures[1].row.intervention is InterventionKind.REPRESSIVE


def test_making_a_form_marks_the_analysis_sent(demo_workspace: Workspace, tmp_path: Path) -> None:
    hotspot_id, _path = _issued(demo_workspace, tmp_path)
    analysis = current_analysis(demo_workspace, hotspot_id)
    assert analysis is not None and analysis.state is AnalysisState.SENT


def test_every_typed_answer_is_found_in_the_workspace(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    hotspot_id, path = _issued(demo_workspace, tmp_path)
    filled = fill_form(path, tmp_path / "ingevuld.xlsx")

    preview = preview_form(demo_workspace, filled, hotspot_id)
    assert "offender" in preview.changed_fields()
    assert any(
        p.severity is Severity.WARNING and "12-03-2018" in p.message for p in preview.warnings
    )
    accept_form(demo_workspace, preview)

    _assert_every_answer_stored(demo_workspace, hotspot_id)


def test_a_processed_analysis_stays_as_an_earlier_version(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    hotspot = list_hotspots(demo_workspace)[0]
    assert hotspot.analysis_state is AnalysisState.PROCESSED
    before = current_analysis(demo_workspace, hotspot.id)
    path = tmp_path / "formulier.xlsx"
    make_form(demo_workspace, hotspot.id, path)
    accept_form(demo_workspace, preview_form(demo_workspace, fill_form(path, tmp_path / "f.xlsx")))

    versions = analysis_versions(demo_workspace, hotspot.id)
    assert versions[0].version == hotspot.analysis_version + 1
    assert versions[1].draft == before


def test_the_answers_survive_a_libreoffice_save(demo_workspace: Workspace, tmp_path: Path) -> None:
    hotspot_id, path = _issued(demo_workspace, tmp_path, position=2)
    filled = fill_form(path, tmp_path / "ingevuld.xlsx")
    saved = convert(filled, "xlsx", tmp_path / "libreoffice")

    accept_form(demo_workspace, preview_form(demo_workspace, saved, hotspot_id))

    _assert_every_answer_stored(demo_workspace, hotspot_id)


def test_a_hotspot_label_that_looks_like_a_formula_stays_text_in_the_form(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    """Until now the facts at the top went in as formulas, and the form came back refused."""
    hotspot = list_hotspots(demo_workspace)[0]
    with demo_workspace.transaction() as session:
        item = session.get(HotItem, hotspot.id)
        assert item is not None
        item.label = "=Wijk Noord"
    hotspot_id, path = _issued(demo_workspace, tmp_path)
    cells = [cell for row in openpyxl.load_workbook(path).active.iter_rows() for cell in row]
    [label] = [cell for cell in cells if cell.value == "=Wijk Noord"]
    assert label.data_type == "s"
    accept_form(demo_workspace, preview_form(demo_workspace, fill_form(path, tmp_path / "in.xlsx")))
    _assert_every_answer_stored(demo_workspace, hotspot_id)
