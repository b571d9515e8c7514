"""Input widgets the forms share: multi-line text, an optional date, Dutch number fields."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from database.enums import DomainEnum

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


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


FIRST_YEAR = 1990
LAST_YEAR = 2100
# dd-mm-jjjj or d-m-jjjj; a slash or dot works as well, as people type them.
TYPED_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def parse_typed_date(text: str) -> date | None:
    """The date in `text` typed as dd-mm-jjjj or d-m-jjjj; None when it is no such date."""
    match = TYPED_DATE.fullmatch(text.strip())
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateField(QLineEdit):
    """The one date field of the program: typed as dd-mm-jjjj or d-m-jjjj, or picked from a
    calendar (the button at the right, or Alt+Down), within 1990-2100.

    A text that is no date keeps the last good value; `problem()` says in Dutch what is wrong,
    and forms show that next to the field instead of saving. The arrow keys move a day.
    """

    _optional = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: date | None = date.today()
        self.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.setMaxLength(10)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00-00-00000") + 40)
        self.calendar_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            self.tr("Kalender (Alt+Omlaag)"),
            self,
        )
        self.calendar_action.setObjectName("calendarButton")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self._take_typed)
        self._show(self._value)

    # The value ---------------------------------------------------------------------------

    def value(self) -> date:
        return self._value or date.today()

    def set_value(self, value: date) -> None:
        self._set(value)

    def problem(self) -> str:
        """What is wrong with the typed text, as one Dutch sentence; "" when it is a date."""
        text = self.text().strip()
        if not text:
            return "" if self._optional else self.tr("Vul een datum in als dd-mm-jjjj.")
        typed = parse_typed_date(text)
        if typed is None:
            return self.tr(
                "'{text}' is geen datum; typ dag-maand-jaar, bijvoorbeeld 15-01-2027."
            ).format(text=_echoed(text))
        if not FIRST_YEAR <= typed.year <= LAST_YEAR:
            return self.tr("{text} ligt buiten {first}-{last}; controleer het jaartal.").format(
                text=text, first=FIRST_YEAR, last=LAST_YEAR
            )
        return ""

    def _set(self, value: date | None) -> None:
        self._value = value
        self._show(value)

    def _show(self, value: date | None) -> None:
        self.setText("" if value is None else f"{value:%d-%m-%Y}")
        self._mark()

    def _take_typed(self) -> None:
        """Editing finished: a good date becomes the value and is shown in full (dd-mm-jjjj)."""
        if self.problem():
            self._mark()
            return
        text = self.text().strip()
        self._set(parse_typed_date(text) if text else None)

    def _mark(self) -> None:
        problem = self.problem()
        self.setStyleSheet("border: 1px solid #b00020;" if problem else "")
        self.setToolTip(problem)

    # Keys and the calendar -----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not self.problem():
            step = 1 if event.key() == Qt.Key.Key_Up else -1
            self._show(self._stepped(step))
            return
        super().keyPressEvent(event)

    def _stepped(self, step: int) -> date:
        """A day later or earlier than shown; from an empty field, today."""
        text = self.text().strip()
        shown = parse_typed_date(text) if text else None
        if shown is None:
            return date.today()
        moved = shown + timedelta(days=step)
        return moved if FIRST_YEAR <= moved.year <= LAST_YEAR else shown

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setObjectName("datePicker")
            self.calendar.setLocale(DUTCH)
            self.calendar.setGridVisible(True)
            self.calendar.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        shown = parse_typed_date(self.text()) or self._value or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        assert self.calendar is not None
        self.calendar.hide()
        self._set(picked.toPython())  # type: ignore[arg-type]
        self.setFocus()
        self.editingFinished.emit()


class OptionalDateField(DateField):
    """A date that may be empty: an empty field (or Ctrl+Delete) means no date."""

    _optional = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._set(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        clear_keys = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if event.key() in clear_keys and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._set(None)
            self.editingFinished.emit()
            return
        super().keyPressEvent(event)

    def optional_value(self) -> date | None:
        return self._value

    def set_optional_value(self, value: date | None) -> None:
        self._set(value)


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


def _echoed(text: str) -> str:
    """A refused entry as its message repeats it: without invisible control and direction
    characters (a pasted U+202E showed the whole sentence back to front)."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
