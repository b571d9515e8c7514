"""Doelstellingen: the SMART goals, each with its measured value where figures exist."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from app.analysis.goals import GoalProgress
from app.core.goals import goals
from app.core.goals.goals import GoalDraft
from app.core.goals.progress import progress_by_goal
from app.ui.goals.goal_form import GoalForm
from app.ui.goals.measurements_box import MeasurementsBox
from app.ui.widgets.form_widgets import DUTCH, scrolling
from app.ui.widgets.page_heading import page_layout
from app.ui.widgets.record_editor import RecordEditor, RecordService, RecordTexts
from app.ui.widgets.record_form import RecordForm
from app.ui.widgets.rows_model import Column
from app.ui.window.context import ScreenContext
from database.enums import GoalState

STATE_COLOURS = {
    GoalState.ON_TRACK: "#1b7a3a",
    GoalState.AT_RISK: "#a86400",
    GoalState.BEHIND: "#b00020",
    GoalState.UNKNOWN: "#555555",
}


@dataclass(frozen=True)
class GoalListRow:
    """A goal with its progress, as one line of the list."""

    id: str
    draft: GoalDraft
    progress: GoalProgress | None


def number(value: float) -> str:
    """Dutch notation; whole numbers (counts) without decimals."""
    return DUTCH.toString(value, "f", 0 if float(value).is_integer() else 1)


class GoalsPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._progress: dict[str, GoalProgress] = {}
        workspace = context.workspace
        layout = page_layout(
            self,
            self.tr("Doelstellingen"),
            self.tr(
                "SMART-doelstellingen: van een nulmeting naar een streefwaarde op een termijn. "
                "Waar cijfers zijn ingelezen staat de gemeten waarde en of het doel op koers ligt."
            ),
        )
        service = RecordService(
            rows=self._rows,
            draft=lambda goal_id: goals.get_goal(workspace, goal_id).draft,
            check=goals.checked_goal,
            add=partial(goals.add_goal, workspace),
            update=partial(goals.update_goal, workspace),
            delete=partial(goals.delete_goal, workspace),
            restore=partial(goals.restore_goal, workspace),
            name_of=lambda draft: draft.title,
        )
        columns = [
            Column(self.tr("Doelstelling"), lambda row: row.draft.title),
            Column(self.tr("Van → naar"), self._path_text),
            Column(self.tr("Termijn"), lambda row: f"{row.draft.deadline:%m-%Y}"),
            Column(self.tr("Gemeten"), self._measured_text),
            Column(self.tr("Stand"), self._state_text),
        ]
        texts = RecordTexts(
            noun=self.tr("doelstelling"),
            new_button=self.tr("&Nieuwe doelstelling…"),
            empty=self.tr(
                "Nog geen doelstellingen. Kies Nieuwe doelstelling (Ctrl+N) en vul indicator, "
                "nulmeting, streefwaarde, termijn en verantwoordelijke in."
            ),
        )
        self.measurement = QLabel()
        self.measurement.setObjectName("measurement")
        self.measurement.setWordWrap(True)
        self.measurements = MeasurementsBox(context)
        self.measurements.changed.connect(self.refresh)
        self.editor = RecordEditor(context, service, columns, GoalForm, texts, detail=self._detail)
        # The box first: the measurement text says whether the values were entered by hand.
        self.editor.current_changed.connect(self.measurements.show_goal)
        self.editor.current_changed.connect(self._show_measurement)
        self.measurements.show_goal(self.editor.current_id())
        self._show_measurement(self.editor.current_id())
        layout.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.refresh()

    def _rows(self) -> list[GoalListRow]:
        workspace = self._context.workspace
        self._progress = progress_by_goal(workspace)
        return [
            GoalListRow(row.id, row.draft, self._progress.get(row.id))
            for row in goals.list_goals(workspace)
        ]

    def _detail(self, form: RecordForm) -> QWidget:
        box = QGroupBox(self.tr("Meting"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.measurement)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(box)
        column.addWidget(self.measurements)
        column.addWidget(form)
        column.addStretch(1)
        return scrolling(holder)

    def _show_measurement(self, goal_id: str) -> None:
        progress = self._progress.get(goal_id)
        if progress is None or progress.current_value is None:
            self.measurement.setText(
                self.tr(
                    "Nog geen cijfers voor deze doelstelling. Lees de inbraakcijfers in via "
                    "Cijfers; bij de indicator 'anders' voegt u hieronder metingen toe."
                )
            )
            return
        if self.measurements.rows:
            measured = self.tr("Gemeten: {value} {unit} (op {day}, met de hand)").format(
                value=number(progress.current_value),
                unit=progress.goal.unit,
                day=f"{progress.measured_on:%d-%m-%Y}" if progress.measured_on else "",
            )
        else:
            measured = self.tr("Gemeten: {value} {unit} (12 maanden tot {month})").format(
                value=number(progress.current_value),
                unit=progress.goal.unit,
                month=f"{progress.measured_on:%m-%Y}" if progress.measured_on else "",
            )
        lines = [measured]
        if progress.expected_value is not None:
            lines.append(
                self.tr("Volgens de lijn naar het doel: {value}").format(
                    value=number(progress.expected_value)
                )
            )
        colour = STATE_COLOURS[progress.state]
        lines.append(
            self.tr("Stand: <b style='color:{colour}'>{state}</b>").format(
                colour=colour, state=progress.state.label
            )
        )
        if progress.projected_value is not None:
            lines.append(
                self.tr("Als de trend doorzet: {value} op de termijn").format(
                    value=number(progress.projected_value)
                )
            )
        self.measurement.setText("<br>".join(lines))

    def _path_text(self, row: GoalListRow) -> str:
        draft = row.draft
        return f"{number(draft.baseline_value)} → {number(draft.target_value)}"

    def _measured_text(self, row: GoalListRow) -> str:
        if row.progress is None or row.progress.current_value is None:
            return self.tr("nog geen cijfers")
        return number(row.progress.current_value)

    def _state_text(self, row: GoalListRow) -> str:
        if row.progress is None or row.progress.current_value is None:
            return "—"
        return row.progress.state.label
