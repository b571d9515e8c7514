"""The RSIV's Overzicht: the regional overview of every participating gemeente.

Tabs: the gemeenten by indicator, the 3D matrix across the gemeenten, the charts (rates
against the regional 8 and the national average; the matrix), the measures that work, and the
werkgroep's feedback to each gemeente.
The numbers need pandas, so they are computed off the GUI thread after the page is shown;
the buttons make the werkgroep report or the RBO summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.region.practices import RULE_TEXT, BestPractice
from app.ui.region.columns import matrix_columns, practice_columns, standing_columns
from app.ui.region.feedback import FeedbackTab
from app.ui.widgets.background import Job
from app.ui.widgets.page_heading import style_heading
from app.ui.widgets.rows_model import RowsTableModel
from app.ui.window.context import ScreenContext

if TYPE_CHECKING:
    from app.core.feedback.export import FeedbackExport
    from app.core.region.contributors import Contributor
    from app.core.region.overview import RegionalOverview
    from app.ui.region.report import ReportMaker


@dataclass(frozen=True)
class RegionSnapshot:
    overview: RegionalOverview
    practices: tuple[BestPractice, ...]
    contributors: tuple[Contributor, ...] = ()


def load_snapshot(context: ScreenContext, today: date) -> RegionSnapshot:
    from app.core.region.contributors import contributors
    from app.core.region.overview import regional_overview
    from app.core.region.practices import best_practices

    overview = regional_overview(context.workspace, today)
    return RegionSnapshot(
        overview, best_practices(context.workspace, overview), contributors(context.workspace)
    )


class RegionPage(QWidget):
    loaded = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.clock: Callable[[], date] = date.today
        self.snapshot: RegionSnapshot | None = None
        self._job: Job | None = None
        self._generation = 0
        self._job_generation = -1
        self.report_maker: ReportMaker | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        heading = QLabel(self.tr("Regionaal overzicht"))
        heading.setObjectName("regionHeading")
        style_heading(heading)
        layout.addWidget(heading)
        self.subtitle = QLabel(self.tr("Cijfers worden berekend…"))
        self.subtitle.setObjectName("regionSubtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.subtitle)

        buttons = QHBoxLayout()
        self.werkgroep_button = QPushButton(self.tr("Werk&groeprapportage maken…"))
        self.werkgroep_button.setObjectName("makeWerkgroepReport")
        self.werkgroep_button.clicked.connect(lambda: self._make_report("werkgroep"))
        self.rbo_button = QPushButton(self.tr("&RBO-samenvatting maken…"))
        self.rbo_button.setObjectName("makeRboReport")
        self.rbo_button.clicked.connect(lambda: self._make_report("rbo"))
        buttons.addWidget(self.werkgroep_button)
        buttons.addWidget(self.rbo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.standings = RowsTableModel(standing_columns(), self)
        self.matrix: RowsTableModel | None = None
        self.practices = RowsTableModel(practice_columns(), self)
        self.standings_view = self._table(self.standings, "regionTable")
        self.tabs.addTab(self.standings_view, self.tr("Gemeenten"))
        self.matrix_view = self._table(None, "regionMatrix")
        self.tabs.addTab(self.matrix_view, self.tr("3D-matrix"))
        self.charts = QWidget()
        self.charts.setLayout(QVBoxLayout())
        self.tabs.addTab(self.charts, self.tr("Grafieken"))
        practices = QWidget()
        practices_layout = QVBoxLayout(practices)
        rule = QLabel(RULE_TEXT)
        rule.setWordWrap(True)
        practices_layout.addWidget(rule)
        self.contributors_label = QLabel()
        self.contributors_label.setObjectName("regionContributors")
        self.contributors_label.setWordWrap(True)
        practices_layout.addWidget(self.contributors_label)
        self.practices_view = self._table(self.practices, "regionPractices")
        practices_layout.addWidget(self.practices_view)
        self.tabs.addTab(practices, self.tr("Goede voorbeelden"))
        self.feedback = FeedbackTab(context, self._today, self)
        self.feedback.exported.connect(self._feedback_made)
        self.tabs.addTab(self.feedback, self.tr("Terugkoppeling"))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs, 1)
        self._charts_drawn = False
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        # After the pending paint: pandas holds the GIL while it loads.
        QTimer.singleShot(0, self._load)

    # Results arrive through bound slots: Qt drops them when this page is already deleted.
    def _load(self) -> None:
        """One computation at a time: a refresh during one reruns it when it is done."""
        if self._job is not None:
            return  # the running job's result starts the newest generation
        self._job_generation = self._generation
        context, today = self._context, self.clock()
        self._job = context.jobs.start(
            lambda _progress, _cancelled: load_snapshot(context, today),
            self._snapshot_ready,
            self._snapshot_failed,
            yields=True,
        )

    def _snapshot_ready(self, snapshot: RegionSnapshot) -> None:
        self._job = None
        if self._job_generation != self._generation:
            self._load()
        else:
            self._show(self._job_generation, snapshot)

    def _snapshot_failed(self, error: BaseException) -> None:
        self._job = None
        if self._job_generation != self._generation:
            self._load()
        else:
            self._failed(self._job_generation, error)

    def _show(self, generation: int, snapshot: RegionSnapshot) -> None:
        if generation != self._generation:
            return
        from app.report import wording

        self.snapshot = snapshot
        overview = snapshot.overview
        parts = [
            self.tr("Stand op {day}").format(day=wording.long_date(overview.today)),
            self.tr("pakketten van {n} van de {total} gemeenten").format(
                n=len(overview.included), total=len(overview.standings)
            ),
            wording.werkgroep_text(overview),
        ]
        text = " — ".join(parts)
        if overview.missing:
            names = ", ".join(row.name for row in overview.missing)
            text += "<br><b style='color:#b00020'>{}</b>".format(
                self.tr("Ontbreekt: {names}").format(names=names)
            )
        self.subtitle.setText(text)
        self.standings.set_rows(overview.standings)
        self.matrix = RowsTableModel(matrix_columns(overview.cells), self)
        self.matrix.set_rows(overview.included)
        self.matrix_view.setModel(self.matrix)
        _fit_to_width(self.matrix_view)
        self.practices.set_rows(snapshot.practices)
        self.contributors_label.setText(self._contributors_text(snapshot))
        self._charts_drawn = False
        if self.tabs.currentWidget() is self.charts:
            self._draw_charts()
        self.loaded.emit()

    def _contributors_text(self, snapshot: RegionSnapshot) -> str:
        from app.report import wording

        if not snapshot.contributors:
            return self.tr("Nog geen bijdragers: gemeenten buiten de regio die voorbeelden delen.")
        listed = "; ".join(
            self.tr("{name} ({code}), pakket van {day}, {n} maatregelen").format(
                name=row.name,
                code=row.cbs_code,
                day=wording.short_date(row.package_date),
                n=row.measures,
            )
            for row in snapshot.contributors
        )
        return self.tr(
            "Bijdragers (buiten de cijfers, doelen en lege cellen van de regio): {listed}"
        ).format(listed=listed)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        from app.kernel.crash_log import record_unexpected

        record_unexpected(error)
        self.subtitle.setText(self.tr("De cijfers konden niet worden berekend; zie het foutenlog."))

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.charts and not self._charts_drawn:
            self._draw_charts()

    def _draw_charts(self) -> None:
        """Matplotlib's Qt canvas is loaded only when the charts are first looked at."""
        if self.snapshot is None:
            return
        from app.analysis.charts.region import (
            GemeenteRate,
            matrix_chart,
            rate_comparison_chart,
            rates_chart,
        )
        from app.ui.widgets.chart_view import ChartView

        overview = self.snapshot.overview
        layout = self.charts.layout()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        national = (
            (overview.national_year, overview.national_rate)
            if overview.national_year is not None and overview.national_rate is not None
            else None
        )
        rates = ChartView()
        rates.show_figure(
            rates_chart(
                [
                    GemeenteRate(row.name, row.rate.rate, row.rate.baseline_rate)
                    for row in overview.included
                    if row.rate is not None
                ],
                overview.regional_reference,
                national,
            ),
            self.tr("Inbraakrisico per gemeente tegen het regionale en landelijke gemiddelde"),
        )
        comparison = ChartView()
        comparison.setObjectName("rateComparison")
        if overview.comparison is not None:
            comparison.show_figure(
                rate_comparison_chart(
                    overview.comparison.gemeenten,
                    overview.comparison.region,
                    overview.comparison.national,
                    overview.regional_reference,
                ),
                self.tr("Inbraakrisico per gemeente door de tijd, tegen regio en land"),
            )
        matrix = ChartView()
        matrix.show_figure(
            matrix_chart(
                [row.name for row in overview.included],
                [(group.label, kind.label) for group, kind in overview.cells],
                [row.matrix_counts for row in overview.included],
            ),
            self.tr("3D-matrix over alle gemeenten: lege cellen per gemeente"),
        )
        layout.addWidget(rates)
        layout.addWidget(comparison)
        layout.addWidget(matrix)
        self._charts_drawn = True

    def _make_report(self, kind: str) -> None:
        from app.ui.region.report import ReportMaker

        if self.report_maker is None:
            maker = ReportMaker(self._context.workspace, self._context.jobs, self)
            maker.done.connect(self._report_made)
            self.report_maker = maker
        self.report_maker.choose_and_make(kind, self.clock())

    def _report_made(self, path: object) -> None:
        self._context.shell.show_status(self.tr("Rapportage opgeslagen: {path}").format(path=path))

    def _today(self) -> date:
        return self.clock()

    def _feedback_made(self, made: list[FeedbackExport]) -> None:
        names = ", ".join(item.municipality_name for item in made)
        self._context.shell.show_status(
            self.tr("Terugkoppeling opgeslagen voor {names}").format(names=names)
        )

    def _table(self, model: RowsTableModel | None, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        if model is not None:
            view.setModel(model)
            _fit_to_width(view)
        return view


def _fit_to_width(view: QTableView) -> None:
    """Figures as wide as they are; the first column (a name or title) takes the rest and is
    cut short with "…" (the whole text is the tooltip), so the table does not scroll
    sideways at 1280 pixels wide (150% on a laptop)."""
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
