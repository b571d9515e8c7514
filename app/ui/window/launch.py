"""Starting the desktop app: which workspace to open, and the window around it."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app import APP_ID, APP_NAME, __version__
from app.kernel import paths
from app.kernel.server_address import ServerAddress
from app.ui.window.main_window import MainWindow
from app.ui.window.paint_watch import PaintWatcher
from app.ui.window.settings import open_settings

# Benchmarks and smoke tests: print when the window and the Overzicht have painted, then quit.
EXIT_AFTER_PAINT_ENV = "WONINGINBRAKEN_EXIT_AFTER_PAINT"
DEMO_MUNICIPALITY = "GM0513"  # Gouda: the memo's example plan


class DesktopController:
    """Opens workspaces for the main window and reports what went wrong in Dutch."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.open_requested.connect(self.choose_and_open)
        window.new_requested.connect(self.first_start)
        window.demo_requested.connect(self.open_demo)

    def open_path(self, path: Path | ServerAddress) -> bool:
        from app.kernel.errors import UserError
        from app.kernel.workspace import open_workspace

        try:
            workspace = open_workspace(path)
        except UserError as error:
            self._refuse(error.message)
            return False
        self._attach(workspace)
        return True

    def open_demo(self) -> bool:
        from app.kernel.errors import UserError
        from app.kernel.workspace import create_workspace, open_workspace
        from database.enums import WorkspaceRole

        path = paths.demo_workspace_path()
        try:
            if path.exists():
                workspace = open_workspace(path)
            else:
                from app.demo.gemeente import fill_demo

                workspace = create_workspace(
                    path, WorkspaceRole.MUNICIPALITY, DEMO_MUNICIPALITY, is_demo=True
                )
                fill_demo(workspace)
        except UserError as error:
            self._refuse(error.message)
            return False
        self._attach(workspace)
        return True

    def first_start(self) -> bool:
        from app.kernel.errors import UserError
        from app.kernel.workspace import create_workspace
        from app.ui.window.first_start import FirstStartChoice, FirstStartDialog
        from database.enums import WorkspaceRole

        dialog = FirstStartDialog(self.window)
        if not dialog.exec():
            return False
        if dialog.choice is FirstStartChoice.DEMO:
            return self.open_demo()
        path = paths.default_workspace_path()
        if path.exists():
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.window.tr("Nieuwe werkruimte opslaan als"),
                str(paths.data_dir()),
                self.window.tr("Werkruimte (*.db)"),
            )
            if not path:
                return False
            path = Path(path)
        role = (
            WorkspaceRole.REGION
            if dialog.choice is FirstStartChoice.REGION
            else WorkspaceRole.MUNICIPALITY
        )
        try:
            workspace = create_workspace(
                Path(path), role, dialog.municipality_code, name=dialog.municipality_name
            )
        except UserError as error:
            self._refuse(error.message)
            return False
        self._attach(workspace)
        return True

    def choose_and_open(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.window.tr("Werkruimte openen"),
            str(paths.data_dir()),
            self.window.tr("Werkruimte (*.db);;Alle bestanden (*)"),
        )
        return bool(path) and self.open_path(Path(path))

    def _attach(self, workspace: object) -> None:
        previous = self.window.workspace
        # Attaching ends the previous workspace's jobs before it is closed.
        self.window.attach(workspace)  # type: ignore[arg-type]
        if previous is not None:
            previous.close()

    def _refuse(self, message: str) -> None:
        QMessageBox.warning(self.window, self.window.tr("Werkruimte niet geopend"), message)


def run_desktop(db: Path | ServerAddress | None = None, demo: bool = False) -> int:
    started = time.time()
    exit_after_paint = os.environ.get(EXIT_AFTER_PAINT_ENV) == "1"
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("RSIV")
    app.setDesktopFileName(APP_ID)
    install_dutch_qt_texts(app)
    icon_path = paths.resources_dir() / "icons" / "woninginbraken.png"
    if icon_path.exists():
        app.setWindowIcon(QIcon(str(icon_path)))
    # An INI file in the local data folder: no registry writes, nothing roams.
    window = MainWindow(open_settings())
    controller = DesktopController(window)
    sys.excepthook = lambda _type, error, _tb: _show_unexpected(window, error)
    from app.kernel.crash_log import log_unraisable

    sys.unraisablehook = log_unraisable

    def report(stage: str) -> None:
        print(f"{stage} {time.time():.6f} {time.time() - started:.3f}", flush=True)

    def open_initial() -> None:
        if exit_after_paint:
            report("painted")
        if db is not None:
            opened = controller.open_path(db)
        elif demo:
            opened = controller.open_demo()
        elif paths.default_workspace_path().exists():
            opened = controller.open_path(paths.default_workspace_path())
        else:
            opened = controller.first_start()
        if not opened and window.workspace is None:
            window.close()
            app.exit(1)
            return
        if exit_after_paint:
            overview = window.page("overview")
            if overview is not None:
                PaintWatcher(overview, lambda: (report("overview"), app.quit()))

    window.first_painted.connect(lambda: QTimer.singleShot(0, open_initial))
    window.show()
    code = app.exec()
    window.jobs.shutdown()
    if window.workspace is not None:
        window.workspace.close()
    return code


def _show_unexpected(window: MainWindow, error: BaseException) -> None:
    """A slot that raised: the user reads a Dutch sentence, the log keeps the traceback."""
    from app.kernel.crash_log import known_failure, unexpected_message
    from app.kernel.errors import RecordGoneError, UserError

    if isinstance(error, UserError):  # a refusal no screen caught is still the user's sentence
        QMessageBox.warning(window, window.tr("Niet gelukt"), error.message)
        if isinstance(error, RecordGoneError):
            window.refresh_current()
        return
    message = unexpected_message(error)
    if known_failure(error) is not None:
        QMessageBox.warning(window, window.tr("Niet gelukt"), message)
    else:
        QMessageBox.critical(window, window.tr("Onverwachte fout"), message)


def install_dutch_qt_texts(app: QApplication) -> None:
    """Qt's own texts (dialog buttons, file dialogs) in Dutch, whatever the system language."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_nl", folder):
        app.installTranslator(translator)
