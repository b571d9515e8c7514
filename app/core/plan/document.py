"""The plan van aanpak as a document, in the chapters of the memo's plan.

The content is assembled here as plain blocks (paragraphs, subheadings, bullets, tables), so
the Word and the PDF writer (app/report) print the same text and tables. The chapters:
aanleiding en opdracht, probleembeschrijving langs de zeven hots, hotspots en analyses,
doelstellingen (SMART, with the values measured so far), aanpak (3D matrix and measures),
organisatie en overlegstructuur (with the budget), communicatie, planning (the memo's
stappenplan and the gemeente's milestones and open actions) and evaluatie.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.analysis.goals import GoalProgress
from app.analysis.numbers import dutch_number
from app.analysis.periods import MONTH_NAMES
from app.core.course.evaluation import EvaluationInput
from app.core.goals.goals import GoalRow
from app.core.plan.details import PlanDetails, load_plan_details
from app.core.plan.lookup import existing_plan_id
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace
from database.enums import (
    ActionStatus,
    GoalIndicator,
    HotKind,
    InterventionKind,
    MeetingTier,
    MilestoneKind,
    TargetGroup,
)
from database.models import GoalMeasurement, Plan

ILLUSTRATIVE = (
    "Demo: dit document is gemaakt uit een demowerkruimte. De cijfers, namen en teksten zijn "
    "illustratief en verzonnen, op enkele gepubliceerde cijfers na; gebruik ze niet als feit."
)
NOT_FILLED = "Nog niet ingevuld."
NOT_KNOWN = "—"
OPEN_ACTIONS_SHOWN = 30
REGIONAL_AVERAGE_2016 = 8
CHAPTERS = (
    "1 Aanleiding en opdracht",
    "2 Probleembeschrijving: de zeven hots",
    "3 Hotspots en analyses",
    "4 Doelstellingen",
    "5 Aanpak: 3D-matrix en maatregelen",
    "6 Organisatie en overlegstructuur",
    "7 Communicatie",
    "8 Planning: het stappenplan",
    "9 Evaluatie",
)
GOALS_HEADER = ("Doelstelling (meetbaar als)", "Nulmeting", "Doel", "Eigenaar", "Gemeten", "Stand")
HOT_TITLES = {
    HotKind.HOTSPOT: "Hotspots (plaatsen)",
    HotKind.HOTSHOT: "Hotshots (veelplegers, alleen als label of aantal)",
    HotKind.HOTGROUP: "Hotgroups (groepen daders)",
    HotKind.HOTVICTIM: "Hotvictims (groepen slachtoffers)",
    HotKind.HOTTIME: "Hottimes (tijden)",
    HotKind.HOTTARGET: "Hottargets (woningen en buit)",
    HotKind.HOTFACILITY: "Hotfacilities (voorzieningen, zoals heling)",
}
TIER_ROLES = {
    MeetingTier.TRIANGLE: "Opdrachtgever; wordt periodiek door de projectleider geïnformeerd.",
    MeetingTier.STRATEGIC: "Projectgroep: borgen van de bestuurlijke opdracht.",
    MeetingTier.TACTICAL: "Werkgroep van het RSIV: resultaten bewaken, bijsturen en aanjagen.",
    MeetingTier.OPERATIONAL: "Lokaal overleg: uitvoeren van de opdracht, met de actielijst.",
}


@dataclass(frozen=True)
class Paragraph:
    text: str
    muted: bool = False


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # shares of the page width


Block = Paragraph | Subheading | Bullets | Table


@dataclass(frozen=True)
class Chapter:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A document both writers print: a title block, then chapters of blocks."""

    title: str
    subtitle: str
    made_on: date
    illustrative: bool
    chapters: tuple[Chapter, ...]

    @property
    def footer(self) -> str:
        return f"{self.subtitle} — DEMO, illustratief" if self.illustrative else self.subtitle


