"""The RSIV feedback a gemeente has read in, as its Overzicht shows it.

Kept apart from the import so the Overzicht reads it without loading the Excel reader.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.kernel.workspace import Workspace
from database.enums import InterventionKind, TargetGroup
from database.tables import rsiv_feedback_table


@dataclass(frozen=True)
class FeedbackSuggestion:
    werkgroep_on: date
    text: str


@dataclass(frozen=True)
class FeedbackFigure:
    code: str
    label: str
    value: float | None
    unit: str


@dataclass(frozen=True)
class FeedbackPractice:
    """A good practice from the RSIV's list: read only at the gemeente."""

    title: str
    target_group: TargetGroup
    intervention: InterventionKind
    gemeenten: str
    why: str
    description: str


@dataclass(frozen=True)
class ReceivedFeedback:
    export_id: str
    exported_at: datetime
    received_at: datetime
    werkgroep_on: date | None
    suggestions: tuple[FeedbackSuggestion, ...]
    figures: tuple[FeedbackFigure, ...]
    earlier: int  # feedback read in before this one, kept as history
    practices: tuple[FeedbackPractice, ...] = ()

    def figure(self, code: str) -> FeedbackFigure | None:
        return next((figure for figure in self.figures if figure.code == code), None)


def current_feedback(workspace: Workspace) -> ReceivedFeedback | None:
    """The newest feedback (by the RSIV's export moment); None before any was read in."""
    with workspace.connection() as connection:
        feedback = rsiv_feedback_table.c
        newest = connection.execute(
            select(rsiv_feedback_table).order_by(feedback.exported_at.desc(), feedback.export_id)
        ).first()
        if newest is None:
            return None
        total = connection.scalar(select(func.count()).select_from(rsiv_feedback_table)) or 0
        return ReceivedFeedback(
            export_id=newest.export_id,
            exported_at=newest.exported_at,
            received_at=newest.received_at,
            werkgroep_on=newest.werkgroep_on,
            suggestions=tuple(
                FeedbackSuggestion(date.fromisoformat(item["werkgroep_on"]), item["text"])
                for item in json.loads(newest.suggestions)
            ),
            figures=tuple(FeedbackFigure(**item) for item in json.loads(newest.figures)),
            earlier=total - 1,
            practices=tuple(
                FeedbackPractice(
                    item["title"],
                    TargetGroup(item["target_group"]),
                    InterventionKind(item["intervention"]),
                    item["gemeenten"],
                    item["why"],
                    item["description"],
                )
                for item in json.loads(newest.practices)
            ),
        )
