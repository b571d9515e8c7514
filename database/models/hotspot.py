"""The wijkagent's problem analysis of a hotspot and the deep-analysis (DIK) request."""

from datetime import date

from sqlalchemy.orm import Mapped

from database.enums import AnalysisState, DeepAnalysisState
from database.models.base import Base, Exchanged
from database.tables.hotspot import deep_analysis_request_table, hotspot_analysis_table


class HotspotAnalysis(Exchanged, Base):
    """One version of a hotspot's problem analysis; the highest version is current."""

    __table__ = hotspot_analysis_table

    hot_item_id: Mapped[str]
    version: Mapped[int]
    state: Mapped[AnalysisState]
    sent_on: Mapped[date | None]
    received_on: Mapped[date | None]
    processed_on: Mapped[date | None]
    offender: Mapped[str]
    victim_target: Mapped[str]
    environment: Mapped[str]
    times: Mapped[str]
    modus_operandi: Mapped[str]
    street_knowledge: Mapped[str]
    conclusions: Mapped[str]
    author_name: Mapped[str]
    author_role: Mapped[str]
    written_on: Mapped[date | None]


class DeepAnalysisRequest(Exchanged, Base):
    """A request to the police information unit (DIK) for a deeper analysis of a hotspot."""

    __table__ = deep_analysis_request_table

    hot_item_id: Mapped[str]
    state: Mapped[DeepAnalysisState]
    requested_on: Mapped[date]
    requested_by: Mapped[str]
    question: Mapped[str]
    answered_on: Mapped[date | None]
    summary: Mapped[str]
