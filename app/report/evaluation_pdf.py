"""The evaluation as an A4 portrait PDF: one gemeente's, or the regional one for the RBO.

Headless (matplotlib's PDF backend, no Qt), laid out with the reports' PageWriter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_pdf import PdfPages

from app.analysis.charts import style
from app.analysis.numbers import dutch_number
from app.core.course.evaluation import B3W_NOTE, EvaluationView, MeasureResult
from app.core.region.agenda import shortened
from app.core.region.evaluation import RateChange, RegionalEvaluation, RegionalRow
from app.kernel.errors import UserError
from app.kernel.files import written_file
from app.report import wording
from app.report.page_writer import MUTED, PageWriter
from database.enums import B3WStage, B3WWorld, GoalState, MeasureDecision

ALERT = style.VERMILLION
GOAL_COLOURS = {GoalState.BEHIND: ALERT, GoalState.AT_RISK: "#8A5A00"}
CHART_FONT = 8.5
EXPLANATION_SHOWN = 300  # characters of a measure's explanation in its table row


def write_evaluation_pdf(view: EvaluationView, path: Path, made_on_text: str) -> Path:
    title = f"Evaluatie aanpak woninginbraken — {view.name}"
    with _pdf(path, title) as writer:
        _gemeente_cover(writer, view, made_on_text)
        _goals(writer, view)
        _measures(writer, view)
        _findings(writer, view)
        _b3w(writer, view)
    return path


def write_regional_pdf(regional: RegionalEvaluation, path: Path) -> Path:
    title = "Regionale evaluatie aanpak woninginbraken"
    with _pdf(path, title) as writer:
        _regional_cover(writer, regional)
        _rate_table(writer, regional)
        _embedded(writer, regional)
        for row in regional.rows:
            _regional_gemeente(writer, row)
    return path


@contextlib.contextmanager
def _pdf(path: Path, title: str) -> Iterator[PageWriter]:
    """A PageWriter on a new PDF; a file that cannot be written is a Dutch error."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise UserError(
            f"De evaluatie wordt een .pdf-bestand, niet '{path.name}'. Kies een bestandsnaam "
            "die eindigt op .pdf."
        )
    # TrueType fonts: the text stays selectable and searchable in every PDF reader.
    with (
        written_file(path, "De evaluatie") as temporary,
        matplotlib.rc_context({"pdf.fonttype": 42}),
        PdfPages(temporary) as pdf,
    ):
        info = pdf.infodict()
        info["Title"] = title
        info["Author"] = "Aanpak Woninginbraken"
        writer = PageWriter(pdf, title)
        yield writer
        writer.finish()


# --- one gemeente -------------------------------------------------------------------------


def _gemeente_cover(writer: PageWriter, view: EvaluationView, made_on_text: str) -> None:
    writer.text("Aanpak woninginbraken, eenheid Den Haag", size=11, colour=MUTED)
    writer.text(f"Evaluatie na 12 maanden — {view.name}", size=20, bold=True)
    writer.text(view.plan_title, size=11)
    writer.space(0.1)
    evaluated = view.data.evaluated_on
    writer.text(
        f"Lokale start: {wording.short_date(view.local_start)} · termijn evaluatie: "
        f"{wording.short_date(view.due)} · geëvalueerd op: {wording.short_date(evaluated)} · "
        f"gemaakt: {made_on_text}",
        size=9.5,
        colour=MUTED,
    )
    if not view.exists:
        writer.space(0.1)
        writer.text(
            "Er is nog geen evaluatie vastgelegd; dit document toont de stand van doelen en "
            "maatregelen.",
            bold=True,
            colour=ALERT,
        )
    if view.data.summary:
        writer.heading("Samenvatting", 13)
        writer.text(view.data.summary)


def _goals(writer: PageWriter, view: EvaluationView) -> None:
    writer.heading("Resultaten van de doelstellingen", 13)
    if not view.goals:
        writer.text("Het plan heeft geen doelstellingen.", colour=MUTED)
        return
    writer.table(
        ("Doelstelling", "Nulmeting", "Streefwaarde", "Bereikt", "Stand"),
        [
            (
                g.title,
                f"{_number(g.baseline_value)} ({g.baseline_year})",
                f"{_number(g.target_value)} vóór {wording.short_date(g.deadline)}",
                (
                    f"{_number(g.reached)} ({wording.short_date(g.measured_on)})"
                    if g.reached is not None
                    else "geen cijfers"
                ),
                g.state.label,
            )
            for g in view.goals
        ],
        (3.6, 1.5, 2.2, 2.1, 1.3),
        colours=[GOAL_COLOURS.get(g.state) for g in view.goals],
    )
    writer.text("Eenheden: " + "; ".join(f"{g.title}: {g.unit}" for g in view.goals), size=8)


