"""Evaluatie in the RSIV workspace: every gemeente's evaluation side by side, what was embedded
where, and the PDF for the RBO. The figures are computed off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.numbers import dutch_number
from app.core.region.evaluation import RegionalEvaluation, RegionalRow
from app.ui.course.evaluation_pdf import EvaluationPdf
from app.ui.widgets.background import Job, Work
from app.ui.widgets.page_heading import style_heading
from app.ui.window.context import ScreenContext
from database.enums import GoalState, MeasureDecision

NOT_KNOWN = "—"


class RegionalEvaluationPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._jobs: list[Job] = []
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Regionale evaluatie"))
        style_heading(heading)
        layout.addWidget(heading)
        self.status = QLabel(self.tr("De evaluaties worden gelezen…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = _table(
            [
                self.tr("Gemeente"),
                self.tr("Geëvalueerd op"),
                self.tr("Inbraakrisico"),
                self.tr("Verandering"),
                # Long headers on two lines: on one they made the table scroll sideways at
                # 1280 pixels wide.
                self.tr("Landelijk:\nverandering (nu)"),
                self.tr("Doelen\nop koers"),
                self.tr("Besluiten: stoppen /\nvoortzetten / borgen"),
                self.tr("Extra kosten"),
            ]
        )
        self.table.setObjectName("regionalEvaluation")
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("<b>Geborgd in het reguliere werk</b>")))
        self.embedded = _table([self.tr("Maatregel"), self.tr("Gemeenten")])
        layout.addWidget(self.embedded, 1)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("&PDF voor het RBO…"))
        self.pdf_button.setObjectName("regionalEvaluationPdf")
        self.pdf_button.clicked.connect(self.choose_pdf)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.pdf = EvaluationPdf(self, context, self.pdf_button, self.status)
        self.regional: RegionalEvaluation | None = None
        self.refresh()

    def refresh(self) -> Job:
        from app.core.region.evaluation import regional_evaluation

        workspace = self._context.workspace
        return self._run(
            lambda progress, cancelled: regional_evaluation(workspace, date.today()), self._show
        )

    def _run(self, work: Work, done: Callable[[Any], object]) -> Job:
        job = self._context.jobs.start(work, done, self._failed)
        self._jobs.append(job)
        return job

    def _show(self, regional: RegionalEvaluation) -> None:
        self.regional = regional
        self.status.setText(
            self.tr(
                "{n} van de {total} gemeenten hebben een evaluatie aangeleverd. Het "
                "inbraakrisico is per 1.000 woningen over 12 maanden; het regionale gemiddelde "
                "van 2016 was 8."
            ).format(n=len(regional.evaluated), total=len(regional.rows))
        )
        self.table.setRowCount(len(regional.rows))
        for row, entry in enumerate(regional.rows):
            for column, value in enumerate(self._values(entry)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        embedded = regional.embedded_measures()
        self.embedded.setRowCount(len(embedded))
        for row, (title, names) in enumerate(embedded):
            self.embedded.setItem(row, 0, QTableWidgetItem(title))
            self.embedded.setItem(row, 1, QTableWidgetItem(", ".join(names)))

    def _values(self, entry: RegionalRow) -> tuple[str, ...]:
        view, rate = entry.evaluation, entry.rate
        if view is None or rate is None:
            return (entry.name, self.tr("geen pakket"), "", "", "", "", "", "")
        counts = {d: 0 for d in MeasureDecision}
        for measure in view.measures:
            if measure.decision:
                counts[measure.decision] += 1
        on_track = sum(g.state is GoalState.ON_TRACK for g in view.goals)
        return (
            entry.name,
            f"{entry.evaluated_on:%d-%m-%Y}" if entry.evaluated_on else self.tr("nog niet"),
            f"{_rate(rate.baseline_rate)} ({rate.baseline_year or NOT_KNOWN}) → {_rate(rate.rate)}",
            _percent(rate.change_percent),
            f"{_percent(rate.national_change_percent)} ({_rate(rate.national_rate)})",
            f"{on_track} van {len(view.goals)}",
            " / ".join(str(counts[d]) for d in MeasureDecision),
            f"€ {dutch_number(view.extra_cost_eur, 0)}",
        )

    def choose_pdf(self) -> None:
        path = self.pdf.ask_path(self.tr("Regionale evaluatie als PDF"), "regionale-evaluatie.pdf")
        if path:
            self.make_pdf(path)

    def make_pdf(self, path: Path) -> Job:
        return self.pdf.make(path)

    def _failed(self, error: BaseException) -> None:
        self.pdf_button.setEnabled(True)
        self.status.setText(f"<span style='color:#b00020'>{error}</span>")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    return table


def _rate(value: float | None) -> str:
    return NOT_KNOWN if value is None else dutch_number(value, 1)


def _percent(value: float | None) -> str:
    if value is None:
        return NOT_KNOWN
    return f"{'+' if value > 0 else ''}{dutch_number(value, 0)}%"