def long_date(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    return NOT_KNOWN if day is None else f"{day:%d-%m-%Y}"


def text_or_note(text: str) -> Paragraph:
    return Paragraph(text) if text.strip() else Paragraph(NOT_FILLED, muted=True)


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """A text as its paragraphs (split at empty lines); a note when it is empty."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return tuple(Paragraph(part) for part in parts) or (Paragraph(NOT_FILLED, muted=True),)


def plan_document(workspace: Workspace, today: date | None = None) -> Document:
    """Read the gemeente's plan and assemble the document; refused in the RSIV workspace."""
    from app.core.course.evaluation import evaluation_view
    from app.core.goals.goals import list_goals
    from app.core.goals.progress import progress_by_goal

    if not workspace.summary.municipality_code:
        raise UserError(
            "Het plan van aanpak hoort bij een gemeente; de RSIV-werkruimte heeft er geen. "
            "Open de werkruimte van de gemeente om het plan als document te maken."
        )
    today = today or date.today()
    name = workspace.summary.municipality_name or workspace.summary.municipality_code
    details = load_plan_details(workspace)
    progress = progress_by_goal(workspace)
    evaluation = evaluation_view(workspace)
    chapters = (
        Chapter(CHAPTERS[0], _introduction(workspace, details, name)),
        Chapter(CHAPTERS[1], _problem(workspace)),
        Chapter(CHAPTERS[2], _hotspots(workspace)),
        Chapter(CHAPTERS[3], goals_blocks(workspace, list_goals(workspace), progress)),
        Chapter(CHAPTERS[4], _approach(workspace)),
        Chapter(CHAPTERS[5], _organisation(workspace, details, today)),
        Chapter(CHAPTERS[6], paragraphs(details.communication)),
        Chapter(CHAPTERS[7], _planning(workspace, today)),
        Chapter(
            CHAPTERS[8],
            _evaluation(evaluation.due, evaluation.exists, evaluation.data),
        ),
    )
    return Document(
        title=details.title,
        subtitle=f"Plan van aanpak woninginbraken {name}",
        made_on=today,
        illustrative=workspace.summary.is_demo,
        chapters=chapters,
    )


# --- 1 aanleiding en opdracht -------------------------------------------------------------


def _introduction(workspace: Workspace, details: PlanDetails, name: str) -> tuple[Block, ...]:
    from app.core.figures.figures import load_figures

    rate = load_figures(workspace).rate_summary()
    blocks: list[Block] = [
        Paragraph(
            "Het Regionaal Bestuurlijk Overleg (RBO) van de eenheid Den Haag besloot op 29 juni "
            "2017 tot een gezamenlijke, extra inspanning in de gemeenten waar het "
            "woninginbraakrisico boven het regionale gemiddelde van 2016 ligt (8 inbraken per "
            "1.000 woningen) en geen duurzame afname te zien is. Het gezamenlijke doel is onder "
            "het landelijk gemiddelde te komen; elke gemeente stelt daarnaast eigen SMART-"
            "doelstellingen. De aanpak is een lokale verantwoordelijkheid: de driehoek is "
            "opdrachtgever, de gemeente levert een projectleider en het RSIV adviseert en "
            "ondersteunt."
        )
    ]
    if rate.rate is not None and rate.month is not None:
        national = (
            f"; landelijk {dutch_number(rate.national_rate, 1)} ({rate.national_year})"
            if rate.national_rate is not None
            else ""
        )
        blocks.append(
            Paragraph(
                f"Het inbraakrisico in {name} was {dutch_number(rate.rate, 1)} per 1.000 "
                f"woningen over de 12 maanden tot en met {MONTH_NAMES[rate.month.month - 1]} "
                f"{rate.month.year} (inclusief pogingen), tegen een regionaal gemiddelde van "
                f"{REGIONAL_AVERAGE_2016} in 2016{national}."
            )
        )
    else:
        blocks.append(
            Paragraph(
                "Er zijn nog geen inbraakcijfers ingelezen; het inbraakrisico volgt zodra de "
                "cijfers er zijn (scherm Cijfers).",
                muted=True,
            )
        )
    blocks += [
        Subheading("Opdracht van de driehoek"),
        *paragraphs(details.triangle_assignment),
        Table(
            ("Gegeven", "Waarde"),
            (
                ("Projectleider", details.project_lead or NOT_KNOWN),
                ("Opdracht van de driehoek op", short_date(details.triangle_commitment)),
                ("Lokale start", short_date(details.local_start)),
            ),
            (1, 2),
        ),
    ]
    return tuple(blocks)


# --- 2 probleembeschrijving ---------------------------------------------------------------


def _problem(workspace: Workspace) -> tuple[Block, ...]:
    from app.core.plan.problem import PEOPLE_KINDS, list_bylaws, list_hot_items

    blocks: list[Block] = list(paragraphs(_problem_summary(workspace)))
    for kind, title in HOT_TITLES.items():
        blocks.append(Subheading(title))
        items = list_hot_items(workspace, kind)
        if not items:
            blocks.append(Paragraph("Niets vastgelegd.", muted=True))
            continue
        people = kind in PEOPLE_KINDS
        header = ("Omschrijving", "Aantal" if people else "Buurt", "Bron", "Periode")
        rows = tuple(
            (
                item.draft.label,
                _count(item.draft.person_count)
                if people
                else (item.draft.neighbourhood_name or item.draft.neighbourhood_code or ""),
                item.draft.source.label,
                item.draft.period,
            )
            for item in items
        )
        blocks.append(Table(header, rows, (3, 1.4, 1.4, 1.2)))
    blocks.append(Subheading("Bestuurlijk instrumentarium (APV)"))
    bylaws = list_bylaws(workspace)
    if bylaws:
        blocks.append(
            Table(
                ("Instrument", "Status", "Toelichting"),
                tuple((b.draft.name, b.draft.status.label, b.draft.description) for b in bylaws),
                (2, 1, 3),
            )
        )
    else:
        blocks.append(Paragraph("Geen APV-instrumenten vastgelegd.", muted=True))
    return tuple(blocks)


def _problem_summary(workspace: Workspace) -> str:
    with workspace.reading() as session:
        found = existing_plan_id(session, workspace)
        return session.get_one(Plan, found).problem_summary if found else ""


def _count(count: int | None) -> str:
    return "" if count is None else str(count)


# --- 3 hotspots en analyses ---------------------------------------------------------------


def _hotspots(workspace: Workspace) -> tuple[Block, ...]:
    from app.core.hotspots.hotspots import current_analysis, current_deep_analysis
    from app.core.plan.problem import list_hot_items

    hotspots = list_hot_items(workspace, HotKind.HOTSPOT)
    if not hotspots:
        return (Paragraph("Er zijn nog geen hotspots aangewezen.", muted=True),)
    blocks: list[Block] = [
        Paragraph(
            "Per hotspot schrijft de wijkagent samen met de projectleider een korte "
            "probleemanalyse; waar nodig vraagt de gemeente de DIK om een verdiepende analyse."
        )
    ]
    for hotspot in hotspots:
        area = hotspot.draft.neighbourhood_code
        blocks.append(
            Subheading(f"{hotspot.draft.label} ({area})" if area else hotspot.draft.label)
        )
        analysis = current_analysis(workspace, hotspot.id)
        if analysis is None:
            blocks.append(Paragraph("Nog geen probleemanalyse.", muted=True))
        else:
            written = (
                f", opgesteld op {short_date(analysis.written_on)}" if analysis.written_on else ""
            )
            role = f" door {analysis.author_role}" if analysis.author_role else ""
            blocks.append(Paragraph(f"Probleemanalyse: {analysis.state.label}{written}{role}."))
            findings = tuple(
                (label, value)
                for label, value in (
                    ("Dader", analysis.offender),
                    ("Slachtoffer/object", analysis.victim_target),
                    ("Omgeving", analysis.environment),
                    ("Tijden", analysis.times),
                    ("Werkwijze", analysis.modus_operandi),
                    ("Straatkennis", analysis.street_knowledge),
                    ("Conclusies", analysis.conclusions),
                )
                if value.strip()
            )
            if findings:
                blocks.append(Table(("Onderdeel", "Bevinding"), findings, (1, 4)))
        deep = current_deep_analysis(workspace, hotspot.id)
        if deep is not None:
            answer = f" Antwoord: {deep.summary}" if deep.summary.strip() else ""
            blocks.append(
                Paragraph(
                    f"Verdiepende analyse (DIK): {deep.state.label}, aangevraagd op "
                    f"{short_date(deep.requested_on)}.{answer}"
                )
            )
    return tuple(blocks)


# --- 4 doelstellingen ---------------------------------------------------------------------


def goals_blocks(
    workspace: Workspace, goals: Sequence[GoalRow], progress: Mapping[str, GoalProgress]
) -> tuple[Block, ...]:
    """The SMART goals as a table with the value measured so far and the projection."""
    if not goals:
        return (Paragraph("Het plan heeft nog geen doelstellingen.", muted=True),)
    by_hand = measured_by_hand(workspace)
    rows = []
    for row in goals:
        draft = row.draft
        found = progress.get(row.id)
        measured, state = _goal_state(found, row.id in by_hand)
        area = f" (buurt {draft.neighbourhood_code})" if draft.neighbourhood_code else ""
        indicator = draft.unit if draft.indicator is GoalIndicator.OTHER else draft.indicator.label
        measurable = indicator if draft.unit in indicator else f"{indicator}, {draft.unit}"
        rows.append(
            (
                f"{draft.title}{area} ({measurable})",
                f"{dutch_number(draft.baseline_value)} ({draft.baseline_year})",
                f"{dutch_number(draft.target_value)} vóór {short_date(draft.deadline)}",
                draft.owner or NOT_KNOWN,
                measured,
                state,
            )
        )
    return (
        Paragraph(
            "Naast het gezamenlijke doel (onder het landelijk gemiddelde komen) stelt de "
            "gemeente deze SMART-doelstellingen: van een nulmeting naar een streefwaarde op een "
            "termijn, met een eigenaar. 'Gemeten' is de laatste waarde uit de cijfers of uit "
            "metingen met de hand; de stand vergelijkt die met de rechte lijn naar het doel."
        ),
        Table(GOALS_HEADER, tuple(rows), (2.8, 1.45, 1.6, 1.6, 1.6, 1.9)),
    )


def measured_by_hand(workspace: Workspace) -> set[str]:
    """Ids of the goals that have measurements of their own."""
    with workspace.reading() as session:
        return set(session.scalars(select(GoalMeasurement.goal_id).distinct()))


def _goal_state(found: GoalProgress | None, by_hand: bool) -> tuple[str, str]:
    if found is None or found.current_value is None or found.measured_on is None:
        return "nog geen meting", "onbekend"
    how = "met de hand" if by_hand else "12 maanden tot"
    when = f"{found.measured_on:%d-%m-%Y}" if by_hand else f"{found.measured_on:%m-%Y}"
    measured = (
        f"{dutch_number(found.current_value)} ({how} {when})"
        if not by_hand
        else f"{dutch_number(found.current_value)} (op {when}, {how})"
    )
    state = found.state.label
    if found.projected_value is not None:
        state += f"; bij deze trend {dutch_number(found.projected_value, 1)} op de termijn"
    return measured, state


# --- 5 aanpak -----------------------------------------------------------------------------


def _approach(workspace: Workspace) -> tuple[Block, ...]:
    from app.core.matrix.empty_cells import empty_cell_reasons
    from app.core.matrix.matrix import MatrixCell, build_matrix
    from app.core.matrix.measures import measure_rows

    def cell_text(cell: MatrixCell) -> str:
        if cell.measures:
            return "; ".join(m.title for m in cell.measures)
        if cell.empty_reason is not None:
            return f"— (bewust leeg: {cell.empty_reason})"
        return "— (leeg)"

    measures = measure_rows(workspace)
    matrix = build_matrix(measures, empty_reasons=empty_cell_reasons(workspace))
    header = ("Doelgroep", *(kind.label for kind in InterventionKind))
    rows = []
    for group in TargetGroup:
        cells = [cell_text(matrix[(group, kind)]) for kind in InterventionKind]
        rows.append((group.label, *cells))
    blocks: list[Block] = [
        Paragraph(
            "De 3D-matrix zet elke maatregel op drie assen: de doelgroep (dader, slachtoffer/"
            "woning, omgeving), de aard (preventief, repressief, bestuurlijk, nazorg) en een "
            "derde as zoals partner, hotspot of periode. Een lege cel is een zichtbaar gat in "
            "het plan, tenzij hij bewust leeg is gelaten; de reden staat dan in de cel."
        ),
        Table(header, tuple(rows), (1.2, *([2.0] * (len(header) - 1)))),
        Subheading("Maatregelen"),
    ]
    if not measures:
        blocks.append(Paragraph("Nog geen maatregelen vastgelegd.", muted=True))
        return tuple(blocks)
    blocks.append(
        Table(
            ("Maatregel", "Doelgroep", "Aard", "Partner", "Status", "Periode", "DDO"),
            tuple(
                (
                    m.title,
                    m.data.target_group.label,
                    m.data.intervention.label,
                    m.partner_name or NOT_KNOWN,
                    m.data.status.label,
                    _period(m.data.period_start, m.data.period_end),
                    "ja" if m.data.dark_days else "",
                )
                for m in measures
            ),
            (2.6, 2.0, 1.35, 1.9, 1.05, 1.6, 0.5),
        )
    )
    return tuple(blocks)


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return NOT_KNOWN
    return f"{short_date(start)} t/m {short_date(end)}"


# --- 6 organisatie ------------------------------------------------------------------------


def _organisation(workspace: Workspace, details: PlanDetails, today: date) -> tuple[Block, ...]:
    from app.core.matrix.measures import measure_rows
    from app.core.meetings.meetings import meeting_rows
    from app.core.plan.partners import list_partners

    blocks: list[Block] = list(paragraphs(details.organisation))
    blocks.append(Subheading("Partners"))
    partners = list_partners(workspace)
    if partners:
        blocks.append(
            Table(
                ("Organisatie", "Soort", "Rol in de aanpak"),
                tuple((p.draft.name, p.draft.kind.label, p.draft.role) for p in partners),
                (2, 1, 3),
            )
        )
    else:
        blocks.append(Paragraph("Nog geen partners vastgelegd.", muted=True))
    blocks.append(Subheading("Overlegstructuur"))
    meetings = meeting_rows(workspace)
    rows = []
    for tier in MeetingTier:
        days = sorted(m.data.held_on for m in meetings if m.data.tier is tier)
        held = [day for day in days if day <= today]
        coming = [day for day in days if day > today]
        rows.append(
            (
                tier.label,
                TIER_ROLES[tier],
                str(len(days)),
                short_date(held[-1]) if held else NOT_KNOWN,
                short_date(coming[0]) if coming else NOT_KNOWN,
            )
        )
    blocks.append(
        Table(
            ("Overleg", "Rol", "Aantal", "Laatste", "Volgende"),
            tuple(rows),
            (1.6, 3.4, 0.9, 1, 1),
        )
    )
    blocks.append(Subheading("Budget"))
    blocks += paragraphs(details.budget)
    extra = sum(m.data.extra_cost_eur for m in measure_rows(workspace))
    if extra:
        blocks.append(
            Paragraph(f"De maatregelen noemen samen € {dutch_number(extra, 0)} aan extra kosten.")
        )
    return tuple(blocks)


# --- 8 planning ---------------------------------------------------------------------------


def _planning(workspace: Workspace, today: date) -> tuple[Block, ...]:
    from app.core.actions.actions import action_list
    from app.core.course.timeline import STEPS, load_timeline

    blocks: list[Block] = [
        Paragraph(
            "Het stappenplan van het project (memo RSIV, 11 september 2017): een projectperiode "
            "van twee jaar, uiterlijk vanaf 1 januari 2018, met een evaluatie na 12 maanden en "
            "een bijstelling van het plan na de nieuwe gebiedsscan (medio 2018)."
        ),
        Table(
            ("Stap", "Omschrijving", "Periode"),
            tuple((str(step.number), step.title, _months(step.start, step.end)) for step in STEPS),
            (0.5, 4, 2),
        ),
        Subheading("Mijlpalen van de gemeente"),
    ]
    timeline = load_timeline(workspace, today)
    # The local meetings are listed under the overlegstructuur, not one by one here.
    milestones = [
        m
        for row in timeline.rows
        for m in row.milestones
        if m.kind is not MilestoneKind.LOCAL_MEETING
    ]
    if milestones:
        blocks.append(
            Table(
                ("Mijlpaal", "Uiterlijk", "Stand"),
                tuple((m.title, short_date(m.due), m.state.label) for m in milestones),
                (4, 1.2, 1.2),
            )
        )
    blocks.append(Subheading("Openstaande acties"))
    open_rows = [
        row
        for row in action_list(workspace).rows
        if row.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    ]
    open_rows.sort(key=lambda row: row.due_iso or "9999")
    if not open_rows:
        blocks.append(Paragraph("Geen openstaande acties.", muted=True))
        return tuple(blocks)
    blocks.append(
        Table(
            ("Actie", "Eigenaar", "Termijn", "Status"),
            tuple(
                (row.title, row.owner, short_date(row.due_date), row.status.label)
                for row in open_rows[:OPEN_ACTIONS_SHOWN]
            ),
            (4, 2, 1, 1),
        )
    )
    if len(open_rows) > OPEN_ACTIONS_SHOWN:
        blocks.append(
            Paragraph(
                f"… en nog {len(open_rows) - OPEN_ACTIONS_SHOWN} openstaande acties (zie de "
                "Actielijst).",
                muted=True,
            )
        )
    return tuple(blocks)


def _months(start: date, end: date) -> str:
    first = f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return first
    return f"{first} t/m {MONTH_NAMES[end.month - 1]} {end.year}"


# --- 9 evaluatie --------------------------------------------------------------------------


def _evaluation(due: date, exists: bool, data: EvaluationInput) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Paragraph(
            f"Twaalf maanden na de lokale start wordt de aanpak geëvalueerd, uiterlijk op "
            f"{long_date(due)}: per doelstelling het resultaat, per maatregel een besluit "
            "(stoppen, voortzetten of borgen in het reguliere werk) en de B3W-checklist. De "
            "evaluatie gaat naar de driehoek en de werkgroep; het RSIV vat de evaluaties samen "
            "voor het RBO."
        )
    ]
    if not exists:
        blocks.append(Paragraph("De evaluatie is nog niet vastgelegd.", muted=True))
        return tuple(blocks)
    for title, text in (
        ("Samenvatting", data.summary),
        ("Successen", data.successes),
        ("Knelpunten", data.bottlenecks),
        ("Vervolg", data.follow_up),
    ):
        blocks.append(Subheading(title))
        blocks.append(text_or_note(text))
    return tuple(blocks)
