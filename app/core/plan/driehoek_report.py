"""The periodic report to the driehoek (the opdrachtgever): one to two pages with the figures,
the goals, the highlights since the previous driehoek and the decisions the driehoek is asked
to take.

"Since the previous driehoek" is since the last meeting of type driehoek before today, else
since the driehoek's commitment, else the last PERIOD_DAYS days. The decisions asked for are
derived from what needs the opdrachtgever: goals behind or at risk, empty cells of the 3D
matrix, late milestones and overdue actions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from app.analysis.goals import GoalProgress
from app.analysis.numbers import dutch_number
from app.analysis.periods import MONTH_NAMES
from app.core.goals.goals import GoalRow
from app.core.plan.document import (
    Block,
    Bullets,
    Chapter,
    Document,
    Paragraph,
    Table,
    goals_blocks,
    long_date,
    short_date,
)
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace
from database.enums import GoalState, MeasureStatus, MeetingTier

PERIOD_DAYS = 91
LISTED = 5  # items per list, so the report stays within two pages
CHAPTERS = (
    "1 Cijfers",
    "2 Doelstellingen",
    "3 Hoogtepunten sinds de vorige driehoek",
    "4 Gevraagde besluiten",
)


def driehoek_report(workspace: Workspace, today: date | None = None) -> Document:
    from app.core.goals.goals import list_goals
    from app.core.goals.progress import progress_by_goal
    from app.core.plan.details import load_plan_details

    if not workspace.summary.municipality_code:
        raise UserError(
            "De rapportage voor de driehoek maakt de gemeente over haar eigen plan; de "
            "RSIV-werkruimte heeft er geen. Open de werkruimte van de gemeente."
        )
    today = today or date.today()
    name = workspace.summary.municipality_name or workspace.summary.municipality_code
    details = load_plan_details(workspace)
    since = _previous_driehoek(workspace, today) or details.triangle_commitment
    if since is None or since >= today:
        since = today - timedelta(days=PERIOD_DAYS)
    progress = progress_by_goal(workspace)
    goals = list_goals(workspace)
    lead = f" Projectleider: {details.project_lead}." if details.project_lead else ""
    intro = Paragraph(
        f"Rapportage van de projectleider aan de driehoek van {name} (opdrachtgever) over de "
        f"periode {long_date(since)} tot {long_date(today)}.{lead}"
    )
    chapters = (
        Chapter(CHAPTERS[0], (intro, *_figures(workspace, name))),
        Chapter(CHAPTERS[1], goals_blocks(workspace, goals, progress)),
        Chapter(CHAPTERS[2], _highlights(workspace, since, today)),
        Chapter(CHAPTERS[3], _decisions(workspace, goals, progress, today)),
    )
    return Document(
        title=f"Voortgang aanpak woninginbraken {name}",
        subtitle=f"Rapportage voor de driehoek van {name}",
        made_on=today,
        illustrative=workspace.summary.is_demo,
        chapters=chapters,
    )


def _previous_driehoek(workspace: Workspace, today: date) -> date | None:
    from app.core.meetings.meetings import meeting_rows

    days = [
        m.data.held_on
        for m in meeting_rows(workspace)
        if m.data.tier is MeetingTier.TRIANGLE and m.data.held_on < today
    ]
    return max(days, default=None)


def _figures(workspace: Workspace, name: str) -> tuple[Block, ...]:
    from app.core.figures.figures import load_figures

    rate = load_figures(workspace).rate_summary()
    if rate.rate is None or rate.month is None:
        return (
            Paragraph(
                "Er zijn nog geen inbraakcijfers ingelezen; het inbraakrisico volgt zodra de "
                "cijfers er zijn.",
                muted=True,
            ),
        )
    month = f"{MONTH_NAMES[rate.month.month - 1]} {rate.month.year}"
    rows = [
        (f"Woninginbraken incl. pogingen, 12 maanden t/m {month}", _whole(rate.burglaries)),
        ("Inbraakrisico per 1.000 woningen", dutch_number(rate.rate, 1)),
    ]
    if rate.baseline_rate is not None:
        rows.append(
            (f"Inbraakrisico nulmeting {rate.baseline_year}", dutch_number(rate.baseline_rate, 1))
        )
    rows.append(("Regionaal gemiddelde 2016", dutch_number(rate.regional_reference, 1)))
    if rate.national_rate is not None:
        rows.append(
            (f"Landelijk gemiddelde {rate.national_year}", dutch_number(rate.national_rate, 1))
        )
    return (Table(("Cijfer", name), tuple(rows), (3, 1)),)


def _whole(value: int | None) -> str:
    return "—" if value is None else dutch_number(value, 0)


def _highlights(workspace: Workspace, since: date, today: date) -> tuple[Block, ...]:
    from app.core.course.evaluation import evaluation_view
    from app.core.matrix.measures import measure_rows
    from app.core.meetings.meetings import meeting_rows

    def within(day: date | None) -> bool:
        return day is not None and since < day <= today

    measures = measure_rows(workspace)
    started = [m.title for m in measures if within(m.data.period_start)]
    completed = [
        m.title
        for m in measures
        if m.data.status is MeasureStatus.COMPLETED and within(m.data.period_end)
    ]
    running = sum(1 for m in measures if m.data.status is MeasureStatus.RUNNING)
    local = sum(
        1
        for m in meeting_rows(workspace)
        if m.data.tier is MeetingTier.OPERATIONAL and within(m.data.held_on)
    )
    items = [f"{running} maatregelen lopen; {local} operationele overleggen in deze periode."]
    if started:
        items.append("Gestart: " + _listed(started) + ".")
    if completed:
        items.append("Afgerond: " + _listed(completed) + ".")
    evaluation = evaluation_view(workspace)
    if evaluation.exists and evaluation.data.successes.strip():
        items.append("Successen uit de evaluatie: " + evaluation.data.successes.strip())
    return (Bullets(tuple(items)),)


def _listed(titles: list[str]) -> str:
    shown = "; ".join(titles[:LISTED])
    return shown + (f" en nog {len(titles) - LISTED}" if len(titles) > LISTED else "")


def _decisions(
    workspace: Workspace,
    goals: Sequence[GoalRow],
    progress: Mapping[str, GoalProgress],
    today: date,
) -> tuple[Block, ...]:
    from app.core.course.timeline import late_milestones
    from app.core.matrix.empty_cells import empty_cell_reasons
    from app.core.matrix.matrix import build_matrix
    from app.core.matrix.measures import measure_rows
    from app.core.overview.status import workspace_status

    items: list[str] = []
    for row in goals:
        found = progress.get(row.id)
        if found is not None and found.state in (GoalState.BEHIND, GoalState.AT_RISK):
            items.append(
                f"Doel '{row.draft.title}' staat op '{found.state.label}': extra inzet of een "
                "bijgesteld doel?"
            )
    gaps = [
        f"{cell.target_group.label} x {cell.intervention.label}"
        for cell in build_matrix(
            measure_rows(workspace), empty_reasons=empty_cell_reasons(workspace)
        ).values()
        if cell.is_gap
    ]
    if gaps:
        items.append(
            f"Lege cellen in de 3D-matrix ({_listed(gaps)}): bewust leeg laten of een "
            "maatregel vragen?"
        )
    late = late_milestones(workspace, today)
    if late:
        items.append(
            "Te laat: "
            + _listed([f"{m.title} (uiterlijk {short_date(m.due)})" for m in late])
            + "."
        )
    overdue = workspace_status(workspace, today).overdue_actions
    if overdue:
        items.append(
            f"{len(overdue)} acties over hun termijn; de driehoek kan de partners vragen ze af "
            "te ronden."
        )
    if not items:
        return (Paragraph("Geen besluiten nodig; deze rapportage is ter kennisname."),)
    return (
        Paragraph("De projectleider vraagt de driehoek een besluit over:"),
        Bullets(tuple(items[: LISTED + 2])),
    )
