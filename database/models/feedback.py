"""Feedback from the RSIV to a gemeente: suggestions kept by the RSIV, feedback received."""

from datetime import date, datetime

from sqlalchemy.orm import Mapped

from database.models.base import Base, Identified
from database.tables.feedback import rsiv_feedback_table, werkgroep_suggestion_table


class WerkgroepSuggestion(Identified, Base):
    """RSIV side: a suggestion of the werkgroep for one gemeente, made at one meeting.

    Never exchanged in a plan package and never touched by a merge; it travels only in the
    return package (terugkoppeling) to that gemeente.
    """

    __table__ = werkgroep_suggestion_table

    municipality_id: Mapped[str]
    werkgroep_on: Mapped[date]
    text: Mapped[str]


class RsivFeedback(Base):
    """Gemeente side: one return package read in; the newest is shown, older ones stay.

    Suggestions and figures are JSON documents: the gemeente only shows them, and keeping
    them as the RSIV sent them keeps the history exact.
    """

    __table__ = rsiv_feedback_table

    export_id: Mapped[str]
    municipality_code: Mapped[str]
    rsiv_workspace_id: Mapped[str]
    exported_at: Mapped[datetime]
    received_at: Mapped[datetime]
    werkgroep_on: Mapped[date | None]
    suggestions: Mapped[str]
    figures: Mapped[str]
    practices: Mapped[str]
    file_name: Mapped[str]
