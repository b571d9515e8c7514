"""The feedback screens for the handleiding: the RSIV's Terugkoppeling tab, the gemeente's
Overzicht card and its dialog.

    .venv/bin/python docs/render_screenshots.py terugkoppeling terugkoppeling-dialoog
    .venv/bin/python docs/render_screenshots.py terugkoppeling-rsiv

The RSIV workspace is nine merged demo packages (screenshots_region.build_rsiv); the
suggestions below are illustrative.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from screenshots_region import build_rsiv

GOUDA = "GM0513"
SUGGESTIONS = (
    "Bespreek met de woningcorporatie het hang- en sluitwerk in de hotspot; Delft heeft daar "
    "goede ervaringen mee.",
    "Zet de waarschuwingsbrief aan de buren na een inbraak ook buiten de donkere maanden in.",
    "Vertel in de volgende werkgroep wat de subsidie op inbraakwerend hang- en sluitwerk heeft "
    "opgeleverd.",
)


def _rsiv_with_suggestions(folder: Path) -> Path:
    from app.core.feedback.suggestions import add_suggestion
    from app.core.meetings.meetings import werkgroep_dates
    from app.kernel.workspace import open_workspace

    rsiv = build_rsiv(folder)
    with open_workspace(rsiv) as workspace:
        # The last werkgroep the RSIV demo held: its own calendar around today.
        held = [day for day in werkgroep_dates(workspace) if day <= date.today()]
        for text in SUGGESTIONS:
            add_suggestion(workspace, GOUDA, held[-1], text)
    return rsiv


def _gouda_feedback(window: object) -> object:
    """Gouda's return package from the RSIV, read into the demo workspace; the card in view."""
    from app.core.feedback.export import export_feedback
    from app.core.feedback.importing import import_feedback
    from app.kernel.workspace import open_workspace
    from app.ui.overview.overview_page import OverviewPage
    from app.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow) and window.workspace is not None
    folder = Path(tempfile.mkdtemp(prefix="terugkoppeling-"))
    with open_workspace(_rsiv_with_suggestions(folder)) as rsiv:
        made = export_feedback(rsiv, GOUDA, folder / "terugkoppeling-Gouda.xlsx")
    import_feedback(window.workspace, made.path)
    window.navigate("overview")
    page = window.page("overview")
    assert isinstance(page, OverviewPage)
    page.refresh()
    return page


def register(screen: Callable[[str], Callable[..., object]]) -> None:
    @screen("terugkoppeling")
    def card(window: object) -> object:
        from PySide6.QtWidgets import QApplication, QScrollArea

        page = _gouda_feedback(window)
        QApplication.processEvents()
        card = page.cards["feedback"]  # type: ignore[attr-defined]
        scroll = page.findChild(QScrollArea)  # type: ignore[attr-defined]
        scroll.ensureWidgetVisible(card)
        QApplication.processEvents()
        return None

    @screen("terugkoppeling-dialoog")
    def dialog(window: object) -> object:
        page = _gouda_feedback(window)
        card = page.cards["feedback"]  # type: ignore[attr-defined]
        card.button.click()
        card.dialog.resize(760, 520)
        return card.dialog

    @screen("terugkoppeling-rsiv")
    def region_tab(window: object) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from app.kernel.workspace import open_workspace
        from app.ui.region.region_page import RegionPage
        from app.ui.window.main_window import MainWindow

        assert isinstance(window, MainWindow)
        folder = Path(tempfile.mkdtemp(prefix="terugkoppeling-rsiv-"))
        workspace = open_workspace(_rsiv_with_suggestions(folder))
        window.attach(workspace)
        page = window.page("overview")
        assert isinstance(page, RegionPage)
        page.refresh()
        while page.snapshot is None:
            QApplication.processEvents()
            time.sleep(0.02)  # the figures are computed on the thread pool
        tab = page.feedback
        page.tabs.setCurrentWidget(tab)
        for row in range(tab.gemeenten.count()):
            if tab.gemeenten.item(row).data(Qt.ItemDataRole.UserRole) == GOUDA:
                tab.gemeenten.setCurrentRow(row)
        window.destroyed.connect(workspace.close)
