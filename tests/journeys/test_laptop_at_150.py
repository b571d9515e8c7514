"""Screens on the common municipal laptop: 1920x1080 at 150%, so 1280x720 for the program.

What a projectleider would find unclear there: a table that scrolls sideways, a note drawn over
a title, a chart whose period misses the plan.
"""

from __future__ import annotations

from itertools import combinations, product

import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from PySide6.QtWidgets import QLineEdit, QListWidget, QTableView, QTableWidget
from pytestqt.qtbot import QtBot

from app.core.course.timeline import load_timeline
from app.core.figures.charts import ChartKind, build_chart
from app.core.figures.figures import load_figures
from app.kernel.workspace import Workspace
from app.ui.course.timeline_chart import timeline_chart
from app.ui.window.main_window import MainWindow
from tests.journeys.user import LEFT, click_row, go_to, named, visible

LAPTOP = (1280, 720)


def test_the_rsiv_overview_and_evaluation_do_not_scroll_sideways(
    qtbot: QtBot, region_window: MainWindow
) -> None:
    region_window.resize(*LAPTOP)
    page = go_to(qtbot, region_window, "Overzicht")
    table = visible(page, QTableView, "regionTable")
    assert isinstance(table, QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 9, timeout=60000)
    qtbot.wait(50)  # the columns are sized in the next layout pass

    assert not table.horizontalScrollBar().isVisible()
    # The last column, 'Binnen', is on screen: nothing was cut off at the right either.
    last = table.model().columnCount() - 1
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        table.viewport().width()
    )

    page = go_to(qtbot, region_window, "Evaluatie")
    evaluation = visible(page, QTableWidget, "regionalEvaluation")
    assert isinstance(evaluation, QTableWidget)
    qtbot.waitUntil(lambda: evaluation.rowCount() == 9, timeout=60000)
    qtbot.wait(50)
    assert not evaluation.horizontalScrollBar().isVisible()


def test_goal_measurements_do_not_scroll_sideways(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.resize(*LAPTOP)
    page = go_to(qtbot, demo_window, "Doelstellingen")
    goals = visible(page, QTableView, "recordTable")
    assert isinstance(goals, QTableView)
    keurmerk = next(text for text in _texts(goals) if "Politiekeurmerk" in text)
    click_row(qtbot, goals, keurmerk)
    table = visible(page, QTableWidget, "measurementTable")
    assert isinstance(table, QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    qtbot.wait(50)

    assert not table.horizontalScrollBar().isVisible()


def test_the_matrix_aimed_at_list_does_not_scroll_sideways(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    demo_window.resize(*LAPTOP)
    page = go_to(qtbot, demo_window, "3D-matrix")
    grid = visible(page, QTableView, "matrixGrid")
    measures = visible(page, QListWidget, "cellMeasures")
    assert isinstance(grid, QTableView) and isinstance(measures, QListWidget)
    cells = [
        grid.model().index(row, column)
        for row in range(grid.model().rowCount())
        for column in range(grid.model().columnCount())
    ]
    for cell in cells:
        qtbot.mouseClick(grid.viewport(), LEFT, pos=grid.visualRect(cell).center())
        if measures.count():
            break
    first = measures.item(0)
    qtbot.mouseClick(measures.viewport(), LEFT, pos=measures.visualItemRect(first).center())
    aimed = named(page, "Gericht op")
    assert isinstance(aimed, QListWidget)
    qtbot.wait(50)  # laid out in the next pass

    assert not aimed.horizontalScrollBar().isVisible()
    longest = max(range(aimed.count()), key=lambda row: len(aimed.item(row).text()))
    item = aimed.item(longest)
    # Its whole text is there for the reader: on the row (wrapped) or in the tooltip.
    rect = aimed.visualItemRect(item)
    assert rect.right() <= aimed.viewport().width()
    assert item.toolTip() == item.text()


def test_the_timeline_shows_the_plans_own_period(gouda_demo: Workspace) -> None:
    timeline = load_timeline(gouda_demo)
    figure = timeline_chart(timeline, by_municipality=False)
    low, high = figure.axes[-1].get_xlim()
    days = [d for step in timeline.steps for d in (step.start, step.end)]
    days += [m.due for row in timeline.rows for m in row.milestones]
    days.append(timeline.today)

    assert all(low <= mdates.date2num(day) <= high for day in days)


def test_a_note_on_today_never_covers_a_title(gouda_demo: Workspace) -> None:
    """Years after the plan, 'vandaag ... ligt na deze periode' is said without overlap, also in
    the narrow chart of a 1280 pixel wide window."""
    timeline = load_timeline(gouda_demo)
    later = load_timeline(gouda_demo, timeline.today.replace(year=timeline.today.year + 3))
    figure = timeline_chart(later, by_municipality=False)
    figure.set_size_inches(9.0, figure.get_figheight())  # about 1000 pixels wide at 150%
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    titles: list[Text] = []
    notes: list[Text] = []
    for axes in figure.axes:
        titles += [axes.title, axes._left_title, axes._right_title]
        notes += axes.texts
    titles = [text for text in titles if text.get_visible() and text.get_text()]
    notes = [text for text in notes if text.get_visible() and text.get_text()]

    assert any("ligt na deze periode" in text.get_text() for text in titles + notes)
    overlapping = [
        (title.get_text(), other.get_text())
        for title, other in [*combinations(titles, 2), *product(titles, notes)]
        if title.get_window_extent(renderer).overlaps(other.get_window_extent(renderer))
    ]
    assert not overlapping


def _texts(view: QTableView) -> list[str]:
    model = view.model()
    return [str(model.index(row, 0).data() or "") for row in range(model.rowCount())]


def test_a_long_goal_title_keeps_clear_of_its_state(gouda_demo: Workspace) -> None:
    """The Cijfers screen's goal panels: title left, state (RISICO, OP KOERS) right."""
    figure = build_chart(load_figures(gouda_demo), ChartKind.GOALS)
    figure.set_size_inches(10.0, figure.get_figheight())  # the chart at 1280 pixels wide
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    panels = [axes for axes in figure.axes if axes.get_title(loc="left")]
    assert len(panels) >= 4
    assert any(len(axes.get_title(loc="left")) > 60 for axes in panels)  # wrapped ones too

    touching = [
        axes.get_title(loc="left")
        for axes in panels
        for state in axes.texts
        if state.get_gid() == "state"
        and axes._left_title.get_window_extent(renderer).overlaps(state.get_window_extent(renderer))
    ]
    assert not touching


def test_a_narrow_field_shows_the_start_of_its_text(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.resize(*LAPTOP)
    page = go_to(qtbot, demo_window, "Hotspots")
    hotspots = visible(page, QTableView, "recordTable")
    assert isinstance(hotspots, QTableView)
    click_row(qtbot, hotspots, "Klaverweide")
    click_row(qtbot, hotspots, "Rozenhage")
    role = named(page, "Functie")
    assert isinstance(role, QLineEdit)
    assert role.text().startswith("wijkagent")

    assert role.cursorPosition() == 0  # the field scrolls to where the cursor is
