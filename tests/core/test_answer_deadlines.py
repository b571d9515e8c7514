"""The Overzicht names a wijkagent form or DIK request that waits too long for an answer."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from app.core.hotspots import hotspots
from app.core.hotspots.answer_deadlines import ANALYSIS_ANSWER_DAYS, DIK_ANSWER_DAYS
from app.core.hotspots.hotspots import AnalysisDraft, DeepAnalysisDraft
from app.core.overview.overview import plan_overview
from app.core.plan.problem import HotItemDraft, add_hot_item
from app.kernel.workspace import Workspace, create_workspace
from database.enums import AnalysisState, HotKind, WorkspaceRole

SENT = date(2018, 3, 1)


def _workspace(tmp_path: Path) -> Workspace:
    workspace = create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513")
    hotspot = add_hot_item(workspace, HotItemDraft(kind=HotKind.HOTSPOT, label="Korte Akkeren"))
    hotspots.set_analysis(workspace, hotspot, AnalysisDraft(state=AnalysisState.SENT, sent_on=SENT))
    hotspots.set_deep_analysis(workspace, hotspot, DeepAnalysisDraft(requested_on=SENT))
    return workspace


def test_nothing_is_late_within_the_answer_times(tmp_path: Path) -> None:
    with _workspace(tmp_path) as workspace:
        overview = plan_overview(workspace, SENT + timedelta(days=ANALYSIS_ANSWER_DAYS))
    assert overview.late_analyses == () and overview.late_deep_analyses == ()


def test_the_form_and_then_the_dik_become_late(tmp_path: Path) -> None:
    with _workspace(tmp_path) as workspace:
        after_form = plan_overview(workspace, SENT + timedelta(days=ANALYSIS_ANSWER_DAYS + 1))
        after_dik = plan_overview(workspace, SENT + timedelta(days=DIK_ANSWER_DAYS + 1))
    [late] = after_form.late_analyses
    assert (late.label, late.asked_on, late.days_waiting) == ("Korte Akkeren", SENT, 15)
    assert after_form.late_deep_analyses == ()
    assert [d.days_waiting for d in after_dik.late_deep_analyses] == [DIK_ANSWER_DAYS + 1]
