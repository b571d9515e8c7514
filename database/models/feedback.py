"""Feedback from the RSIV to a gemeente: suggestions kept by the RSIV, feedback received."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from database.models.base import UUID_LENGTH, Base, Identified
from database.types import UTCDateTime


class WerkgroepSuggestion(Identified, Base):
    """RSIV side: a suggestion of the werkgroep for one gemeente, made at one meeting.

    Never exchanged in a plan package and never touched by a merge; it travels only in the
    return package (terugkoppeling) to that gemeente.
    """

    __tablename__ = "werkgroep_suggestion"

    municipality_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("municipality.id"), index=True
    )
    werkgroep_on: Mapped[date] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)


class RsivFeedback(Base):
    """Gemeente side: one return package read in; the newest is shown, older ones stay.

    Suggestions and figures are JSON documents: the gemeente only shows them, and keeping
    them as the RSIV sent them keeps the history exact.
    """

    __tablename__ = "rsiv_feedback"

    export_id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    municipality_code: Mapped[str] = mapped_column(String(16))
    rsiv_workspace_id: Mapped[str] = mapped_column(String(UUID_LENGTH))
    exported_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    werkgroep_on: Mapped[date | None] = mapped_column(Date)
    suggestions: Mapped[str] = mapped_column(Text)  # JSON list of {werkgroep_on, text}
    figures: Mapped[str] = mapped_column(Text)  # JSON list of {code, label, value, unit}
    file_name: Mapped[str] = mapped_column(String(260), default="")
