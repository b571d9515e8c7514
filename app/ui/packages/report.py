"""The validation report of an incoming package: every problem with sheet, cell and fix.

A table the user can sort (click a header), filter (severity, sheet, search text) and export
as it is shown to .xlsx or .csv, so the gemeente that sent the file can fix it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.exchange.problem_report import write_problem_report
from app.exchange.problems import Problem, Severity
from app.kernel.errors import UserError
from app.ui.packages.notice import notice
from app.ui.packages.rows import PlainRowsModel
from app.ui.widgets.rows_model import Column

Index = QModelIndex | QPersistentModelIndex
ERROR_COLOUR = QColor("#b00020")
ROWS_FITTED_UP_TO = 500  # taller rows show the whole explanation; beyond this it gets slow
_CELL = re.compile(r"(.*)!([A-Z]+)(\d+)$")

COLUMNS = (
    Column("Ernst", lambda p: p.severity.value),
    Column("Blad", lambda p: p.sheet),
    Column("Cel", lambda p: p.cell.partition("!")[2] or p.cell),
    Column("Kolom", lambda p: p.column),
    Column("Waarde", lambda p: p.value),
    Column("Uitleg", lambda p: p.message),
)
CELL_COLUMN = 2
EXPLANATION_COLUMN = 5


class ProblemsModel(PlainRowsModel):
    """The problems in the order the reader found them; errors in red."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem: Problem = self.row_at(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and problem.is_error:
            return QBrush(ERROR_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == CELL_COLUMN:
            return problem.cell
        return super().data(index, role)


def sort_key(problem: Problem, column: int) -> tuple[Any, ...]:
    """Errors before warnings; cells in sheet, row, column order (D9 before D14)."""
    if column == 0:
        return (not problem.is_error,)
    if column == CELL_COLUMN:
        match = _CELL.match(problem.cell)
        if match:
            sheet, letters, row = match.groups()
            return (sheet.casefold(), int(row), len(letters), letters)
        return (problem.cell.casefold(), 0, 0, "")
    return (COLUMNS[column].text(problem).casefold(),)


class ProblemsFilter(QSortFilterProxyModel):
    """Shows the problems of one severity and sheet that contain the search text."""

    def __init__(self, source: ProblemsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._source = source
        self._severity: Severity | None = None
        self._sheet: str | None = None
        self._text = ""

    def set_severity(self, severity: Severity | None) -> None:
        self.beginFilterChange()
        self._severity = severity
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_sheet(self, sheet: str | None) -> None:
        self.beginFilterChange()
        self._sheet = sheet
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def shown(self) -> list[Problem]:
        """The problems as the table shows them: filtered and in the sorted order."""
        return [
            self._source.row_at(self.mapToSource(self.index(row, 0)).row())
            for row in range(self.rowCount())
        ]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        problem: Problem = self._source.row_at(source_row)
        if self._severity is not None and problem.severity is not self._severity:
            return False
        if self._sheet is not None and problem.sheet != self._sheet:
            return False
        if self._text:
            fields = (column.text(problem) for column in COLUMNS)
            return any(self._text in field.casefold() for field in fields)
        return True

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 - Qt override
        column = left.column()
        return sort_key(self._source.row_at(left.row()), column) < sort_key(
            self._source.row_at(right.row()), column
        )


class ValidationReport(QWidget):
    """Filters above the table, a count beside them; `export_to` writes what is shown."""

    def __init__(self, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProblemsModel(COLUMNS, self)
        self.model.set_rows(problems)
        self.proxy = ProblemsFilter(self.model, self)

        self.severity = QComboBox()
        self.severity.setObjectName("reportSeverity")
        self.severity.addItem(self.tr("Fouten en waarschuwingen"), None)
        self.severity.addItem(self.tr("Alleen fouten"), Severity.ERROR)
        self.severity.addItem(self.tr("Alleen waarschuwingen"), Severity.WARNING)
        self.severity.currentIndexChanged.connect(
            lambda: self.proxy.set_severity(self.severity.currentData())
        )
        self.sheet = QComboBox()
        self.sheet.setObjectName("reportSheet")
        self.sheet.addItem(self.tr("Alle bladen"), None)
        for name in sorted({problem.sheet for problem in problems}):
            self.sheet.addItem(name or self.tr("(het hele bestand)"), name)
        self.sheet.currentIndexChanged.connect(
            lambda: self.proxy.set_sheet(self.sheet.currentData())
        )
        self.search = QLineEdit()
        self.search.setObjectName("reportSearch")
        self.search.setPlaceholderText(self.tr("Zoeken in blad, cel, kolom, waarde en uitleg…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.count = QLabel()

        filters = QHBoxLayout()
        for text, field in (
            (self.tr("&Ernst:"), self.severity),
            (self.tr("&Blad:"), self.sheet),
            (self.tr("&Zoeken:"), self.search),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field, 1 if field is self.search else 0)
        filters.addWidget(self.count)

        self.table = QTableView()
        self.table.setObjectName("validationReport")
        self.table.setAccessibleName(self.tr("Meldingen per blad en cel"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the reader's order at first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((110, 130, 70, 150, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(EXPLANATION_COLUMN, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        # Wrapped explanations need the final column widths to find their height.
        header.sectionResized.connect(self._fit_rows)
        self._update_count()

    def choose_export(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Controleverslag exporteren"),
            "controleverslag.xlsx",
            self.tr("Excel-werkmap (*.xlsx);;CSV-bestand, puntkomma's (*.csv)"),
        )
        if name:
            path = Path(name)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        shown = self.proxy.shown()
        try:
            write_problem_report(path, shown)
        except UserError as error:
            notice(self, self.tr("Niet geëxporteerd"), error.message, QMessageBox.Icon.Warning)
            return
        self.count.setText(
            self.tr("{n} meldingen opgeslagen in {file}").format(n=len(shown), file=path.name)
        )

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("{shown} van {total} meldingen").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )
        self._fit_rows()

    def _fit_rows(self) -> None:
        if self.proxy.rowCount() <= ROWS_FITTED_UP_TO:
            self.table.resizeRowsToContents()


class ValidationReportDialog(QDialog):
    """The report before anything is stored: with errors it only closes; with warnings only,
    Verder (accept) goes on to the preview of the changes."""

    def __init__(
        self, file_name: str, problems: Sequence[Problem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("validationReportDialog")
        errors = sum(problem.is_error for problem in problems)
        warnings = len(problems) - errors
        self.setWindowTitle(
            self.tr("Pakket niet ingelezen") if errors else self.tr("Controle van het pakket")
        )
        self.resize(1240, 620)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(file_name, errors, warnings))
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.report = ValidationReport(problems, self)
        layout.addWidget(self.report, 1)

        buttons = QDialogButtonBox()
        self.export_button = QPushButton(self.tr("E&xporteren…"))
        self.export_button.setToolTip(
            self.tr("De meldingen zoals getoond opslaan als Excel- of CSV-bestand")
        )
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.report.choose_export)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        if errors:
            close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setText(self.tr("&Sluiten"))
            close.setDefault(True)
        else:
            self.continue_button = buttons.addButton(
                self.tr("&Verder: wijzigingen bekijken"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.continue_button.setDefault(True)
            cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(self.tr("&Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.report.table.setFocus()

    def _summary(self, file_name: str, errors: int, warnings: int) -> str:
        where = self.tr(
            "Een cel als Acties!D14 betekent: blad Acties, kolom D, rij 14 (rij 1 is de kopregel)."
        )
        if errors:
            return (
                self.tr(
                    "{file} is niet ingelezen: {errors} fout(en) en {warnings} waarschuwing(en). "
                    "Er is niets opgeslagen. Laat de fouten in het bestand verbeteren (in rood; "
                    "de uitleg zegt hoe) en lees het daarna opnieuw in. Met Exporteren geeft u "
                    "deze lijst mee aan wie het bestand verbetert."
                ).format(file=file_name, errors=errors, warnings=warnings)
                + "\n"
                + where
            )
        return (
            self.tr(
                "{file} kan worden ingelezen. De controle vond {warnings} waarschuwing(en): het "
                "programma verbetert die zelf bij het inlezen, zoals de uitleg per regel zegt. "
                "Er is nog niets opgeslagen; hierna ziet u eerst wat er verandert."
            ).format(file=file_name, warnings=warnings)
            + "\n"
            + where
        )
