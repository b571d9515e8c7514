"""Services of the plan screens: what is refused, what undo brings back, the Overzicht."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.goals import goals
from app.core.hotspots import hotspot_list, hotspots
from app.core.overview.overview import figure_overview, plan_overview
from app.core.plan import partners, problem
from app.core.plan.plans import own_municipality_id, plan_id
from app.core.records import restore_record
from app.core.validation import MAX_TEXT
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace, create_workspace
from database.enums import (
    ActionStatus,
    AnalysisState,
    GoalIndicator,
    HotKind,
    InterventionKind,
    MeasureStatus,
    PartnerKind,
    TargetGroup,
    WorkspaceRole,
)
from database.models import Action, Measure, measure_hot_item_table

GOAL = goals.GoalDraft(
    title="Inbraakrisico onder het landelijk gemiddelde",
    indicator=GoalIndicator.BURGLARY_RATE,
    unit="per 1.000 woningen",
    baseline_value=19.4,
    baseline_year=2016,
    target_value=7.3,
    deadline=date(2019, 12, 31),
)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513") as opened:
        yield opened


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "  "}, "title"),
        ({"unit": ""}, "unit"),
        ({"deadline": date(2015, 12, 31)}, "deadline"),
        ({"deadline": date(2016, 12, 31)}, "deadline"),
        ({"description": "x" * (MAX_TEXT + 1)}, "description"),
        ({"target_value": -1.0}, "target_value"),
    ],
)
def test_an_invalid_goal_names_its_field_and_stores_nothing(
    workspace: Workspace, change: dict[str, object], field: str
) -> None:
    with pytest.raises(FieldError) as refused:
        goals.add_goal(workspace, replace(GOAL, **change))
    assert refused.value.field == field
    assert goals.list_goals(workspace) == []


def test_a_refused_update_leaves_the_goal_as_it_was(workspace: Workspace) -> None:
    goal_id = goals.add_goal(workspace, GOAL)
    with pytest.raises(FieldError):
        goals.update_goal(workspace, goal_id, replace(GOAL, unit=""))
    assert goals.get_goal(workspace, goal_id).draft == GOAL


def test_a_text_of_the_maximum_length_is_accepted(workspace: Workspace) -> None:
    goal_id = goals.add_goal(workspace, replace(GOAL, description="x" * MAX_TEXT))
    assert len(goals.get_goal(workspace, goal_id).draft.description) == MAX_TEXT


def test_a_hotshot_keeps_a_label_and_a_count_only(workspace: Workspace) -> None:
    with pytest.raises(FieldError) as refused:
        problem.add_hot_item(
            workspace,
            problem.HotItemDraft(HotKind.HOTSHOT, "Top-X", description="Jan de Vries"),
        )
    assert refused.value.field == "description"
    item = problem.add_hot_item(
        workspace, problem.HotItemDraft(HotKind.HOTSHOT, "Top-X veelplegers", person_count=12)
    )
    assert problem.get_hot_item(workspace, item).draft.person_count == 12


def test_a_buurt_code_is_checked_and_written_in_capitals(workspace: Workspace) -> None:
    with pytest.raises(FieldError) as refused:
        problem.add_hot_item(
            workspace, problem.HotItemDraft(HotKind.HOTSPOT, "X", neighbourhood_code="0513")
        )
    assert refused.value.field == "neighbourhood_code"
    item = problem.add_hot_item(
        workspace, problem.HotItemDraft(HotKind.HOTSPOT, "X", neighbourhood_code="bu05130101")
    )
    assert problem.get_hot_item(workspace, item).draft.neighbourhood_code == "BU05130101"


def test_undoing_a_hotspot_delete_brings_back_analysis_request_and_measure_links(
    workspace: Workspace,
) -> None:
    item = problem.add_hot_item(workspace, problem.HotItemDraft(HotKind.HOTSPOT, "Korte Akkeren"))
    hotspots.set_analysis(workspace, item, hotspots.AnalysisDraft(offender="jongeren"))
    hotspots.set_deep_analysis(
        workspace, item, hotspots.DeepAnalysisDraft(requested_on=date(2018, 2, 1))
    )
    with workspace.transaction() as session:
        measure = Measure(
            plan_id=problem_plan(session, workspace),
            municipality_id=own(workspace),
            title="Surveillance",
            target_group=TargetGroup.ENVIRONMENT,
            intervention=InterventionKind.REPRESSIVE,
            status=MeasureStatus.RUNNING,
        )
        session.add(measure)
        session.flush()
        session.execute(
            measure_hot_item_table.insert().values(measure_id=measure.id, hot_item_id=item)
        )

    deleted = problem.delete_hot_item(workspace, item)
    assert hotspot_list.list_hotspots(workspace) == []
    problem.restore_hot_item(workspace, deleted)

    assert hotspots.current_analysis(workspace, item).offender == "jongeren"
    assert hotspots.current_deep_analysis(workspace, item).requested_on == date(2018, 2, 1)
    with workspace.reading() as session:
        links = session.execute(measure_hot_item_table.select()).all()
    assert [link.hot_item_id for link in links] == [item]


def test_a_new_analysis_version_keeps_the_old_one(workspace: Workspace) -> None:
    item = problem.add_hot_item(workspace, problem.HotItemDraft(HotKind.HOTSPOT, "Vlasakkers"))
    hotspots.set_analysis(
        workspace, item, hotspots.AnalysisDraft(state=AnalysisState.PROCESSED, times="avond")
    )
    version = hotspots.start_new_version(workspace, item)
    assert version == 2
    assert hotspots.current_analysis(workspace, item).times == ""
    assert hotspot_list.get_hotspot(workspace, item).waits_for_analysis
    hotspots.drop_version(workspace, item, version)
    assert hotspots.current_analysis(workspace, item).times == "avond"


def test_a_partner_keeps_a_work_contact_and_comes_back_with_its_measures(
    workspace: Workspace,
) -> None:
    with pytest.raises(FieldError) as refused:
        partners.add_partner(workspace, partners.PartnerDraft("OM", contact_email="geen"))
    assert refused.value.field == "contact_email"
    partner = partners.add_partner(
        workspace, partners.PartnerDraft("Politie", PartnerKind.POLICE, contact_phone="0900-8844")
    )
    with workspace.transaction() as session:
        session.add(
            Measure(
                plan_id=problem_plan(session, workspace),
                municipality_id=own(workspace),
                title="Top-X",
                target_group=TargetGroup.OFFENDER,
                intervention=InterventionKind.REPRESSIVE,
                status=MeasureStatus.RUNNING,
                partner_id=partner,
            )
        )
    deleted = partners.delete_partner(workspace, partner)
    assert partners.list_partners(workspace) == []
    partners.restore_partner(workspace, deleted)
    with workspace.reading() as session:
        assert session.scalars(select(Measure.partner_id)).one() == partner


def test_a_deleted_bylaw_comes_back_with_its_id(workspace: Workspace) -> None:
    bylaw = problem.add_bylaw(workspace, problem.BylawDraft("Verbod inbrekerswerktuigen"))
    restore_record(workspace, problem.delete_bylaw(workspace, bylaw))
    assert [row.id for row in problem.list_bylaws(workspace)] == [bylaw]


def test_the_overview_lists_what_needs_attention(workspace: Workspace) -> None:
    goals.add_goal(workspace, GOAL)
    problem.add_hot_item(workspace, problem.HotItemDraft(HotKind.HOTSPOT, "Korte Akkeren"))
    with workspace.transaction() as session:
        plan = problem_plan(session, workspace)
        for title, due in (("Te laat", date(2018, 3, 1)), ("Deze week", date(2018, 3, 12))):
            session.add(
                Action(
                    plan_id=plan,
                    municipality_id=own(workspace),
                    title=title,
                    status=ActionStatus.OPEN,
                    due_date=due,
                )
            )
        session.add(
            Measure(
                plan_id=plan,
                municipality_id=own(workspace),
                title="Top-X",
                target_group=TargetGroup.OFFENDER,
                intervention=InterventionKind.REPRESSIVE,
                status=MeasureStatus.RUNNING,
            )
        )
    overview = plan_overview(workspace, date(2018, 3, 10), figure_overview(workspace))
    assert [a.title for a in overview.overdue_actions] == ["Te laat"]
    assert [a.title for a in overview.upcoming_actions] == ["Deze week"]
    assert [h.label for h in overview.waiting_hotspots] == ["Korte Akkeren"]
    assert len(overview.matrix_gaps) == 9  # 10 cells (nazorg only for victims) minus one
    [goal] = overview.goals
    assert goal.current_value is None  # no figures in this workspace


def problem_plan(session: Session, workspace: Workspace) -> str:
    return plan_id(session, workspace)


def own(workspace: Workspace) -> str:
    return own_municipality_id(workspace)
