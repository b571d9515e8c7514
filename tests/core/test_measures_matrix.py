"""Measures in the 3D matrix: cells, gaps and the third axis."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.matrix import measures
from app.core.matrix.matrix import MatrixFilter, ThirdAxis, axis_values, build_matrix
from app.core.matrix.measures import MeasureInput
from app.core.overview.overview import plan_overview
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace, create_workspace
from database.enums import InterventionKind, MeasureStatus, TargetGroup, WorkspaceRole


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "delft.db", WorkspaceRole.MUNICIPALITY, "GM0503") as ws:
        yield ws


def _measure(title: str, **changes: object) -> MeasureInput:
    values: dict[str, object] = {
        "title": title,
        "target_group": TargetGroup.OFFENDER,
        "intervention": InterventionKind.REPRESSIVE,
    }
    values.update(changes)
    return MeasureInput(**values)  # type: ignore[arg-type]


def _gaps(rows: tuple[measures.MeasureRow, ...]) -> int:
    return sum(cell.is_gap for cell in build_matrix(rows).values())


def test_every_cell_is_a_gap_in_an_empty_plan(workspace: Workspace) -> None:
    # 4 x 3 cells; nazorg is expected for victims only, so 10 of them are gaps.
    assert _gaps(measures.measure_rows(workspace)) == 10


def test_a_measure_fills_its_cell(workspace: Workspace) -> None:
    measures.add_measure(workspace, _measure("Top-X-aanpak"))
    rows = measures.measure_rows(workspace)
    cell = build_matrix(rows)[(TargetGroup.OFFENDER, InterventionKind.REPRESSIVE)]
    assert [row.title for row in cell.measures] == ["Top-X-aanpak"]
    assert _gaps(rows) == 9


def test_a_stopped_measure_leaves_its_cell_a_gap_in_matrix_and_overzicht(
    workspace: Workspace,
) -> None:
    measures.add_measure(workspace, _measure("Top-X-aanpak", status=MeasureStatus.STOPPED))
    rows = measures.measure_rows(workspace)
    assert build_matrix(rows)[(TargetGroup.OFFENDER, InterventionKind.REPRESSIVE)].is_gap
    assert _gaps(rows) == 10
    assert len(plan_overview(workspace).matrix_gaps) == 10


def test_the_third_axis_filters_on_dark_days_status_and_year(workspace: Workspace) -> None:
    measures.add_measure(
        workspace,
        _measure(
            "DDO-surveillance",
            dark_days=True,
            period_start=date(2017, 10, 1),
            period_end=date(2018, 3, 31),
        ),
    )
    measures.add_measure(workspace, _measure("Keurmerk", status=MeasureStatus.RUNNING))
    rows = measures.measure_rows(workspace)
    ddo = build_matrix(rows, MatrixFilter(ThirdAxis.PERIOD, "ddo"))
    assert [r.title for c in ddo.values() for r in c.measures] == ["DDO-surveillance"]
    running = build_matrix(rows, MatrixFilter(ThirdAxis.STATUS, "running"))
    assert [r.title for c in running.values() for r in c.measures] == ["Keurmerk"]
    years = [choice.id for choice in axis_values(ThirdAxis.PERIOD, rows, (), ())]
    assert years == ["ddo", "2017", "2018"]


def test_validation_names_the_field(workspace: Workspace) -> None:
    with pytest.raises(FieldError) as refused:
        measures.add_measure(workspace, _measure(""))
    assert refused.value.field == "title"
    with pytest.raises(FieldError) as refused:
        measures.add_measure(
            workspace,
            _measure("X", period_start=date(2018, 2, 1), period_end=date(2018, 1, 1)),
        )
    assert refused.value.field == "period_end"
    assert measures.measure_rows(workspace) == ()


def test_delete_and_restore_keep_the_same_measure(workspace: Workspace) -> None:
    measure_id = measures.add_measure(workspace, _measure("Camera's registreren"))
    row = measures.measure_rows(workspace)[0]
    linked = measures.delete_measure(workspace, measure_id)
    assert measures.measure_rows(workspace) == ()
    measures.restore_measure(workspace, row, linked)
    assert measures.measure_rows(workspace) == (row,)
