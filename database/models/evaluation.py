"""The evaluation after twelve months and the decision per measure."""

from datetime import date

from sqlalchemy.orm import Mapped

from database.enums import B3WAnswer, B3WStage, B3WWorld, MeasureDecision
from database.models.base import Base, Exchanged
from database.tables.evaluation import b3w_check_table, evaluation_table, measure_evaluation_table


class Evaluation(Exchanged, Base):
    """A gemeente's evaluation of its plan."""

    __table__ = evaluation_table

    plan_id: Mapped[str]
    evaluated_on: Mapped[date | None]
    summary: Mapped[str]
    successes: Mapped[str]
    bottlenecks: Mapped[str]
    follow_up: Mapped[str]


class MeasureEvaluation(Exchanged, Base):
    """Whether a measure stops, continues or is embedded in regular work."""

    __table__ = measure_evaluation_table

    evaluation_id: Mapped[str]
    measure_id: Mapped[str]
    decision: Mapped[MeasureDecision]
    explanation: Mapped[str]


class B3WCheck(Exchanged, Base):
    """One cell of the B3W checklist: was a world present in a stage of the plan?

    Our own checklist (no public B3W questionnaire exists): three worlds times three stages,
    each answered yes / partly / no with a short explanation.
    """

    __table__ = b3w_check_table

    evaluation_id: Mapped[str]
    world: Mapped[B3WWorld]
    stage: Mapped[B3WStage]
    answer: Mapped[B3WAnswer]
    explanation: Mapped[str]
