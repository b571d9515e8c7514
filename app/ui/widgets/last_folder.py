"""Where a file dialog opens: the Documents folder at first, then the folder of the user's
last choice, for as long as the screen lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


class LastFolder:
    def __init__(self) -> None:
        self.path = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, self.path, filters)
        return self._remember(path)

    def save_file(self, parent: QWidget, title: str, name: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(self.path) / name), filters)
        return self._remember(path)

    def folder(self, parent: QWidget, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(parent, title, self.path)
        if not folder:
            return None
        self.path = folder
        return Path(folder)

    def _remember(self, path: str) -> Path | None:
        if not path:
            return None
        self.path = str(Path(path).parent)
        return Path(path)
