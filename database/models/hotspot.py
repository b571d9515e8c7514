"""The wijkagent's problem analysis of a hotspot and the deep-analysis (DIK) request."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from database.enums import AnalysisState, DeepAnalysisState
from database.models.base import UUID_LENGTH, Base, Exchanged, enum_column


class HotspotAnalysis(Exchanged, Base):
    """One version of a hotspot's problem analysis; the highest version is current."""

    __tablename__ = "hotspot_analysis"
    __table_args__ = (UniqueConstraint("hot_item_id", "version"),)

    hot_item_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("hot_item.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[AnalysisState] = mapped_column(enum_column(AnalysisState))
    sent_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    processed_on: Mapped[date | None] = mapped_column(Date)
    offender: Mapped[str] = mapped_column(Text, default="")
    victim_target: Mapped[str] = mapped_column(Text, default="")
    environment: Mapped[str] = mapped_column(Text, default="")
    times: Mapped[str] = mapped_column(Text, default="")
    modus_operandi: Mapped[str] = mapped_column(Text, default="")
    street_knowledge: Mapped[str] = mapped_column(Text, default="")
    conclusions: Mapped[str] = mapped_column(Text, default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_role: Mapped[str] = mapped_column(String(200), default="")
    written_on: Mapped[date | None] = mapped_column(Date)


class DeepAnalysisRequest(Exchanged, Base):
    """A request to the police information unit (DIK) for a deeper analysis of a hotspot."""

    __tablename__ = "deep_analysis_request"

    hot_item_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("hot_item.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[DeepAnalysisState] = mapped_column(enum_column(DeepAnalysisState))
    requested_on: Mapped[date] = mapped_column(Date)
    requested_by: Mapped[str] = mapped_column(String(200), default="")
    question: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
