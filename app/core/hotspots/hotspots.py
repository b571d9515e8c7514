"""Hotspots: the wijkagent's problem analysis per hotspot and the DIK deep-analysis request.

A hotspot keeps every version of its analysis; the highest version is the current one and is
what the screen edits. A new version starts when the projectleider asks for a fresh analysis
(for example after a new gebiedsscan), so the earlier text stays on record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core import records
from app.core.plan.plans import own_municipality_id
from app.core.records import assign, columns_of, existing
from app.core.validation import field_text, limited_text
from app.exchange.form_layout import QUESTIONS, WrittenAnalysis
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.enums import AnalysisState, DeepAnalysisState
from database.models import Base, DeepAnalysisRequest, HotItem, HotspotAnalysis

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# The analysis's free texts: the answers to the wijkagent form's questions.
ANALYSIS_TEXTS = tuple(question.field for question in QUESTIONS)


@dataclass(frozen=True)
class AnalysisDraft(WrittenAnalysis):
    """The current problem analysis of one hotspot, as the user edits it: what the wijkagent
    wrote and how far it has come."""

    state: AnalysisState = AnalysisState.NOT_REQUESTED
    sent_on: date | None = None
    received_on: date | None = None
    processed_on: date | None = None


@dataclass(frozen=True)
class DeepAnalysisDraft:
    """A request to the police information unit (DIK)."""

    state: DeepAnalysisState = DeepAnalysisState.REQUESTED
    requested_on: date | None = None
    requested_by: str = ""
    question: str = ""
    answered_on: date | None = None
    summary: str = ""


def checked_analysis(draft: AnalysisDraft) -> AnalysisDraft:
    texts: dict[str, Any] = {
        name: limited_text(name, getattr(draft, name)) for name in ANALYSIS_TEXTS
    }
    checked = replace(
        draft,
        author_name=field_text("hotspot_analysis", "author_name", draft.author_name),
        author_role=field_text("hotspot_analysis", "author_role", draft.author_role),
        **texts,
    )
    _in_order(checked.sent_on, checked.received_on, "received_on", "ontvangen", "verstuurd")
    _in_order(checked.received_on, checked.processed_on, "processed_on", "verwerkt", "ontvangen")
    return checked


def checked_deep_analysis(draft: DeepAnalysisDraft) -> DeepAnalysisDraft:
    if draft.requested_on is None:
        raise FieldError("requested_on", "Vul de datum van de aanvraag in.")
    _in_order(draft.requested_on, draft.answered_on, "answered_on", "beantwoord", "aangevraagd")
    if draft.state is DeepAnalysisState.ANSWERED and draft.answered_on is None:
        raise FieldError(
            "answered_on", "Een beantwoorde aanvraag heeft een datum van het antwoord."
        )
    return replace(
        draft,
        requested_by=field_text("deep_analysis_request", "requested_by", draft.requested_by),
        question=limited_text("question", draft.question),
        summary=limited_text("summary", draft.summary),
    )


def current_analysis(workspace: Workspace, hotspot_id: str) -> AnalysisDraft | None:
    with workspace.reading() as session:
        analysis = current_version(session, hotspot_id)
        return None if analysis is None else draft_of(analysis)


def set_analysis(workspace: Workspace, hotspot_id: str, draft: AnalysisDraft | None) -> None:
    """Make `draft` the hotspot's current analysis; None removes the current version."""
    checked = None if draft is None else checked_analysis(draft)
    with workspace.transaction() as session:
        existing(session, HotItem, hotspot_id)
        _store_current(
            session,
            current_version(session, hotspot_id),
            checked,
            lambda: HotspotAnalysis(
                hot_item_id=hotspot_id, municipality_id=own_municipality_id(workspace), version=1
            ),
        )


def start_new_version(workspace: Workspace, hotspot_id: str) -> int:
    """Begin a fresh, empty analysis; earlier versions stay on record. Returns its number."""
    with workspace.transaction() as session:
        existing(session, HotItem, hotspot_id)
        last = session.scalar(
            select(func.max(HotspotAnalysis.version)).where(
                HotspotAnalysis.hot_item_id == hotspot_id
            )
        )
        version = (last or 0) + 1
        session.add(
            HotspotAnalysis(
                hot_item_id=hotspot_id,
                municipality_id=own_municipality_id(workspace),
                version=version,
                state=AnalysisState.NOT_REQUESTED,
            )
        )
        return version


def drop_version(workspace: Workspace, hotspot_id: str, version: int) -> None:
    """Undo `start_new_version`."""
    with workspace.transaction() as session:
        session.execute(
            delete(HotspotAnalysis).where(
                HotspotAnalysis.hot_item_id == hotspot_id, HotspotAnalysis.version == version
            )
        )


def current_deep_analysis(workspace: Workspace, hotspot_id: str) -> DeepAnalysisDraft | None:
    with workspace.reading() as session:
        request = _current_request(session, hotspot_id)
        if request is None:
            return None
        return records.draft_of(DeepAnalysisDraft, request)


def set_deep_analysis(
    workspace: Workspace, hotspot_id: str, draft: DeepAnalysisDraft | None
) -> None:
    """Make `draft` the hotspot's current DIK request; None removes it."""
    checked = None if draft is None else checked_deep_analysis(draft)
    with workspace.transaction() as session:
        existing(session, HotItem, hotspot_id)
        _store_current(
            session,
            _current_request(session, hotspot_id),
            checked,
            lambda: DeepAnalysisRequest(
                hot_item_id=hotspot_id, municipality_id=own_municipality_id(workspace)
            ),
        )


def _store_current(
    session: Session,
    current: Base | None,
    checked: DataclassInstance | None,
    make: Callable[[], Base],
) -> None:
    """Fill the hotspot's current record with `checked` (made when there is none yet), or
    delete it when `checked` is None."""
    if checked is None:
        if current is not None:
            session.delete(current)
        return
    if current is None:
        current = make()
        session.add(current)
    assign(current, columns_of(checked))


def _in_order(
    earlier: date | None, later: date | None, field: str, later_word: str, earlier_word: str
) -> None:
    if earlier and later and later < earlier:
        raise FieldError(
            field,
            f"De datum '{later_word}' ligt vóór de datum '{earlier_word}'. Controleer beide data.",
        )


def draft_of(analysis: HotspotAnalysis) -> AnalysisDraft:
    return records.draft_of(AnalysisDraft, analysis)


def apply_draft(analysis: HotspotAnalysis, draft: AnalysisDraft) -> None:
    assign(analysis, columns_of(draft))


def current_version(session: Session, hotspot_id: str) -> HotspotAnalysis | None:
    """The hotspot's highest analysis version: the one that is current."""
    return session.scalars(
        select(HotspotAnalysis)
        .where(HotspotAnalysis.hot_item_id == hotspot_id)
        .order_by(HotspotAnalysis.version.desc())
    ).first()


def _current_request(session: Session, hotspot_id: str) -> DeepAnalysisRequest | None:
    return session.scalars(
        select(DeepAnalysisRequest)
        .where(DeepAnalysisRequest.hot_item_id == hotspot_id)
        .order_by(DeepAnalysisRequest.requested_on.desc(), DeepAnalysisRequest.created_at.desc())
    ).first()
