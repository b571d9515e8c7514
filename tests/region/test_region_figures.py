"""The RSIV's Cijfers screen shows one gemeente at a time, from the figures its package brought."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.figures.figures import load_figures
from app.kernel.workspace import Workspace, create_workspace
from app.report import wording
from app.ui.figures.figures_page import FiguresPage
from app.ui.window.main_window import MainWindow
from database.enums import WorkspaceRole
from tests.ui.mnemonics import mnemonic_letter, visible_mnemonic_texts


def test_the_rsiv_chooses_a_gemeente_and_sees_its_rate(
    make_window: object, rsiv_nine: Workspace, qtbot: QtBot
) -> None:
    window: MainWindow = make_window(rsiv_nine)  # type: ignore[operator]
    window.navigate("figures")
    page = window.page("figures")
    assert isinstance(page, FiguresPage)
    # The RSIV imports CBS open data for its whole region here; its own formats it refuses.
    assert page.gemeente.isVisible() and page.import_button.isVisible()
    for code, name in (("GM0513", "Gouda"), ("GM0603", "Rijswijk")):
        page.gemeente.setCurrentIndex(page.gemeente.findData(code))
        expected = load_figures(rsiv_nine, code).rate_summary()
        assert expected.rate is not None
        assert page.subtitle.text().startswith(f"{name}: ")
        assert page.rate_panel.rate.value.text() == wording.rate_text(expected.rate)


def test_the_rsiv_sees_gouda_as_goudas_own_workspace_does(
    make_window: object, rsiv_nine: Workspace, gemeente_copy: Workspace
) -> None:
    window: MainWindow = make_window(rsiv_nine)  # type: ignore[operator]
    window.navigate("figures")
    page = window.page("figures")
    assert isinstance(page, FiguresPage)
    page.gemeente.setCurrentIndex(page.gemeente.findData("GM0513"))
    own = load_figures(gemeente_copy).rate_summary()
    assert page.rate_panel.rate.value.text() == wording.rate_text(own.rate)


def test_every_shortcut_letter_on_the_rsiv_cijfers_screen_is_used_once(
    make_window: object, rsiv_nine: Workspace
) -> None:
    window: MainWindow = make_window(rsiv_nine)  # type: ignore[operator]
    window.navigate("figures")
    page = window.page("figures")
    assert page is not None
    texts = visible_mnemonic_texts(page)
    letters = [mnemonic_letter(text) for text in texts]
    assert letters and len(letters) == len(set(letters)), texts


def test_without_packages_the_rsiv_is_told_where_figures_come_from(
    make_window: object, tmp_path: Path
) -> None:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as regional:
        window: MainWindow = make_window(regional)  # type: ignore[operator]
        window.navigate("figures")
        page = window.page("figures")
        assert isinstance(page, FiguresPage)
        hint = page.rate_panel.hint.text()
        assert "komen binnen met het pakket van de gemeente" in hint
        assert "Importe" not in hint
        window.close()
