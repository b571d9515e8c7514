"""Per gemeente, the werkgroep's agenda items as the reports print them.

Summarised scan and analysis, the plan (goals, measures in the matrix), results, (extra) costs,
successes and bottlenecks, communication. Privacy: hotshots (people) appear as counts only,
never with a label; the wijkagent's analyses, partner contacts, action owners and other
free text that may hold names are left out. The texts that are printed passed the gemeente's
privacy check when its package was made, and are shortened to what a page can hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select

from app.core.progress.notes import ProgressRow, notes_by_gemeente
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.enums import (
    AnalysisState,
    HotKind,
    InterventionKind,
    MeasureStatus,
    TargetGroup,
)
from database.models import (
    Decision,
    DeepAnalysisRequest,
    Evaluation,
    HotItem,
    HotspotAnalysis,
    Measure,
    Meeting,
    Plan,
)

TEXT_LIMIT = 260
HOTSPOTS_LISTED = 6
DECISIONS_LISTED = 3
PEOPLE_KINDS = (HotKind.HOTSHOT, HotKind.HOTGROUP)


class _Hot(NamedTuple):
    """The columns of a hot item the agenda prints (or counts)."""

    id: str
    kind: HotKind
    label: str
    person_count: int | None


@dataclass(frozen=True)
class HotLine:
    kind: HotKind
    count: int
    labels: tuple[str, ...]  # empty for hotshots and hotgroups: people are counted only
    persons: int  # sum of the stated number of persons (hotshots, hotgroups)


@dataclass(frozen=True)
class MeasureLine:
    title: str
    target_group: TargetGroup
    intervention: InterventionKind
    status: MeasureStatus
    extra_cost_eur: int


@dataclass(frozen=True)
class MunicipalityAgenda:
    cbs_code: str
    plan_title: str
    period: tuple[date | None, date | None]
    problem_summary: str
    hots: tuple[HotLine, ...]
    analyses_processed: int
    analyses_waiting: int
    deep_analyses: int
    measures: tuple[MeasureLine, ...]
    successes: str
    bottlenecks: str
    decisions: tuple[tuple[date, str], ...]  # the latest meetings' decisions, newest first
    communication: str
    # From the gemeente's latest voortgangsnotitie (successes, bottlenecks and communication
    # above come from it too, when it has them); empty without one.
    progress_source: str = ""
    costs: str = ""

    @property
    def extra_cost_eur(self) -> int:
        return sum(line.extra_cost_eur for line in self.measures)


def shortened(text: str, limit: int = TEXT_LIMIT) -> str:
    """One paragraph of at most `limit` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def municipality_agenda(workspace: Workspace, cbs_code: str, today: date) -> MunicipalityAgenda:
    return municipality_agendas(workspace, [cbs_code], today)[cbs_code]


