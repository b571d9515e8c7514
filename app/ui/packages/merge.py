"""Bestand > Pakketten importeren in the RSIV workspace: several files or a folder at once.

First every file is read and checked (nothing is written) and the RSIV sees per file whether
it can be merged and what it changes, or why it is refused, with the validation report of
each file. Samenvoegen then merges each accepted package in its own transaction (after a
backup) and records refusals in the import history; the outcome is listed per file.

A package from a new workspace of a gemeente (a handover) is refused until the RSIV chooses
Overdracht accepteren for it: an explicit step, recorded in the import history when merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.packages.merge import (
    HandoverNeededError,
    MergeOutcome,
    merge_previewed,
    package_files,
    preview_merges,
)
from app.ui.packages.flow import PackageFlow
from app.ui.packages.notice import notice
from app.ui.packages.progress import start_package_job
from app.ui.packages.report import ERROR_COLOUR, ValidationReportDialog
from app.ui.packages.rows import PlainRowsModel
from app.ui.widgets.background import Job
from app.ui.widgets.rows_model import Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("PackageMerge", text)


def _municipality(outcome: MergeOutcome) -> str:
    if outcome.preview is not None:
        return outcome.preview.municipality.name
    metadata = outcome.refusal.offer.metadata if outcome.refusal else None
    return metadata.municipality_name if metadata else ""


def _sequence(outcome: MergeOutcome) -> str:
    if outcome.preview is not None:
        return str(outcome.preview.metadata.sequence)
    metadata = outcome.refusal.offer.metadata if outcome.refusal else None
    return str(metadata.sequence) if metadata else ""


def _result(outcome: MergeOutcome) -> str:
    if isinstance(outcome.refusal, HandoverNeededError):
        return _tr("overdracht: wacht op keuze")
    if outcome.refusal is not None:
        return _tr("geweigerd")
    handover = outcome.preview is not None and outcome.preview.handover_accepted
    if outcome.entry is not None:
        return _tr("samengevoegd (overdracht)") if handover else _tr("samengevoegd")
    return (
        _tr("overdracht: kan worden samengevoegd") if handover else _tr("kan worden samengevoegd")
    )


def _detail(outcome: MergeOutcome) -> str:
    if outcome.refusal is not None:
        return outcome.refusal.headline
    assert outcome.preview is not None
    added, changed, removed = outcome.preview.counts
    text = _tr("{added} nieuw, {changed} gewijzigd, {removed} verwijderd").format(
        added=added, changed=changed, removed=removed
    )
    warnings = len(outcome.preview.warnings)
    return text + (_tr("; {n} waarschuwing(en)").format(n=warnings) if warnings else "")


COLUMNS = (
    Column("Bestand", lambda o: o.path.name),
    Column("Gemeente", _municipality),
    Column("Volgnummer", _sequence),
    Column("Uitkomst", _result),
    Column("Wijzigingen of reden", _detail),
)


class OutcomesModel(PlainRowsModel):
    """One row per file; refusals in red."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and self.row_at(index.row()).refusal is not None
        ):
            return QBrush(ERROR_COLOUR)
        return super().data(index, role)


