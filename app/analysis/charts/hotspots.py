"""Small multiples: the 12-month rate of each hotspot buurt against the whole gemeente."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure

from app.analysis.charts import style

COLUMNS = 3


def hotspot_chart(
    rates: pd.DataFrame,
    municipality_rates: pd.Series,
    names: dict[str, str],
    regional_reference: float,
    title: str,
    *,
    advice: str,
) -> Figure:
    """`rates`: a row per month and a column per hotspot buurt (its code); `advice` says where
    missing buurt figures come from."""
    rates = rates.dropna(how="all")
    if rates.empty or rates.columns.empty:
        return style.empty_message(
            style.new_figure(), f"Geen buurtcijfers voor de hotspots. {advice}"
        )
    rows = math.ceil(len(rates.columns) / COLUMNS)
    columns = min(COLUMNS, len(rates.columns))
    figure = style.new_figure((12.0, max(3.4 * rows + 1.0, 4.5)))
    grid = figure.subplots(rows, columns, sharex=True, sharey=True, squeeze=False)
    reference = municipality_rates.reindex(rates.index)
    for axes, code in zip(grid.flat, rates.columns, strict=False):
        axes.plot(
            rates.index,
            reference,
            color=style.GREY,
            linewidth=2.0,
            label="Hele gemeente",
            gid="municipality",
        )
        axes.plot(
            rates.index,
            rates[code],
            color=style.BLUE,
            linewidth=style.LINE_WIDTH,
            label="Buurt",
            gid=f"buurt:{code}",
        )
        axes.axhline(
            regional_reference,
            color=style.VERMILLION,
            linewidth=1.5,
            linestyle="--",
            label="Regionaal gemiddelde 2016",
        )
        last = rates[code].dropna()
        value = style.dutch_number(last.iloc[-1], 1) if not last.empty else "geen cijfer"
        axes.set_title(f"{names.get(code, code)}: {value}", fontsize=style.LABEL_SIZE, loc="left")
        style.style_axes(axes)
        # One label a year: with half years the labels of the narrow panels ran together.
        style.month_axis(axes, months=(1,))
        axes.tick_params(labelsize=12)
    for axes in grid.flat[len(rates.columns) :]:
        axes.set_visible(False)
    figure.legend(
        *grid.flat[0].get_legend_handles_labels(),
        loc="outside lower center",
        ncols=3,
        fontsize=style.TICK_SIZE,
        frameon=False,
    )
    figure.suptitle(title, fontsize=style.TITLE_SIZE, x=0.01, ha="left")
    figure.supylabel("Per 1.000 woningen, 12 maanden", fontsize=style.TICK_SIZE)
    grid.flat[0].set_ylim(bottom=0)
    return figure
