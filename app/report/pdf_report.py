"""The werkgroep report and the RBO summary as an A4 portrait PDF (matplotlib's PDF backend).

Cover (date, packages in, gemeenten missing), the regional picture with charts, the 3D matrix
across the gemeenten with the measures that work, then (werkgroep) a page per gemeente with
the memo's agenda items. Works headless: no Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages

from app.analysis.charts import style
from app.analysis.charts.region import (
    GemeenteRate,
    draw_matrix,
    draw_rate_comparison,
    draw_rates,
)
from app.core.region.agenda import HotLine, MunicipalityAgenda, shortened
from app.core.region.overview import MunicipalityStanding, RegionalOverview
from app.core.region.practices import RULE_TEXT
from app.core.region.report_content import ReportContent, ReportKind
from app.core.region.werkgroep_changes import WerkgroepExtras
from app.report import wording
from app.report.page_writer import MUTED, PageWriter
from database.enums import GoalState, InterventionKind, TargetGroup

ALERT = style.VERMILLION
STATE_COLOURS = {GoalState.BEHIND: ALERT, GoalState.AT_RISK: "#8A5A00"}
PRACTICES_SHOWN = 8
NAMES_LISTED = 3
CHART_FONT = 8.5


def write_pdf(
    content: ReportContent, path: Path, progress: Callable[[int], None] = lambda p: None
) -> Path:
    with report_pages(content, path) as writer:
        _cover(writer, content)
        _regional_page(writer, content.overview)
        _matrix_page(writer, content)
        if content.kind is ReportKind.RBO:
            _progress_page(writer, content.overview)
        for number, (standing, agenda) in enumerate(content.agendas, start=1):
            _gemeente_page(writer, standing, agenda, content.overview)
            extras = content.extras.get(standing.cbs_code)
            if extras is not None:
                _werkgroep_block(writer, extras)
            progress(80 + 20 * number // max(len(content.agendas), 1))
    return path


@contextmanager
def report_pages(
    content: ReportContent, path: Path, *, core_fonts: bool = False
) -> Iterator[PageWriter]:
    """A PageWriter on the report's PDF with its title and footer; the file is complete when
    the block ends. `core_fonts`: PDF's built-in Helvetica (see page_writer)."""
    footer = f"{content.kind.heading} — stand op {wording.long_date(content.made_on)}"
    # TrueType fonts: the text stays selectable and searchable in every PDF reader. The
    # built-in fonts are searchable too.
    with (
        matplotlib.rc_context({"pdf.fonttype": 42, "pdf.use14corefonts": core_fonts}),
        _quiet_font_lookup(core_fonts),
        PdfPages(path) as pdf,
    ):
        info = pdf.infodict()
        info["Title"] = content.kind.heading
        info["Author"] = "RSIV (Aanpak Woninginbraken)"
        info["Subject"] = footer
        writer = PageWriter(pdf, footer, core_fonts=core_fonts)
        yield writer
        writer.finish()


@contextmanager
def _quiet_font_lookup(core_fonts: bool) -> Iterator[None]:
    """Helvetica's metrics name its only weight "Medium"; matplotlib warns (in English, on
    stderr) that it uses it for "normal", which is what is wanted."""
    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    if core_fonts:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _cover(writer: PageWriter, content: ReportContent) -> None:
    overview = content.overview
    writer.space(0.6)
    writer.text("RSIV — Regionaal Samenwerkingsverband Integrale Veiligheid", size=11, colour=MUTED)
    writer.text("Aanpak woninginbraken, eenheid Den Haag", size=11, colour=MUTED)
    writer.space(0.25)
    writer.text(content.kind.heading, size=21, bold=True)
    writer.space(0.15)
    writer.text(f"Stand op {wording.long_date(content.made_on)}", size=13)
    writer.text(wording.werkgroep_text(overview), size=10, colour=MUTED)
    writer.space(0.3)
    included = overview.included
    writer.heading(
        f"Pakketten in deze rapportage: {len(included)} van {len(overview.standings)}", 13
    )
    writer.table(
        ("Gemeente", "Volgnr.", "Gemaakt op", "Ontvangen op", "Binnen voor werkgroep"),
        [
            (
                row.name,
                str(row.package.sequence) if row.package else wording.NOT_KNOWN,
                wording.short_date(row.package_date),
                wording.short_date(row.arrived_on),
                wording.in_text(row),
            )
            for row in overview.standings
        ],
        (3.2, 1.2, 1.4, 1.4, 2.0),
        size=9.5,
        colours=[None if row.has_package else ALERT for row in overview.standings],
    )
    if overview.missing:
        names = ", ".join(row.name for row in overview.missing)
        writer.text(f"Ontbrekende gemeenten: {names}.", size=11, bold=True, colour=ALERT)
        writer.text(
            "Van deze gemeenten is nog geen pakket ontvangen; ze staan zonder cijfers in het "
            "regionale beeld en hebben geen eigen pagina.",
            size=9.5,
        )
    else:
        writer.text("Van alle deelnemende gemeenten is een pakket ontvangen.", size=11, bold=True)
    writer.space(0.25)
    writer.heading("In deze rapportage", 13)
    parts = ["Regionaal beeld: inbraakrisico, doelstellingen, acties en kosten per gemeente"]
    parts.append("3D-matrix over alle gemeenten en maatregelen die werken (goede voorbeelden)")
    if content.kind is ReportKind.RBO:
        parts.append("Voortgang per gemeente in het kort")
    else:
        parts.append(
            "Per gemeente de agendapunten van de werkgroep: samengevatte scan en analyse, plan, "
            "resultaten, (extra) kosten, successen en knelpunten, communicatie"
        )
    writer.bullets(parts, size=10)
    writer.space(0.2)
    writer.text(wording.PRIVACY_NOTE, size=8.5, colour=MUTED)


