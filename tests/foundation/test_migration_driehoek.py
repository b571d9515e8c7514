"""Revision 0009: a workspace made before it keeps its plan (the new fields empty) and its
driehoek meetings, filed as "strategisch" then, become meetings of type driehoek; the
projectgroep's meetings stay strategic."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core.meetings.meetings import meeting_rows
from app.core.plan.details import load_plan_details
from app.kernel.reference import municipality_id
from app.kernel.workspace import open_workspace
from database import migrate
from database.enums import MeetingTier
from database.store import make_engine

BEFORE = "0007"
GOUDA = municipality_id("GM0513")
NOW = "2018-03-01 10:00:00.000000"


def test_driehoek_meetings_get_their_own_type_and_the_plan_keeps_its_fields(
    tmp_path: Path,
) -> None:
    path = tmp_path / "oud.db"
    engine = make_engine(path)
    migrate.upgrade(engine, BEFORE)
    engine.dispose()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO municipality VALUES ('GM0513', 'Gouda', NULL, 1, ?, ?, ?)",
            (GOUDA, NOW, NOW),
        )
        connection.execute(
            "INSERT INTO workspace_info VALUES ('ws-1', 'aanpak-woninginbraken/workspace', "
            "'municipality', ?, 0, ?, '0.1.0', 3)",
            (GOUDA, NOW),
        )
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
    connection.close()

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
