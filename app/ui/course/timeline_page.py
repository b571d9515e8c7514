"""Tijdlijn: the memo's stappenplan and the milestones on a time line, today marked.

A gemeente sees its own milestones in rows by kind; the RSIV sees every gemeente in a row of
its own. What is late is drawn large in red and listed beside the chart, so it reads without
the picture as well (screen readers, colour blindness).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.course.timeline import Timeline, load_timeline
from app.ui.widgets.chart_view import ChartView
from app.ui.widgets.form_widgets import DateField
from app.ui.widgets.page_heading import style_heading
from app.ui.window.context import ScreenContext


class TimelinePage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._regional = not context.workspace.summary.municipality_code
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Tijdlijn van het project"))
        style_heading(heading)
        top.addWidget(heading)
        top.addStretch(1)
        day_label = QLabel(self.tr("&Peildatum:"))
        self.day = DateField()
        self.day.setObjectName("timelineDay")
        self.day.set_value(date.today())
        day_label.setBuddy(self.day)
        self.day.editingFinished.connect(self.refresh)
        top.addWidget(day_label)
        top.addWidget(self.day)
        layout.addLayout(top)
        self.explanation = QLabel(
            self.tr(
                "Boven de zeven stappen uit het stappenplan van het RSIV (memo van 11-09-2017), "
                "onder de mijlpalen. Gedaan: groen. Komt nog: open grijs. Te laat (de datum is "
                "voorbij en het is niet gedaan): groot en rood. Een pakket moet een week voor "
                "elke werkgroep binnen zijn."
            )
        )
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.chart = ChartView()
        splitter.addWidget(self.chart)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.late_heading = QLabel()
        side_layout.addWidget(self.late_heading)
        self.late_list = QListWidget()
        self.late_list.setObjectName("lateMilestones")
        self.late_list.setWordWrap(True)
        self.late_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setMinimumHeight(110)
        side_layout.addWidget(self.late_list)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.timeline: Timeline | None = None
        self.refresh()

    def refresh(self) -> None:
        from app.ui.course.timeline_chart import timeline_chart

        self.timeline = load_timeline(self._context.workspace, self.day.value())
        self.chart.show_figure(
            timeline_chart(self.timeline, by_municipality=self._regional),
            self.tr("Tijdlijn met het stappenplan en de mijlpalen"),
        )
        late = self.timeline.late
        self.late_heading.setText(self.tr("<b>Te laat ({n})</b>").format(n=len(late)))
        self.late_list.clear()
        for row, milestone in late:
            prefix = f"{row.name}: " if self._regional else ""
            self.late_list.addItem(
                self.tr("{prefix}{title} — termijn {day}").format(
                    prefix=prefix, title=milestone.title, day=f"{milestone.due:%d-%m-%Y}"
                )
            )
        if not late:
            self.late_list.addItem(self.tr("Niets te laat op deze peildatum."))
