"""Overzicht: the first screen, what needs the projectleider's attention, each item a way in.

Every line is a button that opens the screen where the matter is fixed, so the page works
from the keyboard (Tab to a line, Space to open it) as well as with the mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.overview import FigureOverview, PlanOverview, figure_overview, plan_overview
from app.ui.background import Job
from app.ui.context import ScreenContext
from app.ui.form_widgets import DUTCH, scrolling
from app.ui.page_heading import style_heading
from app.ui.paint_watch import PaintWatcher

if TYPE_CHECKING:
    from app.core.figures import RateSummary
from database.enums import GoalState

ITEMS_SHOWN = 4  # with five, the Overzicht no longer fits a 1366x768 screen
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


class OverviewCard(QFrame):
    """A titled block with a few lines, each a link to the screen that fixes it, and a button
    that opens that screen (Tab reaches both)."""

    def __init__(
        self, title: str, area_key: str, button_text: str, open_area: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("overviewCard")
        self._open_area = open_area
        self._layout = QVBoxLayout(self)
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        self._layout.addWidget(heading)
        self.lines: list[QLabel] = []
        self.button = QPushButton(button_text)
        self.button.setObjectName(f"open_{area_key}")
        self.button.clicked.connect(lambda: open_area(area_key))

    def add_text(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        self._layout.addWidget(label)
        return label

    def add_line(self, text: str, area_key: str, colour: str | None = None) -> QLabel:
        style = f"color:{colour};" if colour else ""
        label = QLabel(
            f"<a href='{area_key}' style='{style}text-decoration:none'>{escape(text)}</a>"
        )
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.linkActivated.connect(self._open_area)
        self._layout.addWidget(label)
        self.lines.append(label)
        return label

    def add_lines(
        self, texts: Sequence[str], area_key: str, more: str, colour: str | None = None
    ) -> None:
        for text in texts[:ITEMS_SHOWN]:
            self.add_line(text, area_key, colour)
        if len(texts) > ITEMS_SHOWN:
            self.add_line(more.format(n=len(texts) - ITEMS_SHOWN), area_key)

    def finish(self) -> None:
        self._layout.addStretch(1)
        self._layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignLeft)


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
        workspace = self._context.workspace
        job = Job(lambda _progress, _cancelled: figure_overview(workspace))
        job.signals.finished.connect(self._show_figures)
        job.signals.failed.connect(self._figures_failed)
        self._figures_job = job
        job.start()

    def _show_figures(self, figures: FigureOverview) -> None:
        if self._figures_generation != self._generation:
            return  # a newer refresh is under way
        self._figures = figures
        self._render(plan_overview(self._context.workspace, self.clock(), figures))

    def _figures_failed(self, error: BaseException) -> None:
        if self._figures_generation != self._generation:
            return
        from app.core.crash_log import record_unexpected

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
        if rate is None or rate.rate is None:
            card.add_text(self.tr("Nog geen inbraakcijfers en woningvoorraad ingelezen."))
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
        more = self.tr("… en nog {n}")
        card.add_lines(
            [
                self.tr("Te laat: {title} ({owner}, {due})").format(
                    title=a.title, owner=a.owner or "—", due=f"{a.due_date:%d-%m-%Y}"
                )
                for a in overview.overdue_actions
            ],
            "actions",
            more,
            ALERT,
        )
        card.add_lines(
            [
                self.tr("Deze week: {title} ({owner}, {due})").format(
                    title=a.title, owner=a.owner or "—", due=f"{a.due_date:%d-%m-%Y}"
                )
                for a in overview.upcoming_actions
            ],
            "actions",
            more,
        )
        return "actions", card

    def _hotspots_card(self, overview: PlanOverview) -> tuple[str, OverviewCard]:
        card = self._card(
            self.tr("Hotspots die wachten op een analyse"), "hotspots", self.tr("Hot&spots openen")
        )
        if not overview.waiting_hotspots:
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
        card = self._card(
            self.tr("Lege cellen in de 3D-matrix"), "matrix", self.tr("3D-&matrix openen")
        )
        if not overview.matrix_gaps:
            card.add_text(self.tr("Elke combinatie van doelgroep en aard heeft een maatregel."))
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
        from app.ui.feedback_card import feedback_card  # it builds on OverviewCard

        return "feedback", feedback_card(overview.feedback)
