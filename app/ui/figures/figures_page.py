"""Cijfers: the 12-month burglary rate against the references, the charts, the import of
police figures and the national series.

One read of the workspace (`load_figures`) feeds every number and chart on the page; it is
repeated when the page is shown, after an import and after an edit of the national series.
In the RSIV's workspace the page shows one gemeente of its region at a time, chosen at the
top, from the figures its packages brought and the CBS open data the RSIV read itself (the
police's own formats are imported in the gemeente's own workspace only).
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.analysis.charts.style import save_chart
from app.analysis.frames import MUNICIPALITY_AREA
from app.core.figures.charts import AREA_CHARTS, ChartKind, build_chart, chart_areas
from app.core.figures.figures import Figures, load_figures
from app.core.figures.importing import ImportResult
from app.core.figures.open_data import OpenDataImportResult
from app.core.region.members import region_members
from app.kernel.errors import UserError
from app.ui.figures.figures_importer import FiguresImporter
from app.ui.figures.national_series_editor import NationalSeriesEditor
from app.ui.overview.rate_panel import RatePanel
from app.ui.widgets.chart_view import ChartView
from app.ui.widgets.page_heading import style_heading
from app.ui.window.context import ScreenContext

CHARTS = tuple(ChartKind)
NATIONAL_TAB = len(CHARTS)
SUCCESS = "#1b7a3a"


class FiguresPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._figures: Figures | None = None
        self._place = context.workspace.summary.display_name
        self._own_code = context.workspace.summary.municipality_code
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)

        header = QHBoxLayout()
        heading = QLabel(self.tr("Cijfers"))
        style_heading(heading)
        header.addWidget(heading)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        header.addWidget(self.subtitle, 1)
        self.gemeente = QComboBox()
        self.gemeente.setObjectName("figuresGemeente")
        for reference in region_members(context.workspace):
            self.gemeente.addItem(reference.name, reference.cbs_code)
        gemeente_label = QLabel(self.tr("Ge&meente:"))  # Alt+G is Gebied
        gemeente_label.setBuddy(self.gemeente)
        for widget in (gemeente_label, self.gemeente):
            header.addWidget(widget)
            if self._own_code:
                widget.hide()
        self.import_button = QPushButton(self.tr("&Importeren…"))
        self.import_button.setToolTip(
            self.tr(
                "Maandcijfers, losse incidenten of woningvoorraad inlezen (CSV of Excel), of "
                "open data van CBS: 47022NED en Kerncijfers wijken en buurten (JSON of CSV)"
            )
            if self._own_code
            else self.tr(
                "Open data van CBS inlezen voor de hele regio: 47022NED en Kerncijfers wijken "
                "en buurten (JSON of CSV)"
            )
        )
        header.addWidget(self.import_button)
        layout.addLayout(header)

        self.result = QLabel()
        self.result.setObjectName("importResult")
        self.result.setWordWrap(True)
        self.result.setStyleSheet(f"color:{SUCCESS};")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        layout.addWidget(self.result)

        self.rate_panel = RatePanel()
        layout.addWidget(self.rate_panel)
        self.open_data_note = QLabel()
        self.open_data_note.setObjectName("openDataNote")
        self.open_data_note.setWordWrap(True)
        layout.addWidget(self.open_data_note)

        self.tabs = QTabBar()
        self.tabs.setObjectName("figuresTabs")
        self.tabs.setAccessibleName(self.tr("Grafiek kiezen"))
        for kind in CHARTS:
            self.tabs.addTab(self.tr(_TAB_TITLES[kind]))
        self.tabs.addTab(self.tr("Landelijke reeks"))
        self.tabs.setExpanding(False)
        layout.addWidget(self.tabs)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_chart_pane())
        self.national_editor = NationalSeriesEditor(context, self.refresh)
        self.stack.addWidget(self.national_editor)
        layout.addWidget(self.stack, 1)

        self.importer = FiguresImporter(context.workspace, context.jobs, self)
        self.importer.imported.connect(self._imported)
        self.importer.busy_changed.connect(lambda busy: self.import_button.setEnabled(not busy))
        self.import_button.clicked.connect(self.importer.choose_and_import)
        import_action = QAction(self.tr("Cijfers importeren"), self)
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        import_action.triggered.connect(self.importer.choose_and_import)
        self.addAction(import_action)

        self.gemeente.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.area.currentIndexChanged.connect(self._show_chart)
        self.refresh()

    def _build_chart_pane(self) -> QWidget:
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.area_label = QLabel(self.tr("&Gebied:"))
        self.area = QComboBox()
        self.area.setObjectName("chartArea")
        self.area.setMinimumContentsLength(24)
        self.area_label.setBuddy(self.area)
        self.scope = QLabel()
        self.save_button = QPushButton(self.tr("Opslaan als PNG/&SVG…"))
        self.save_button.setToolTip(
            self.tr("Deze grafiek bewaren voor een presentatie (PNG) of om te drukken (SVG)")
        )
        self.save_button.clicked.connect(self.choose_save)
        for widget in (self.area_label, self.area, self.scope):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        column.addLayout(bar)
        self.chart_view = ChartView()
        column.addWidget(self.chart_view, 1)
        return pane

    @property
    def chart_kind(self) -> ChartKind | None:
        index = self.tabs.currentIndex()
        return CHARTS[index] if 0 <= index < len(CHARTS) else None

    def refresh(self) -> None:
        workspace = self._context.workspace
        code = self._own_code or self.gemeente.currentData()
        if not self._own_code:
            self._place = self.gemeente.currentText()
        self._figures = load_figures(workspace, code)
        subtitle = self.tr("{place}: inbraken per 1.000 woningen over 12 maanden").format(
            place=self._place
        )
        if workspace.summary.is_demo:
            subtitle += " — " + self.tr("demogegevens, de cijfers zijn illustratief")
        self.subtitle.setText(subtitle)
        self.rate_panel.show_summary(
            self._figures.rate_summary(), self._place, self._figures.imported_here
        )
        note = self._figures.open_data_note()
        self.open_data_note.setText(self.tr(note) if note else "")
        self.open_data_note.setVisible(bool(note))
        self._fill_areas(self._figures)
        self.national_editor.refresh()
        self._show_chart()

    def _fill_areas(self, figures: Figures) -> None:
        chosen = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("Hele gemeente {place}").format(place=self._place), "")
        for code, name in chart_areas(figures):
            label = self.tr("{name} (hotspot)") if code in figures.hotspot_codes else "{name}"
            self.area.addItem(label.format(name=name) + f" — {code}", code)
        index = self.area.findData(chosen)
        self.area.setCurrentIndex(max(index, 0))
        self.area.blockSignals(False)

    def _tab_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(1 if index == NATIONAL_TAB else 0)
        self._show_chart()

    def _chosen_area(self, kind: ChartKind) -> str:
        return (self.area.currentData() or MUNICIPALITY_AREA) if kind in AREA_CHARTS else ""

    def _chart_place(self, kind: ChartKind) -> str:
        area = self._chosen_area(kind)
        if not area or self._figures is None:
            return self._place
        return f"{self._figures.neighbourhood_names.get(area, area)} ({self._place})"

    def _build(self, kind: ChartKind) -> Figure:
        assert self._figures is not None
        return build_chart(self._figures, kind, self._chart_place(kind), self._chosen_area(kind))

    def _show_chart(self) -> None:
        kind = self.chart_kind
        if kind is None or self._figures is None:
            return
        has_area = kind in AREA_CHARTS
        self.area_label.setVisible(has_area)
        self.area.setVisible(has_area)
        self.scope.setText(self.tr(_SCOPES.get(kind, "")))
        self.scope.setVisible(not has_area)
        self.chart_view.show_figure(
            self._build(kind),
            self.tr("Grafiek: {title}").format(title=self.tr(_TAB_TITLES[kind])),
        )

    def choose_save(self) -> None:
        kind = self.chart_kind
        if kind is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        area = self._chosen_area(kind)
        name = f"cijfers-{kind.value}" + (f"-{area}" if area else "")
        path, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Grafiek opslaan"),
            str(Path(folder) / f"{name}.png"),
            self.tr("PNG-afbeelding (*.png);;SVG-afbeelding (*.svg)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".svg" if "svg" in chosen_filter.lower() else ".png")
        self.save_chart_as(kind, target)

    def save_chart_as(self, kind: ChartKind, path: Path) -> Path | None:
        """Export at the standard slide size (not the window's), so files look the same
        whoever makes them."""
        try:
            saved = save_chart(self._build(kind), path)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Grafiek niet opgeslagen"), error.message)
            return None
        self._context.shell.show_status(self.tr("Grafiek opgeslagen: {path}").format(path=saved))
        return saved

    def _imported(self, result: ImportResult | OpenDataImportResult) -> None:
        self.result.setText(result.message)
        self.result.show()
        self._context.undo.not_undoable(
            result.message
            + " "
            + self.tr(
                "Een cijferimport maakt u niet ongedaan met Ctrl+Z; lees zo nodig het juiste "
                "bestand opnieuw in: een periode die er al was, wordt dan vervangen."
            )
        )
        self.refresh()


_TAB_TITLES = {
    ChartKind.MONTHLY: "Maandcijfers",
    ChartKind.RATE: "Inbraakrisico",
    ChartKind.HOTSPOTS: "Hotspots",
    ChartKind.HOT_TIMES: "Hottimes",
    ChartKind.GOALS: "Doelstellingen",
}

_SCOPES = {
    ChartKind.HOTSPOTS: "De hotspots uit het plan van aanpak, elk met de lijn van de gemeente.",
    ChartKind.GOALS: "Alle doelstellingen: nulmeting, streefwaarde en stand van nu.",
}
