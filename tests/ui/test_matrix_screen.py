"""The 3D-matrix driven by keyboard and mouse: gaps, adding from the catalogue, the third
axis, editing and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from user_input import CTRL, answer, type_into

from app.core.matrix import measures
from app.core.matrix.matrix import build_matrix
from app.core.matrix.measures import MeasureInput
from app.kernel.workspace import Workspace
from app.ui.matrix.matrix_model import MatrixModel
from app.ui.window.main_window import MainWindow
from database.enums import InterventionKind, MeasureStatus, TargetGroup


def _open(window: MainWindow) -> object:
    window.navigate("matrix")
    page = window.page("matrix")
    assert page is not None
    return page


def test_an_empty_plan_shows_every_cell_as_a_gap(window: MainWindow) -> None:
    page = _open(window)
    model = page.model
    assert (model.rowCount(), model.columnCount()) == (3, 4)
    assert model.headerData(0, Qt.Orientation.Vertical) == "Dader"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Nazorg"
    for row in range(3):
        for column in range(4):
            assert model.index(row, column).data().startswith("Leeg")
    assert "leeg" in page.form_hint.text()


def test_a_measure_from_the_catalogue_fills_an_empty_cell(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = _open(window)
    grid = page.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # dader x repressief
    assert page.current_cell() == (TargetGroup.OFFENDER, InterventionKind.REPRESSIVE)
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # an empty cell: Enter adds
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    catalogue = dialog.catalogue
    catalogue.setFocus()
    qtbot.keyClick(catalogue, Qt.Key.Key_Down)
    assert catalogue.currentText() == "Persoonsgerichte Top-X-aanpak"
    catalogue.activated.emit(catalogue.currentIndex())
    assert dialog.form.field("title").text() == "Persoonsgerichte Top-X-aanpak"
    qtbot.keyClick(dialog.form.field("title"), Qt.Key.Key_Return)
    assert not dialog.isVisible()

    [row] = measures.measure_rows(workspace)
    assert row.data.catalogue_key == "top_x"
    assert (row.data.target_group, row.data.intervention) == (
        TargetGroup.OFFENDER,
        InterventionKind.REPRESSIVE,
    )
    assert page.model.index(0, 1).data().startswith("1 maatregel")
    assert page.cell_list.count() == 1
    assert window.statusBar().currentMessage() == "Opgeslagen in de werkruimte"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert measures.measure_rows(workspace) == ()
    assert page.model.index(0, 1).data().startswith("Leeg")


def test_an_empty_title_is_refused_next_to_the_field(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = _open(window)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_N, CTRL)
    dialog = page.dialog
    qtbot.keyClick(dialog.form.field("title"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.form.error_text("title") == "Vul een titel voor de maatregel in."
    assert measures.measure_rows(workspace) == ()
    dialog.reject()


def test_editing_a_measure_saves_at_once_and_a_blank_title_is_refused(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    measures.add_measure(
        workspace,
        MeasureInput("Buurtpreventie", TargetGroup.ENVIRONMENT, InterventionKind.PREVENTIVE),
    )
    page = _open(window)
    page.grid.setCurrentIndex(page.model.index(2, 0))
    form = page.form
    type_into(qtbot, form.field("title"), "Buurtpreventieteam Goverwelle")
    type_into(qtbot, page.form.field("extra_cost_eur"), "2500")
    [row] = measures.measure_rows(workspace)
    assert row.data.title == "Buurtpreventieteam Goverwelle"
    assert row.data.extra_cost_eur == 2500
    assert page.form.field("extra_cost_eur").text() == "€ 2.500"  # as everywhere: € 10.600

    type_into(qtbot, page.form.field("title"), "")
    assert page.form.error_text("title") == "Vul een titel voor de maatregel in."
    assert measures.measure_rows(workspace)[0].data.title == "Buurtpreventieteam Goverwelle"


def test_the_third_axis_filters_the_grid(window: MainWindow, workspace: Workspace) -> None:
    measures.add_measure(
        workspace,
        MeasureInput(
            "Surveillance DDO",
            TargetGroup.OFFENDER,
            InterventionKind.REPRESSIVE,
            dark_days=True,
        ),
    )
    measures.add_measure(
        workspace,
        MeasureInput(
            "Keurmerk",
            TargetGroup.VICTIM_DWELLING,
            InterventionKind.PREVENTIVE,
            status=MeasureStatus.RUNNING,
        ),
    )
    page = _open(window)
    page.axis.setCurrentIndex(page.axis.findData("period"))
    assert page.axis_value.currentText() == "Donkere Dagen Offensief (DDO)"
    assert page.model.index(0, 1).data().startswith("1 maatregel")
    assert page.model.index(1, 0).data().startswith("Leeg")
    page.axis.setCurrentIndex(page.axis.findData("status"))
    page.axis_value.setCurrentIndex(page.axis_value.findData("running"))
    assert page.model.index(0, 1).data().startswith("Leeg")
    assert page.model.index(1, 0).data().startswith("1 maatregel")


def test_delete_asks_and_undo_brings_the_measure_back(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    measures.add_measure(
        workspace,
        MeasureInput("Nazorgbezoek", TargetGroup.VICTIM_DWELLING, InterventionKind.AFTERCARE),
    )
    page = _open(window)
    page.grid.setCurrentIndex(page.model.index(1, 3))
    page.cell_list.setFocus()
    qtbot.keyClick(page.cell_list, Qt.Key.Key_Delete)
    answer(qtbot, page.confirm_box, "Ja, verwijderen")
    assert measures.measure_rows(workspace) == ()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert [row.title for row in measures.measure_rows(workspace)] == ["Nazorgbezoek"]


def test_the_matrix_model_passes_the_model_tester(
    qtmodeltester: object, workspace: Workspace
) -> None:
    measures.add_measure(
        workspace, MeasureInput("Top-X", TargetGroup.OFFENDER, InterventionKind.REPRESSIVE)
    )
    model = MatrixModel()
    model.set_cells(build_matrix(measures.measure_rows(workspace)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
