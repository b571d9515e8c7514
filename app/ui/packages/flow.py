"""What the export, import and merge screens share: the window, the last folder, one job at a
time, the dialog that is open, and how a failed job is told to the user."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.exchange.progress import ExchangeCancelledError
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace
from app.ui.packages.notice import notice
from app.ui.widgets.background import Job
from app.ui.window.host import WindowHost


class PackageFlow(QObject):
    """`job`, `dialog` and `message` are what is running or shown; tests drive them."""

    def __init__(self, workspace: Workspace, window: WindowHost) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._window = window
        self._folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.job: Job | None = None
        self.dialog: QDialog | None = None
        self.message: QMessageBox | None = None

    def _tell(
        self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
    ) -> None:
        self.message = notice(self._window, title, text, icon)

    def _report_failure(self, error: object, title: str, cancelled: str) -> None:
        """A cancel goes to the status bar, a refusal into a message; anything else is a bug."""
        self.job = None
        if isinstance(error, ExchangeCancelledError):
            self._window.show_status(cancelled)
        elif isinstance(error, UserError):
            self._tell(title, error.message, QMessageBox.Icon.Warning)
        else:
            raise error  # type: ignore[misc]  # a bug: the crash log reports it

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
