"""The Overzicht shows the plan at once and the burglary rate as soon as it is computed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.core.figures.figures import load_figures
from app.core.goals.goals import list_goals
from app.demo.gemeente import fill_demo
from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow


def _texts(window: MainWindow, key: str) -> str:
    card = window.page("overview").cards[key]  # type: ignore[union-attr]
    return " ".join(label.text() for label in card.findChildren(QLabel))


def test_the_rate_follows_the_plan_without_blocking_the_window(
    qtbot: QtBot, make_window: object, workspace: Workspace
) -> None:
    fill_demo(workspace)
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    overview = window.page("overview")
    assert overview is not None
    overview.refresh()
    assert not overview.figures_loaded
    assert "Cijfers worden berekend" in _texts(window, "rate")

    qtbot.waitUntil(lambda: overview.figures_loaded, timeout=10_000)
    expected = load_figures(workspace).rate_summary()
    assert expected.rate is not None
    shown = _texts(window, "rate")
    assert "berekend" not in shown
    assert f"{expected.rate:.1f}".replace(".", ",") in shown


def test_goals_needing_attention_come_first_and_the_rest_is_counted(
    qtbot: QtBot, make_window: object, workspace: Workspace
) -> None:
    # Six goals: one behind, two at risk (one measured by hand), one without figures, two on
    # track.
    fill_demo(workspace)
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    overview = window.page("overview")
    assert overview is not None
    qtbot.waitUntil(lambda: overview.figures_loaded, timeout=10_000)
    lines = [label.toolTip() for label in overview.cards["goals"].lines]
    assert len(lines) == 5
    # The demo plays around today, so which goal is where moves with the day: what holds is
    # the order (behind, at risk, no figures, on track) and the count of the rest.
    order = ("achter (", "risico (", "nog geen cijfers", "op koers (")
    ranks = [next(rank for rank, word in enumerate(order) if word in line) for line in lines[:4]]
    assert ranks == sorted(ranks)
    assert f"… en nog {len(list_goals(workspace)) - 4}" in lines[4]
