"""The floor for start-up: a bare QMainWindow, optionally after importing SQLAlchemy's ORM.

Prints "painted <epoch seconds>" at the first paint and quits; run by startup.py.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow

if "--orm" in sys.argv:
    import sqlalchemy.orm  # noqa: F401 - the import is what is measured


class BareWindow(QMainWindow):
    painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)


if __name__ == "__main__":
    application = QApplication(sys.argv)
    window = BareWindow()
    window.resize(1366, 768)
    window.show()
    application.exec()
