"""The RSIV chairs the werkgroep: its regional workspace keeps its own meetings and actions,
which a merge of a gemeente's package leaves alone and which travel in no package."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from app.core.actions import actions
from app.core.feedback.export import export_feedback
from app.core.inspection.integrity import check_workspace
from app.core.meetings import meetings
from app.core.meetings.meetings import MeetingInput
from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.core.region.evaluation import regional_evaluation
from app.core.region.overview import regional_overview
from app.core.region.werkgroep_changes import werkgroep_extras
from app.kernel.workspace import Workspace, create_workspace
from database.enums import MeetingTier, WorkspaceRole
from tests.conftest import RsivLocation

GOUDA = "GM0513"
WERKGROEP = MeetingInput(
    tier=MeetingTier.TACTICAL,
    title="Werkgroep woninginbraken januari",
    held_on=date(2027, 1, 21),
    location="Gemeentehuis Gouda",
    participants="Projectleiders van de deelnemende gemeenten, RSIV, politie",
)


@pytest.fixture
def rsiv(rsiv_location: RsivLocation) -> Iterator[Workspace]:
    """On each store of the run: a file, and the PostgreSQL server when a cluster is up."""
    with create_workspace(rsiv_location("rsiv.db"), WorkspaceRole.REGION) as workspace:
        yield workspace


@pytest.fixture
def gouda(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "gouda.db", WorkspaceRole.MUNICIPALITY, GOUDA) as workspace:
        yield workspace


def _merge_gouda(rsiv: Workspace, gouda: Workspace, package: Path) -> None:
    meetings.add_meeting(
        gouda,
        MeetingInput(MeetingTier.OPERATIONAL, f"Lokaal overleg {package.stem}", date(2027, 1, 5)),
    )
    export_package(gouda, package)
    assert merge_package(rsiv, package, backup=False).refusal is None


def test_the_rsiv_keeps_its_own_meetings_and_actions_beside_the_merged_gemeenten(
    rsiv: Workspace, gouda: Workspace, tmp_path: Path
) -> None:
    _merge_gouda(rsiv, gouda, tmp_path / "pakket-1.xlsx")
    meeting_id = meetings.add_meeting(rsiv, WERKGROEP)
    decision_id = meetings.add_decision(
        rsiv, meeting_id, "Elke gemeente levert een voortgangsnotitie."
    )
    actions.add_action(rsiv, actions.decision_action_input(rsiv, decision_id))

    assert [row.data.title for row in meetings.meeting_rows(rsiv)] == [WERKGROEP.title]
    [action] = actions.action_list(rsiv).rows
    assert action.title.startswith("Elke gemeente levert een voortgangsnotitie")
    assert actions.action_list(rsiv).meeting_titles == {meeting_id: WERKGROEP.title}

    # A newer package of Gouda replaces Gouda's records only.
    _merge_gouda(rsiv, gouda, tmp_path / "pakket-2.xlsx")
    assert [row.data.title for row in meetings.meeting_rows(rsiv)] == [WERKGROEP.title]
    assert len(actions.action_list(rsiv).rows) == 1

    report = check_workspace(rsiv)
    assert report.ok, report.problems
    # The RSIV's own records make no gemeente of it.
    assert "RSIV" not in [row.code for row in regional_evaluation(rsiv).rows]


def test_the_rsiv_s_own_werkgroepen_set_the_next_werkgroep(
    rsiv: Workspace, gouda: Workspace, tmp_path: Path
) -> None:
    today = date(2027, 1, 10)
    before = regional_overview(rsiv, today)
    assert before.next_werkgroep is None  # the memo's calendar ended in 2018
    meetings.add_meeting(rsiv, replace(WERKGROEP, held_on=date(2026, 11, 19)))
    meetings.add_meeting(rsiv, WERKGROEP)
    _merge_gouda(rsiv, gouda, tmp_path / "pakket.xlsx")

    overview = regional_overview(rsiv, today)
    assert overview.previous_werkgroep == date(2026, 11, 19)
    assert overview.next_werkgroep == WERKGROEP.held_on
    [gouda_row] = [row for row in overview.standings if row.cbs_code == GOUDA]
    assert gouda_row.in_for_next
    assert werkgroep_extras(rsiv, GOUDA, today).since == date(2026, 11, 19)


def test_feedback_follows_the_rsiv_s_last_werkgroep_held(
    rsiv: Workspace, gouda: Workspace, tmp_path: Path
) -> None:
    held = date.today() - timedelta(days=14)
    meetings.add_meeting(rsiv, replace(WERKGROEP, held_on=held))
    meetings.add_meeting(rsiv, replace(WERKGROEP, held_on=date.today() + timedelta(days=50)))
    _merge_gouda(rsiv, gouda, tmp_path / "pakket.xlsx")

    path = export_feedback(rsiv, GOUDA, tmp_path / "terugkoppeling.xlsx").path
    texts = [
        str(value)
        for sheet in openpyxl.load_workbook(path, read_only=True).worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value
    ]
    assert any(f"na de werkgroep van {held.strftime('%d-%m-%Y')}" in text for text in texts)
