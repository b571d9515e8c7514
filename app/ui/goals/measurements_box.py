"""Metingen: the values of the selected goal measured by hand, added and deleted with undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.goals import measurements as goal_measurements
from app.core.goals.measurements import MeasurementDraft, MeasurementRow
from app.core.records import RecordSnapshot
from app.kernel.errors import FieldError
from app.ui.widgets.form_widgets import DUTCH, DateField, TextBox, number_field
from app.ui.widgets.new_record_dialog import NewRecordDialog
from app.ui.widgets.record_form import RecordForm, set_line
from app.ui.window.context import ScreenContext

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _number(value: float) -> str:
    return DUTCH.toString(value, "f", 0 if float(value).is_integer() else 1)


class MeasurementForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measured_on = self.add_field("measured_on", self.tr("&Datum"), DateField())
        self.value = self.add_field("value", self.tr("&Waarde"), number_field(1, 1_000_000_000))
        self.source = self.add_field("source", self.tr("&Bron"), QLineEdit())
        self.source.setMaxLength(200)
        self.source.setPlaceholderText(self.tr("bijvoorbeeld: registratie woonadviezen gemeente"))
        self.note = self.add_field("note", self.tr("&Toelichting"), TextBox(2))
        self.set_draft(MeasurementDraft(date.today(), 0.0))

    def fill(self, draft: object) -> None:
        assert isinstance(draft, MeasurementDraft)
        self.measured_on.set_value(draft.measured_on)
        self.value.setValue(draft.value)
        set_line(self.source, draft.source)
        self.note.set_text(draft.note)

    def draft(self) -> MeasurementDraft:
        return MeasurementDraft(
            measured_on=self.measured_on.value(),
            value=self.value.value(),
            source=self.source.text(),
            note=self.note.text(),
        )


class MeasurementsBox(QGroupBox):
    """The selected goal's own measurements; `changed` after every add, delete or undo."""

    changed = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Metingen met de hand"), parent)
        self.setObjectName("measurements")
        self._context = context
        self._goal_id = ""
        self.rows: list[MeasurementRow] = []
        self.dialog: NewRecordDialog | None = None
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Voor doelen die de inbraakcijfers niet meten (zoals het aantal woonadviezen): "
                "een doel met eigen metingen wordt daaruit beoordeeld, niet uit de cijfers."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("measurementTable")
        self.table.setAccessibleName(self.tr("Metingen"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Datum"), self.tr("Waarde"), self.tr("Bron"), self.tr("Toelichting")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Date and value as wide as they are; source and note share the rest, cut short with
        # "…" (the whole text is the tooltip), so the table never scrolls sideways.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMinimumHeight(110)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Meting toevoe&gen…"))
        self.add_button.setObjectName("addMeasurement")
        self.add_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(self.tr("Meting verwij&deren"))
        self.delete_button.setObjectName("deleteMeasurement")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def show_goal(self, goal_id: str) -> None:
        self._goal_id = goal_id
        self.refresh()

    def refresh(self) -> None:
        workspace = self._context.workspace
        self.rows = (
            goal_measurements.list_measurements(workspace, self._goal_id) if self._goal_id else []
        )
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            draft = row.draft
            for column, text in enumerate(
                (f"{draft.measured_on:%d-%m-%Y}", _number(draft.value), draft.source, draft.note)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(number, column, item)
        self.delete_button.setEnabled(bool(self.rows))

    def start_new(self) -> None:
        if not self._goal_id:
            return
        dialog = NewRecordDialog(
            self.tr("Nieuwe meting"), MeasurementForm(), self._checked, self.window()
        )
        dialog.accepted.connect(lambda: self._add(dialog.checked_draft))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    def delete_selected(self) -> None:
        selected = self.table.currentRow()
        if not 0 <= selected < len(self.rows):
            return
        row = self.rows[selected]
        workspace = self._context.workspace
        deleted: list[RecordSnapshot] = []
        self._push(
            self.tr("Meting van {day} verwijderen").format(day=f"{row.draft.measured_on:%d-%m-%Y}"),
            lambda: deleted.append(goal_measurements.delete_measurement(workspace, row.id)),
            lambda: goal_measurements.restore_measurement(workspace, deleted.pop()),
        )

    def _checked(self, draft: object) -> MeasurementDraft:
        assert isinstance(draft, MeasurementDraft)
        checked = goal_measurements.checked_measurement(draft)
        if any(row.draft.measured_on == checked.measured_on for row in self.rows):
            raise FieldError(
                "measured_on",
                f"Er is al een meting op {checked.measured_on:%d-%m-%Y}; verwijder die eerst of "
                "kies een andere datum.",
            )
        return checked

    def _add(self, draft: object) -> None:
        assert isinstance(draft, MeasurementDraft)
        workspace = self._context.workspace
        goal_id = self._goal_id
        created: list[str] = []

        def apply() -> None:
            created.append(
                goal_measurements.add_measurement(
                    workspace, goal_id, draft, created[-1] if created else None
                )
            )

        self._push(
            self.tr("Meting van {day} toevoegen").format(day=f"{draft.measured_on:%d-%m-%Y}"),
            apply,
            lambda: goal_measurements.delete_measurement(workspace, created[-1]),
        )

    def _push(self, text: str, apply: Callable[[], object], revert: Callable[[], object]) -> None:
        def after() -> None:
            self.refresh()
            self.changed.emit()

        self._context.undo.edit(text, apply, revert, after)

    def _forget_dialog(self) -> None:
        self.dialog = None
