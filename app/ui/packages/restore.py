"""Bestand > Herstellen: put back a backup of this workspace (made before an import, a merge,
a schema update or an earlier restore), chosen by date and reason, after a confirmation.

Restoring first backs up the current state, so a restore can itself be undone the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
)

from app.kernel.backups import BackupInfo, list_workspace_backups, restore_backup
from app.kernel.errors import UserError
from app.kernel.moments import dutch_moment
from app.kernel.workspace import Workspace
from app.ui.packages.notice import notice
from app.ui.packages.rows import PlainRowsModel
from app.ui.widgets.confirm import ask
from app.ui.widgets.rows_model import Column
from app.ui.window.host import WindowHost


def _size(backup: BackupInfo) -> str:
    return QCoreApplication.translate("PackageRestore", "{n} kB").format(
        n=max(backup.size_bytes // 1024, 1)
    )


COLUMNS = (
    Column("Gemaakt op", lambda b: dutch_moment(b.made_at)),
    Column("Reden", lambda b: b.description),
    Column("Grootte", _size),
)


class RestoreDialog(QDialog):
    """Newest backup first; Herstellen asks once more before anything is replaced."""

    def __init__(self, workspace: Workspace, window: WindowHost) -> None:
        super().__init__(window)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Reservekopie terugzetten"))
        self.resize(760, 460)
        self._workspace = workspace
        self._window = window
        self.confirm_box: QMessageBox | None = None
        self.model = PlainRowsModel(COLUMNS, self)
        self.model.set_rows(list_workspace_backups(workspace))
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "Het programma maakt een reservekopie vóór het inlezen of samenvoegen van een "
                "pakket, vóór een schema-update en vóór het terugzetten van een reservekopie. "
                "Kies de toestand die u terug wilt. Alles wat daarna is gewijzigd gaat verloren; "
                "de huidige toestand wordt eerst zelf als reservekopie bewaard."
            )
            if self.model.rowCount()
            else self.tr("Er zijn nog geen reservekopieën van deze werkruimte.")
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.table = QTableView()
        self.table.setObjectName("backups")
        self.table.setAccessibleName(self.tr("Reservekopieën, nieuwste eerst"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().resizeSection(0, 170)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._restore_clicked)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("&Herstellen…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        self.restore_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Annuleren"))
        buttons.accepted.connect(self._restore_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def _restore_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        backup: BackupInfo = self.model.row_at(rows[0].row())
        self.confirm_box = ask(
            self,
            self.tr("Reservekopie terugzetten?"),
            self.tr(
                "De werkruimte wordt teruggezet naar {when} ({reason}). Wat daarna is gewijzigd "
                "gaat verloren; de huidige toestand wordt eerst als reservekopie bewaard."
            ).format(when=COLUMNS[0].text(backup), reason=backup.description),
            lambda: self._restore(backup),
            self.tr("Ja, terugzetten"),
        )

    def _restore(self, backup: BackupInfo) -> None:
        # The workspace's engine is replaced: no screen may be reading it meanwhile.
        self._window.jobs.wait()
        try:
            restore_backup(self._workspace, backup.path)
        except UserError as error:
            notice(self, self.tr("Niet teruggezet"), error.message, QMessageBox.Icon.Warning)
            return
        self.accept()
        self._window.rebuild_pages()
        self._window.undo.not_undoable(
            self.tr(
                "Reservekopie van {when} teruggezet. Ctrl+Z maakt dat niet ongedaan; de "
                "toestand van daarvoor staat als reservekopie in Bestand > Herstellen."
            ).format(when=COLUMNS[0].text(backup))
        )
