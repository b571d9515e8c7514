"""The plan screens driven as a projectleider would: keys, clicks, then check the workspace."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.goals import goals
from app.core.hotspots import hotspot_list, hotspots
from app.core.plan import partners, problem
from app.kernel.workspace import Workspace, open_workspace
from app.ui.widgets import record_editor
from app.ui.widgets.rows_model import Column, RowsTableModel
from app.ui.window.main_window import MainWindow
from database.enums import AnalysisState, HotKind, PartnerKind

CTRL = Qt.KeyboardModifier.ControlModifier


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Focus a field, replace its text by typing, and leave it with Tab (as a user does)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def new_record(qtbot: QtBot, editor: record_editor.RecordEditor) -> record_editor.NewRecordDialog:
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_N, CTRL)
    dialog = editor.new_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_adding_a_hotspot_with_its_analysis(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.navigate("hotspots")
    page = window.page("hotspots")
    dialog = new_record(qtbot, page.editor)
    type_into(qtbot, dialog.form.label, "Korte Akkeren")
    type_into(qtbot, dialog.form.neighbourhood_code, "BU05130101")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    [row] = hotspot_list.list_hotspots(workspace)
    assert (row.label, row.neighbourhood_code) == ("Korte Akkeren", "BU05130101")
    assert row.analysis_state is None
    assert page.editor.current_id() == row.id

    analysis = page.analysis.form
    type_into(qtbot, analysis.texts["offender"], "Jongeren uit de buurt, te voet")
    type_into(qtbot, analysis.texts["modus_operandi"], "Flipperen van de voordeur")
    type_into(qtbot, analysis.author_role, "wijkagent Korte Akkeren")
    analysis.state.setFocus()
    qtbot.keyClick(analysis.state, Qt.Key.Key_Down)  # "verstuurd"

    saved = hotspots.current_analysis(workspace, row.id)
    assert saved is not None
    assert saved.offender == "Jongeren uit de buurt, te voet"
    assert saved.modus_operandi == "Flipperen van de voordeur"
    assert saved.author_role == "wijkagent Korte Akkeren"
    assert window.statusBar().currentMessage() == "Opgeslagen in de werkruimte"

    analysis.sent_on.setFocus()
    qtbot.keyClick(analysis.sent_on, Qt.Key.Key_Up)
    qtbot.keyClick(analysis.sent_on, Qt.Key.Key_Return)
    assert hotspots.current_analysis(workspace, row.id).sent_on is not None
    analysis.sent_on.setFocus()
    qtbot.keyClick(analysis.sent_on, Qt.Key.Key_Delete, CTRL)
    assert hotspots.current_analysis(workspace, row.id).sent_on is None

    page.detail_tabs.setCurrentWidget(page.deep_analysis)
    qtbot.mouseClick(page.deep_analysis.request_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.deep_analysis.form.question, "Welke routes nemen de daders?")
    request = hotspots.current_deep_analysis(workspace, row.id)
    assert request is not None and request.question == "Welke routes nemen de daders?"


def test_adding_a_goal(qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    window.navigate("goals")
    page = window.page("goals")
    dialog = new_record(qtbot, page.editor)
    form = dialog.form
    type_into(qtbot, form.title, "Inbraakrisico onder het landelijk gemiddelde")
    type_into(qtbot, form.baseline_value, "19,4")
    type_into(qtbot, form.target_value, "7,3")
    type_into(qtbot, form.owner, "projectleider")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    [goal] = goals.list_goals(workspace)
    assert goal.draft.title == "Inbraakrisico onder het landelijk gemiddelde"
    assert goal.draft.unit == "per 1.000 woningen"
    assert (goal.draft.baseline_value, goal.draft.target_value) == (19.4, 7.3)
    assert goal.draft.owner == "projectleider"
    assert page.editor.model.rowCount() == 1
    measured = page.editor.model.index(0, 3).data()
    assert measured == "nog geen cijfers"


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", ""), ("unit", ""), ("baseline_year", "2020")],
)
def test_an_invalid_goal_is_refused_next_to_its_field(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, field: str, value: str
) -> None:
    window.navigate("goals")
    dialog = new_record(qtbot, window.page("goals").editor)
    form = dialog.form
    type_into(qtbot, form.title, "Minder inbraken")
    type_into(qtbot, form.field(field), value)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    shown_at = "deadline" if field == "baseline_year" else field
    assert dialog.isVisible()
    assert form.error_text(shown_at)
    assert form.findChild(QWidget, f"error_{shown_at}").isVisible()
    assert goals.list_goals(workspace) == []
    dialog.reject()


def test_an_edit_is_saved_at_once_and_can_be_undone_and_redone(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    partners.add_partner(workspace, partners.PartnerDraft("Politie", PartnerKind.POLICE))
    window.navigate("organisation")
    form = window.page("organisation").editor.form
    type_into(qtbot, form.name, "Politie eenheid Den Haag")
    [row] = partners.list_partners(workspace)
    assert row.draft.name == "Politie eenheid Den Haag"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert partners.list_partners(workspace)[0].draft.name == "Politie"
    assert form.name.text() == "Politie"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert partners.list_partners(workspace)[0].draft.name == "Politie eenheid Den Haag"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    assert partners.list_partners(workspace)[0].draft.name == "Politie eenheid Den Haag"


def test_an_invalid_edit_keeps_the_stored_value(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    partners.add_partner(workspace, partners.PartnerDraft("Woonpartners", PartnerKind.OTHER))
    window.navigate("organisation")
    form = window.page("organisation").editor.form
    type_into(qtbot, form.contact_email, "geen adres")
    assert "e-mailadres" in form.error_text("contact_email")
    assert partners.list_partners(workspace)[0].draft.contact_email == ""
    assert window.undo_stack.count() == 0


def test_delete_asks_first_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = problem.add_hot_item(workspace, problem.HotItemDraft(HotKind.HOTSPOT, "Bloemendaal"))
    hotspots.set_analysis(
        workspace, item, hotspots.AnalysisDraft(state=AnalysisState.SENT, offender="x")
    )
    window.navigate("problem")
    editor = window.page("problem").editors["hotspot"]
    questions: list[str] = []

    def refuse(parent: QWidget, title: str, question: str) -> bool:
        questions.append(question)
        return False

    monkeypatch.setattr(record_editor, "confirm_delete", refuse)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert questions == ["Hotspot 'Bloemendaal' verwijderen?"]
    assert len(problem.list_hot_items(workspace, HotKind.HOTSPOT)) == 1

    monkeypatch.setattr(record_editor, "confirm_delete", lambda *args: True)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert problem.list_hot_items(workspace, HotKind.HOTSPOT) == []

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert [r.id for r in problem.list_hot_items(workspace, HotKind.HOTSPOT)] == [item]
    assert hotspots.current_analysis(workspace, item).offender == "x"


def test_a_hotshot_has_no_room_for_a_name(window: MainWindow) -> None:
    window.navigate("problem")
    editor = window.page("problem").editors["hotshot"]
    editor.start_new()
    form = editor.new_dialog.form
    assert not form.field("description").isVisibleTo(form)
    assert form.field("person_count").isVisibleTo(form)
    editor.new_dialog.reject()


def test_ctrl_f_focuses_the_search_and_filters(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    for name in ("Politie", "Woonpartners", "Gemeente"):
        partners.add_partner(workspace, partners.PartnerDraft(name))
    window.navigate("organisation")
    editor = window.page("organisation").editor
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is editor.search
    qtbot.keyClicks(editor.search, "woon")
    assert editor.table.model().rowCount() == 1


def test_the_overview_opens_the_screen_that_fixes_an_item(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    problem.add_hot_item(workspace, problem.HotItemDraft(HotKind.HOTSPOT, "Korte Akkeren"))
    window.navigate("overview")
    overview = window.page("overview")
    overview.refresh()
    qtbot.waitUntil(lambda: overview.figures_loaded)
    card = overview.cards["hotspots"]
    assert "Korte Akkeren: analyse ontbreekt" in card.lines[0].text()
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    assert window.page("hotspots").isVisible()

    window.navigate("overview")
    qtbot.waitUntil(lambda: overview.figures_loaded)
    goals_card = overview.cards["goals"]
    goals_card.lines[0].linkActivated.emit("goals")
    assert window.page("goals").isVisible()


def test_restart_finds_what_was_entered(
    qtbot: QtBot, make_window: object, workspace: Workspace, workspace_path: Path
) -> None:
    window = make_window(workspace)  # type: ignore[operator]
    window.navigate("organisation")
    dialog = new_record(qtbot, window.page("organisation").editor)
    type_into(qtbot, dialog.form.name, "Woonstichting Kersenhof")
    type_into(qtbot, dialog.form.contact_email, "wijkconsulent@kersenhof.example.nl")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    window.close()
    workspace.close()

    reopened = open_workspace(workspace_path)
    try:
        [row] = partners.list_partners(reopened)
        assert row.draft.contact_email == "wijkconsulent@kersenhof.example.nl"
        again = make_window(reopened)  # type: ignore[operator]
        again.navigate("organisation")
        editor = again.page("organisation").editor
        assert editor.model.index(0, 0).data() == "Woonstichting Kersenhof"
        again.close()
    finally:
        reopened.close()


def test_the_rows_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = RowsTableModel([Column("Naam", lambda row: row.draft.name)])
    model.set_rows(
        [partners.PartnerRow(str(n), partners.PartnerDraft(f"Partner {n}")) for n in range(3)]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_refresh_loads_the_selected_record_once(window: MainWindow, workspace: Workspace) -> None:
    for name in ("Woonstichting Kersenhof", "Buurtpreventie Oost"):
        partners.add_partner(workspace, partners.PartnerDraft(name))
    window.navigate("organisation")
    editor = window.page("organisation").editor
    loaded: list[str] = []
    service = editor._service
    editor._service = replace(service, draft=lambda id_: loaded.append(id_) or service.draft(id_))
    editor.refresh()
    assert loaded == [editor.current_id()] and loaded[0]
    other = next(
        row.id for row in partners.list_partners(workspace) if row.id != editor.current_id()
    )
    editor.select(other)
    assert loaded == [loaded[0], other]
