"""Evaluatie: the gemeente's evaluation after twelve months, saved at once and undoable.

Goals show their results from the figures; each measure carried out gets a decision (stop,
continue, embed) with a reason; the B3W checklist asks, per world, whether it was present in
the analysis, the measures and the execution. The PDF is made off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
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
from app.core.course.evaluation import (
    B3W_NOTE,
    B3WEntry,
    EvaluationInput,
    EvaluationView,
    b3w_grid,
    checked_evaluation,
    evaluation_view,
    save_evaluation,
)
from app.kernel.errors import UserError
from app.ui.course.evaluation_pdf import EvaluationPdf
from app.ui.widgets.background import Job
from app.ui.widgets.form_widgets import OptionalDateField, TextBox, scrolling
from app.ui.widgets.page_heading import style_heading
from app.ui.window.context import ScreenContext
from database.enums import B3WAnswer, MeasureDecision

NOT_DECIDED = "nog niet besloten"
NOT_ANSWERED = "niet beantwoord"


class EvaluationPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = QLabel()
        style_heading(self.heading)
        layout.addWidget(self.heading)
        self.due = QLabel()
        layout.addWidget(self.due)
        date_row = QHBoxLayout()
        self.evaluated_on = OptionalDateField()
        self.evaluated_on.setObjectName("evaluatedOn")
        date_label = QLabel(self.tr("&Datum evaluatie:"))
        date_label.setBuddy(self.evaluated_on)
        date_row.addWidget(date_label)
        date_row.addWidget(self.evaluated_on)
        date_row.addStretch(1)
        layout.addLayout(date_row)
        texts = QGridLayout()
        self.texts: dict[str, TextBox] = {}
        for number, (field, label) in enumerate(
            (
                ("summary", self.tr("&Samenvatting")),
                ("successes", self.tr("Su&ccessen")),
                ("bottlenecks", self.tr("&Knelpunten")),
                ("follow_up", self.tr("&Vervolg")),
            )
        ):
            box = TextBox(4)
            box.setMaximumHeight(box.minimumHeight())
            box.setObjectName(f"evaluation_{field}")
            caption = QLabel(label)
            caption.setBuddy(box)
            self.texts[field] = box
            texts.addWidget(caption, (number // 2) * 2, number % 2)
            texts.addWidget(box, (number // 2) * 2 + 1, number % 2)
        layout.addLayout(texts)
        layout.addWidget(
            self._section(self.tr("Resultaten van de doelstellingen (uit de cijfers)"))
        )
        self.goals = self._table(
            [
                self.tr("Doelstelling"),
                self.tr("Nulmeting"),
                self.tr("Streefwaarde"),
                self.tr("Bereikt"),
                self.tr("Stand"),
            ]
        )
        layout.addWidget(self.goals)
        self.measures_heading = self._section("")
        layout.addWidget(self.measures_heading)
        self.measures = self._table(
            [
                self.tr("Maatregel"),
                self.tr("Status"),
                self.tr("Extra kosten"),
                self.tr("Besluit"),
                self.tr("Toelichting"),
            ]
        )
        layout.addWidget(self.measures)
        layout.addWidget(self._section(self.tr("B3W-checklist")))
        note = QLabel(self.tr(B3W_NOTE))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.b3w = self._table(
            [self.tr("Wereld"), self.tr("Onderdeel"), self.tr("Antwoord"), self.tr("Toelichting")]
        )
        layout.addWidget(self.b3w)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Evaluatie &opslaan"))
        self.save_button.setObjectName("saveEvaluation")
        self.save_button.clicked.connect(self.save)
        self.pdf_button = QPushButton(self.tr("&PDF maken…"))
        self.pdf_button.setObjectName("evaluationPdf")
        self.pdf_button.clicked.connect(self.choose_pdf)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.pdf = EvaluationPdf(self, context, self.pdf_button, self.message)
        outer.addWidget(scrolling(body))
        self.view: EvaluationView | None = None
        self.refresh()

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        return table

    def refresh(self) -> None:
        view = evaluation_view(self._context.workspace)
        self.view = view
        self.heading.setText(self.tr("Evaluatie na 12 maanden — {name}").format(name=view.name))
        self.due.setText(
            self.tr("Lokale start {start}; termijn van de evaluatie: {due}.").format(
                start=f"{view.local_start:%d-%m-%Y}" if view.local_start else "—",
                due=f"{view.due:%d-%m-%Y}",
            )
        )
        self.evaluated_on.set_optional_value(view.data.evaluated_on)
        for field, box in self.texts.items():
            box.set_text(getattr(view.data, field))
        self._fill_goals(view)
        self._fill_measures(view)
        self._fill_b3w(view)

    def _fill_goals(self, view: EvaluationView) -> None:
        self.goals.setRowCount(len(view.goals))
        for row, goal in enumerate(view.goals):
            reached = (
                f"{dutch_number(goal.reached)} ({goal.measured_on:%d-%m-%Y})"
                if goal.reached is not None and goal.measured_on
                else self.tr("geen cijfers")
            )
            values = (
                goal.title,
                f"{dutch_number(goal.baseline_value)} ({goal.baseline_year})",
                f"{dutch_number(goal.target_value)} {goal.unit}",
                reached,
                goal.state.label,
            )
            for column, value in enumerate(values):
                self.goals.setItem(row, column, _read_only(value))
        self._fit(self.goals)

    def _fill_measures(self, view: EvaluationView) -> None:
        carried = view.carried_out
        self.measures_heading.setText(
            self.tr("Uitgevoerde maatregelen ({n}; extra kosten samen € {total})").format(
                n=len(carried), total=dutch_number(view.extra_cost_eur, 0)
            )
        )
        self.measures.setRowCount(len(carried))
        for row, measure in enumerate(carried):
            for column, value in enumerate(
                (
                    measure.title,
                    measure.status.label,
                    f"€ {dutch_number(measure.extra_cost_eur, 0)}",
                )
            ):
                self.measures.setItem(row, column, _read_only(value))
            combo = QComboBox()
            combo.addItem(self.tr(NOT_DECIDED), None)
            for decision in MeasureDecision:
                combo.addItem(decision.label, decision)
            combo.setCurrentIndex(max(combo.findData(measure.decision), 0))
            combo.setAccessibleName(self.tr("Besluit over {title}").format(title=measure.title))
            self.measures.setCellWidget(row, 3, combo)
            self.measures.setItem(row, 4, QTableWidgetItem(measure.explanation))
        self._fit(self.measures)

    def _fill_b3w(self, view: EvaluationView) -> None:
        grid = b3w_grid()
        self.b3w.setRowCount(len(grid))
        for row, (world, stage) in enumerate(grid):
            entry = view.answer(world, stage)
            self.b3w.setItem(row, 0, _read_only(world.label))
            self.b3w.setItem(row, 1, _read_only(stage.label))
            combo = QComboBox()
            combo.addItem(self.tr(NOT_ANSWERED), None)
            for answer in B3WAnswer:
                combo.addItem(answer.label, answer)
            combo.setCurrentIndex(max(combo.findData(entry.answer), 0))
            combo.setAccessibleName(f"{world.label}, {stage.label}")
            self.b3w.setCellWidget(row, 2, combo)
            self.b3w.setItem(row, 3, QTableWidgetItem(entry.explanation))
        self._fit(self.b3w)

    def _fit(self, table: QTableWidget) -> None:
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 4
        height += sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setMinimumHeight(min(height, 520))

    def current_input(self) -> EvaluationInput:
        assert self.view is not None
        decisions = []
        for row, measure in enumerate(self.view.carried_out):
            combo = self.measures.cellWidget(row, 3)
            assert isinstance(combo, QComboBox)
            decisions.append((measure.id, combo.currentData(), _text(self.measures, row, 4)))
        entries = []
        for row, (world, stage) in enumerate(b3w_grid()):
            combo = self.b3w.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            entries.append(B3WEntry(world, stage, combo.currentData(), _text(self.b3w, row, 3)))
        return EvaluationInput(
            evaluated_on=self.evaluated_on.optional_value(),
            summary=self.texts["summary"].text(),
            successes=self.texts["successes"].text(),
            bottlenecks=self.texts["bottlenecks"].text(),
            follow_up=self.texts["follow_up"].text(),
            decisions=tuple(decisions),
            b3w=tuple(entries),
        )

    def save(self) -> None:
        assert self.view is not None
        workspace = self._context.workspace
        before, after = self.view.data, self.current_input()
        try:
            checked_evaluation(after)
        except UserError as error:
            self.message.setText(f"<span style='color:#b00020'>{error}</span>")
            return
        if self._context.undo.edit(
            self.tr("Evaluatie opslaan"),
            lambda: save_evaluation(workspace, after),
            lambda: save_evaluation(workspace, before),
            self.refresh,
            refused=self._refused,
        ):
            self.message.setText(self.tr("De evaluatie is opgeslagen."))

    def _refused(self, error: UserError) -> None:
        self.message.setText(f"<span style='color:#b00020'>{error}</span>")

    def choose_pdf(self) -> None:
        assert self.view is not None
        name = f"evaluatie-{self.view.name.lower().replace(' ', '-')}.pdf"
        path = self.pdf.ask_path(self.tr("Evaluatie als PDF"), name)
        if path:
            self.make_pdf(path)

    def make_pdf(self, path: Path) -> Job:
        return self.pdf.make(path)


def _read_only(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(text)
    return item


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item else ""
