"""Goal progress: per SMART goal its values, the straight path to the target, the projection."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from matplotlib.figure import Figure

from app.analysis.charts import style
from app.analysis.goals import GoalProgress
from database.enums import GoalState

if TYPE_CHECKING:
    from matplotlib.artist import Artist

# A panel title wraps at this many characters: on a 1280 pixel wide window (a laptop at 150%)
# the chart is about 1000 pixels wide, and a longer line ran into the state on the right.
TITLE_CHARACTERS = 55

STATE_COLOURS = {
    GoalState.ON_TRACK: style.GREEN,
    GoalState.AT_RISK: style.ORANGE,
    GoalState.BEHIND: style.VERMILLION,
    GoalState.UNKNOWN: style.GREY,
}


def goal_progress_chart(progress: list[GoalProgress], title: str) -> Figure:
    """One panel per goal; the state is written out, not only coloured."""
    if not progress:
        return style.empty_message(
            style.new_figure(), "Nog geen doelstellingen. Voeg ze toe in het plan van aanpak."
        )
    figure = style.new_figure((12.0, max(3.6 * len(progress) + 0.8, 5.0)))
    panels = figure.subplots(len(progress), 1, squeeze=False).flat
    for axes, item in zip(panels, progress, strict=True):
        goal = item.goal
        axes.plot(
            [item.baseline_date, goal.deadline],
            [goal.baseline_value, goal.target_value],
            color=style.BLACK,
            linewidth=2.0,
            linestyle="--",
            label="Lijn naar het doel",
            gid="path",
        )
        axes.plot(
            [goal.deadline],
            [goal.target_value],
            marker="*",
            markersize=18,
            color=style.BLACK,
            linestyle="none",
            label="Doel",
            gid="target",
        )
        axes.annotate(
            f"doel {style.dutch_number(goal.target_value)}",
            (goal.deadline, goal.target_value),
            xytext=(-14, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=style.TICK_SIZE,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1},
        )
        if item.history:
            days, values = zip(*item.history, strict=True)
            axes.plot(
                days,
                values,
                color=style.BLUE,
                linewidth=style.LINE_WIDTH,
                label="Gemeten",
                gid="history",
            )
        if item.projected_value is not None and item.measured_on is not None:
            axes.plot(
                [item.measured_on, goal.deadline],
                [item.current_value, item.projected_value],
                color=style.ORANGE,
                linewidth=style.LINE_WIDTH,
                linestyle=":",
                label="Verwachting bij deze trend",
                gid="projection",
            )
        style.style_axes(axes)
        style.month_axis(axes, months=(1, 7))
        current = (
            "nog geen meting"
            if item.current_value is None
            else f"nu {style.dutch_number(round(item.current_value, 1))} {goal.unit}"
        )
        axes.set_title(
            "\n".join(textwrap.wrap(f"{goal.title}: {current}", TITLE_CHARACTERS)),
            fontsize=style.LABEL_SIZE,
            loc="left",
        )
        axes.text(
            1.0,
            1.04,
            item.state.label.upper(),
            transform=axes.transAxes,
            ha="right",
            va="bottom",
            fontsize=style.TICK_SIZE,
            fontweight="bold",
            bbox={"facecolor": STATE_COLOURS[item.state], "edgecolor": "none", "pad": 4},
            gid="state",
        )
    # One legend below the panels: inside a panel it covered the lines near the deadline
    # (above them it would collide with the figure's title).
    labelled: dict[str, Artist] = {}
    for axes in figure.axes:
        for handle, label in zip(*axes.get_legend_handles_labels(), strict=True):
            labelled.setdefault(label, handle)
    figure.legend(
        list(labelled.values()),
        list(labelled),
        loc="outside lower center",
        ncols=len(labelled),
        fontsize=style.TICK_SIZE,
        frameon=False,
    )
    figure.suptitle(title, fontsize=style.TITLE_SIZE, x=0.01, ha="left")
    return figure
