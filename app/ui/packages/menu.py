"""Bestand > Pakket exporteren / importeren / Terugkoppeling / Herstellen: the entries.

A gemeente exports its package and imports its own; the RSIV imports (merges) several
packages or a folder at once. Both can put back a backup. The screens load openpyxl and the
exchange services when the user picks an entry, so the window paints before any of that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from database.enums import WorkspaceRole

if TYPE_CHECKING:
    from app.kernel.workspace import Workspace
    from app.ui.packages.export import PackageExporter
    from app.ui.packages.feedback_importer import FeedbackImporter
    from app.ui.packages.importer import PackageImporter
    from app.ui.packages.merge import PackageMerger
    from app.ui.packages.restore import RestoreDialog
    from app.ui.window.host import WindowHost


class PackageMenu(QObject):
    """The package and backup entries of the Bestand menu, set for the workspace shown."""

    def __init__(self, window: WindowHost, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.exporter: PackageExporter | None = None
        self.importer: PackageImporter | None = None
        self.merger: PackageMerger | None = None
        self.feedback_importer: FeedbackImporter | None = None
        self.restore_dialog: RestoreDialog | None = None
        menu.setToolTipsVisible(True)
        self.export_action = self._action(menu, self.tr("Pakket &exporteren…"), "exportPackage")
        self.export_action.triggered.connect(self.export_package)
        self.import_action = self._action(menu, self.tr("Pakket &importeren…"), "importPackage")
        self.import_action.triggered.connect(self.import_package)
        self.import_folder_action = self._action(
            menu, self.tr("Pakketten uit een &map importeren…"), "importPackageFolder"
        )
        self.import_folder_action.setToolTip(self.tr("Elk pakket (.xlsx) in een map samenvoegen"))
        self.import_folder_action.triggered.connect(self.import_folder)
        self.feedback_action = self._action(
            menu, self.tr("&Terugkoppeling RSIV inlezen…"), "importFeedback"
        )
        self.feedback_action.setToolTip(
            self.tr("De suggesties van de werkgroep en de regionale vergelijking inlezen")
        )
        self.feedback_action.triggered.connect(self.import_feedback)
        self.restore_action = self._action(menu, self.tr("&Herstellen…"), "restoreBackup")
        self.restore_action.setToolTip(self.tr("Een reservekopie van deze werkruimte terugzetten"))
        self.restore_action.triggered.connect(self.restore)
        self._enable(None)

    def attach(self, workspace: Workspace) -> None:
        """A new workspace is shown: a gemeente sends packages, the RSIV receives them."""
        self.exporter = None
        self.importer = None
        self.merger = None
        self.feedback_importer = None
        self._enable(workspace.summary.role)

    def export_package(self) -> None:
        from app.ui.packages.export import PackageExporter

        workspace = self._window.workspace
        if workspace is None:
            return
        if self.exporter is None:
            self.exporter = PackageExporter(workspace, self._window)
        self.exporter.choose_and_export()

    def import_package(self) -> None:
        workspace = self._window.workspace
        if workspace is None:
            return
        if workspace.summary.role is WorkspaceRole.REGION:
            self._merger(workspace).choose_files()
            return
        from app.ui.packages.importer import PackageImporter

        if self.importer is None:
            self.importer = PackageImporter(workspace, self._window)
        self.importer.choose_and_import()

    def import_folder(self) -> None:
        workspace = self._window.workspace
        if workspace is not None:
            self._merger(workspace).choose_folder()

    def import_feedback(self) -> None:
        from app.ui.packages.feedback_importer import FeedbackImporter

        workspace = self._window.workspace
        if workspace is None:
            return
        if self.feedback_importer is None:
            self.feedback_importer = FeedbackImporter(workspace, self._window)
        self.feedback_importer.choose_and_import()

    def restore(self) -> None:
        from app.ui.packages.restore import RestoreDialog

        workspace = self._window.workspace
        if workspace is None:
            return
        dialog = RestoreDialog(workspace, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_restore_dialog)
        self.restore_dialog = dialog
        dialog.open()

    def _forget_restore_dialog(self) -> None:
        self.restore_dialog = None

    def _merger(self, workspace: Workspace) -> PackageMerger:
        from app.ui.packages.merge import PackageMerger

        if self.merger is None:
            self.merger = PackageMerger(workspace, self._window)
        return self.merger

    def _action(self, menu: QMenu, text: str, name: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        menu.addAction(action)
        return action

    def _enable(self, role: WorkspaceRole | None) -> None:
        is_region = role is WorkspaceRole.REGION
        self.export_action.setEnabled(role is WorkspaceRole.MUNICIPALITY)
        self.export_action.setToolTip(
            self.tr(
                "Een RSIV-werkruimte maakt geen pakket: de gemeenten sturen hun pakket naar "
                "het RSIV."
            )
            if is_region
            else self.tr("Het plan van de gemeente als Excel-pakket voor het RSIV opslaan")
        )
        self.import_action.setText(
            self.tr("Pakketten &importeren…") if is_region else self.tr("Pakket &importeren…")
        )
        self.import_action.setToolTip(
            self.tr("Pakketten van gemeenten controleren en samenvoegen (meerdere bestanden)")
            if is_region
            else self.tr("Een pakket van deze gemeente controleren en inlezen")
        )
        self.import_action.setEnabled(role is not None)
        self.import_folder_action.setVisible(is_region)
        self.import_folder_action.setEnabled(is_region)
        self.restore_action.setEnabled(role is not None)
        self.feedback_action.setVisible(role is WorkspaceRole.MUNICIPALITY)
        self.feedback_action.setEnabled(role is WorkspaceRole.MUNICIPALITY)
