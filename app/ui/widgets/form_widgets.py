"""Input widgets the forms share: multi-line text, an optional date, Dutch number fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from database.enums import DomainEnum

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
DATE_FORMAT = "dd-MM-yyyy"
# QDateEdit has no empty value: its minimum date stands for "no date" and shows as a dash.
NO_DATE = QDate(1999, 12, 31)


class TextBox(QPlainTextEdit):
    """Multi-line text that reports a finished edit when it loses focus, like QLineEdit.

    Tab moves to the next field (keyboard-only use); Ctrl+Enter is not needed to leave it.
    """

    editing_finished = Signal()

    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 3)
        self._text_on_focus = ""

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._text_on_focus = self.toPlainText()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if self.toPlainText() != self._text_on_focus:
            self._text_on_focus = self.toPlainText()
            self.editing_finished.emit()


class DateField(QDateEdit):
    """A date typed as dd-mm-jjjj or picked from a calendar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(DUTCH)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)

    def value(self) -> date:
        return self.date().toPython()  # type: ignore[return-value]

    def set_value(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class OptionalDateField(DateField):
    """A date that may be empty: the empty value shows as a dash; Ctrl+Delete clears it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        clear_keys = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if event.key() in clear_keys and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.setDate(NO_DATE)
            self.editingFinished.emit()
            return
        moves_focus = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if self.date() == NO_DATE and not moves_focus:
            # Starting from the dash, the arrows and typing begin at today.
            self.setDate(QDate.currentDate())
        super().keyPressEvent(event)

    def optional_value(self) -> date | None:
        return None if self.date() == NO_DATE else self.value()

    def set_optional_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(NO_DATE)
        else:
            self.set_value(value)


def number_field(decimals: int = 1, maximum: float = 1_000_000) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setLocale(DUTCH)
    spin.setDecimals(decimals)
    spin.setRange(0, maximum)
    spin.setGroupSeparatorShown(False)
    return spin


def whole_number_field(minimum: int, maximum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setLocale(DUTCH)
    spin.setRange(minimum, maximum)
    return spin


def enum_combo(members: type[DomainEnum]) -> QComboBox:
    """A choice of an enumeration's members, shown by their Dutch labels."""
    combo = QComboBox()
    for member in members:
        combo.addItem(member.label, member)
    return combo


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area, for forms taller than a laptop screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def top_aligned(widget: QWidget) -> QWidget:
    """`widget` at its natural height, with the spare room below it."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    return holder
