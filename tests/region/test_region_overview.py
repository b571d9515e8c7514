"""The regional overview gives each gemeente the numbers its own figures give."""

from __future__ import annotations

from datetime import date

from app.core.figures.figures import load_figures
from app.core.meetings.werkgroep_calendar import is_in_for_next, next_werkgroep, previous_werkgroep
from app.core.region.overview import regional_overview
from app.core.region.practices import best_practices
from app.kernel.workspace import Workspace
from database.enums import GoalState, MeasureDecision, MeasureStatus
from tests.region.conftest import LEFT_OUT

AS_OF = date(2019, 1, 31)


def test_each_gemeente_has_the_rate_and_goal_states_of_its_own_figures(
    rsiv_nine: Workspace,
) -> None:
    overview = regional_overview(rsiv_nine, AS_OF)
    assert len(overview.standings) == 9 and not overview.missing
    for row in overview.standings:
        figures = load_figures(rsiv_nine, row.cbs_code)
        assert row.rate == figures.rate_summary()
        states = [progress.state for progress in figures.goal_progress()]
        for state in GoalState:
            assert row.goals_in(state) == states.count(state)


def test_a_gemeentes_rate_in_the_rsiv_is_the_rate_in_its_own_workspace(
    rsiv_nine: Workspace, gemeente_copy: Workspace
) -> None:
    """Measured against Gouda's own workspace, so a reading that mixes gemeenten shows up."""
    overview = regional_overview(rsiv_nine, AS_OF)
    own = load_figures(gemeente_copy).rate_summary()
    assert own.rate is not None
    gouda = overview.standing("GM0513").rate
    assert gouda is not None and gouda.rate == own.rate
    rates = {row.rate.rate for row in overview.standings if row.rate is not None}
    assert len(rates) == len(overview.standings)  # nine gemeenten, nine different rates


def test_counts_of_measures_actions_and_costs_match_the_records(rsiv_nine: Workspace) -> None:
    from sqlalchemy import select

    from app.kernel.reference import municipality_id
    from database.models import Action, Measure

    overview = regional_overview(rsiv_nine, AS_OF)
    gouda = overview.standing("GM0513")
    with rsiv_nine.reading() as session:
        measures = session.scalars(
            select(Measure).where(Measure.municipality_id == municipality_id("GM0513"))
        ).all()
        actions = session.scalars(
            select(Action).where(Action.municipality_id == municipality_id("GM0513"))
        ).all()
    assert gouda.measures == len(measures)
    assert gouda.extra_cost_eur == sum(m.extra_cost_eur for m in measures)
    active = [m for m in measures if m.status is not MeasureStatus.STOPPED]
    for cell, count in zip(overview.cells, gouda.matrix_counts, strict=True):
        assert count == sum((m.target_group, m.intervention) == cell for m in active)
    open_ones = [a for a in actions if a.status.value in ("open", "in_progress")]
    assert gouda.actions.open == len(open_ones)
    assert gouda.actions.overdue == sum(1 for a in open_ones if a.due_date and a.due_date < AS_OF)
    assert gouda.actions.done == sum(1 for a in actions if a.status.value == "done")
    assert gouda.package is not None and gouda.package.sequence == 6  # the demo sent five


def test_a_gemeente_without_a_package_is_listed_as_missing(rsiv_eight: Workspace) -> None:
    overview = regional_overview(rsiv_eight, AS_OF)
    assert [row.cbs_code for row in overview.missing] == [LEFT_OUT]
    missing = overview.standing(LEFT_OUT)
    assert missing.rate is None and not missing.in_for_next and missing.matrix_gaps == ()


def test_the_werkgroep_calendar_decides_which_packages_are_in() -> None:
    assert next_werkgroep(date(2018, 2, 1)) == date(2018, 3, 15)
    assert previous_werkgroep(date(2018, 2, 1)) == date(2018, 1, 18)
    assert is_in_for_next(date(2018, 1, 20), date(2018, 2, 1))
    assert not is_in_for_next(date(2018, 1, 10), date(2018, 2, 1))
    assert next_werkgroep(date(2019, 1, 1)) is None


def test_best_practices_follow_the_written_rule(rsiv_nine: Workspace) -> None:
    from sqlalchemy import select

    from database.models import Measure, MeasureEvaluation, Municipality

    overview = regional_overview(rsiv_nine, AS_OF)
    practices = best_practices(rsiv_nine, overview)
    assert practices
    with rsiv_nine.reading() as session:
        embedded = {
            (name, title)
            for name, title in session.execute(
                select(Municipality.name, Measure.title)
                .join(MeasureEvaluation, MeasureEvaluation.measure_id == Measure.id)
                .join(Municipality, Municipality.id == Measure.municipality_id)
                .where(MeasureEvaluation.decision == MeasureDecision.EMBED)
            )
        }
    assert {name for name, _title in embedded} == {n for p in practices for n in p.embedded_in}
    assert all(p.gemeenten for p in practices)
    counts = [len(p.gemeenten) for p in practices]
    assert counts == sorted(counts, reverse=True)
