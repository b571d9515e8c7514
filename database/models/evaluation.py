"""The evaluation after twelve months and the decision per measure."""

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import B3WAnswer, B3WStage, B3WWorld, MeasureDecision
from database.models.base import UUID_LENGTH, Base, Exchanged, enum_column


class Evaluation(Exchanged, Base):
    """A gemeente's evaluation of its plan."""

    __tablename__ = "evaluation"

    plan_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    evaluated_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    successes: Mapped[str] = mapped_column(Text, default="")
    bottlenecks: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")


class MeasureEvaluation(Exchanged, Base):
    """Whether a measure stops, continues or is embedded in regular work."""

    __tablename__ = "measure_evaluation"
    __table_args__ = (UniqueConstraint("evaluation_id", "measure_id"),)

    evaluation_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    measure_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("measure.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[MeasureDecision] = mapped_column(enum_column(MeasureDecision))
    explanation: Mapped[str] = mapped_column(Text, default="")


class B3WCheck(Exchanged, Base):
    """One cell of the B3W checklist: was a world present in a stage of the plan?

    Our own checklist (no public B3W questionnaire exists): three worlds times three stages,
    each answered yes / partly / no with a short explanation.
    """

    __tablename__ = "b3w_check"
    __table_args__ = (UniqueConstraint("evaluation_id", "world", "stage"),)

    evaluation_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    world: Mapped[B3WWorld] = mapped_column(enum_column(B3WWorld))
    stage: Mapped[B3WStage] = mapped_column(enum_column(B3WStage))
    answer: Mapped[B3WAnswer] = mapped_column(enum_column(B3WAnswer))
    explanation: Mapped[str] = mapped_column(Text, default="")
