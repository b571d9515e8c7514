"""The 12-month evaluation of a gemeente's plan: read it whole, save it in one unit of work.

What it shows: the goals' results from the figures (baseline, target, reached), the measures
carried out with their extra costs and the decision per measure (stop / continue / embed),
successes and bottlenecks, and the B3W checklist. The checklist is this program's own design
(no public B3W questionnaire exists): for each of the three worlds, was it present in the
analysis, the measures and the execution (yes / partly / no, with a short explanation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.course.timeline import LATEST_START, evaluation_due
from app.core.plan.plans import own_municipality_id, plan_id
from app.kernel.errors import FieldError
from app.kernel.reference import find_municipality, municipality_id
from app.kernel.workspace import Workspace
from database.enums import (
    B3WAnswer,
    B3WStage,
    B3WWorld,
    GoalState,
    InterventionKind,
    MeasureDecision,
    MeasureStatus,
    TargetGroup,
)
from database.models import B3WCheck, Evaluation, Measure, MeasureEvaluation, Plan

B3W_NOTE = (
    "De B3W-checklist is een eigen opzet van dit programma: er bestaat geen openbare "
    "B3W-vragenlijst. Per wereld: was die aanwezig in de analyse, de maatregelen en de "
    "uitvoering (ja, deels of nee), met een korte toelichting."
)
EXPLANATION_MAX = 2_000


@dataclass(frozen=True)
class GoalResult:
    title: str
    unit: str
    baseline_value: float
    baseline_year: int
    target_value: float
    deadline: date
    reached: float | None  # the latest measured value; None without figures
    measured_on: date | None
    state: GoalState


@dataclass(frozen=True)
class MeasureResult:
    id: str
    title: str
    status: MeasureStatus
    target_group: TargetGroup
    intervention: InterventionKind
    extra_cost_eur: int
    decision: MeasureDecision | None
    explanation: str

    @property
    def carried_out(self) -> bool:
        return self.status is not MeasureStatus.PLANNED


@dataclass(frozen=True)
class B3WEntry:
    world: B3WWorld
    stage: B3WStage
    answer: B3WAnswer | None
    explanation: str = ""


@dataclass(frozen=True)
class EvaluationInput:
    """Everything a projectleider fills in; saved at once."""

    evaluated_on: date | None
    summary: str = ""
    successes: str = ""
    bottlenecks: str = ""
    follow_up: str = ""
    decisions: tuple[tuple[str, MeasureDecision | None, str], ...] = ()  # measure, decision, why
    b3w: tuple[B3WEntry, ...] = ()


@dataclass(frozen=True)
class EvaluationView:
    code: str
    name: str
    plan_title: str
    local_start: date | None
    due: date
    data: EvaluationInput
    exists: bool
    goals: tuple[GoalResult, ...]
    measures: tuple[MeasureResult, ...]

    def held_on(self, today: date) -> date | None:
        """The day of the evaluation once it counts as held, else None: a date that has
        passed and a summary, the rule of the Tijdlijn's milestone. A draft (answers without
        a date) is not yet an evaluation."""
        day = self.data.evaluated_on
        if not self.exists or day is None or day > today or not self.data.summary.strip():
            return None
        return day

    @property
    def carried_out(self) -> tuple[MeasureResult, ...]:
        return tuple(m for m in self.measures if m.carried_out)

    @property
    def extra_cost_eur(self) -> int:
        return sum(m.extra_cost_eur for m in self.carried_out)

    def answer(self, world: B3WWorld, stage: B3WStage) -> B3WEntry:
        return next(
            (e for e in self.data.b3w if e.world is world and e.stage is stage),
            B3WEntry(world, stage, None),
        )


def evaluation_view(workspace: Workspace, municipality_code: str | None = None) -> EvaluationView:
    """A gemeente's evaluation as stored (empty fields when none is written yet)."""
    from app.core.figures.figures import load_figures

    code = municipality_code or workspace.summary.municipality_code or ""
    owner = municipality_id(code) if code else own_municipality_id(workspace)
    progress = {p.goal.id: p for p in load_figures(workspace, code).goal_progress()}
    reference = find_municipality(code)
    with workspace.reading() as session:
        plan = session.scalars(select(Plan).where(Plan.municipality_id == owner)).first()
        evaluation = _evaluation(session, owner)
        data = _input_of(session, evaluation)
        decided = {measure_id: (d, why) for measure_id, d, why in data.decisions}
        measures = session.scalars(
            select(Measure).where(Measure.municipality_id == owner).order_by(Measure.title)
        ).all()
        goals = []
        for goal_id in progress:
            p = progress[goal_id]
            goals.append(
                GoalResult(
                    title=p.goal.title,
                    unit=p.goal.unit,
                    baseline_value=p.goal.baseline_value,
                    baseline_year=p.goal.baseline_year,
                    target_value=p.goal.target_value,
                    deadline=p.goal.deadline,
                    reached=p.current_value,
                    measured_on=p.measured_on,
                    state=p.state,
                )
            )
        start = plan.local_start if plan else None
        return EvaluationView(
            code=code,
            name=reference.name if reference else code,
            plan_title=plan.title if plan else "",
            local_start=start,
            due=evaluation_due(start or LATEST_START),
            data=data,
            exists=evaluation is not None,
            goals=tuple(sorted(goals, key=lambda g: (g.deadline, g.title))),
            measures=tuple(
                MeasureResult(
                    m.id,
                    m.title,
                    m.status,
                    m.target_group,
                    m.intervention,
                    m.extra_cost_eur,
                    *decided.get(m.id, (None, "")),
                )
                for m in measures
            ),
        )


