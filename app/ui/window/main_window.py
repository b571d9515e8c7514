"""The main window: navigation on the left, one screen per area on the right.

The window paints before the workspace is opened (and before SQLAlchemy is imported), so a
user on a slow, virus-scanned laptop sees the program at once; screens are built on first
visit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app import APP_NAME
from app.ui.packages.menu import PackageMenu
from app.ui.plan.document_menu import PlanDocumentMenu
from app.ui.widgets.background import JobRunner
from app.ui.widgets.undo import UndoFacade
from app.ui.window.areas import AREAS, Area
from app.ui.window.context import ScreenContext
from app.ui.window.host import WindowHost

if TYPE_CHECKING:
    from app.kernel.settings import Settings
    from app.kernel.workspace import Workspace

STATUS_TIMEOUT_MS = 5000
COLLEAGUES_REFRESH_MS = 30_000
NAVIGATION_WIDTH = 210


class MainWindow(WindowHost):
    first_painted = Signal()
    open_requested = Signal()
    new_requested = Signal()
    demo_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._workspace: Workspace | None = None
        self._context: ScreenContext | None = None
        self._pages: dict[str, QWidget] = {}
        self._painted = False
        self._guide: QWidget | None = None
        self._undo_stack = QUndoStack(self)
        self._undo = UndoFacade(self._undo_stack, self.show_status, self.refresh_current)
        self._jobs = JobRunner(self)
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(1024, 640)

        self._navigation = QListWidget()
        self._navigation.setObjectName("navigation")
        self._navigation.setAccessibleName(self.tr("Navigatie"))
        self._navigation.setMinimumWidth(170)
        self._navigation.setStyleSheet("QListWidget#navigation::item { padding: 7px 10px; }")
        for area in AREAS:
            item = QListWidgetItem(self.tr(area.title))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self._navigation.addItem(item)
        self._navigation.setEnabled(False)
        self._navigation.currentRowChanged.connect(self._show_area)

        self._stack = QStackedWidget()
        self._loading = QLabel(self.tr("Werkruimte wordt geopend…"))
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self._loading)

        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self._navigation)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Gereed"))
        # Who else works in a workspace on the PostgreSQL server, refreshed now and then.
        self.colleagues_label = QLabel()
        self.colleagues_label.setObjectName("colleagues")
        self.colleagues_label.hide()
        self.statusBar().addPermanentWidget(self.colleagues_label)
        self._colleagues_timer = QTimer(self)
        self._colleagues_timer.setInterval(COLLEAGUES_REFRESH_MS)
        self._colleagues_timer.timeout.connect(self.show_colleagues)
        self._restore_layout()

    @property
    def workspace(self) -> Workspace | None:
        return self._workspace

    def attach(self, workspace: Workspace) -> None:
        """Show `workspace`: title, navigation and the Overzicht."""
        # The previous workspace's jobs end before its screens go; the new one gets a runner.
        self._jobs.shutdown()
        self._jobs = JobRunner(self)
        self._workspace = workspace
        self._undo_stack.clear()
        self._drop_pages()
        self._context = ScreenContext(
            workspace=workspace,
            shell=self,
            undo=self._undo,
            jobs=self._jobs,
            settings=self._settings,
        )
        name = workspace.summary.display_name
        title = f"{APP_NAME} — {name}"
        if workspace.summary.is_demo:
            title += " " + self.tr("(demo)")
        self.setWindowTitle(title)
        for row, area in enumerate(AREAS):
            self._navigation.setRowHidden(row, not area.available_in(workspace.summary.role))
        self._navigation.setEnabled(True)
        if self._navigation.currentRow() == 0:
            self._show_area(0)
        else:
            self._navigation.setCurrentRow(0)
        self._navigation.setFocus()
        self.package_menu.attach(workspace)
        self.plan_document_menu.attach(workspace)
        self.show_colleagues()
        if workspace.server is not None:
            self._colleagues_timer.start()
        else:
            self._colleagues_timer.stop()

    def show_colleagues(self) -> None:
        names = self._workspace.colleagues() if self._workspace is not None else []
        text = self.tr("Ook aan het werk: {names}").format(names=", ".join(names))
        self.colleagues_label.setText(text)
        self.colleagues_label.setVisible(bool(names))

    def rebuild_pages(self) -> None:
        """Build the screens anew: the workspace changed underneath them (a package import).

        The undo history is cleared too: its steps describe the records before the change.
        Background work of the old screens finishes first, so its results find them alive.
        """
        self._jobs.wait()
        self._undo_stack.clear()
        self._drop_pages()
        self._show_area(self._navigation.currentRow())

    def navigate(self, area_key: str) -> None:
        for row, area in enumerate(AREAS):
            if area.key == area_key:
                if self._navigation.isRowHidden(row):
                    self.show_status(self.tr("Dat scherm hoort bij een gemeentewerkruimte."))
                else:
                    self._navigation.setCurrentRow(row)
                return
        raise KeyError(area_key)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def refresh_current(self) -> None:
        page = self._stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo_stack

    @property
    def undo(self) -> UndoFacade:
        return self._undo

    @property
    def jobs(self) -> JobRunner:
        """The job runner of the workspace shown."""
        return self._jobs

    @property
    def settings(self) -> Settings:
        return self._settings

    def page(self, area_key: str) -> QWidget | None:
        return self._pages.get(area_key)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Background work reads the workspace: cancel it and let it end before the workspace
        # closes.
        self._jobs.shutdown()
        self._settings.window_geometry = self.saveGeometry().data()
        self._settings.window_state = self.saveState().data()
        splitter = self.centralWidget()
        if isinstance(splitter, QSplitter):
            self._settings.window_splitter = splitter.saveState().data()
        self._settings.sync()
        super().closeEvent(event)

    def _show_area(self, row: int) -> None:
        if self._context is None or row < 0:
            return
        area = AREAS[row]
        page = self._pages.get(area.key)
        if page is None:
            page = self._create_page(area)
            self._pages[area.key] = page
            self._stack.addWidget(page)
        else:
            # Another screen may have changed what this one shows.
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
        self._stack.setCurrentWidget(page)

    def _drop_pages(self) -> None:
        for page in self._pages.values():
            self._stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()

    def _create_page(self, area: Area) -> QWidget:
        assert self._context is not None
        page = area.factory(self._context)
        page.setObjectName(f"page_{area.key}")
        return page

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        new_action = QAction(self.tr("&Nieuwe werkruimte…"), self)
        new_action.triggered.connect(self.new_requested)
        open_action = QAction(self.tr("Werkruimte &openen…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.open_requested)
        demo_action = QAction(self.tr("&Demo bekijken"), self)
        demo_action.triggered.connect(self.demo_requested)
        quit_action = QAction(self.tr("&Afsluiten"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (new_action, open_action, demo_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.package_menu = PackageMenu(self, file_menu)
        file_menu.addSeparator()
        self.plan_document_menu = PlanDocumentMenu(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("Be&werken"))
        undo_action = self._undo_stack.createUndoAction(self, self.tr("&Ongedaan maken"))
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action = self._undo_stack.createRedoAction(self, self.tr("Op&nieuw"))
        # Every platform binding of Redo, plus Ctrl+Y where the platform lacks it; a
        # duplicate would make the shortcut ambiguous and then neither key works.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        redo_action.setShortcuts(redo_keys)
        edit_menu.addAction(undo_action)
        edit_menu.addAction(redo_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide_action = QAction(self.tr("&Handleiding"), self)
        guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide_action.triggered.connect(self._show_guide)
        help_menu.addAction(guide_action)
        about_action = QAction(self.tr("&Over {app}").format(app=APP_NAME), self)
        about_action.triggered.connect(self._show_about)
        help_menu.addAction(about_action)

    def _show_guide(self) -> None:
        from app.ui.window.guide import GuideWindow

        if self._guide is None:
            self._guide = GuideWindow(self)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app import __version__

        QMessageBox.about(
            self,
            self.tr("Over {app}").format(app=APP_NAME),
            self.tr(
                "{app} {version}\n\nHet plan van aanpak woninginbraken van uw gemeente, "
                "lokaal bewaard en uitgewisseld met het RSIV als Excel-pakket.\n\n"
                "Het programma maakt geen verbinding met internet."
            ).format(app=APP_NAME, version=__version__),
        )

    def _restore_layout(self) -> None:
        geometry = self._settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1366, 768)
        state = self._settings.window_state
        if state is not None:
            self.restoreState(QByteArray(state))
        splitter_state = self._settings.window_splitter
        splitter = self.centralWidget()
        if splitter_state is not None and isinstance(splitter, QSplitter):
            splitter.restoreState(QByteArray(splitter_state))
        elif isinstance(splitter, QSplitter):
            splitter.setSizes([NAVIGATION_WIDTH, self.width() - NAVIGATION_WIDTH])
