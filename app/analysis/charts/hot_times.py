"""The hot-times heat map: weighted burglaries by weekday and hour."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from app.analysis.charts import style
from app.analysis.periods import WEEKDAY_ABBREVIATIONS


def hot_times_chart(table: pd.DataFrame, title: str, *, advice: str) -> Figure:
    """`table`: 7 weekdays (maandag first) by 24 hours, as from aoristic_table; `advice` says
    where missing incidents come from."""
    figure = style.new_figure()
    total = float(table.to_numpy().sum())
    if total == 0:
        return style.empty_message(figure, f"Nog geen losse incidenten. {advice}")
    axes = figure.add_subplot()
    image = axes.imshow(table.to_numpy(), cmap=style.HEAT_MAP, aspect="auto", vmin=0)
    image.set_gid("hot_times")
    axes.set_yticks(range(7), [day.capitalize() for day in WEEKDAY_ABBREVIATIONS])
    axes.set_xticks(range(0, 24, 2), [f"{hour:02d}:00" for hour in range(0, 24, 2)])
    axes.set_xticks([hour - 0.5 for hour in range(25)], minor=True)
    axes.set_yticks([day - 0.5 for day in range(8)], minor=True)
    axes.grid(which="minor", color="white", linewidth=1.5)
    axes.tick_params(which="minor", length=0)
    axes.tick_params(labelsize=style.TICK_SIZE)
    axes.set_xlabel("Uur van de dag (begin)", fontsize=style.LABEL_SIZE)
    axes.set_title(title, fontsize=style.TITLE_SIZE, loc="left")
    colour_bar = figure.colorbar(image, ax=axes, shrink=0.9)
    colour_bar.set_label("Inbraken (gewogen)", fontsize=style.LABEL_SIZE)
    colour_bar.ax.tick_params(labelsize=style.TICK_SIZE)
    colour_bar.ax.yaxis.set_major_formatter(style.dutch_formatter())
    figure.supxlabel(
        f"{style.dutch_number(round(total))} incidenten, elk verdeeld over de uren tussen 'van' "
        "en 'tot' (aoristische methode).",
        fontsize=12,
        color=style.GREY,
        x=0.01,
        ha="left",
    )
    return figure