def _regional_page(writer: PageWriter, overview: RegionalOverview) -> None:
    writer.new_page()
    writer.heading("Regionaal beeld")
    writer.text(wording.rate_intro(overview), size=9, colour=MUTED)
    open_data = wording.open_data_text(overview)
    if open_data:
        writer.text(open_data, size=9, colour=MUTED)
    writer.space(0.05)
    writer.table(
        (
            "Gemeente",
            "Risico",
            "t.o.v. 2016",
            "Doelen op koers / risico / achter",
            "Acties open / te laat / gereed",
            "Extra kosten",
            "Pakket",
        ),
        [_regional_row(row) for row in overview.standings],
        (2.6, 0.8, 1.3, 2.0, 1.8, 1.3, 1.3),
        size=8,
        colours=[None if row.has_package else ALERT for row in overview.standings],
    )
    national = (
        (overview.national_year, overview.national_rate)
        if overview.national_year is not None and overview.national_rate is not None
        else None
    )
    rates = [
        GemeenteRate(row.name, row.rate.rate, row.rate.baseline_rate)
        for row in overview.included
        if row.rate is not None
    ]
    if rates:
        writer.space(0.1)
        writer.text("Inbraakrisico per gemeente", size=11, bold=True)
        writer.chart(
            0.3 * len(rates) + 0.5,
            lambda axes: draw_rates(
                axes, rates, overview.regional_reference, national, font_size=CHART_FONT
            ),
            left=1.6,
            below=0.45,
        )
    comparison = overview.comparison
    if comparison is not None and comparison.gemeenten:
        writer.space(0.1)
        writer.text("Inbraakrisico door de tijd: gemeenten, regio en land", size=11, bold=True)
        writer.chart(
            2.6,
            lambda axes: draw_rate_comparison(
                axes,
                comparison.gemeenten,
                comparison.region,
                comparison.national,
                overview.regional_reference,
                font_size=CHART_FONT,
            ),
            left=0.6,
            below=0.45,
        )


def _regional_row(row: MunicipalityStanding) -> tuple[str, ...]:
    if not row.has_package:
        return (row.name, "—", "—", "geen pakket", "—", "—", "ontbreekt")
    actions = row.actions
    return (
        row.name,
        wording.rate_text(row.rate.rate if row.rate else None),
        wording.change_text(row),
        wording.goal_counts(row),
        f"{actions.open} / {actions.overdue} / {actions.done}",
        wording.euros(row.extra_cost_eur),
        wording.short_date(row.package_date),
    )


def _matrix_page(writer: PageWriter, content: ReportContent) -> None:
    overview = content.overview
    writer.new_page()
    writer.heading("3D-matrix over alle gemeenten")
    writer.text(
        "Aantal maatregelen (niet gestopt) per doelgroep en aard. Een lege cel is een gat in "
        "het plan van die gemeente; nazorg telt alleen voor slachtoffer/woning.",
        size=9,
        colour=MUTED,
    )
    included = overview.included
    if included:
        writer.chart(
            0.3 * len(included),
            lambda axes: draw_matrix(
                axes,
                [row.name for row in included],
                [(group.label, kind.label) for group, kind in overview.cells],
                [row.matrix_counts for row in included],
                font_size=CHART_FONT,
            ),
            left=1.6,
            above=0.55,
        )
        writer.space(0.15)
        gaps = [
            f"{wording.cell_label(cell)}: leeg bij {', '.join(names)}"
            for cell in overview.cells
            if (names := overview.gemeenten_without(cell))
        ]
        gaps += [
            f"{wording.cell_label(cell)}: bewust leeg bij {', '.join(names)}"
            for cell in overview.cells
            if (names := overview.gemeenten_marked_empty(cell))
        ]
        writer.bullets(gaps or ["Geen lege cellen: elke gemeente dekt elke cel."], size=8.5)
    practices_section(writer, content, embedded_counted=False)


