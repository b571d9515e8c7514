"""The werkgroep report and the RBO summary as PDF for a region of more than LARGE_REGION
gemeenten: regional tables with one row per gemeente, and per gemeente only what needs the
werkgroep's attention.

A page or two per gemeente is readable for the nine gemeenten of eenheid Den Haag, not for 350
(780 pages). Here the cover counts the packages, the regional picture is a table (charts of
the highest rates only), the 3D matrix is counted per cell, and each gemeente with an
attention point (package late, goals behind, actions late, gaps in the matrix, risk above the
regional average and not falling, or RSIV notes and suggestions) gets a short block with
those details; the others are one row each. The full agenda items per gemeente are in the
Excel version. The text is set in PDF's built-in Helvetica (see page_writer). The decision
is described in docs/rapportage-regio.md.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.analysis.charts.region import GemeenteRate, draw_rate_comparison, draw_rates
from app.core.region.agenda import shortened
from app.core.region.overview import MunicipalityStanding, RegionalOverview
from app.core.region.report_content import ReportContent, ReportKind
from app.core.region.werkgroep_changes import WerkgroepExtras
from app.report import wording
from app.report.page_writer import LINE_SPACING, MUTED, PageWriter, core_font_text, wrap
from app.report.pdf_report import (
    ALERT,
    CHART_FONT,
    _progress_page,
    practices_section,
    report_pages,
)

LARGE_REGION = 30  # more gemeenten than this: the layout of this module
RATES_CHARTED = 20  # the highest rates in the bar chart
NAMES_LISTED = 12  # names listed in a sentence before "en nog N"
TEXT_LIMIT = 300  # characters of a change line, note or suggestion in a block
SIZE = 8.5  # points, the text of a gemeente's block
BLOCK_KEPT_TOGETHER = 4.0  # inches: a shorter block moves to a new page whole


def is_large_region(content: ReportContent) -> bool:
    return len(content.overview.standings) > LARGE_REGION


def write_large_region_pdf(
    content: ReportContent, path: Path, progress: Callable[[int], None] = lambda p: None
) -> Path:
    overview = content.overview
    with report_pages(content, path, core_fonts=True) as writer:
        _cover(writer, content)
        _charts_page(writer, overview)
        _regional_table(writer, overview)
        _matrix_page(writer, content)
        if content.kind is ReportKind.RBO:
            _progress_page(writer, overview)
        else:
            _attention_pages(writer, content, progress)
    return path


def _listed(names: list[str]) -> str:
    if len(names) <= NAMES_LISTED:
        return ", ".join(names)
    return f"{', '.join(names[:NAMES_LISTED])} en nog {len(names) - NAMES_LISTED}"


def _cover(writer: PageWriter, content: ReportContent) -> None:
    overview = content.overview
    writer.space(0.6)
    writer.text("RSIV — Regionaal Samenwerkingsverband Integrale Veiligheid", size=11, colour=MUTED)
    writer.text("Aanpak woninginbraken", size=11, colour=MUTED)
    writer.space(0.25)
    writer.text(content.kind.heading, size=21, bold=True)
    writer.space(0.15)
    writer.text(f"Stand op {wording.long_date(content.made_on)}", size=13)
    writer.text(wording.werkgroep_text(overview), size=10, colour=MUTED)
    writer.space(0.3)
    included = overview.included
    late = [row for row in included if not row.in_for_next]
    writer.heading(
        f"Pakketten in deze rapportage: {len(included)} van {len(overview.standings)}", 13
    )
    writer.table(
        ("Pakket", "Gemeenten"),
        [
            ("Binnen voor de werkgroep", str(len(included) - len(late))),
            ("Ouder pakket (van vóór de vorige werkgroep)", str(len(late))),
            ("Geen pakket ontvangen", str(len(overview.missing))),
        ],
        (4.0, 1.5),
        size=9.5,
        colours=[None, ALERT if late else None, ALERT if overview.missing else None],
    )
    if overview.missing:
        names = ", ".join(row.name for row in overview.missing)
        writer.text(f"Ontbrekende gemeenten: {names}.", size=11, bold=True, colour=ALERT)
        writer.text(
            "Van deze gemeenten is nog geen pakket ontvangen; ze staan zonder cijfers in het "
            "regionale beeld en hebben geen aandachtspunten.",
            size=9.5,
        )
    else:
        writer.text("Van alle deelnemende gemeenten is een pakket ontvangen.", size=11, bold=True)
    if late:
        writer.text(
            f"Met een ouder pakket: {_listed([row.name for row in late])}.",
            size=9.5,
            colour=ALERT,
        )
    writer.space(0.25)
    writer.heading("In deze rapportage", 13)
    parts = [
        "Regionaal beeld: de gemeenten met het hoogste inbraakrisico, en een tabel met per "
        "gemeente risico, doelstellingen, acties, lege cellen en pakket",
        "3D-matrix over alle gemeenten, per cel geteld, en maatregelen die werken",
    ]
    if content.kind is ReportKind.RBO:
        parts.append("Voortgang per gemeente in het kort")
    else:
        parts.append(
            "Per gemeente de aandachtspunten voor de werkgroep; gemeenten zonder aandachtspunten "
            "in één tabel"
        )
    writer.bullets(parts, size=10)
    writer.space(0.1)
    writer.text(
        f"Deze regio telt {len(overview.standings)} gemeenten. Bij meer dan {LARGE_REGION} "
        "gemeenten is de rapportage beknopt: geen pagina per gemeente, maar per gemeente alleen "
        "wat aandacht vraagt (pakket te laat, inbraakrisico boven het regionale gemiddelde en "
        "niet gedaald, doelstellingen achter, acties over de termijn, lege cellen in de "
        "3D-matrix, notities en suggesties). De volledige agendapunten per gemeente (scan en "
        "analyse, plan, kosten, successen en knelpunten, communicatie) staan in de "
        "Excel-versie van deze rapportage.",
        size=9.5,
    )
    writer.space(0.2)
    writer.text(wording.PRIVACY_NOTE, size=8.5, colour=MUTED)


def _charts_page(writer: PageWriter, overview: RegionalOverview) -> None:
    writer.new_page()
    writer.heading("Regionaal beeld")
    writer.text(wording.rate_intro(overview), size=9, colour=MUTED)
    rated = [row for row in overview.included if row.rate is not None and row.rate.rate is not None]
    above = [row for row in rated if row.rate and row.rate.above_regional]
    falling = [row for row in rated if row.rate and row.rate.change and row.rate.change < 0]
    writer.text(
        f"Van de {len(rated)} gemeenten met cijfers liggen er {len(above)} boven het regionale "
        f"gemiddelde; bij {len(falling)} is het risico gedaald sinds de nulmeting.",
        size=10,
    )
    if open_data := wording.open_data_text(overview):
        writer.text(open_data, size=9, colour=MUTED)
    highest = sorted(rated, key=lambda row: -(row.rate.rate if row.rate and row.rate.rate else 0))
    national = (
        (overview.national_year, overview.national_rate)
        if overview.national_year is not None and overview.national_rate is not None
        else None
    )
    rates = [
        GemeenteRate(core_font_text(row.name), row.rate.rate, row.rate.baseline_rate)
        for row in highest[:RATES_CHARTED]
        if row.rate is not None
    ]
    if rates:
        writer.space(0.1)
        writer.text(f"De {len(rates)} gemeenten met het hoogste inbraakrisico", size=11, bold=True)
        writer.chart(
            0.18 * len(rates) + 0.5,
            lambda axes: draw_rates(
                axes, rates, overview.regional_reference, national, font_size=CHART_FONT
            ),
            left=1.6,
            below=0.45,
        )
    comparison = overview.comparison
    if comparison is not None and comparison.gemeenten and highest:
        # The highest and the lowest: the region's spread, their names far apart.
        names = {highest[0].name, highest[-1].name}
        lines = [(core_font_text(n), s) for n, s in comparison.gemeenten if n in names]
        writer.space(0.1)
        writer.ensure(3.3)
        writer.text(
            "Inbraakrisico door de tijd: de regio, het land, en de gemeenten met het hoogste en "
            "het laagste risico",
            size=11,
            bold=True,
        )
        writer.chart(
            2.6,
            lambda axes: draw_rate_comparison(
                axes,
                lines,
                comparison.region,
                comparison.national,
                overview.regional_reference,
                font_size=CHART_FONT,
            ),
            left=0.6,
            below=0.45,
        )


def _regional_table(writer: PageWriter, overview: RegionalOverview) -> None:
    writer.new_page()
    writer.heading("Regionaal beeld per gemeente")
    writer.text(
        "Risico per 1.000 woningen (12 maanden) en het verschil met de nulmeting; lege cellen: "
        "cellen van de 3D-matrix zonder maatregel die de gemeente niet bewust leeg liet. In "
        "rood: geen pakket.",
        size=9,
        colour=MUTED,
    )
    writer.table(
        (
            "Gemeente",
            "Risico",
            "t.o.v. 2016",
            "Doelen op koers / risico / achter",
            "Acties open / te laat",
            "Lege cellen",
            "Pakket",
        ),
        [_regional_row(row) for row in overview.standings],
        (2.4, 0.7, 1.2, 2.6, 1.3, 0.8, 1.1),
        size=8,
        colours=[None if row.has_package else ALERT for row in overview.standings],
    )


def _regional_row(row: MunicipalityStanding) -> tuple[str, ...]:
    if not row.has_package:
        return (row.name, "—", "—", "geen pakket", "—", "—", "ontbreekt")
    return (
        row.name,
        wording.rate_text(row.rate.rate if row.rate else None),
        wording.change_text(row),
        wording.goal_counts(row),
        f"{row.actions.open} / {row.actions.overdue}",
        str(len(row.matrix_gaps)),
        wording.short_date(row.package_date),
    )


def _matrix_page(writer: PageWriter, content: ReportContent) -> None:
    overview = content.overview
    included = overview.included
    writer.new_page()
    writer.heading("3D-matrix over alle gemeenten")
    writer.text(
        f"Per cel (doelgroep en aard) hoeveel van de {len(included)} gemeenten met een pakket "
        "er maatregelen (niet gestopt) hebben, bij hoeveel de cel leeg is (een gat in het plan) "
        "of bewust leeg; nazorg telt alleen voor slachtoffer/woning. Welke cellen een gemeente "
        "leeg heeft, staat bij haar aandachtspunten.",
        size=9,
        colour=MUTED,
    )
    rows = []
    for index, cell in enumerate(overview.cells):
        covered = sum(1 for row in included if row.matrix_counts[index])
        measures = sum(row.matrix_counts[index] for row in included)
        rows.append(
            (
                wording.cell_label(cell),
                str(covered),
                str(len(overview.gemeenten_without(cell))),
                str(len(overview.gemeenten_marked_empty(cell))),
                str(measures),
            )
        )
    writer.table(
        ("Doelgroep / aard", "Met maatregelen", "Leeg", "Bewust leeg", "Maatregelen"),
        rows,
        (3.0, 1.4, 1.0, 1.2, 1.2),
        size=8.5,
    )
    practices_section(writer, content, embedded_counted=True)


def _attention_pages(
    writer: PageWriter, content: ReportContent, progress: Callable[[int], None]
) -> None:
    included = content.overview.included
    blocks = []
    quiet = []
    for row in included:
        points = [text for _subject, text in wording.attention_points(row)]
        extras = content.extras.get(row.cbs_code)
        if points or (extras is not None and (extras.notes or extras.suggestions)):
            blocks.append((row, points, extras))
        else:
            quiet.append((row, extras))
    writer.new_page()
    writer.heading(f"Gemeenten die aandacht vragen: {len(blocks)} van {len(included)}")
    writer.text(
        "Per gemeente: het pakket, de stand in één regel, dan wat aandacht vraagt, wat sinds "
        "de vorige werkgroep in het plan veranderde, en de notities van het RSIV en de "
        "suggesties van de werkgroep. De volledige agendapunten staan in de Excel-versie.",
        size=9,
        colour=MUTED,
    )
    for number, (row, points, extras) in enumerate(blocks, start=1):
        _attention_block(writer, row, points, extras)
        progress(80 + 18 * number // max(len(blocks), 1))
    if quiet:
        writer.heading(f"Gemeenten zonder aandachtspunten: {len(quiet)}", 13)
        writer.table(
            ("Gemeente", "Risico", "t.o.v. 2016", "Doelen", "Gewijzigd sinds de vorige werkgroep"),
            [
                (
                    row.name,
                    wording.rate_text(row.rate.rate if row.rate else None),
                    wording.change_text(row),
                    wording.goal_counts(row),
                    "; ".join(extras.change_lines()) if extras is not None else wording.NOT_KNOWN,
                )
                for row, extras in quiet
            ],
            (2.2, 0.8, 1.2, 1.2, 4.0),
            size=8,
        )


def _attention_block(
    writer: PageWriter,
    row: MunicipalityStanding,
    points: list[str],
    extras: WerkgroepExtras | None,
) -> None:
    package = row.package
    summary = " · ".join(
        (
            f"pakket {package.sequence if package else wording.NOT_KNOWN} van "
            f"{wording.short_date(row.package_date)}",
            f"risico {wording.rate_text(row.rate.rate if row.rate else None)} "
            f"({wording.change_text(row)})",
            f"doelen {wording.goals_text(row)}",
            f"acties {row.actions.open} open, {row.actions.overdue} te laat",
            f"{row.measures} maatregelen, extra kosten {wording.euros(row.extra_cost_eur)}",
        )
    )
    lines = list(points)
    if extras is not None:
        since = f" ({wording.short_date(extras.since)})" if extras.since else ""
        changes = shortened("; ".join(extras.change_lines()), TEXT_LIMIT)
        lines.append(f"Gewijzigd sinds de vorige werkgroep{since}: {changes}")
        lines += [f"Notitie RSIV: {shortened(note, TEXT_LIMIT)}" for note in extras.notes]
        lines += [
            f"Suggestie werkgroep {wording.short_date(item.werkgroep_on)}: "
            f"{shortened(item.text, TEXT_LIMIT)}"
            for item in extras.suggestions
        ]
    # A block that fits on a page is not split; a longer one begins where it is and goes on
    # under "(vervolg)".
    step = SIZE * LINE_SPACING / 72
    height = 0.55 + step * (
        len(wrap(summary, writer.width, SIZE))
        + sum(len(wrap(line, writer.width - 0.22, SIZE)) for line in lines)
    )
    writer.ensure(height if height < BLOCK_KEPT_TOGETHER else 1.0)
    writer.heading(row.name, 11)
    writer.continuation = f"{row.name} (vervolg)"
    writer.text(summary, size=SIZE, colour=MUTED)
    writer.bullets(lines, size=SIZE)
    writer.space(0.06)
    writer.continuation = ""
