"""Revision 0009: a workspace made before it keeps its plan (the new fields empty) and its
driehoek meetings, filed as "strategisch" then, become meetings of type driehoek; the
projectgroep's meetings stay strategic."""

from __future__ import annotations

from pathlib import Path

from app.core.meetings.meetings import meeting_rows
from app.core.plan.details import load_plan_details
from app.kernel.workspace import open_workspace
from database.enums import MeetingTier
from tests.old_workspace import GOUDA, NOW, old_workspace

BEFORE = "0007"


def test_driehoek_meetings_get_their_own_type_and_the_plan_keeps_its_fields(
    tmp_path: Path,
) -> None:
    path = tmp_path / "oud.db"
    with old_workspace(path, BEFORE) as connection:
        connection.execute(
            "INSERT INTO plan (title, project_lead, problem_summary, organisation, communication,"
            " id, created_at, updated_at, municipality_id) VALUES ('Plan Gouda', 'projectleider',"
            " '', 'Maandelijks overleg', '', 'p-1', ?, ?, ?)",
            (NOW, NOW, GOUDA),
        )
        for number, (title, day) in enumerate(
            (
                ("Driehoek Gouda: plan van aanpak", "2017-12-14"),
                ("Strategisch overleg project woninginbraken", "2017-10-26"),
                ("Lokale DRIEHOEK, voortgang", "2018-10-20"),
            )
        ):
            connection.execute(
                "INSERT INTO meeting (tier, title, held_on, location, participants, agenda, "
                "minutes, id, created_at, updated_at, municipality_id) VALUES ('strategic', ?, ?,"
                " '', '', '', '', ?, ?, ?, ?)",
                (title, day, f"m-{number}", NOW, NOW, GOUDA),
            )

    with open_workspace(path) as workspace:
        tiers = {row.data.title: row.data.tier for row in meeting_rows(workspace)}
        details = load_plan_details(workspace)
    assert tiers == {
        "Driehoek Gouda: plan van aanpak": MeetingTier.TRIANGLE,
        "Strategisch overleg project woninginbraken": MeetingTier.STRATEGIC,
        "Lokale DRIEHOEK, voortgang": MeetingTier.TRIANGLE,
    }
    assert details.title == "Plan Gouda"
    assert details.organisation == "Maandelijks overleg"
    assert (details.triangle_assignment, details.budget) == ("", "")
