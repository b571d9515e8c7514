"""Help > Handleiding: the Dutch guide (docs/handleiding.md) in a window of its own.

The guide and its pictures ship with the program (the PyInstaller spec copies them into
resources/handleiding), so it opens without a network. From a source checkout it is read
from docs/ itself, so there is one copy to keep up to date.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.kernel.paths import resources_dir

GUIDE_NAME = "handleiding.md"


def guide_file() -> Path:
    """The shipped guide; in a source checkout the one in docs/."""
    shipped = resources_dir() / "handleiding" / GUIDE_NAME
    if shipped.exists():
        return shipped
    return resources_dir().parent / "docs" / GUIDE_NAME


class GuideWindow(QDialog):
    """The guide beside the program (not modal): read it while working on a screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("Handleiding — Aanpak Woninginbraken"))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName(self.tr("Handleiding"))
        self.browser.setOpenExternalLinks(False)  # the program does not go on the internet
        layout.addWidget(self.browser)
        path = guide_file()
        if path.exists():
            self.browser.setSource(
                QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
            )
        else:
            missing = QLabel(
                self.tr(
                    "De handleiding is niet gevonden in {folder}; installeer het programma "
                    "opnieuw of vraag uw IT-afdeling om het bestand {name}."
                ).format(folder=path.parent, name=GUIDE_NAME)
            )
            missing.setWordWrap(True)
            layout.addWidget(missing)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