def _measures(writer: PageWriter, view: EvaluationView) -> None:
    carried = view.carried_out
    writer.heading("Uitgevoerde maatregelen en besluit per maatregel", 13)
    writer.text(
        f"{len(carried)} maatregel(en) uitgevoerd of gestart; extra kosten samen "
        f"{wording.euros(view.extra_cost_eur)}.",
    )
    writer.table(
        ("Maatregel", "Status", "Extra kosten", "Besluit", "Toelichting"),
        [_measure_row(m) for m in carried],
        (3.6, 1.1, 1.3, 1.9, 3.4),
        size=8,
    )


def _measure_row(measure: MeasureResult) -> tuple[str, ...]:
    return (
        measure.title,
        measure.status.label,
        wording.euros(measure.extra_cost_eur),
        measure.decision.label if measure.decision else "nog niet besloten",
        # A table row cannot continue on the next page: the full text stays in the app.
        shortened(measure.explanation, EXPLANATION_SHOWN),
    )


def _findings(writer: PageWriter, view: EvaluationView) -> None:
    for title, text in (
        ("Successen", view.data.successes),
        ("Knelpunten", view.data.bottlenecks),
        ("Vervolg", view.data.follow_up),
    ):
        writer.heading(title, 13)
        writer.text(text or "Niet ingevuld.", colour=MUTED if not text else "#000000")


def _b3w(writer: PageWriter, view: EvaluationView) -> None:
    writer.heading("B3W-checklist", 13)
    writer.text(B3W_NOTE, size=8.5, colour=MUTED)
    writer.space(0.05)
    writer.table(
        ("Wereld", *(stage.label.capitalize() for stage in B3WStage)),
        [
            (
                world.label.capitalize(),
                *(_answer(view, world, stage) for stage in B3WStage),
            )
            for world in B3WWorld
        ],
        (2.6, 2.5, 2.5, 2.5),
    )
    notes = [
        f"{e.world.label.capitalize()}, {e.stage.label}: {e.explanation}"
        for e in view.data.b3w
        if e.explanation
    ]
    if notes:
        writer.bullets(notes, size=8.5)


def _answer(view: EvaluationView, world: B3WWorld, stage: B3WStage) -> str:
    entry = view.answer(world, stage)
    return entry.answer.label if entry.answer else "niet beantwoord"


# --- the region -------------------------------------------------------------------------


def _regional_cover(writer: PageWriter, regional: RegionalEvaluation) -> None:
    writer.text("RSIV — Regionaal Samenwerkingsverband Integrale Veiligheid", size=11, colour=MUTED)
    writer.text("Regionale evaluatie aanpak woninginbraken", size=20, bold=True)
    writer.text("Samenvatting voor het RBO", size=13)
    writer.text(f"Stand op {wording.long_date(regional.made_on)}", size=10, colour=MUTED)
    writer.space(0.15)
    writer.text(
        f"{len(regional.evaluated)} van de {len(regional.rows)} gemeenten hebben een evaluatie "
        "aangeleverd. Het inbraakrisico is het aantal woninginbraken (inclusief pogingen) per "
        "1.000 woningen over 12 maanden; het regionale gemiddelde van 2016 was "
        f"{dutch_number(regional.regional_reference, 0)}."
    )
    missing = [row.name for row in regional.rows if not row.evaluated]
    if missing:
        writer.text("Nog geen evaluatie: " + ", ".join(missing) + ".", bold=True, colour=ALERT)


def _rate_table(writer: PageWriter, regional: RegionalEvaluation) -> None:
    writer.heading("Inbraakrisico per gemeente: regionaal en landelijk vergeleken", 13)
    writer.table(
        (
            "Gemeente",
            "Basisjaar",
            "Laatste 12 mnd",
            "Verandering",
            "Landelijk: verandering (nu)",
            "Onder 8",
            "Onder landelijk",
            "Doelen op koers",
        ),
        [_rate_row(row) for row in regional.rows],
        (2.2, 1.3, 1.6, 1.5, 1.5, 0.9, 1.3, 1.3),
        size=7.5,
    )
    shown = [row for row in regional.rows if row.rate and row.rate.change_percent is not None]
    if shown:
        writer.chart(
            0.32 * len(shown) + 0.4,
            lambda axes: _draw_changes(axes, shown),
            left=1.6,
            above=0.1,
            below=0.55,
        )


