"""Answers the projectleider is waiting for too long: the wijkagent's form and the DIK.

A wijkagent's short analysis is due within two weeks of sending the form (about one
operational meeting later); a deeper DIK analysis within four weeks. After that the Overzicht
lists it so the projectleider can chase it before the next werkgroep.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, and_, func, select

from database.enums import AnalysisState, DeepAnalysisState, HotKind
from database.tables import deep_analysis_request_table, hot_item_table, hotspot_analysis_table

ANALYSIS_ANSWER_DAYS = 14
DIK_ANSWER_DAYS = 28


@dataclass(frozen=True)
class LateAnswer:
    hotspot_id: str
    label: str
    asked_on: date
    days_waiting: int


def late_analyses(
    connection: Connection, plan_id: str | None, today: date
) -> tuple[LateAnswer, ...]:
    """Hotspots whose current analysis was sent more than ANALYSIS_ANSWER_DAYS ago."""
    item = hot_item_table.c
    analysis = hotspot_analysis_table.c
    current = (
        select(func.max(analysis.version))
        .where(analysis.hot_item_id == item.id)
        .correlate(hot_item_table)
        .scalar_subquery()
    )
    rows = connection.execute(
        select(item.id, item.label, analysis.sent_on)
        .join(
            hotspot_analysis_table,
            and_(analysis.hot_item_id == item.id, analysis.version == current),
        )
        .where(
            item.plan_id == plan_id,
            item.kind == HotKind.HOTSPOT,
            analysis.state == AnalysisState.SENT,
            analysis.sent_on < today - timedelta(days=ANALYSIS_ANSWER_DAYS),
        )
        .order_by(item.position, item.label)
    )
    return tuple(LateAnswer(id_, label, sent, (today - sent).days) for id_, label, sent in rows)


def late_deep_analyses(
    connection: Connection, plan_id: str | None, today: date
) -> tuple[LateAnswer, ...]:
    """DIK requests still unanswered more than DIK_ANSWER_DAYS after they were made."""
    item = hot_item_table.c
    request = deep_analysis_request_table.c
    rows = connection.execute(
        select(item.id, item.label, request.requested_on)
        .join(deep_analysis_request_table, request.hot_item_id == item.id)
        .where(
            item.plan_id == plan_id,
            request.state == DeepAnalysisState.REQUESTED,
            request.requested_on < today - timedelta(days=DIK_ANSWER_DAYS),
        )
        .order_by(request.requested_on)
    )
    return tuple(LateAnswer(id_, label, asked, (today - asked).days) for id_, label, asked in rows)
