"""The werkgroep's suggestions per gemeente, kept in the RSIV workspace.

They are the RSIV's own words: never part of a plan package, never touched by a merge, and
sent to a gemeente only in its return package (see feedback_export).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.core.meetings.werkgroep_calendar import WERKGROEP_DATES
from app.exchange.feedback_schema import SUGGESTION_LENGTH
from app.exchange.text import clean_text
from app.kernel.errors import FieldError, UserError
from app.kernel.reference import find_municipality
from app.kernel.workspace import Workspace
from database.enums import WorkspaceRole
from database.models import Municipality, WerkgroepSuggestion


@dataclass(frozen=True)
class SuggestionRow:
    id: str
    municipality_code: str
    werkgroep_on: date
    text: str
    created_at: datetime
    updated_at: datetime


def require_rsiv(workspace: Workspace) -> None:
    if workspace.summary.role is not WorkspaceRole.REGION:
        raise UserError(
            "Suggesties van de werkgroep en de terugkoppeling aan de gemeenten horen in de "
            "RSIV-werkruimte. Open die werkruimte."
        )


def add_suggestion(
    workspace: Workspace,
    cbs_code: str,
    werkgroep_on: date,
    text: str,
    suggestion_id: str | None = None,
) -> str:
    """Store a suggestion; `suggestion_id` gives a redo the id of the first time."""
    require_rsiv(workspace)
    reference = find_municipality(cbs_code)
    if reference is None or not reference.is_participant:
        raise FieldError("municipality", f"Gemeentecode '{cbs_code}' doet niet mee aan de aanpak.")
    suggestion = WerkgroepSuggestion(
        municipality_id=reference.id, werkgroep_on=werkgroep_on, text=_checked(text)
    )
    if suggestion_id is not None:
        suggestion.id = suggestion_id
    with workspace.transaction() as session:
        session.add(suggestion)
        session.flush()
        return suggestion.id


def delete_suggestion(workspace: Workspace, suggestion_id: str) -> SuggestionRow | None:
    """Delete a suggestion; returns it as it was, for `restore_suggestion` (undo)."""
    removed = next((row for row in suggestion_rows(workspace) if row.id == suggestion_id), None)
    with workspace.transaction() as session:
        suggestion = session.get(WerkgroepSuggestion, suggestion_id)
        if suggestion is not None:
            session.delete(suggestion)
    return removed


def restore_suggestion(workspace: Workspace, row: SuggestionRow) -> None:
    """Put a deleted suggestion back with its id and moments, so its order stays."""
    reference = find_municipality(row.municipality_code)
    if reference is None:
        raise FieldError(
            "municipality", f"Gemeentecode '{row.municipality_code}' doet niet mee aan de aanpak."
        )
    with workspace.transaction() as session:
        session.add(
            WerkgroepSuggestion(
                id=row.id,
                municipality_id=reference.id,
                werkgroep_on=row.werkgroep_on,
                text=row.text,
                created_at=row.created_at,
                updated_at=row.updated_at,
            )
        )


def suggestion_rows(workspace: Workspace, cbs_code: str | None = None) -> list[SuggestionRow]:
    """Suggestions by werkgroep date, then as entered; with `cbs_code` for that gemeente."""
    statement = select(WerkgroepSuggestion, Municipality.cbs_code).join(
        Municipality, Municipality.id == WerkgroepSuggestion.municipality_id
    )
    if cbs_code is not None:
        statement = statement.where(Municipality.cbs_code == cbs_code.strip().upper())
    statement = statement.order_by(
        WerkgroepSuggestion.werkgroep_on, WerkgroepSuggestion.created_at, WerkgroepSuggestion.id
    )
    with workspace.reading() as session:
        return [
            SuggestionRow(s.id, code, s.werkgroep_on, s.text, s.created_at, s.updated_at)
            for s, code in session.execute(statement)
        ]


def werkgroep_of(
    suggestion_days: list[date], exported_on: date, dates: Sequence[date] = WERKGROEP_DATES
) -> date | None:
    """The werkgroep feedback follows: its newest suggestion's, else the last one held of
    `dates` (the RSIV's own werkgroepen where it plans them)."""
    if suggestion_days:
        return max(suggestion_days)
    held = [day for day in dates if day <= exported_on]
    return held[-1] if held else None


def _checked(text: str) -> str:
    text = clean_text(text).strip()
    if not text:
        raise FieldError("text", "Een suggestie zonder tekst wordt niet opgeslagen; typ de tekst.")
    if len(text) > SUGGESTION_LENGTH:
        raise FieldError(
            "text",
            f"De suggestie is {len(text)} tekens lang; hoogstens {SUGGESTION_LENGTH} passen. "
            "Maak de tekst korter.",
        )
    return text
