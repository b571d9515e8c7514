"""A returned form beside the current analysis: every part side by side, changes marked, and
the projectleider's choice to accept (Overnemen) or reject (Afwijzen) it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.hotspots.hotspots import AnalysisDraft
from app.exchange.form_layout import AUTHOR_LABELS, QUESTIONS, ProposedRow

if TYPE_CHECKING:
    from app.core.hotspots.analysis_forms import FormPreview

CHANGED = QColor("#fff4c2")
ROW_HEIGHT_LIMIT = 96  # longer texts are read in full in the panes below the table


def measures_text(rows: tuple[ProposedRow, ...]) -> str:
    return "\n".join(
        f"• {row.title} ({row.target_group.label}, {row.intervention.label}"
        + (f"; {row.partner})" if row.partner else ")")
        for row in rows
    )


def value_text(value: object) -> str:
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    return str(value or "")


class FormComparisonDialog(QDialog):
    """Current analysis (left) and the form's answers (right); Overnemen or Afwijzen."""

    def __init__(self, preview: FormPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formComparison")
        self.setWindowTitle(self.tr("Ingevuld formulier vergelijken"))
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        metadata = preview.form.metadata
        changed = preview.changed_fields()
        count = len(changed) + int(preview.measures_changed)
        summary = self.tr(
            "Formulier versie {form} voor hotspot {hotspot}. {count} onderdeel/onderdelen "
            "verschillen van de huidige analyse; die zijn geel gemarkeerd."
        ).format(form=metadata.form_version, hotspot=preview.hotspot_label, count=count)
        if preview.becomes_new_version:
            summary += " " + self.tr(
                "Overnemen maakt versie {new}; versie {old} blijft bewaard."
            ).format(new=preview.current_version + 1, old=preview.current_version)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = self._table(preview, changed)
        self.before = self._pane()
        self.after = self._pane()
        panes = QWidget()
        side_by_side = QHBoxLayout(panes)
        side_by_side.setContentsMargins(0, 0, 0, 0)
        side_by_side.addWidget(self.before)
        side_by_side.addWidget(self.after)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(panes)
        splitter.setSizes([420, 220])
        layout.addWidget(splitter, 1)
        self.table.currentCellChanged.connect(self._show_row)
        self.table.setCurrentCell(0, 0)
        if preview.warnings:
            notes = QLabel(
                self.tr("Bij het lezen aangepast:")
                + "\n"
                + "\n".join(f"• {p.cell}: {p.message}" for p in preview.warnings)
            )
            notes.setWordWrap(True)
            notes.setObjectName("formWarnings")
            layout.addWidget(notes)
        if preview.findings:
            privacy = QLabel(
                self.tr("De privacycontrole vond iets; controleer het vóór het overnemen:")
                + "\n"
                + "\n".join(f"• {line}" for line in preview.privacy_lines)
            )
            privacy.setWordWrap(True)
            privacy.setObjectName("formPrivacyFindings")
            layout.addWidget(privacy)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(
            self.tr("&Overnemen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reject_button = buttons.addButton(
            self.tr("&Afwijzen"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.accept_button.setToolTip(
            self.tr("De antwoorden worden de analyse (stand 'ontvangen'); ongedaan te maken.")
        )
        self.reject_button.setToolTip(self.tr("Er wordt niets opgeslagen."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reject_button.setDefault(True)

    def _pane(self) -> QPlainTextEdit:
        pane = QPlainTextEdit()
        pane.setReadOnly(True)
        return pane

    def _show_row(self, row: int) -> None:
        """The whole text of the chosen part, current (left) and incoming (right)."""
        self.before.setPlainText(self.table.item(row, 1).data(Qt.ItemDataRole.UserRole))
        self.after.setPlainText(self.table.item(row, 2).data(Qt.ItemDataRole.UserRole))

    def _table(self, preview: FormPreview, changed: tuple[str, ...]) -> QTableWidget:
        current = preview.current or AnalysisDraft()
        incoming = preview.incoming
        labels = {q.field: q.heading for q in QUESTIONS} | AUTHOR_LABELS
        rows = [
            (
                labels[name],
                value_text(getattr(current, name)),
                value_text(getattr(incoming, name)),
                name in changed,
            )
            for name in labels
        ]
        rows.append(
            (
                self.tr("Voorgestelde maatregelen"),
                measures_text(tuple(item.row for item in preview.current_measures)),
                measures_text(incoming.measures),
                preview.measures_changed,
            )
        )
        version = (
            self.tr("Huidige analyse (versie {n})").format(n=preview.current_version)
            if preview.current_version
            else self.tr("Huidige analyse (nog geen)")
        )
        table = QTableWidget(len(rows), 3)
        table.setObjectName("comparisonTable")
        table.setHorizontalHeaderLabels(
            [self.tr("Onderdeel"), version, self.tr("Ingevuld formulier")]
        )
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        bold = QFont(table.font())
        bold.setBold(True)
        for row, (label, before, after, differs) in enumerate(rows):
            cells = [QTableWidgetItem(text or "—") for text in (label, before, after)]
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, (label, before, after)[column])
                if differs:
                    cell.setBackground(QBrush(CHANGED))
                if differs and column == 0:
                    cell.setFont(bold)
                table.setItem(row, column, cell)
        table.resizeRowsToContents()
        for row in range(table.rowCount()):
            table.setRowHeight(row, min(table.rowHeight(row), ROW_HEIGHT_LIMIT))
        return table
