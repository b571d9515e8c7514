"""Answers the projectleider is waiting for too long: the wijkagent's form and the DIK.

A wijkagent's short analysis is due within two weeks of sending the form (about one
operational meeting later); a deeper DIK analysis within four weeks. After that the Overzicht
lists it so the projectleider can chase it before the next werkgroep.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.hotspots import current_version
from database.enums import AnalysisState, DeepAnalysisState, HotKind
from database.models import DeepAnalysisRequest, HotItem

ANALYSIS_ANSWER_DAYS = 14
DIK_ANSWER_DAYS = 28


@dataclass(frozen=True)
class LateAnswer:
    hotspot_id: str
    label: str
    asked_on: date
    days_waiting: int


def late_analyses(session: Session, plan_id: str | None, today: date) -> tuple[LateAnswer, ...]:
    """Hotspots whose current analysis was sent more than ANALYSIS_ANSWER_DAYS ago."""
    items = session.scalars(
        select(HotItem)
        .where(HotItem.plan_id == plan_id, HotItem.kind == HotKind.HOTSPOT)
        .order_by(HotItem.position, HotItem.label)
    )
    late = []
    for item in items:
        analysis = current_version(session, item.id)
        if analysis is None or analysis.state is not AnalysisState.SENT or not analysis.sent_on:
            continue
        if analysis.sent_on < today - timedelta(days=ANALYSIS_ANSWER_DAYS):
            late.append(
                LateAnswer(item.id, item.label, analysis.sent_on, (today - analysis.sent_on).days)
            )
    return tuple(late)


def late_deep_analyses(
    session: Session, plan_id: str | None, today: date
) -> tuple[LateAnswer, ...]:
    """DIK requests still unanswered more than DIK_ANSWER_DAYS after they were made."""
    rows = session.execute(
        select(HotItem.id, HotItem.label, DeepAnalysisRequest.requested_on)
        .join(DeepAnalysisRequest, DeepAnalysisRequest.hot_item_id == HotItem.id)
        .where(
            HotItem.plan_id == plan_id,
            DeepAnalysisRequest.state == DeepAnalysisState.REQUESTED,
            DeepAnalysisRequest.requested_on < today - timedelta(days=DIK_ANSWER_DAYS),
        )
        .order_by(DeepAnalysisRequest.requested_on)
    )
    return tuple(LateAnswer(id_, label, asked, (today - asked).days) for id_, label, asked in rows)
