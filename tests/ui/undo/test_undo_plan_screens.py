"""The plan's list-and-form screens (Organisatie, Doelstellingen, Probleembeschrijving,
Hotspots): an edit in the form is stored at once, Ctrl+Z takes it back, Ctrl+Y redoes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pytestqt.qtbot import QtBot

from app.core.goals import goals
from app.core.hotspots import hotspots
from app.core.plan import partners, problem
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow
from database.enums import GoalIndicator, HotKind, PartnerKind
from tests.ui.user_input import type_into

Keys = Callable[[MainWindow], None]


def test_organisation(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    partners.add_partner(workspace, partners.PartnerDraft("Politie", PartnerKind.POLICE))
    window.navigate("organisation")
    type_into(qtbot, window.page("organisation").editor.form.name, "Politie Den Haag")  # type: ignore[union-attr]
    assert partners.list_partners(workspace)[0].draft.name == "Politie Den Haag"
    ctrl_z(window)
    assert partners.list_partners(workspace)[0].draft.name == "Politie"
    ctrl_y(window)
    assert partners.list_partners(workspace)[0].draft.name == "Politie Den Haag"


def test_goals(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    goals.add_goal(
        workspace,
        goals.GoalDraft(
            "Minder inbraken",
            GoalIndicator.BURGLARY_RATE,
            "per 1.000 woningen",
            9.7,
            2016,
            7.5,
            date(2019, 12, 31),
        ),
    )
    window.navigate("goals")
    type_into(qtbot, window.page("goals").editor.form.title, "Onder het landelijk gemiddelde")  # type: ignore[union-attr]
    assert goals.list_goals(workspace)[0].draft.title == "Onder het landelijk gemiddelde"
    ctrl_z(window)
    assert goals.list_goals(workspace)[0].draft.title == "Minder inbraken"
    ctrl_y(window)
    assert goals.list_goals(workspace)[0].draft.title == "Onder het landelijk gemiddelde"


def test_problem_hot_items(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    problem.add_hot_item(workspace, problem.HotItemDraft(HotKind.HOTSPOT, "Bloemendaal"))
    window.navigate("problem")
    form = window.page("problem").editors["hotspot"].form  # type: ignore[union-attr]
    type_into(qtbot, form.field("label"), "Bloemendaal-Oost")

    def label() -> str:
        return problem.list_hot_items(workspace, HotKind.HOTSPOT)[0].draft.label

    assert label() == "Bloemendaal-Oost"
    ctrl_z(window)
    assert label() == "Bloemendaal"
    ctrl_y(window)
    assert label() == "Bloemendaal-Oost"


def test_hotspot_analysis(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    hotspot = problem.add_hot_item(workspace, problem.HotItemDraft(HotKind.HOTSPOT, "Beekdal"))
    window.navigate("hotspots")
    form = window.page("hotspots").analysis.form  # type: ignore[union-attr]
    type_into(qtbot, form.author_name, "wijkagent Oost")

    def author() -> str | None:
        current = hotspots.current_analysis(workspace, hotspot)
        return None if current is None else current.author_name

    assert author() == "wijkagent Oost"
    ctrl_z(window)
    assert author() is None
    ctrl_y(window)
    assert author() == "wijkagent Oost"


def test_hotspot_dik_request(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, ctrl_z: Keys, ctrl_y: Keys
) -> None:
    from PySide6.QtCore import Qt

    hotspot = problem.add_hot_item(workspace, problem.HotItemDraft(HotKind.HOTSPOT, "Beekdal"))
    window.navigate("hotspots")
    page = window.page("hotspots")
    page.detail_tabs.setCurrentWidget(page.deep_analysis)  # type: ignore[union-attr]
    qtbot.mouseClick(page.deep_analysis.request_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    type_into(qtbot, page.deep_analysis.form.question, "Welke routes nemen de daders?")  # type: ignore[union-attr]

    def question() -> str | None:
        current = hotspots.current_deep_analysis(workspace, hotspot)
        return None if current is None else current.question

    assert question() == "Welke routes nemen de daders?"
    ctrl_z(window)
    assert question() == ""  # the request as recorded, before the question
    ctrl_z(window)
    assert question() is None  # no request at all
    assert page.deep_analysis.request_button.isVisibleTo(page)  # type: ignore[union-attr]
    ctrl_y(window)
    ctrl_y(window)
    assert question() == "Welke routes nemen de daders?"
