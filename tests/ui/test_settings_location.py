"""Everything the program remembers lives in the data folder (IT's note): one INI file, no
registry, nothing in the user's home or XDG folders."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A user's session: every screen visited, an evaluation PDF "saved" (the folder is
# remembered), the window closed (its layout is saved).
SESSION = """
import sys
from pathlib import Path
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from app import APP_NAME
from app.kernel import paths
from app.demo.gemeente import fill_demo
from app.kernel.workspace import create_workspace
from app.ui.window.areas import AREAS
from app.ui.window.main_window import MainWindow
from app.ui.window.settings import open_settings
from database.enums import WorkspaceRole

app = QApplication(sys.argv)
app.setOrganizationName("RSIV")
app.setApplicationName(APP_NAME)
workspace = create_workspace(paths.data_dir() / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513")
fill_demo(workspace)
window = MainWindow(open_settings())
window.show()
window.attach(workspace)
for area in AREAS:
    window.navigate(area.key)
    QTest.qWait(20)
pdf = paths.data_dir() / "pdf" / "evaluatie.pdf"
QFileDialog.getSaveFileName = lambda *args, **kwargs: (str(pdf), "")
evaluation = window.page("evaluation")
evaluation.make_pdf = lambda path: None
evaluation.choose_pdf()
window.close()
workspace.close()
"""


def test_a_session_writes_only_into_the_data_folder(tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    data.mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "WONINGINBRAKEN_DATA_DIR": str(data),
        "MPLCONFIGDIR": str(data / "matplotlib"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
    }
    subprocess.run([sys.executable, "-c", SESSION], env=env, cwd=tmp_path, check=True, timeout=300)
    assert [path for path in home.rglob("*")] == []
    settings = (data / "instellingen.ini").read_text(encoding="utf-8")
    assert "geometry" in settings
    assert str(data / "pdf") in settings  # the evaluation folder is remembered


def test_no_settings_object_without_a_file() -> None:
    """QSettings() without a file writes to the Windows registry: only app/ui/window/settings.py
    makes a QSettings, and always on the INI file."""
    makers = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "app").rglob("*.py")
        if re.search(r"\bQSettings\(", path.read_text(encoding="utf-8"))
    ]
    assert makers == ["app/ui/window/settings.py"]