def municipality_agendas(
    workspace: Workspace, cbs_codes: Sequence[str], today: date
) -> dict[str, MunicipalityAgenda]:
    """The agendas of several gemeenten, by CBS code: one query per table for all of them, so
    a region of hundreds reads as fast as a few."""
    owners = {municipality_id(code): code for code in cbs_codes}
    wanted = list(owners)
    with workspace.reading() as session:
        plans: dict[str, Plan] = {}
        for plan in session.scalars(select(Plan).where(Plan.municipality_id.in_(wanted))):
            plans.setdefault(plan.municipality_id, plan)  # the first, as .first() gave
        hot_items: dict[str, list[_Hot]] = {}
        for owner, item_id, kind, label, persons in session.execute(
            select(
                HotItem.municipality_id,
                HotItem.id,
                HotItem.kind,
                HotItem.label,
                HotItem.person_count,
            )
            .where(HotItem.municipality_id.in_(wanted))
            .order_by(HotItem.position)
        ):
            hot_items.setdefault(owner, []).append(_Hot(item_id, kind, label, persons))
        latest_states: dict[str, dict[str, AnalysisState]] = {}
        for owner, hot_item_id, state in session.execute(
            select(
                HotspotAnalysis.municipality_id, HotspotAnalysis.hot_item_id, HotspotAnalysis.state
            )
            .where(HotspotAnalysis.municipality_id.in_(wanted))
            .order_by(HotspotAnalysis.hot_item_id, HotspotAnalysis.version)
        ):
            latest_states.setdefault(owner, {})[hot_item_id] = state
        deep = Counter(
            session.scalars(
                select(DeepAnalysisRequest.municipality_id).where(
                    DeepAnalysisRequest.municipality_id.in_(wanted)
                )
            )
        )
        measures: dict[str, list[MeasureLine]] = {}
        for owner, title, group, intervention, status, cost in session.execute(
            select(
                Measure.municipality_id,
                Measure.title,
                Measure.target_group,
                Measure.intervention,
                Measure.status,
                Measure.extra_cost_eur,
            )
            .where(Measure.municipality_id.in_(wanted))
            .order_by(Measure.target_group, Measure.intervention, Measure.title)
        ):
            line = MeasureLine(title, group, intervention, status, cost)
            measures.setdefault(owner, []).append(line)
        evaluations: dict[str, Evaluation] = {}
        for evaluation in session.scalars(
            select(Evaluation)
            .where(Evaluation.municipality_id.in_(wanted))
            .order_by(Evaluation.evaluated_on.desc())
        ):
            evaluations.setdefault(evaluation.municipality_id, evaluation)
        decisions: dict[str, list[tuple[date, str]]] = {}
        for owner, held_on, text in session.execute(
            select(Decision.municipality_id, Meeting.held_on, Decision.text)
            .join(Meeting, Meeting.id == Decision.meeting_id)
            .where(Decision.municipality_id.in_(wanted), Meeting.held_on <= today)
            .order_by(Meeting.held_on.desc(), Decision.position)
        ):
            latest = decisions.setdefault(owner, [])
            if len(latest) < DECISIONS_LISTED:
                latest.append((held_on, text))
        notes = notes_by_gemeente(workspace, wanted)
        return {
            code: _agenda(
                code,
                plans.get(owner),
                hot_items.get(owner, []),
                latest_states.get(owner, {}),
                deep[owner],
                measures.get(owner, []),
                evaluations.get(owner),
                decisions.get(owner, []),
                [note for note in notes.get(owner, []) if note.draft.period_start <= today],
            )
            for owner, code in owners.items()
        }


def _agenda(
    cbs_code: str,
    plan: Plan | None,
    hot_items: Sequence[_Hot],
    latest_states: dict[str, AnalysisState],
    deep_analyses: int,
    measures: Sequence[MeasureLine],
    evaluation: Evaluation | None,
    decisions: Sequence[tuple[date, str]],
    written: Sequence[ProgressRow],
) -> MunicipalityAgenda:
    hotspot_ids = [item.id for item in hot_items if item.kind is HotKind.HOTSPOT]
    note = written[0].draft if written else None
    return MunicipalityAgenda(
        cbs_code=cbs_code,
        plan_title=plan.title if plan else "",
        period=(plan.period_start, plan.period_end) if plan else (None, None),
        problem_summary=shortened(plan.problem_summary) if plan else "",
        hots=_hot_lines(hot_items),
        analyses_processed=sum(
            latest_states.get(item) is AnalysisState.PROCESSED for item in hotspot_ids
        ),
        analyses_waiting=sum(
            latest_states.get(item) is not AnalysisState.PROCESSED for item in hotspot_ids
        ),
        deep_analyses=deep_analyses,
        measures=tuple(measures),
        successes=shortened(
            (note.successes if note else "") or (evaluation.successes if evaluation else "")
        ),
        bottlenecks=shortened(
            (note.bottlenecks if note else "") or (evaluation.bottlenecks if evaluation else "")
        ),
        decisions=tuple((held_on, shortened(text, 200)) for held_on, text in decisions),
        communication=shortened(
            (note.communication if note else "") or (plan.communication if plan else "")
        ),
        progress_source=_source(written[0]) if written else "",
        costs=shortened(note.costs) if note else "",
    )


def _source(note: ProgressRow) -> str:
    """Which notitie the report quotes: its period, who wrote it and when."""
    author = f" door {note.draft.author}" if note.draft.author else ""
    return f"Uit de voortgangsnotitie over {note.period}, geschreven{author} op {note.written}."


def _hot_lines(items: Sequence[_Hot]) -> tuple[HotLine, ...]:
    counts = Counter(item.kind for item in items)
    lines = []
    for kind in HotKind:
        of_kind = [item for item in items if item.kind is kind]
        if not of_kind:
            continue
        people = kind in PEOPLE_KINDS
        labels = () if people else tuple(item.label for item in of_kind[:HOTSPOTS_LISTED])
        persons = sum(item.person_count or 0 for item in of_kind) if people else 0
        lines.append(HotLine(kind, counts[kind], labels, persons))
    return tuple(lines)