class MergeDialog(QDialog):
    """Per file what happens (before) or happened (after); Controleverslag shows a file's
    problems. Before merging, Samenvoegen accepts the dialog."""

    def __init__(
        self, outcomes: Sequence[MergeOutcome], *, done: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(
            self.tr("Pakketten samengevoegd") if done else self.tr("Pakketten samenvoegen")
        )
        self.resize(1100, 520)
        self.outcomes = list(outcomes)
        self.after_merge = done
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = OutcomesModel(COLUMNS, self)
        self.model.set_rows(self.outcomes)
        self.table = QTableView()
        self.table.setObjectName("mergeOutcomes")
        self.table.setAccessibleName(self.tr("Uitkomst per pakket"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((230, 160, 90, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.show_report)
        layout.addWidget(self.table, 1)

        buttons = QDialogButtonBox()
        self.report_button = QPushButton(self.tr("&Controleverslag…"))
        self.report_button.setToolTip(
            self.tr("De fouten en waarschuwingen van het gekozen pakket per blad en cel")
        )
        self.report_button.clicked.connect(self.show_report)
        buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        if done:
            close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setText(self.tr("&Sluiten"))
        else:
            self.handover_button = QPushButton(self.tr("&Overdracht accepteren"))
            self.handover_button.setToolTip(
                self.tr(
                    "Het gekozen pakket komt uit een nieuwe werkruimte van de gemeente (nieuwe "
                    "laptop of projectleider). Accepteren legt de overdracht vast; daarna "
                    "worden pakketten van de oude werkruimte geweigerd."
                )
            )
            self.handover_button.clicked.connect(self.accept_handover)
            buttons.addButton(self.handover_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.merge_button = buttons.addButton(
                self.tr("&Samenvoegen"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.merge_button.setDefault(True)
            cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(self.tr("&Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.table.selectRow(0)
        self.table.setFocus()
        self.report: ValidationReportDialog | None = None
        self._update()

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update(self) -> None:
        refused = sum(outcome.refusal is not None for outcome in self.outcomes)
        accepted = len(self.outcomes) - refused
        self.summary.setText(self._summary(self.after_merge, accepted, refused))
        if self.after_merge:
            return
        self.merge_button.setText(self.tr("&Samenvoegen ({n})").format(n=accepted))
        self.merge_button.setEnabled(accepted > 0)
        row = self._selected()
        waiting = row is not None and isinstance(self.outcomes[row].refusal, HandoverNeededError)
        self.handover_button.setEnabled(waiting)

    def accept_handover(self) -> None:
        """The chosen package's handover is accepted: it will be merged, and recorded."""
        row = self._selected()
        if row is None:
            return
        outcome = self.outcomes[row]
        refusal = outcome.refusal
        if not isinstance(refusal, HandoverNeededError):
            return
        self.outcomes[row] = MergeOutcome(
            outcome.path, refusal.preview.accepting_handover(), None, None
        )
        self.model.set_rows(self.outcomes)
        self.table.selectRow(row)
        self._update()

    def show_report(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        outcome: MergeOutcome = self.model.row_at(rows[0].row())
        if outcome.refusal is not None:
            problems = outcome.refusal.problems or []
        else:
            assert outcome.preview is not None
            problems = list(outcome.preview.warnings)
        if not problems:
            notice(
                self,
                self.tr("Controleverslag"),
                self.tr("{file}: geen fouten of waarschuwingen.").format(file=outcome.path.name)
                if outcome.refusal is None
                else outcome.refusal.headline,
            )
            return
        report = ValidationReportDialog(outcome.path.name, problems, self)
        report.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = report
        report.open()

    def _summary(self, done: bool, accepted: int, refused: int) -> str:
        if done:
            return self.tr(
                "{accepted} pakket(ten) samengevoegd, {refused} geweigerd. Elk samengevoegd "
                "pakket vervangt de gegevens van die gemeente; voor elk pakket is eerst een "
                "reservekopie gemaakt. Weigeringen staan in de importgeschiedenis."
            ).format(accepted=accepted, refused=refused)
        text = self.tr(
            "Er is nog niets opgeslagen. {accepted} pakket(ten) kunnen worden samengevoegd, "
            "{refused} worden geweigerd (in rood, met de reden). Samenvoegen vervangt per "
            "gemeente haar gegevens door die uit het pakket; andere gemeenten en de notities "
            "van het RSIV blijven zoals ze zijn. Kies een pakket en Controleverslag om de "
            "meldingen per cel te zien."
        ).format(accepted=accepted, refused=refused)
        if any(isinstance(o.refusal, HandoverNeededError) for o in self.outcomes):
            text += " " + self.tr(
                "Een pakket uit een nieuwe werkruimte van een gemeente wacht op uw keuze: kies "
                "het en Overdracht accepteren als de aanpak echt is overgedragen."
            )
        return text


class PackageMerger(PackageFlow):
    """Reads the chosen packages, shows the plan, merges, and shows the outcome per file."""

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Pakketten importeren"),
            self._folder,
            self.tr("Excel-pakketten (*.xlsx);;Alle bestanden (*)"),
        )
        if paths and self.job is None:
            self._folder = str(Path(paths[0]).parent)
            self.start([Path(path) for path in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Map met pakketten kiezen"), self._folder
        )
        if folder and self.job is None:
            self._folder = folder
            self.start([Path(folder)])

    def start(self, paths: Sequence[Path]) -> Job | None:
        files = package_files(paths)
        if not files:
            self._tell(
                self.tr("Geen pakketten"),
                self.tr(
                    "Er staan geen pakketten (.xlsx) in {place}; er is niets gewijzigd."
                ).format(place=", ".join(str(path) for path in paths)),
                QMessageBox.Icon.Warning,
            )
            return None
        workspace = self._workspace
        job = start_package_job(
            self._window.jobs,
            self._window,
            self.tr("Pakketten importeren"),
            self.tr("{n} pakket(ten) worden gelezen en gecontroleerd…").format(n=len(files)),
            lambda report, cancelled: preview_merges(
                workspace, files, on_progress=report, is_cancelled=cancelled
            ),
            self._previewed,
            self._failed,
        )
        self.job = job
        return job

    def _previewed(self, outcomes: list[MergeOutcome]) -> None:
        self.job = None
        dialog = MergeDialog(outcomes, done=False, parent=self._window)
        # The dialog's outcomes: an accepted handover replaced its refusal there.
        dialog.accepted.connect(lambda: self._merge(dialog.outcomes))
        self._open(dialog)

    def _merge(self, planned: list[MergeOutcome]) -> None:
        workspace = self._workspace
        job = start_package_job(
            self._window.jobs,
            self._window,
            self.tr("Pakketten samenvoegen"),
            self.tr("De pakketten worden samengevoegd…"),
            lambda report, cancelled: merge_previewed(
                workspace, planned, on_progress=report, is_cancelled=cancelled
            ),
            self._merged,
            self._failed,
            writes=True,
        )
        self.job = job

    def _merged(self, outcomes: list[MergeOutcome]) -> None:
        self.job = None
        self._window.rebuild_pages()
        merged = sum(outcome.merged for outcome in outcomes)
        self._window.undo.not_undoable(
            self.tr("{merged} van {total} pakket(ten) samengevoegd.").format(
                merged=merged, total=len(outcomes)
            )
            + " "
            + self._window.undo.import_reason()
        )
        self._open(MergeDialog(outcomes, done=True, parent=self._window))

    def _failed(self, error: object) -> None:
        self._report_failure(
            error,
            self.tr("Pakketten niet ingelezen"),
            self.tr("Afgebroken; de pakketten die al waren samengevoegd blijven bewaard."),
        )