def _rate_row(row: RegionalRow) -> tuple[str, ...]:
    rate = row.rate
    if rate is None:
        return (row.name, "geen pakket", "", "", "", "", "", "")
    goals = row.evaluation.goals if row.evaluation else ()
    met = sum(g.state is GoalState.ON_TRACK for g in goals)
    return (
        row.name,
        f"{wording.rate_text(rate.baseline_rate)} ({rate.baseline_year or '—'})",
        f"{wording.rate_text(rate.rate)} (t/m {_month(rate)})",
        _percent(rate.change_percent),
        f"{_percent(rate.national_change_percent)} ({wording.rate_text(rate.national_rate)})",
        _yes_no(rate.below_regional),
        _yes_no(rate.below_national),
        f"{met} van {len(goals)}",
    )


def _draw_changes(axes: Axes, rows: Sequence[RegionalRow]) -> None:
    names = [row.name for row in rows]
    # The caller passes only rows with a rate and a change.
    values = [
        rate.change_percent
        for row in rows
        if (rate := row.rate) is not None and rate.change_percent is not None
    ]
    national = next(
        (
            r.rate.national_change_percent
            for r in rows
            if r.rate and r.rate.national_change_percent is not None
        ),
        None,
    )
    positions = list(range(len(rows)))[::-1]
    axes.barh(positions, values, color=[style.BLUE if (v or 0) < 0 else ALERT for v in values])
    axes.set_yticks(positions, names, fontsize=CHART_FONT)
    if national is not None:
        axes.axvline(national, color=style.BLACK, linestyle="--", linewidth=1.5)
        axes.annotate(
            f"landelijk {_percent(national)}",
            (national, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, 2),
            textcoords="offset points",
            fontsize=CHART_FONT,
        )
    axes.axvline(0, color=MUTED, linewidth=0.8)
    axes.set_xlabel(
        "Verandering van het inbraakrisico sinds het basisjaar (%)", fontsize=CHART_FONT
    )
    axes.tick_params(labelsize=CHART_FONT)
    axes.spines[["top", "right"]].set_visible(False)


def _embedded(writer: PageWriter, regional: RegionalEvaluation) -> None:
    writer.heading("Maatregelen die worden geborgd in het reguliere werk", 13)
    embedded = regional.embedded_measures()
    if not embedded:
        writer.text("Geen gemeente heeft een maatregel als 'borgen' beoordeeld.", colour=MUTED)
        return
    writer.table(
        ("Maatregel", "Geborgd in"),
        [(title, ", ".join(names)) for title, names in embedded],
        (5.0, 5.0),
        size=8,
    )


def _regional_gemeente(writer: PageWriter, row: RegionalRow) -> None:
    writer.ensure(2.5)
    writer.heading(row.name, 13)
    view = row.evaluation
    if view is None:
        writer.text("Geen pakket ontvangen: geen evaluatie beschikbaar.", colour=ALERT)
        return
    if not view.exists:
        writer.text("Nog geen evaluatie vastgelegd.", colour=ALERT)
    if row.rate is not None:
        writer.text(
            f"Resultaat: inbraakrisico {wording.rate_text(row.rate.baseline_rate)} in "
            f"{row.rate.baseline_year or '—'} → {wording.rate_text(row.rate.rate)} "
            f"(t/m {_month(row.rate)}), {_percent(row.rate.change_percent)}; doelen op koers: "
            f"{sum(g.state is GoalState.ON_TRACK for g in view.goals)} van {len(view.goals)}.",
            bold=True,
        )
    decisions = {d: 0 for d in MeasureDecision}
    for measure in view.measures:
        if measure.decision:
            decisions[measure.decision] += 1
    held = (
        f"Geëvalueerd op {wording.short_date(row.evaluated_on)}"
        if row.evaluated
        else "Nog geen evaluatie gehouden (concept)"
    )
    writer.text(
        f"{held}; extra kosten "
        f"{wording.euros(view.extra_cost_eur)}; besluiten: "
        + ", ".join(f"{d.label} {n}" for d, n in decisions.items())
        + ".",
        size=9,
    )
    for title, text in (
        ("Samenvatting", view.data.summary),
        ("Successen", view.data.successes),
        ("Knelpunten", view.data.bottlenecks),
    ):
        if text:
            writer.text(f"{title}: {text}", size=9)
    answers = [
        f"{world.label}: " + "/".join(_answer(view, world, s) for s in B3WStage)
        for world in B3WWorld
    ]
    writer.text(
        "B3W (analyse/maatregelen/uitvoering): " + "; ".join(answers) + ".", size=8.5, colour=MUTED
    )


def _month(rate: RateChange) -> str:
    return f"{rate.latest_month:%m-%Y}" if rate.latest_month else "—"


def _percent(value: float | None) -> str:
    if value is None:
        return wording.NOT_KNOWN
    sign = "+" if value > 0 else ""
    return f"{sign}{dutch_number(value, 0)}%"


def _number(value: float) -> str:
    return dutch_number(value, None)


def _yes_no(value: bool | None) -> str:
    return wording.NOT_KNOWN if value is None else ("ja" if value else "nee")
