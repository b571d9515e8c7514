"""The evaluation PDF behind a screen's button, for a gemeente's evaluation and the RSIV's
regional one: where to save it, writing it off the GUI thread, and how it went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from app.ui.widgets.background import Job
from app.ui.window.context import ScreenContext


class EvaluationPdf(QObject):
    """Writes the workspace's evaluation PDF; `button` waits meanwhile, `message` tells."""

    def __init__(
        self, page: QWidget, context: ScreenContext, button: QPushButton, message: QLabel
    ) -> None:
        super().__init__(page)
        self._page = page
        self._context = context
        self._button = button
        self._message = message
        self.job: Job | None = None

    def ask_path(self, title: str, file_name: str) -> Path | None:
        """The file the user picks, starting in (and remembering) the evaluation folder."""
        settings = self._context.settings
        folder = settings.evaluation_folder or Path.home()
        path, _ = QFileDialog.getSaveFileName(
            self._page, title, str(folder / file_name), "PDF (*.pdf)"
        )
        if not path:
            return None
        settings.evaluation_folder = Path(path).parent
        return Path(path)

    def make(self, path: Path) -> Job:
        from app.report.evaluation_export import write_evaluation

        workspace = self._context.workspace
        self._button.setEnabled(False)
        self._message.setText(self.tr("De PDF wordt gemaakt…"))
        self.job = self._context.jobs.start(
            lambda _progress, _cancelled: write_evaluation(workspace, path)[0],
            self._made,
            self._failed,
        )
        return self.job

    def _made(self, path: Path) -> None:
        self._button.setEnabled(True)
        self._message.setText(self.tr("PDF gemaakt: {path}").format(path=path))

    def _failed(self, error: BaseException) -> None:
        self._button.setEnabled(True)
        self._message.setText(f"<span style='color:#b00020'>{error}</span>")