def save_evaluation(workspace: Workspace, data: EvaluationInput) -> None:
    """Store the evaluation, its decisions per measure and its B3W checklist, all at once."""
    data = checked_evaluation(data)
    owner = own_municipality_id(workspace)
    with workspace.transaction() as session:
        evaluation = _evaluation(session, owner)
        if evaluation is None:
            evaluation = Evaluation(municipality_id=owner, plan_id=plan_id(session, workspace))
            session.add(evaluation)
        evaluation.evaluated_on = data.evaluated_on
        evaluation.summary = data.summary
        evaluation.successes = data.successes
        evaluation.bottlenecks = data.bottlenecks
        evaluation.follow_up = data.follow_up
        session.flush()
        _store_decisions(session, owner, evaluation.id, data)
        _store_b3w(session, owner, evaluation.id, data)


def b3w_grid() -> tuple[tuple[B3WWorld, B3WStage], ...]:
    return tuple((world, stage) for world in B3WWorld for stage in B3WStage)


def checked_evaluation(data: EvaluationInput) -> EvaluationInput:
    for entry in data.b3w:
        if len(entry.explanation) > EXPLANATION_MAX:
            raise FieldError(
                "b3w",
                f"De toelichting bij {entry.world.label} / {entry.stage.label} is te lang "
                f"({len(entry.explanation)} tekens); hoogstens {EXPLANATION_MAX} past.",
            )
        if entry.explanation.strip() and entry.answer is None:
            raise FieldError(
                "b3w",
                f"Kies bij {entry.world.label} / {entry.stage.label} ja, deels of nee: er staat "
                "wel een toelichting.",
            )
    return EvaluationInput(
        evaluated_on=data.evaluated_on,
        summary=data.summary.strip(),
        successes=data.successes.strip(),
        bottlenecks=data.bottlenecks.strip(),
        follow_up=data.follow_up.strip(),
        decisions=tuple((m, d, why.strip()) for m, d, why in data.decisions),
        b3w=tuple(B3WEntry(e.world, e.stage, e.answer, e.explanation.strip()) for e in data.b3w),
    )


def _evaluation(session: Session, owner: str) -> Evaluation | None:
    return session.scalars(
        select(Evaluation)
        .where(Evaluation.municipality_id == owner)
        .order_by(Evaluation.evaluated_on.desc().nulls_last(), Evaluation.created_at.desc())
    ).first()


def _input_of(session: Session, evaluation: Evaluation | None) -> EvaluationInput:
    if evaluation is None:
        return EvaluationInput(evaluated_on=None)
    decisions = session.execute(
        select(
            MeasureEvaluation.measure_id,
            MeasureEvaluation.decision,
            MeasureEvaluation.explanation,
        )
        .where(MeasureEvaluation.evaluation_id == evaluation.id)
        .order_by(MeasureEvaluation.measure_id)
    ).all()
    checks = session.scalars(select(B3WCheck).where(B3WCheck.evaluation_id == evaluation.id))
    order = {cell: n for n, cell in enumerate(b3w_grid())}
    return EvaluationInput(
        evaluated_on=evaluation.evaluated_on,
        summary=evaluation.summary,
        successes=evaluation.successes,
        bottlenecks=evaluation.bottlenecks,
        follow_up=evaluation.follow_up,
        decisions=tuple((m, d, why) for m, d, why in decisions),
        b3w=tuple(
            sorted(
                (B3WEntry(c.world, c.stage, c.answer, c.explanation) for c in checks),
                key=lambda e: order[(e.world, e.stage)],
            )
        ),
    )


def _store_decisions(
    session: Session, owner: str, evaluation_id: str, data: EvaluationInput
) -> None:
    stored = {
        row.measure_id: row
        for row in session.scalars(
            select(MeasureEvaluation).where(MeasureEvaluation.evaluation_id == evaluation_id)
        )
    }
    for measure_id, decision, explanation in data.decisions:
        row = stored.pop(measure_id, None)
        if decision is None:
            if row is not None:
                session.delete(row)
            continue
        if row is None:
            session.add(
                MeasureEvaluation(
                    municipality_id=owner,
                    evaluation_id=evaluation_id,
                    measure_id=measure_id,
                    decision=decision,
                    explanation=explanation,
                )
            )
        elif (row.decision, row.explanation) != (decision, explanation):
            row.decision, row.explanation = decision, explanation


def _store_b3w(session: Session, owner: str, evaluation_id: str, data: EvaluationInput) -> None:
    wanted = {(e.world, e.stage): e for e in data.b3w if e.answer is not None}
    stored = {
        (row.world, row.stage): row
        for row in session.scalars(select(B3WCheck).where(B3WCheck.evaluation_id == evaluation_id))
    }
    gone = [row.id for cell, row in stored.items() if cell not in wanted]
    if gone:
        session.execute(delete(B3WCheck).where(B3WCheck.id.in_(gone)))
    for cell, entry in wanted.items():
        row = stored.get(cell)
        if row is None:
            session.add(
                B3WCheck(
                    municipality_id=owner,
                    evaluation_id=evaluation_id,
                    world=entry.world,
                    stage=entry.stage,
                    answer=entry.answer,
                    explanation=entry.explanation,
                )
            )
        elif (row.answer, row.explanation) != (entry.answer, entry.explanation):
            row.answer, row.explanation = entry.answer, entry.explanation  # type: ignore[assignment]
