"""Overzicht: the first screen, what needs the projectleider's attention, each item a way in.

Every line is a button that opens the screen where the matter is fixed, so the page works
from the keyboard (Tab to a line, Space to open it) as well as with the mouse.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.overview.overview import FigureOverview, PlanOverview, figure_overview, plan_overview
from app.ui.overview.card import ITEMS_SHOWN, OverviewCard
from app.ui.overview.feedback_card import feedback_card
from app.ui.widgets.background import Job
from app.ui.widgets.form_widgets import DUTCH, scrolling
from app.ui.widgets.page_heading import style_heading
from app.ui.window.context import ScreenContext
from app.ui.window.paint_watch import PaintWatcher

if TYPE_CHECKING:
    from app.core.figures.figures import RateSummary
from database.enums import GoalState

ALERT = "#b00020"
WARNING = "#a86400"
GOOD = "#1b7a3a"
ATTENTION_ORDER = (GoalState.BEHIND, GoalState.AT_RISK, GoalState.UNKNOWN, GoalState.ON_TRACK)
STATE_COLOURS = {
    GoalState.ON_TRACK: GOOD,
    GoalState.AT_RISK: WARNING,
    GoalState.BEHIND: ALERT,
    GoalState.UNKNOWN: "#555555",
}


def rate_text(value: float) -> str:
    return DUTCH.toString(value, "f", 1)


def value_text(value: float) -> str:
    """Dutch notation; whole numbers (counts) without decimals."""
    return DUTCH.toString(value, "f", 0 if float(value).is_integer() else 1)


class OverviewPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.clock: Callable[[], date] = date.today
        self.cards: dict[str, OverviewCard] = {}
        # Figures need pandas: they are computed off the GUI thread after the rest is shown.
        self._figures: FigureOverview | None = None
        self._figures_job: Job | None = None
        self._generation = 0
        self._figures_generation = -1
        self._paint_watcher: PaintWatcher | None = None
        self._painted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(24, 16, 24, 16)
        self._heading = QLabel()
        self._heading.setObjectName("overviewHeading")
        style_heading(self._heading)
        self._heading.setWordWrap(True)
        self._body.addWidget(self._heading)
        self._subtitle = QLabel()
        self._subtitle.setWordWrap(True)
        self._body.addWidget(self._subtitle)
        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(2, 1)
        self._body.addLayout(self._grid)
        self._body.addStretch(1)
        layout.addWidget(scrolling(body))
        self.refresh()

    @property
    def figures_loaded(self) -> bool:
        return self._figures is not None

    def refresh(self) -> None:
        self._generation += 1
        self._figures = None
        self._render(plan_overview(self._context.workspace, self.clock()))
        if not self._context.workspace.summary.municipality_code:
            return
        if self._painted:
            QTimer.singleShot(0, self._load_figures)
        elif self._paint_watcher is None:
            # Only once the page is on screen: importing pandas holds the GIL while it draws.
            self._paint_watcher = PaintWatcher(self, self._first_painted)

    def _first_painted(self) -> None:
        self._painted = True
        QTimer.singleShot(0, self._load_figures)

    # Results arrive through bound slots: Qt drops them when this page is already deleted.
    def _load_figures(self) -> None:
        self._figures_generation = self._generation
        workspace, today = self._context.workspace, self.clock()

        def work(_progress: object, _cancelled: object) -> PlanOverview:
            # The whole overview is read here, so the GUI thread only draws the cards.
            return plan_overview(workspace, today, figure_overview(workspace))

        self._figures_job = self._context.jobs.start(
            work, self._show_figures, self._figures_failed, yields=True
        )

    def _show_figures(self, overview: PlanOverview) -> None:
        if self._figures_generation != self._generation:
            return  # a newer refresh is under way
        self._figures = overview.figures
        self._render(overview)

    def _figures_failed(self, error: BaseException) -> None:
        if self._figures_generation != self._generation:
            return
        from app.kernel.crash_log import record_unexpected

        record_unexpected(error)
        card = self.cards.get("rate")
        if card is not None:
            card.add_text(self.tr("De cijfers konden niet worden berekend; zie het foutenlog."))

    def _render(self, overview: PlanOverview) -> None:
        summary = self._context.workspace.summary
        self._heading.setText(overview.counts.plan_title or self.tr("Nog geen plan van aanpak"))
        subtitle = self.tr("Werkruimte: {name} — stand op {day}").format(
            name=summary.display_name, day=f"{overview.today:%d-%m-%Y}"
        )
        if summary.is_demo:
            subtitle += " — " + self.tr("demogegevens, de cijfers zijn illustratief")
        self._subtitle.setText(subtitle)
        self._clear()
        cards = (
            self._rate_card(overview),
            self._goals_card(overview),
            self._actions_card(overview),
            self._hotspots_card(overview),
            self._matrix_card(overview),
            self._meetings_card(overview),
            self._timeline_card(overview),
            self._feedback_card(overview),
        )
        for index, (key, card) in enumerate(cards):
            card.finish()
            self.cards[key] = card
            self._grid.addWidget(card, index // 3, index % 3)

    def _open(self, area_key: str) -> None:
        self._context.shell.navigate(area_key)

    def _card(self, title: str, area_key: str, button_text: str) -> OverviewCard:
        return OverviewCard(title, area_key, button_text, self._open)

    def _clear(self) -> None:
        self.cards.clear()
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _rate_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        card = self._card(
            self.tr("Inbraakrisico (12 maanden)"), "figures", self.tr("&Cijfers openen")
        )
        if overview.figures is None:
            card.add_text(self.tr("Cijfers worden berekend…"))
            return "rate", card
        rate: RateSummary | None = overview.figures.rate
        if rate is not None and rate.withheld_cells:
            withheld = self.tr("CBS hield {n} cel(len) achter: onbekend, niet 0.").format(
                n=rate.withheld_cells
            )
            if rate.withheld_months:
                withheld += " " + self.tr(
                    "Daarvan {n} maand(en) in de laatste 12: risico daarover onbekend."
                ).format(n=rate.withheld_months)
        else:
            withheld = ""
        if rate is None or rate.rate is None:
            card.add_text(
                withheld or self.tr("Nog geen inbraakcijfers en woningvoorraad ingelezen.")
            )
            return "rate", card
        number = card.add_text(
            self.tr("<b style='font-size:18pt'>{rate}</b> per 1.000 woningen").format(
                rate=rate_text(rate.rate)
            )
        )
        number.setTextFormat(Qt.TextFormat.RichText)
        month = f"{rate.month:%m-%Y}" if rate.month else ""
        card.add_text(
            self.tr("{count} inbraken (incl. pogingen) in de 12 maanden tot en met {month}").format(
                count=rate.burglaries if rate.burglaries is not None else "?", month=month
            )
        )
        if rate.split_unknown:
            card.add_text(self.tr("CBS-cijfers: incl. pogingen, verdeling onbekend."))
        if withheld:
            card.add_text(withheld)
        above = rate.above_regional
        card.add_text(
            self.tr("Regionaal referentiecijfer (RBO 2016): {value} — {verdict}").format(
                value=rate_text(rate.regional_reference),
                verdict=self.tr("erboven") if above else self.tr("eronder"),
            )
        )
        if rate.national_rate is not None:
            card.add_text(
                self.tr("Landelijk gemiddelde ({year}): {value} — {verdict}").format(
                    year=rate.national_year,
                    value=rate_text(rate.national_rate),
                    verdict=self.tr("nog erboven")
                    if rate.above_national
                    else self.tr("doel bereikt: eronder"),
                )
            )
        return "rate", card

    def _goals_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        card = self._card(self.tr("Doelstellingen"), "goals", self.tr("&Doelstellingen openen"))
        if not overview.goals:
            card.add_line(self.tr("Nog geen SMART-doelstellingen: voeg er een toe"), "goals", ALERT)
            return "goals", card
        # Those that need attention first; within a state, the plan's order (by deadline).
        ordered = sorted(overview.goals, key=lambda goal: ATTENTION_ORDER.index(goal.state))
        for goal in ordered[:ITEMS_SHOWN]:
            if overview.figures is None:
                state = self.tr("wordt berekend…")
            elif goal.current_value is None:
                state = self.tr("nog geen cijfers")
            else:
                state = self.tr("{state} ({value}, doel {target})").format(
                    state=goal.state.label,
                    value=value_text(goal.current_value),
                    target=value_text(goal.target_value),
                )
            card.add_line(f"{goal.title}: {state}", "goals", STATE_COLOURS[goal.state])
        if len(ordered) > ITEMS_SHOWN:
            card.add_line(self.tr("… en nog {n}").format(n=len(ordered) - ITEMS_SHOWN), "goals")
        return "goals", card

    def _actions_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        card = self._card(self.tr("Acties"), "actions", self.tr("&Actielijst openen"))
        if not overview.overdue_actions and not overview.upcoming_actions:
            card.add_text(self.tr("Geen acties over de termijn en geen acties deze week."))
        late = [
            self.tr("Te laat: {title} ({owner}, {due})").format(
                title=a.title, owner=a.owner or "—", due=f"{a.due_date:%d-%m-%Y}"
            )
            for a in overview.overdue_actions
        ]
        this_week = [
            self.tr("Deze week: {title} ({owner}, {due})").format(
                title=a.title, owner=a.owner or "—", due=f"{a.due_date:%d-%m-%Y}"
            )
            for a in overview.upcoming_actions
        ]
        # Both lists share the card's lines (at 150% two lists of four did not fit): the late
        # ones first, at least one of this week's when there are any, then one count of the rest.
        late_shown = late[: ITEMS_SHOWN - (1 if this_week else 0)]
        week_shown = this_week[: ITEMS_SHOWN - len(late_shown)]
        for text in late_shown:
            card.add_line(text, "actions", ALERT)
        for text in week_shown:
            card.add_line(text, "actions")
        rest = overview.overdue_count + overview.upcoming_count - len(late_shown) - len(week_shown)
        if rest > 0:
            card.add_line(self.tr("… en nog {n}").format(n=rest), "actions")
        return "actions", card

    def _hotspots_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        card = self._card(
            self.tr("Hotspots die wachten op een analyse"), "hotspots", self.tr("Hot&spots openen")
        )
        if not overview.counts.hotspots:
            card.add_text(
                self.tr("Nog geen hotspots vastgelegd; voeg ze toe in het scherm Hotspots.")
            )
        elif not overview.waiting_hotspots:
            card.add_text(self.tr("Elke hotspot heeft een verwerkte probleemanalyse."))
        analysis_late = self.tr(
            "Te laat: {label}: formulier verstuurd op {day}, {n} dagen geen antwoord"
        )
        deep_late = self.tr("DIK te laat: {label}: aangevraagd op {day}, {n} dagen geen antwoord")
        card.add_lines(
            [
                template.format(
                    label=late.label, day=f"{late.asked_on:%d-%m-%Y}", n=late.days_waiting
                )
                for template, answers in (
                    (analysis_late, overview.late_analyses),
                    (deep_late, overview.late_deep_analyses),
                )
                for late in answers
            ],
            "hotspots",
            self.tr("… en nog {n}"),
            ALERT,
        )
        late_ids = {a.hotspot_id for a in overview.late_analyses}
        card.add_lines(
            [
                self.tr("{label}: analyse {state}").format(
                    label=h.label,
                    state=h.state.label if h.state else self.tr("ontbreekt"),
                )
                for h in overview.waiting_hotspots
                if h.id not in late_ids
            ],
            "hotspots",
            self.tr("… en nog {n}"),
            WARNING,
        )
        return "hotspots", card

    def _matrix_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        title = self.tr("Lege cellen in de 3D-matrix")
        if overview.matrix_gaps:
            title += f" ({len(overview.matrix_gaps)})"
        card = self._card(title, "matrix", self.tr("3D-&matrix openen"))
        if not overview.matrix_gaps and not overview.marked_empty:
            card.add_text(self.tr("Elke combinatie van doelgroep en aard heeft een maatregel."))
        elif not overview.matrix_gaps:
            card.add_text(
                self.tr(
                    "Elke combinatie van doelgroep en aard heeft een maatregel of is bewust leeg."
                )
            )
        if overview.marked_empty:
            card.add_text(
                self.tr("Bewust leeg gelaten, met reden: {n} cel(len)").format(
                    n=overview.marked_empty
                )
            )
        card.add_lines(
            [
                self.tr("Geen maatregel voor {group}, {kind}").format(
                    group=gap.target_group.label, kind=gap.intervention.label
                )
                for gap in overview.matrix_gaps
            ],
            "matrix",
            self.tr("… en nog {n}"),
            WARNING,
        )
        return "matrix", card

    def _meetings_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        card = self._card(self.tr("Volgende overleggen"), "meetings", self.tr("&Overleggen openen"))
        if not overview.next_meetings:
            card.add_line(self.tr("Geen overleggen gepland: plan het volgende"), "meetings")
        for meeting in overview.next_meetings:
            card.add_line(
                self.tr("{day}: {title} ({tier})").format(
                    day=f"{meeting.held_on:%d-%m-%Y}",
                    title=meeting.title,
                    tier=meeting.tier.label,
                ),
                "meetings",
            )
        return "meetings", card

    def _timeline_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        card = self._card(
            self.tr("Te laat op de tijdlijn"), "timeline", self.tr("&Tijdlijn openen")
        )
        if not overview.late_milestones:
            card.add_text(self.tr("Alle mijlpalen tot vandaag zijn gehaald."))
        card.add_lines(
            [
                self.tr("{title} (termijn {day})").format(
                    title=milestone.title, day=f"{milestone.due:%d-%m-%Y}"
                )
                for milestone in reversed(overview.late_milestones)
            ],
            "timeline",
            self.tr("… en nog {n}"),
            ALERT,
        )
        return "timeline", card

    def _feedback_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        return "feedback", feedback_card(overview.feedback)
