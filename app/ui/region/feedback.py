"""Terugkoppeling (RSIV): the werkgroep's suggestions per gemeente and the return packages.

Pick a gemeente on the left; its suggestions are listed with their werkgroep date, a new one
is typed below, and the buttons export the gemeente's return package or all nine at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.feedback.suggestions import (
    SuggestionRow,
    add_suggestion,
    delete_suggestion,
    restore_suggestion,
    suggestion_rows,
)
from app.core.meetings.meetings import werkgroep_dates
from app.core.region.members import region_members
from app.kernel.errors import UserError
from app.ui.packages.feedback_exporter import FeedbackExporter
from app.ui.widgets.form_widgets import DateField

if TYPE_CHECKING:
    from app.ui.window.context import ScreenContext

ROLE_ID = Qt.ItemDataRole.UserRole


class FeedbackTab(QWidget):
    """`exported` carries the packages written, for the status bar."""

    exported = Signal(object)

    def __init__(
        self, context: ScreenContext, clock: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._workspace = workspace = context.workspace
        self._clock = clock
        self.exporter = FeedbackExporter(workspace, context.jobs, self)
        self.exporter.done.connect(self.exported)
        layout = QHBoxLayout(self)

        self.gemeenten = QListWidget()
        self.gemeenten.setObjectName("feedbackGemeenten")
        self.gemeenten.setMaximumWidth(240)
        for reference in region_members(workspace):
            item = QListWidgetItem(reference.name)
            item.setData(ROLE_ID, reference.cbs_code)
            self.gemeenten.addItem(item)
        self.gemeenten.currentRowChanged.connect(self._show_suggestions)
        layout.addWidget(self.gemeenten)

        right = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        right.addWidget(self.heading)
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("feedbackSuggestions")
        self.suggestions.setWordWrap(True)
        right.addWidget(self.suggestions, 1)
        entry = QHBoxLayout()
        label = QLabel(self.tr("Wer&kgroep:"))
        entry.addWidget(label)
        self.werkgroep_date = DateField()
        self.werkgroep_date.setObjectName("feedbackWerkgroepDate")
        self.werkgroep_date.setAccessibleName(self.tr("Werkgroep"))
        self.werkgroep_date.set_value(_last_werkgroep(clock(), werkgroep_dates(workspace)))
        label.setBuddy(self.werkgroep_date)
        entry.addWidget(self.werkgroep_date)
        entry.addStretch(1)
        right.addLayout(entry)
        self.text = QPlainTextEdit()
        self.text.setObjectName("feedbackText")
        self.text.setAccessibleName(self.tr("Suggestie"))
        self.text.setPlaceholderText(self.tr("Suggestie van de werkgroep voor deze gemeente"))
        self.text.setMaximumHeight(90)
        self.text.setTabChangesFocus(True)
        right.addWidget(self.text)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        self.error.setWordWrap(True)
        right.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = self._button(buttons, self.tr("Suggestie &toevoegen"), "addSuggestion")
        self.add_button.clicked.connect(self._add)
        self.remove_button = self._button(
            buttons, self.tr("Suggestie &verwijderen"), "removeSuggestion"
        )
        self.remove_button.clicked.connect(self._remove)
        buttons.addStretch(1)
        self.export_button = self._button(
            buttons, self.tr("Terugkoppeling &exporteren…"), "exportFeedback"
        )
        self.export_button.clicked.connect(self._export)
        self.export_all_button = self._button(
            buttons, self.tr("Terugkoppeling voor &alle gemeenten…"), "exportAllFeedback"
        )
        self.export_all_button.clicked.connect(self.exporter.choose_folder_and_export_all)
        right.addLayout(buttons)
        layout.addLayout(right, 1)
        self.gemeenten.setCurrentRow(0)

    @property
    def selected_code(self) -> str:
        item = self.gemeenten.currentItem()
        return str(item.data(ROLE_ID)) if item is not None else ""

    def _show_suggestions(self) -> None:
        item = self.gemeenten.currentItem()
        if item is None:
            return
        self.heading.setText(
            self.tr("<b>Suggesties van de werkgroep voor {name}</b>").format(name=item.text())
        )
        self.suggestions.clear()
        for row in suggestion_rows(self._workspace, self.selected_code):
            line = QListWidgetItem(f"{row.werkgroep_on:%d-%m-%Y} — {row.text}")
            line.setData(ROLE_ID, row.id)
            self.suggestions.addItem(line)
        self.remove_button.setEnabled(self.suggestions.count() > 0)

    def _add(self) -> None:
        problem = self.werkgroep_date.problem()
        if problem:
            self.error.setText(problem)
            return
        workspace, code = self._workspace, self.selected_code
        held_on = self.werkgroep_date.value()
        text = self.text.toPlainText()
        created: list[str] = []

        def apply() -> None:
            created.append(
                add_suggestion(workspace, code, held_on, text, created[-1] if created else None)
            )

        if self._context.undo.edit(
            self.tr("Suggestie toevoegen"),
            apply,
            lambda: delete_suggestion(workspace, created[-1]),
            lambda: self._show_gemeente(code),
            refused=self._refused,
        ):
            self.error.clear()
            self.text.clear()

    def _remove(self) -> None:
        item = self.suggestions.currentItem()
        if item is None:
            self.error.setText(self.tr("Kies eerst de suggestie die weg moet."))
            return
        workspace, code = self._workspace, self.selected_code
        suggestion_id = str(item.data(ROLE_ID))
        removed: list[SuggestionRow] = []

        def apply() -> None:
            gone = delete_suggestion(workspace, suggestion_id)
            if gone is not None:
                removed.append(gone)

        if self._context.undo.edit(
            self.tr("Suggestie verwijderen"),
            apply,
            lambda: restore_suggestion(workspace, removed.pop()) if removed else None,
            lambda: self._show_gemeente(code),
            refused=self._refused,
        ):
            self.error.clear()

    def _show_gemeente(self, code: str) -> None:
        """After an edit, undo or redo: show the gemeente it was about, then its list."""
        rows = range(self.gemeenten.count())
        row = next((n for n in rows if self.gemeenten.item(n).data(ROLE_ID) == code), -1)
        if row not in (-1, self.gemeenten.currentRow()):
            self.gemeenten.setCurrentRow(row)  # shows its suggestions
        else:
            self._show_suggestions()

    def _refused(self, error: UserError) -> None:
        self.error.setText(error.message)

    def _export(self) -> None:
        item = self.gemeenten.currentItem()
        if item is not None:
            self.exporter.choose_and_export(self.selected_code, item.text())

    def _button(self, layout: QHBoxLayout, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        layout.addWidget(button)
        return button


def _last_werkgroep(today: date, dates: Sequence[date]) -> date:
    """The werkgroep the suggestions come from: the last one held, or the first planned."""
    held = [day for day in dates if day <= today] or [dates[0]]
    return held[-1]
