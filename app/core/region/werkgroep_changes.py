"""Per gemeente, what the werkgroep report adds to the agenda: what changed in the plan since
the last werkgroep, the RSIV's own notes and the werkgroep's suggestions.

"The last werkgroep" is the calendar's last meeting before the report day; the changes come
from the plan revisions (`changes_since`). Record names are listed for every kind except the
other hots: those can be offenders, so only their numbers are given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.core.course.revisions import TODAY, PlanComparison, baseline_revisions, compare_revisions
from app.core.feedback.suggestions import SuggestionRow, suggestion_rows
from app.core.meetings.meetings import werkgroep_dates
from app.core.meetings.werkgroep_calendar import previous_werkgroep
from app.core.region.notes import note_rows
from app.kernel.workspace import Workspace
from database.enums import NoteTarget

NAMES_SHOWN = 3
COUNTS_ONLY = ("hot",)  # revision_compare's kind of the other hots (hotshots among them)


@dataclass(frozen=True)
class WerkgroepExtras:
    since: date | None  # the last werkgroep before the report day
    changes: tuple[str, ...] | None  # one Dutch line per kind; None: nothing to compare with
    notes: tuple[str, ...]
    suggestions: tuple[SuggestionRow, ...]

    def change_lines(self) -> list[str]:
        if self.since is None:
            return ["Er was nog geen eerdere werkgroep."]
        if self.changes is None:
            return ["Niet te bepalen: de gemeente legde vóór die werkgroep geen planversie vast."]
        return list(self.changes) or ["Niets gewijzigd sinds de vorige werkgroep."]


def werkgroep_extras(workspace: Workspace, cbs_code: str, today: date) -> WerkgroepExtras:
    return werkgroep_extras_of(workspace, [cbs_code], today)[cbs_code]


def werkgroep_extras_of(
    workspace: Workspace, cbs_codes: Sequence[str], today: date
) -> dict[str, WerkgroepExtras]:
    """The extras of several gemeenten, by CBS code: the calendar, the revisions to compare
    with, the notes and the suggestions each read once for all of them. Only a gemeente that
    froze a revision before the last werkgroep has its plan read to compare."""
    since = previous_werkgroep(today, werkgroep_dates(workspace))
    baselines = baseline_revisions(workspace, cbs_codes, since) if since else {}
    notes: dict[str | None, list[str]] = {}
    for note in note_rows(workspace):
        notes.setdefault(note.municipality_code, []).append(
            f"{note.subject}: {note.text}"
            + (" (maatregel niet meer in het plan)" if note.orphaned else "")
            if note.target is NoteTarget.MEASURE
            else note.text
        )
    suggestions: dict[str, list[SuggestionRow]] = {}
    for suggestion in suggestion_rows(workspace):
        suggestions.setdefault(suggestion.municipality_code, []).append(suggestion)
    extras = {}
    for code in cbs_codes:
        baseline = baselines.get(code)
        comparison = (
            None if baseline is None else compare_revisions(workspace, baseline, TODAY, code)
        )
        extras[code] = WerkgroepExtras(
            since=since,
            changes=None if comparison is None else _lines(comparison),
            notes=tuple(notes.get(code, ())),
            suggestions=tuple(suggestions.get(code, ())),
        )
    return extras


def _lines(comparison: PlanComparison) -> tuple[str, ...]:
    lines = []
    for kind in comparison.kinds:
        if not kind.count:
            continue
        line = (
            f"{kind.label}: {len(kind.added)} nieuw, {len(kind.changed)} gewijzigd, "
            f"{len(kind.removed)} verwijderd"
        )
        if kind.kind not in COUNTS_ONLY:
            named = [
                f"{what} {', '.join(delta.label for delta in deltas[:NAMES_SHOWN])}"
                + (f" en nog {len(deltas) - NAMES_SHOWN}" if len(deltas) > NAMES_SHOWN else "")
                for what, deltas in (
                    ("nieuw:", kind.added),
                    ("gewijzigd:", kind.changed),
                    ("verwijderd:", kind.removed),
                )
                if deltas
            ]
            line += " (" + "; ".join(named) + ")"
        lines.append(line)
    return tuple(lines)
