"""Bestand > Pakket exporteren / Pakket importeren: the menu entries and who handles them.

The export and import screens load openpyxl and the exchange services; they are imported
when the user picks an entry, so the window still paints before any of that is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from database.enums import WorkspaceRole

if TYPE_CHECKING:
    from app.core.workspace import Workspace
    from app.ui.main_window import MainWindow
    from app.ui.package_export import PackageExporter
    from app.ui.package_import import PackageImporter


class PackageMenu(QObject):
    """The two package entries of the Bestand menu, enabled for the workspace shown."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.exporter: PackageExporter | None = None
        self.importer: PackageImporter | None = None
        menu.setToolTipsVisible(True)
        self.export_action = QAction(self.tr("Pakket &exporteren…"), window)
        self.export_action.setObjectName("exportPackage")
        self.export_action.triggered.connect(self.export_package)
        self.import_action = QAction(self.tr("Pakket &importeren…"), window)
        self.import_action.setObjectName("importPackage")
        self.import_action.triggered.connect(self.import_package)
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        self._enable(None)

    def attach(self, workspace: Workspace) -> None:
        """A new workspace is shown: a gemeente sends packages, the RSIV receives them."""
        self.exporter = None
        self.importer = None
        self._enable(workspace.summary.role)

    def export_package(self) -> None:
        from app.ui.package_export import PackageExporter

        workspace = self._window.workspace
        if workspace is None:
            return
        if self.exporter is None:
            self.exporter = PackageExporter(workspace, self._window)
        self.exporter.choose_and_export()

    def import_package(self) -> None:
        from app.ui.package_import import PackageImporter

        workspace = self._window.workspace
        if workspace is None:
            return
        if self.importer is None:
            self.importer = PackageImporter(workspace, self._window)
        self.importer.choose_and_import()

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
        self.import_action.setEnabled(role is WorkspaceRole.MUNICIPALITY)
        self.import_action.setToolTip(
            self.tr(
                "Pakketten van gemeenten samenvoegen in de RSIV-werkruimte kan deze versie nog "
                "niet. Lees een pakket in de werkruimte van die gemeente in."
            )
            if is_region
            else self.tr("Een pakket van deze gemeente controleren en inlezen")
        )