def practices_section(
    writer: PageWriter, content: ReportContent, *, embedded_counted: bool
) -> None:
    """The good practices; `embedded_counted`: "n van de N gemeenten" where many embed one
    (a large region) instead of every name."""
    included = len(content.overview.included)
    writer.heading("Maatregelen die werken (goede voorbeelden)", 13)
    writer.text(RULE_TEXT, size=8.5, colour=MUTED)
    writer.space(0.05)
    practices = content.practices[:PRACTICES_SHOWN]
    if not practices:
        writer.text("Nog geen maatregelen die aan deze regel voldoen.", size=9.5)
        return
    writer.table(
        (
            "Maatregel",
            "Doelgroep / aard",
            "Geborgd in regulier werk",
            "Loopt in gemeenten met dalend risico",
        ),
        [
            (
                practice.title,
                f"{practice.target_group.label} / {practice.intervention.label}",
                _names(practice.embedded_in, included if embedded_counted else None),
                _names(practice.falling_rate_in, included),
            )
            for practice in practices
        ],
        (2.6, 1.6, 2.4, 2.4) if embedded_counted else (2.6, 1.6, 3.2, 1.6),
        size=7.5,
    )
    if len(content.practices) > len(practices):
        writer.text(
            f"En nog {len(content.practices) - len(practices)} maatregelen; de Excel-versie "
            "van deze rapportage heeft de volledige lijst.",
            size=8.5,
            colour=MUTED,
        )


def _names(names: tuple[str, ...], of: int | None = None) -> str:
    """The names, or with more than NAMES_LISTED of them how many (of how many)."""
    if not names:
        return wording.NOT_KNOWN
    if of is not None and len(names) > NAMES_LISTED:
        return f"{len(names)} van de {of} gemeenten"
    return ", ".join(names)


def _progress_page(writer: PageWriter, overview: RegionalOverview) -> None:
    writer.new_page()
    writer.heading("Voortgang per gemeente")
    for row in overview.standings:
        writer.text(row.name, size=11, bold=True)
        writer.text(_progress_sentence(row, overview), size=9.5)
        writer.space(0.08)


def _progress_sentence(row: MunicipalityStanding, overview: RegionalOverview) -> str:
    if not row.has_package or row.rate is None:
        return "Geen pakket ontvangen: geen cijfers in deze rapportage."
    rate = row.rate
    position = []
    if rate.above_regional is not None:
        position.append(
            "boven het regionale gemiddelde"
            if rate.above_regional
            else "onder het regionale gemiddelde"
        )
    if rate.above_national is not None:
        position.append(
            "boven het landelijk gemiddelde"
            if rate.above_national
            else "onder het landelijk gemiddelde"
        )
    return (
        f"Inbraakrisico {wording.rate_text(rate.rate)} per 1.000 woningen "
        f"({wording.change_text(row)} t.o.v. {rate.baseline_year or 'de nulmeting'}), "
        f"{' en '.join(position)}. Doelstellingen: {wording.goals_text(row)}. "
        f"{row.measures} maatregelen, extra kosten {wording.euros(row.extra_cost_eur)}; "
        f"acties: {row.actions.open} open, waarvan {row.actions.overdue} over de termijn, "
        f"{row.actions.done} gereed."
    )


