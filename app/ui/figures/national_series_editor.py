"""The national series (burglaries and dwellings per year) as a table with a small form.

Saving a year adds it or replaces its figures; both that and removing a year go through the
undo stack, so Ctrl+Z puts the previous figures back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.figures.national_reference import (
    FIRST_YEAR,
    LAST_YEAR,
    SOURCE_MAX,
    NationalYear,
    national_series,
    remove_national_year,
    set_national_year,
)
from app.ui.overview.rate_panel import decimal_text
from app.ui.widgets.form_widgets import DUTCH
from app.ui.window.context import ScreenContext

MAX_BURGLARIES = 1_000_000
MAX_DWELLINGS = 100_000_000


def _count_field(minimum: int, maximum: int, *, grouped: bool = True) -> QSpinBox:
    spin = QSpinBox()
    spin.setLocale(DUTCH)
    spin.setRange(minimum, maximum)
    spin.setGroupSeparatorShown(grouped)
    return spin


class NationalSeriesEditor(QWidget):
    """`changed` runs after every edit, undo and redo (the rate comparison depends on it)."""

    def __init__(
        self, context: ScreenContext, changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._changed = changed
        self._series: list[NationalYear] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("nationalSeries")
        self.table.setAccessibleName(self.tr("Landelijke reeks per jaar"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Jaar"),
                self.tr("Woninginbraken"),
                self.tr("Woningen"),
                self.tr("Per 1.000 woningen"),
                self.tr("Bron"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._fill_form)
        layout.addWidget(self.table, 3)

        form_box = QGroupBox(self.tr("Jaar toevoegen of wijzigen"))
        column = QVBoxLayout(form_box)
        explanation = QLabel(
            self.tr(
                "Het landelijk gemiddelde is het aantal woninginbraken (incl. pogingen) per "
                "1.000 woningen in Nederland. Vul een jaar in met de cijfers van CBS en politie; "
                "een bestaand jaar wordt overschreven."
            )
        )
        explanation.setWordWrap(True)
        column.addWidget(explanation)
        form = QFormLayout()
        self.year = _count_field(FIRST_YEAR, LAST_YEAR, grouped=False)
        self.burglaries = _count_field(0, MAX_BURGLARIES)
        self.dwellings = _count_field(1, MAX_DWELLINGS)
        self.source = QLineEdit()
        self.source.setMaxLength(SOURCE_MAX)
        self.source.setPlaceholderText(self.tr("bijv. CBS/politie, woningvoorraad op 1 januari"))
        for field, name in (
            (self.year, self.tr("Jaar")),
            (self.burglaries, self.tr("Woninginbraken")),
            (self.dwellings, self.tr("Woningen in Nederland")),
            (self.source, self.tr("Bron")),
        ):
            field.setAccessibleName(name)
        form.addRow(self.tr("&Jaar"), self.year)
        form.addRow(self.tr("Woninginbra&ken"), self.burglaries)
        form.addRow(self.tr("W&oningen in Nederland"), self.dwellings)
        form.addRow(self.tr("B&ron"), self.source)
        column.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Jaar o&pslaan"))
        self.save_button.clicked.connect(self.save_year)
        self.remove_button = QPushButton(self.tr("Jaar &verwijderen"))
        self.remove_button.clicked.connect(self.remove_year)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        column.addWidget(self.message)
        column.addStretch(1)
        layout.addWidget(form_box, 2)
        self.refresh()

    def refresh(self) -> None:
        self._series = national_series(self._context.workspace)
        selected_year = self.year.value()
        self.table.setRowCount(len(self._series))
        for row, entry in enumerate(self._series):
            cells = (
                str(entry.year),
                DUTCH.toString(entry.burglaries),
                DUTCH.toString(entry.dwellings),
                decimal_text(entry.rate),
                entry.source,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column < 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.remove_button.setEnabled(bool(self._series))
        years = [entry.year for entry in self._series]
        if years:
            # Keep the year being edited; otherwise start from the latest year.
            row = years.index(selected_year) if selected_year in years else len(years) - 1
            self.table.selectRow(row)

    def _fill_form(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self._series[rows[0].row()]
        self.year.setValue(entry.year)
        self.burglaries.setValue(entry.burglaries)
        self.dwellings.setValue(entry.dwellings)
        self.source.setText(entry.source)

    def _entry(self, year: int) -> NationalYear | None:
        return next((entry for entry in self._series if entry.year == year), None)

    def save_year(self) -> None:
        entry = NationalYear(
            self.year.value(),
            self.burglaries.value(),
            self.dwellings.value(),
            self.source.text().strip(),
        )
        before = self._entry(entry.year)
        if before == entry:
            self.message.setText(self.tr("Deze cijfers staan al in de reeks."))
            return
        workspace = self._context.workspace
        text = self.tr("Landelijk cijfer {year} opslaan").format(year=entry.year)
        revert = (
            (lambda: set_national_year(workspace, before))
            if before is not None
            else (lambda: remove_national_year(workspace, entry.year))
        )
        self._push(text, lambda: set_national_year(workspace, entry), revert)
        self.message.setText(
            self.tr("{year} opgeslagen: {rate} per 1.000 woningen.").format(
                year=entry.year, rate=decimal_text(entry.rate)
            )
        )

    def remove_year(self) -> None:
        year = self.year.value()
        before = self._entry(year)
        if before is None:
            self.message.setText(
                self.tr("{year} staat niet in de reeks; kies een jaar in de tabel.").format(
                    year=year
                )
            )
            return
        workspace = self._context.workspace
        self._push(
            self.tr("Landelijk cijfer {year} verwijderen").format(year=year),
            lambda: remove_national_year(workspace, year),
            lambda: set_national_year(workspace, before),
        )
        self.message.setText(
            self.tr("{year} verwijderd. Ongedaan maken met Ctrl+Z.").format(year=year)
        )

    def _push(self, text: str, apply: Callable[[], object], revert: Callable[[], object]) -> None:
        self._context.undo.edit(text, apply, revert, self._changed)
