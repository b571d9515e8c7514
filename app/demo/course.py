"""The demo's course: plan revisions at two earlier moments and the B3W checklist.

A revision of the finished demo plan would show no differences, so the earlier states are
derived from it: measures and actions that started later are left out, measures that have
ended since were still running, and the goals' targets were set before the gebiedsscan of
mid 2018 sharpened them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from app.exchange.revision_document import (
    PlanDocument,
    StoredRow,
    encode,
    read_plan_document,
    split_parts,
)
from database.dialect import raw_connection
from database.enums import B3WAnswer, B3WStage, B3WWorld, MeasureStatus
from database.models import B3WCheck, PlanRevision, PlanRevisionPart

DEMO_REVISIONS = (
    ("voor werkgroep maart 2018", date(2018, 3, 8)),
    ("na gebiedsscan 2018", date(2018, 7, 5)),
)
CREATED_BY = "projectleider (demo)"
GEBIEDSSCAN_2018 = date(2018, 7, 1)
B3W_ANSWERS = {
    B3WWorld.PROBLEM_ORIENTED: {
        B3WStage.ANALYSIS: (B3WAnswer.YES, "Hotspots en hottimes zijn per buurt geanalyseerd."),
        B3WStage.MEASURES: (B3WAnswer.YES, "Maatregelen zijn gekozen per hotspot en doelgroep."),
        B3WStage.EXECUTION: (
            B3WAnswer.PARTLY,
            "Het operationele overleg stuurde bij, maar niet elke maand op de cijfers.",
        ),
    },
    B3WWorld.INTELLIGENCE_LED: {
        B3WStage.ANALYSIS: (
            B3WAnswer.YES,
            "Gebiedsscan, hotspotmonitor en een verdiepende analyse van de DIK.",
        ),
        B3WStage.MEASURES: (B3WAnswer.PARTLY, "Alleen de surveillance volgde de hottimes."),
        B3WStage.EXECUTION: (
            B3WAnswer.PARTLY,
            "Briefings kregen niet altijd de actuele hotspots mee.",
        ),
    },
    B3WWorld.CITIZEN_PARTICIPATION: {
        B3WStage.ANALYSIS: (B3WAnswer.NO, "Bewoners zijn niet bij de analyse betrokken."),
        B3WStage.MEASURES: (
            B3WAnswer.YES,
            "Buurtpreventie en WhatsApp-buurtgroepen zitten in het plan.",
        ),
        B3WStage.EXECUTION: (B3WAnswer.PARTLY, "Buurtpreventieteams liepen mee in twee hotspots."),
    },
}


def write_demo_b3w(
    session: Session,
    municipality_id: str,
    evaluation_id: str,
    new_id: Callable[[], str],
    moment: datetime,
) -> None:
    """The B3W checklist, answered with illustrative texts (the same for every gemeente)."""
    for world, stages in B3W_ANSWERS.items():
        for stage, (answer, explanation) in stages.items():
            session.add(
                B3WCheck(
                    id=new_id(),
                    municipality_id=municipality_id,
                    evaluation_id=evaluation_id,
                    world=world,
                    stage=stage,
                    answer=answer,
                    explanation=explanation,
                    created_at=moment,
                    updated_at=moment,
                )
            )


def write_demo_revisions(
    session: Session,
    municipality_id: str,
    new_id: Callable[[], str],
    revisions: Sequence[tuple[str, date]] = DEMO_REVISIONS,
    gebiedsscan: date = GEBIEDSSCAN_2018,
) -> None:
    """Freeze the earlier states of the finished plan, on the days the demo's story names."""
    session.flush()
    connection = raw_connection(session)
    today = read_plan_document(connection, municipality_id)
    for name, day in revisions:
        frozen = datetime(day.year, day.month, day.day, 15, 0, tzinfo=UTC)
        revision = PlanRevision(
            id=new_id(),
            municipality_id=municipality_id,
            name=name,
            frozen_at=frozen,
            created_by=CREATED_BY,
            created_at=frozen,
            updated_at=frozen,
        )
        session.add(revision)
        for position, content in enumerate(split_parts(encode(_as_of(today, day, gebiedsscan)))):
            session.add(
                PlanRevisionPart(
                    id=new_id(),
                    municipality_id=municipality_id,
                    revision_id=revision.id,
                    position=position,
                    content=content,
                    created_at=frozen,
                    updated_at=frozen,
                )
            )
    session.flush()


def _as_of(document: PlanDocument, day: date, gebiedsscan: date) -> PlanDocument:
    started = _started_by(day)
    measures = [_measure_then(m, day) for m in document.rows("measure") if started(m)]
    kept = {m["id"] for m in measures}
    actions = [
        a
        for a in document.rows("action")
        if started(a, "start_date") and a.get("measure_id") in (None, *kept)
    ]
    return PlanDocument(
        {
            **document.tables,
            "goal": [
                _goal_then(g) if day < gebiedsscan else dict(g) for g in document.rows("goal")
            ],
            "measure": measures,
            "measure_hot_item": [
                link for link in document.rows("measure_hot_item") if link["measure_id"] in kept
            ],
            "action": [_action_then(a, day) for a in actions],
        }
    )


def _started_by(day: date) -> Callable[..., bool]:
    def started(row: StoredRow, field: str = "period_start") -> bool:
        value = row.get(field)
        return value is None or date.fromisoformat(str(value)) <= day

    return started


def _measure_then(row: StoredRow, day: date) -> StoredRow:
    end = row.get("period_end")
    if end is not None and date.fromisoformat(str(end)) > day:
        return {**row, "status": MeasureStatus.RUNNING.value}
    return dict(row)


def _action_then(row: StoredRow, day: date) -> StoredRow:
    done = row.get("completed_on")
    if done is not None and date.fromisoformat(str(done)) > day:
        return {**row, "status": "in_progress", "completed_on": None}
    return dict(row)


def _goal_then(row: StoredRow) -> StoredRow:
    """Before the gebiedsscan the targets were a little less ambitious (illustrative)."""
    target = float(row["target_value"])  # type: ignore[arg-type]
    baseline = float(row["baseline_value"])  # type: ignore[arg-type]
    return {**row, "target_value": round(target + (baseline - target) * 0.2, 1)}