def _gemeente_page(
    writer: PageWriter,
    row: MunicipalityStanding,
    agenda: MunicipalityAgenda,
    overview: RegionalOverview,
) -> None:
    writer.new_page()
    writer.continuation = f"{row.name} (vervolg)"
    writer.heading(row.name, 17)
    package = row.package
    details = [agenda.plan_title or "Nog geen plan van aanpak"]
    start, end = agenda.period
    if start or end:
        details.append(f"looptijd {wording.short_date(start)} tot en met {wording.short_date(end)}")
    if package is not None:
        details.append(
            f"pakket {package.sequence}, gemaakt op {wording.short_date(row.package_date)}"
        )
    writer.text(" · ".join(details), size=9, colour=MUTED)
    writer.space(0.05)

    writer.heading("1. Samengevatte scan en analyse", 11)
    if agenda.problem_summary:
        writer.text(agenda.problem_summary, size=9)
    writer.bullets(
        [_hot_line(line) for line in agenda.hots] or ["Nog geen hots beschreven."], size=8.5
    )
    writer.text(
        f"Probleemanalyses van hotspots: {agenda.analyses_processed} verwerkt, "
        f"{agenda.analyses_waiting} nog niet; verdiepende analyses (DIK): {agenda.deep_analyses}.",
        size=8.5,
    )

    writer.heading("2. Plan: doelstellingen en maatregelen", 11)
    goals = row.goals
    if goals:
        writer.table(
            ("Doelstelling", "Nulmeting", "Streefwaarde", "Termijn", "Nu", "Stand"),
            [
                (
                    progress.goal.title,
                    f"{_number(progress.goal.baseline_value)} ({progress.goal.baseline_year})",
                    _number(progress.goal.target_value),
                    wording.short_date(progress.goal.deadline),
                    _number(progress.current_value),
                    progress.state.label,
                )
                for progress in goals
            ],
            (3.6, 1.2, 0.8, 1.1, 0.8, 0.9),
            size=8,
            colours=[STATE_COLOURS.get(progress.state) for progress in goals],
        )
    else:
        writer.text("Nog geen SMART-doelstellingen.", size=9, colour=ALERT)
    writer.table(
        ("Doelgroep", *(kind.label for kind in InterventionKind)),
        [
            (group.label, *(_cell_text(agenda, group, kind) for kind in InterventionKind))
            for group in TargetGroup
        ],
        (1.6, 1.3, 1.3, 1.3, 1.3),
        size=8,
    )

    writer.heading("3. Resultaten", 11)
    writer.text(_progress_sentence(row, overview), size=9)

    if agenda.progress_source:
        writer.text(agenda.progress_source, size=8.5, colour=MUTED)

    writer.heading("4. (Extra) kosten", 11)
    costly = sorted(agenda.measures, key=lambda m: -m.extra_cost_eur)[:3]
    writer.text(
        f"Extra kosten in het plan: {wording.euros(agenda.extra_cost_eur)}"
        + (
            "; het meest: "
            + "; ".join(f"{m.title} ({wording.euros(m.extra_cost_eur)})" for m in costly)
            if costly and costly[0].extra_cost_eur
            else ""
        )
        + ".",
        size=9,
    )
    if agenda.costs:
        writer.text("Volgens de voortgangsnotitie: " + agenda.costs, size=9)

    writer.heading("5. Successen en knelpunten", 11)
    writer.text("Successen: " + (agenda.successes or "nog niet beschreven."), size=9)
    writer.text("Knelpunten: " + (agenda.bottlenecks or "nog niet beschreven."), size=9)
    if agenda.decisions:
        writer.text("Laatste besluiten in het overleg:", size=9, bold=True)
        writer.bullets(
            [f"{wording.short_date(day)}: {text}" for day, text in agenda.decisions], size=8.5
        )

    writer.heading("6. Communicatie", 11)
    writer.text(shortened(agenda.communication, 260) or "Nog niet beschreven.", size=9)


def _werkgroep_block(writer: PageWriter, extras: WerkgroepExtras) -> None:
    """Changes since the last werkgroep, the RSIV's notes and the werkgroep's suggestions."""
    since = f" ({wording.short_date(extras.since)})" if extras.since else ""
    writer.heading(f"Gewijzigd sinds de vorige werkgroep{since}", 11)
    writer.bullets(extras.change_lines(), size=8.5)
    if extras.notes:
        writer.heading("Notities van het RSIV", 11)
        writer.bullets([shortened(note, 300) for note in extras.notes], size=8.5)
    if extras.suggestions:
        writer.heading("Suggesties van de werkgroep", 11)
        writer.bullets(
            [
                f"{wording.short_date(item.werkgroep_on)}: {shortened(item.text, 300)}"
                for item in extras.suggestions
            ],
            size=8.5,
        )
    writer.continuation = ""


def _hot_line(line: HotLine) -> str:
    if line.labels:
        more = f" en nog {line.count - len(line.labels)}" if line.count > len(line.labels) else ""
        return f"{line.kind.label} ({line.count}): {', '.join(line.labels)}{more}"
    persons = f", samen {line.persons} personen" if line.persons else ""
    return f"{line.kind.label}: {line.count}{persons} (alleen aantallen)"


def _cell_text(agenda: MunicipalityAgenda, group: TargetGroup, kind: InterventionKind) -> str:
    if kind is InterventionKind.AFTERCARE and group is not TargetGroup.VICTIM_DWELLING:
        return "n.v.t."
    count = sum(
        1
        for m in agenda.measures
        if m.target_group is group and m.intervention is kind and m.status.value != "stopped"
    )
    return "leeg" if count == 0 else str(count)


def _number(value: float | None) -> str:
    return wording.NOT_KNOWN if value is None else style.dutch_number(value)
