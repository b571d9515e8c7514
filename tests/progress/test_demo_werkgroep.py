"""The demo's werkgroep moves with today: the RSIV's werkgroepen lie around the peildatum,
the past ones with minutes and actions in its Actielijst, the next ones planned; each demo
gemeente has a few voortgangsnotities before today."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.core.actions.actions import action_list
from app.core.meetings.meetings import meeting_rows
from app.core.progress.notes import list_notes
from app.demo.gemeente import fill_demo
from app.kernel.workspace import create_workspace
from database.enums import MeetingTier, WorkspaceRole


@pytest.mark.parametrize("today", [date(2026, 12, 3), date(2031, 5, 20)])
def test_the_rsiv_demo_werkgroepen_lie_around_today(today: date, tmp_path: Path) -> None:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True) as rsiv:
        fill_demo(rsiv, today=today)
        werkgroepen = [row.data for row in meeting_rows(rsiv)]
        actions = action_list(rsiv).rows

    assert {meeting.tier for meeting in werkgroepen} == {MeetingTier.TACTICAL}
    held = [meeting for meeting in werkgroepen if meeting.held_on <= today]
    planned = [meeting for meeting in werkgroepen if meeting.held_on > today]
    assert len(held) >= 4 and len(planned) >= 1
    assert all(meeting.minutes for meeting in held)
    assert not any(meeting.minutes for meeting in planned)
    # Every two months: the latest is at most two months ago, the next within two months.
    assert today - max(m.held_on for m in held) <= timedelta(days=65)
    assert min(m.held_on for m in planned) - today <= timedelta(days=65)
    assert str(today.year) in " ".join(meeting.title for meeting in werkgroepen)
    assert len(actions) >= 2 * len(held)
    assert any(action.due_date and action.due_date > today for action in actions)


@pytest.mark.parametrize("today", [date(2026, 12, 3), date(2031, 5, 20)])
def test_a_demo_gemeente_wrote_its_notes_before_today(today: date, tmp_path: Path) -> None:
    path = tmp_path / "delft.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0503", is_demo=True) as delft:
        fill_demo(delft, today=today)
        notes = list_notes(delft)

    assert 3 <= len(notes) <= 5
    assert all(note.draft.period_end < today for note in notes)
    assert today - notes[0].draft.period_end <= timedelta(days=70)
    assert all(note.draft.successes and note.draft.costs for note in notes)
    assert str(today.year) in " ".join(note.written for note in notes)
