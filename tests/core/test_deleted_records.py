"""Every service that looks a record up by id, called for a record deleted meanwhile (another
window, undo, a merge): one Dutch sentence naming the record and what to do, as a refusal
the screens recognise, and nothing stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.actions import actions
from app.core.goals import goals, measurements
from app.core.hotspots import analysis_history, hotspot_list, hotspots
from app.core.matrix import measures
from app.core.meetings import meetings
from app.core.plan import partners, problem
from app.core.progress import notes
from app.core.records import gone
from app.kernel.errors import RecordGoneError
from app.kernel.workspace import Workspace, create_workspace
from database.enums import (
    GoalIndicator,
    HotKind,
    InterventionKind,
    MeetingTier,
    TargetGroup,
    WorkspaceRole,
)
from database.models import Goal

GONE = "00000000-0000-4000-8000-000000000000"
GOAL = goals.GoalDraft(
    title="Inbraakrisico omlaag",
    indicator=GoalIndicator.BURGLARY_RATE,
    unit="per 1.000 woningen",
    baseline_value=9.7,
    baseline_year=2016,
    target_value=7.3,
    deadline=date(2027, 12, 31),
)
HOT_ITEM = problem.HotItemDraft(kind=HotKind.HOTSPOT, label="Korte Akkeren")
MEASURE = measures.MeasureInput(
    title="Surveillance",
    target_group=TargetGroup.OFFENDER,
    intervention=InterventionKind.REPRESSIVE,
)
MEETING = meetings.MeetingInput(MeetingTier.OPERATIONAL, "Operationeel overleg", date(2027, 1, 5))
NOTE = notes.ProgressDraft(date(2027, 1, 1), date(2027, 2, 28), successes="Minder inbraken")

CALLS: dict[str, Callable[[Workspace], object]] = {
    "read a goal": lambda w: goals.get_goal(w, GONE),
    "edit a goal": lambda w: goals.update_goal(w, GONE, GOAL),
    "delete a goal": lambda w: goals.delete_goal(w, GONE),
    "measure a goal": lambda w: measurements.add_measurement(
        w, GONE, measurements.MeasurementDraft(date(2027, 1, 1), 8.0)
    ),
    "edit a measurement": lambda w: measurements.update_measurement(
        w, GONE, measurements.MeasurementDraft(date(2027, 1, 1), 8.0)
    ),
    "delete a measurement": lambda w: measurements.delete_measurement(w, GONE),
    "read an action": lambda w: actions.action_input(w, GONE),
    "edit an action": lambda w: actions.update_action(w, GONE, actions.ActionInput("Flyeren")),
    "link an action to a deleted measure": lambda w: actions.add_action(
        w, actions.ActionInput("Flyeren", measure_id=GONE)
    ),
    "action from a deleted decision": lambda w: actions.decision_action_input(w, GONE),
    "edit a partner": lambda w: partners.update_partner(w, GONE, partners.PartnerDraft("Politie")),
    "delete a partner": lambda w: partners.delete_partner(w, GONE),
    "edit a hot item": lambda w: problem.update_hot_item(w, GONE, HOT_ITEM),
    "delete a hot item": lambda w: problem.delete_hot_item(w, GONE),
    "edit an APV instrument": lambda w: problem.update_bylaw(w, GONE, problem.BylawDraft("APV")),
    "read a hotspot": lambda w: hotspot_list.get_hotspot(w, GONE),
    "analysis of a deleted hotspot": lambda w: hotspots.set_analysis(
        w, GONE, hotspots.AnalysisDraft()
    ),
    "new analysis version of a deleted hotspot": lambda w: hotspots.start_new_version(w, GONE),
    "DIK request for a deleted hotspot": lambda w: hotspots.set_deep_analysis(
        w, GONE, hotspots.DeepAnalysisDraft(requested_on=date(2027, 1, 5))
    ),
    "place a deleted proposal": lambda w: analysis_history.place_proposed_measure(w, GONE),
    "edit a measure": lambda w: measures.update_measure(w, GONE, MEASURE),
    "measure aimed at a deleted hotspot": lambda w: measures.add_measure(
        w, measures.MeasureInput(**{**MEASURE.__dict__, "hot_item_ids": (GONE,)})
    ),
    "edit a meeting": lambda w: meetings.update_meeting(w, GONE, MEETING),
    "delete a meeting": lambda w: meetings.delete_meeting(w, GONE),
    "decision in a deleted meeting": lambda w: meetings.add_decision(w, GONE, "Besluit"),
    "read a voortgangsnotitie": lambda w: notes.get_note(w, GONE),
    "edit a voortgangsnotitie": lambda w: notes.update_note(w, GONE, NOTE),
    "delete a voortgangsnotitie": lambda w: notes.delete_note(w, GONE),
}


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513") as opened:
        goals.add_goal(opened, GOAL)
        yield opened


@pytest.mark.parametrize("call", list(CALLS))
def test_a_deleted_record_is_a_dutch_refusal(workspace: Workspace, call: str) -> None:
    path = workspace.path
    assert path is not None
    workspace.engine.dispose()  # the write-ahead log into the file, to compare its bytes
    before = path.read_bytes()
    with pytest.raises(RecordGoneError) as refused:
        CALLS[call](workspace)
    message = refused.value.message
    assert "bestaat niet meer" in message and "vernieuw het scherm" in message
    assert message.count(".") == 1 and message.endswith(".")
    assert GONE not in message  # an internal id means nothing to the user
    workspace.engine.dispose()
    assert path.read_bytes() == before


def test_the_refusal_names_the_kind_of_record() -> None:
    assert gone(Goal).message.startswith("De doelstelling bestaat niet meer")
