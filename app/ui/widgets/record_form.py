"""A form for one record: labelled fields, each with room for a Dutch message below it.

Subclasses add their fields and say how a draft (a frozen dataclass from app/core) is read
from and written into them. The form emits `edited` when the user finishes a change to any
field, so the screen can save at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.exchange.field_rules import rule
from app.kernel.errors import FieldError
from app.ui.widgets.form_widgets import DateField, TextBox

T = TypeVar("T")
FieldWidget = TypeVar("FieldWidget", bound=QWidget)  # add_field hands back what it got

ERROR_STYLE = "color: #b00020;"


class RecordForm(QWidget):
    """`table` names the package table the form edits: a one-line field then takes its
    length from the package schema (the one source of field rules), never from a copy."""

    edited = Signal()
    table: ClassVar[str | None] = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._form = self.add_section()
        self._inputs: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._filling = False

    def add_section(self) -> QFormLayout:
        """A further block of rows below the previous ones."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._outer.addLayout(form)
        return form

    def add_columns(self, count: int) -> list[QFormLayout]:
        """Blocks of rows side by side, for short fields on a wide screen."""
        row = QHBoxLayout()
        forms = []
        for _ in range(count):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            row.addLayout(form, 1)
            forms.append(form)
        self._outer.addLayout(row)
        return forms

    def add_field(
        self, key: str, label: str, widget: FieldWidget, section: QFormLayout | None = None
    ) -> FieldWidget:
        """Add a row; `label` may carry a mnemonic (&) that focuses the field."""
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setObjectName(f"field_{key}")
        column_rule = rule(self.table, key) if self.table else None
        if isinstance(widget, QLineEdit) and column_rule and column_rule.max_length:
            widget.setMaxLength(column_rule.max_length)
        widget.setAccessibleName(label.replace("&", ""))
        (section or self._form).addRow(caption, container)
        self._inputs[key] = widget
        self._rows[key] = container
        self._errors[key] = error
        self._connect(key, widget)
        return widget

    def set_field_visible(self, key: str, visible: bool) -> None:
        row = self._rows[key]
        for form in self.findChildren(QFormLayout):
            if form.indexOf(row) >= 0:
                form.setRowVisible(row, visible)

    def field(self, key: str) -> QWidget:
        return self._inputs[key]

    def error_text(self, key: str) -> str:
        error = self._errors[key]
        return error.text() if not error.isHidden() else ""

    def show_error(self, key: str, message: str) -> None:
        self.clear_errors()
        error = self._errors.get(key)
        widget = self._inputs.get(key)
        if error is None or widget is None:
            raise KeyError(key)
        error.setText(message)
        error.show()
        widget.setAccessibleDescription(message)
        widget.setFocus()

    def checked(self, check: Callable[[Any], T]) -> T | None:
        """`check(draft)`; on a FieldError the message shows next to its field and None returns."""
        try:
            problem = self.date_problem()
            if problem is not None:
                raise problem
            result = check(self.draft())
        except FieldError as error:
            self.show_error(error.field, error.message)
            return None
        self.clear_errors()
        return result

    def clear_errors(self) -> None:
        for key, error in self._errors.items():
            if not error.isHidden():
                error.hide()
                error.clear()
                self._inputs[key].setAccessibleDescription("")

    def set_draft(self, draft: object) -> None:
        """Show `draft` without it counting as an edit by the user."""
        self._filling = True
        try:
            self.fill(draft)
        finally:
            self._filling = False
        self.clear_errors()

    def fill(self, draft: object) -> None:
        raise NotImplementedError

    def draft(self) -> object:
        raise NotImplementedError

    def _connect(self, key: str, widget: QWidget) -> None:
        if isinstance(widget, DateField):
            widget.editingFinished.connect(lambda: self._date_edited(key, widget))
        elif isinstance(widget, QLineEdit):
            widget.editingFinished.connect(self._user_edited)
        elif isinstance(widget, TextBox):
            widget.editing_finished.connect(self._user_edited)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(self._user_edited)
        elif hasattr(widget, "editingFinished"):
            widget.editingFinished.connect(self._user_edited)  # spin boxes

    def date_problem(self) -> FieldError | None:
        """The first date field whose text is no date in range, as a refusal for that field."""
        for key, widget in self._inputs.items():
            if isinstance(widget, DateField) and widget.problem():
                return FieldError(key, widget.problem())
        return None

    def _date_edited(self, key: str, field: DateField) -> None:
        # A text that is no date is not saved: the form says why next to the field.
        if field.problem():
            self.show_error(key, field.problem())
        else:
            self._user_edited()

    def _user_edited(self) -> None:
        if not self._filling:
            self.edited.emit()


def set_line(widget: QLineEdit, text: str) -> None:
    """Replace the text only when it differs, so the cursor stays where the user left it.

    A replaced text shows from its start: Qt puts the cursor at the end, so a field narrower
    than its text (a laptop at 150%) showed only the tail, such as 'kagent, basisteam ...'."""
    if widget.text() != text:
        widget.setText(text)
        widget.setCursorPosition(0)


def select_data(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))
