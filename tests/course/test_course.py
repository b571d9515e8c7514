"""A demo gemeente through the course: revision, change, compare, evaluate, export, merge."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.actions.actions import ActionInput, add_action
from app.core.course.evaluation import B3WEntry, evaluation_view, save_evaluation
from app.core.course.revisions import (
    PlanComparison,
    changes_since,
    compare_revisions,
    freeze_revision,
    list_revisions,
    revision_document,
)
from app.core.goals.goals import delete_goal, list_goals
from app.core.matrix.measures import measure_rows, update_measure
from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.core.plan.problem import HotItemDraft, add_hot_item
from app.kernel.reference import participants
from app.kernel.workspace import Workspace
from app.report.evaluation_export import write_evaluation
from database.enums import B3WAnswer, B3WStage, B3WWorld, HotKind, MeasureDecision

GOUDA = "GM0513"


def _changes(comparison: PlanComparison) -> set[tuple[str, str, str, tuple[str, ...]]]:
    found = set()
    for kind in comparison.kinds:
        for what in ("added", "changed", "removed"):
            for delta in getattr(kind, what):
                fields = tuple(sorted(change.field for change in delta.fields))
                found.add((kind.kind, what, delta.id, fields))
    return found


def _change_the_plan(workspace: Workspace) -> set[tuple[str, str, str, tuple[str, ...]]]:
    """Four edits through the services; returns the changes a comparison must show."""
    measure = next(row for row in measure_rows(workspace) if row.data.extra_cost_eur < 99_000)
    update_measure(
        workspace,
        measure.id,
        replace(measure.data, extra_cost_eur=measure.data.extra_cost_eur + 1_000),
    )
    hotspot_id = add_hot_item(
        workspace, HotItemDraft(kind=HotKind.HOTSPOT, label="Nieuwe hotspot na gebiedsscan")
    )
    goal = list_goals(workspace)[0]
    delete_goal(workspace, goal.id)
    action_id = add_action(
        workspace, ActionInput(title="Plan bespreken in de driehoek", due_date=date(2018, 9, 1))
    )
    return {
        ("measure", "changed", measure.id, ("extra_cost_eur",)),
        ("hotspot", "added", hotspot_id, ()),
        ("goal", "removed", goal.id, ()),
        ("action", "added", action_id, ()),
    }


def _complete_evaluation(workspace: Workspace) -> None:
    view = evaluation_view(workspace)
    save_evaluation(
        workspace,
        replace(
            view.data,
            evaluated_on=date(2019, 1, 24),
            successes="Samenwerking met de woningcorporatie.",
            decisions=tuple(
                (m.id, MeasureDecision.EMBED if n % 2 else MeasureDecision.CONTINUE, "")
                for n, m in enumerate(view.carried_out)
            ),
            b3w=tuple(
                B3WEntry(world, stage, B3WAnswer.PARTLY, f"{world.label} in {stage.label}")
                for world in B3WWorld
                for stage in B3WStage
            ),
        ),
    )


def test_the_comparison_shows_exactly_the_changes_made(gouda: Workspace) -> None:
    revision = freeze_revision(gouda, "voor werkgroep september", "projectleider")
    assert not compare_revisions(gouda, revision).count
    expected = _change_the_plan(gouda)

    comparison = compare_revisions(gouda, revision)

    assert _changes(comparison) == expected
    (measure_kind,) = [k for k in comparison.kinds if k.kind == "measure"]
    (field,) = measure_kind.changed[0].fields
    assert field.header == "Extra kosten (euro)"
    assert int(field.new) == int(field.old) + 1_000


def test_two_revisions_compare_and_the_later_one_shows_no_changes(gouda: Workspace) -> None:
    first = freeze_revision(gouda, "voor")
    expected = _change_the_plan(gouda)
    second = freeze_revision(gouda, "na")
    assert _changes(compare_revisions(gouda, first, second)) == expected
    assert compare_revisions(gouda, second).count == 0


def test_the_evaluation_is_stored_whole(gouda: Workspace) -> None:
    _complete_evaluation(gouda)
    view = evaluation_view(gouda)
    assert view.data.successes == "Samenwerking met de woningcorporatie."
    assert len(view.data.b3w) == 9
    assert [m.decision for m in view.carried_out] == [
        MeasureDecision.EMBED if n % 2 else MeasureDecision.CONTINUE
        for n in range(len(view.carried_out))
    ]
    assert {entry.answer for entry in view.data.b3w} == {B3WAnswer.PARTLY}
    assert {g.title for g in view.goals} == {g.draft.title for g in list_goals(gouda)}


def test_the_course_from_revision_to_the_regional_evaluation(
    gouda: Workspace, rsiv: Workspace, other_packages: dict[str, Path], tmp_path: Path
) -> None:
    revision = freeze_revision(gouda, "voor werkgroep september")
    expected = _change_the_plan(gouda)
    _complete_evaluation(gouda)
    package = tmp_path / "pakket-gouda.xlsx"
    export_package(gouda, package, accept_findings=True)

    for path in [package, *other_packages.values()]:
        outcome = merge_package(rsiv, path)
        assert outcome.refusal is None, outcome.refusal

    # Revisions arrive whole: the same list, the same documents, the same comparison.
    assert list_revisions(rsiv, GOUDA) == list_revisions(gouda)
    for row in list_revisions(gouda):
        assert revision_document(rsiv, row.id) == revision_document(gouda, row.id)
    assert _changes(compare_revisions(rsiv, revision, None, GOUDA)) == expected
    since = changes_since(rsiv, GOUDA, date.today())
    assert since is not None and _changes(since) == expected
    assert changes_since(rsiv, GOUDA, date(2017, 1, 1)) is None
    assert evaluation_view(rsiv, GOUDA).data == evaluation_view(gouda).data

    pdf = tmp_path / "regionaal.pdf"
    write_evaluation(rsiv, pdf)
    text = _pdf_text(pdf)
    for reference in participants():
        assert reference.name in text
    assert text.count("Resultaat: inbraakrisico") == len(participants())
    assert "Samenwerking met de woningcorporatie." in text


def test_the_gemeente_evaluation_pdf_names_goals_measures_and_b3w(
    gouda: Workspace, tmp_path: Path
) -> None:
    _complete_evaluation(gouda)
    pdf = tmp_path / "evaluatie.pdf"
    write_evaluation(gouda, pdf)
    text = _pdf_text(pdf)
    for heading in ("Resultaten van de doelstellingen", "B3W-checklist", "Knelpunten"):
        assert heading in text
    assert "geen openbare" in text  # the checklist says it is our own design
    assert "informatiegestuurd werken" in text


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def test_a_long_explanation_is_cut_in_the_evaluation_table_not_lost_below_the_page(
    gouda: Workspace, tmp_path: Path
) -> None:
    _complete_evaluation(gouda)
    view = evaluation_view(gouda)
    first = view.carried_out[0]
    long_text = " ".join(f"woord{n}" for n in range(1, 1501))
    save_evaluation(
        gouda,
        replace(view.data, decisions=((first.id, MeasureDecision.EMBED, long_text),)),
    )
    pdf = tmp_path / "evaluatie.pdf"
    write_evaluation(gouda, pdf)
    text = _pdf_text(pdf)
    assert "woord1 woord2" in text and "…" in text
    assert "woord1500" not in text
