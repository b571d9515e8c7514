"""The course on a given day: steps by date, milestones done, upcoming or late per kind."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import delete, select

from app.core.course.revisions import freeze_revision
from app.core.course.timeline import STEPS, load_timeline
from app.core.overview.overview import plan_overview
from app.core.packages.export import export_package
from app.core.packages.merge import merge_package
from app.core.plan.plans import plan_id
from app.demo.gemeente import fill_demo
from app.kernel.reference import participants
from app.kernel.workspace import Workspace, create_workspace
from database.enums import MilestoneKind, TimelineState, WorkspaceRole
from database.models import Meeting, PackageExport, Plan

PEILDATUM = date(2018, 3, 20)


def _by_kind(workspace: Workspace, kind: MilestoneKind, today: date = PEILDATUM) -> list:
    (row,) = load_timeline(workspace, today).rows
    return [m for m in row.milestones if m.kind is kind]


def test_the_memo_has_seven_steps_and_step_six_runs_in_march_2018(gouda: Workspace) -> None:
    timeline = load_timeline(gouda, PEILDATUM)
    assert [s.number for s in timeline.steps] == list(range(1, 8))
    states = {s.number: s.state(PEILDATUM) for s in STEPS}
    assert states[1] is TimelineState.DONE
    assert states[6] is TimelineState.CURRENT
    assert states[7] is TimelineState.UPCOMING


def test_a_package_before_the_werkgroep_is_done_and_a_missing_one_late(gouda: Workspace) -> None:
    with gouda.transaction() as session:
        session.execute(delete(PackageExport))  # the demo's own log of packages
        session.add(
            PackageExport(
                export_id="e1",
                sequence=1,
                exported_at=datetime(2018, 3, 7, 10, tzinfo=UTC),
                file_name="pakket.xlsx",
            )
        )
    packages = {m.title: m.state for m in _by_kind(gouda, MilestoneKind.PACKAGE)}
    assert packages["Pakket voor werkgroep 15-03-2018"] is TimelineState.DONE
    assert packages["Pakket voor werkgroep 18-01-2018"] is TimelineState.LATE
    assert packages["Pakket voor werkgroep 17-05-2018"] is TimelineState.UPCOMING


def test_meetings_without_minutes_and_the_plan_update_become_late(gouda: Workspace) -> None:
    meetings = _by_kind(gouda, MilestoneKind.LOCAL_MEETING)
    held = [m for m in meetings if m.due < PEILDATUM]
    assert held and all(m.state is TimelineState.DONE for m in held)
    with gouda.transaction() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.held_on == held[-1].due, Meeting.title == held[-1].title)
        ).one()
        meeting.minutes = ""
    last = held[-1]
    [unwritten] = [
        m
        for m in _by_kind(gouda, MilestoneKind.LOCAL_MEETING)
        if (m.due, m.title) == (last.due, last.title)
    ]
    assert unwritten.state is TimelineState.LATE
    assert unwritten in plan_overview(gouda, PEILDATUM).late_milestones
    (update,) = _by_kind(gouda, MilestoneKind.PLAN_UPDATE, date(2018, 9, 1))
    assert update.state is TimelineState.DONE  # the demo froze "na gebiedsscan 2018"
    (evaluation,) = _by_kind(gouda, MilestoneKind.EVALUATION, date(2018, 9, 1))
    assert evaluation.state is TimelineState.UPCOMING
    (commitment,) = _by_kind(gouda, MilestoneKind.COMMITMENT)
    assert commitment.state is TimelineState.DONE


def test_the_overview_lists_what_is_late(gouda: Workspace) -> None:
    with gouda.transaction() as session:
        session.execute(delete(PackageExport))  # the demo's own log of packages
    overview = plan_overview(gouda, PEILDATUM)
    titles = {m.title for m in overview.late_milestones}
    assert "Pakket voor werkgroep 18-01-2018" in titles
    assert all(m.state is TimelineState.LATE for m in overview.late_milestones)


def test_the_rsiv_sees_every_gemeente_from_the_merged_packages(
    gouda: Workspace, rsiv: Workspace, tmp_path: Path
) -> None:
    freeze_revision(gouda, "na gebiedsscan", at=datetime(2018, 7, 2, tzinfo=UTC))
    package = tmp_path / "gouda.xlsx"
    export_package(gouda, package, accept_findings=True)
    assert merge_package(rsiv, package).refusal is None

    timeline = load_timeline(rsiv, date(2018, 9, 1))

    assert [row.name for row in timeline.rows] == [p.name for p in participants()]
    gouda_row = next(row for row in timeline.rows if row.code == "GM0513")
    (own,) = load_timeline(gouda, date(2018, 9, 1)).rows
    local = {m for m in own.milestones if m.kind is not MilestoneKind.PACKAGE}
    assert local <= set(gouda_row.milestones)


def test_a_new_workspace_has_nothing_late_until_its_plan_has_a_start(tmp_path: Path) -> None:
    today = date(2026, 12, 3)
    with create_workspace(tmp_path / "n.db", WorkspaceRole.MUNICIPALITY, "GM0513") as new:
        assert load_timeline(new, today).late == ()
        assert plan_overview(new, today).late_milestones == ()
        with new.transaction() as session:
            plan = session.get(Plan, plan_id(session, new))
            assert plan is not None
            plan.period_start = date(2027, 1, 1)  # as a package or the plan screen sets it
        (row,) = load_timeline(new, today).rows
        # The memo's calendar moves with the plan; its preparation is not late either.
        assert row.late == ()
        packages = [m.due for m in row.milestones if m.kind is MilestoneKind.PACKAGE]
        assert min(packages) == date(2026, 11, 9)  # a week before the first werkgroep
        (later,) = load_timeline(new, date(2027, 2, 1)).rows
        assert [m.title for m in later.late] == ["Pakket voor werkgroep 18-01-2027"]


def test_the_demo_of_today_has_few_late_milestones(tmp_path: Path) -> None:
    today = date(2026, 12, 3)
    with create_workspace(tmp_path / "g.db", WorkspaceRole.MUNICIPALITY, "GM0503") as delft:
        fill_demo(delft, today=today)
        timeline = load_timeline(delft, today)
    assert len(timeline.late) <= 2
    assert all(step.start.year >= 2025 for step in timeline.steps)
