"""The 12-month burglary rate against the regional reference and the national series."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from app.analysis.charts import style

REGIONAL_LABEL = "Regionaal gemiddelde 2016"


def rate_chart(
    rates: pd.DataFrame, national: pd.Series, regional_reference: float, title: str
) -> Figure:
    """`rates`: a row per month with `rate` (incl. attempts) and `rate_completed`;
    `national`: the national rate by year, drawn across each calendar year."""
    figure = style.new_figure()
    rates = rates.dropna(how="all")
    if rates.empty:
        return style.empty_message(
            figure,
            "Nog geen 12 maanden met cijfers en woningvoorraad: het inbraakrisico kan nog niet "
            "worden berekend.",
        )
    axes = figure.add_subplot()
    months = rates.index.to_pydatetime()
    axes.plot(
        months,
        rates["rate"],
        color=style.BLUE,
        linewidth=style.LINE_WIDTH + 0.5,
        label="Inbraakrisico (incl. pogingen)",
        gid="rate",
    )
    axes.plot(
        months,
        rates["rate_completed"],
        color=style.SKY_BLUE,
        linewidth=style.LINE_WIDTH,
        linestyle="--",
        label="Alleen geslaagde inbraken",
        gid="rate_completed",
    )
    axes.axhline(
        regional_reference,
        color=style.VERMILLION,
        linewidth=style.LINE_WIDTH - 0.5,
        linestyle=(0, (6, 3)),
        label=f"{REGIONAL_LABEL} ({style.dutch_number(regional_reference, 1)})",
        gid="regional",
    )
    shown_years = national[
        (national.index >= rates.index[0].year) & (national.index <= rates.index[-1].year)
    ]
    if not shown_years.empty:
        axes.hlines(
            shown_years.to_numpy(),
            [pd.Timestamp(year=int(year), month=1, day=1) for year in shown_years.index],
            [pd.Timestamp(year=int(year), month=12, day=31) for year in shown_years.index],
            color=style.GREEN,
            linewidth=style.LINE_WIDTH,
            linestyle=":",
            label="Landelijk gemiddelde (per kalenderjaar)",
            gid="national",
        )
    last_month, last = rates.index[-1], rates["rate"].iloc[-1]
    axes.annotate(
        style.dutch_number(last, 1),
        (last_month, last),
        xytext=(8, 0),
        textcoords="offset points",
        va="center",
        fontsize=style.LABEL_SIZE,
        fontweight="bold",
        color=style.BLUE,
    )
    style.style_axes(axes)
    style.month_axis(axes)
    axes.set_xlim(rates.index[0], rates.index[-1] + pd.DateOffset(months=2))
    axes.set_ylim(bottom=0)
    axes.set_ylabel("Per 1.000 woningen, 12 maanden", fontsize=style.LABEL_SIZE)
    axes.set_title(title, fontsize=style.TITLE_SIZE, loc="left")
    # Below the plot: inside it, the legend would cover a line for some gemeente's figures.
    figure.legend(fontsize=style.LEGEND_SIZE, loc="outside lower center", ncol=2, frameon=False)
    return figure
