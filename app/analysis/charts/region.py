"""Regional charts: the gemeenten's rates against the regional 8 and the national average,
and the 3D matrix across all gemeenten.

Each chart draws on given Axes (so a report page can hold it) and has a Figure builder for
the screen. Plain values in, so the charts do not depend on how the numbers were read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from app.analysis.charts import style
from app.analysis.numbers import dutch_number


@dataclass(frozen=True)
class GemeenteRate:
    name: str
    rate: float | None  # 12 months up to the latest month, per 1,000 dwellings
    baseline: float | None  # the baseline year's rate (usually 2016)


def draw_rates(
    axes: Axes,
    rates: Sequence[GemeenteRate],
    regional_reference: float,
    national: tuple[int, float] | None,
    *,
    font_size: float = style.TICK_SIZE,
) -> None:
    """Horizontal bars, highest rate on top; the baseline as a diamond, the references as
    vertical lines. Every value is also written as a number, so nothing depends on colour."""
    shown = sorted((r for r in rates if r.rate is not None), key=lambda r: r.rate or 0.0)
    positions = np.arange(len(shown))
    axes.barh(
        positions,
        [r.rate for r in shown if r.rate is not None],  # all of them; narrowed
        color=style.BLUE,
        height=0.6,
        label="Inbraakrisico, laatste 12 maanden",
        gid="rates",
    )
    baselines = [(p, r.baseline) for p, r in zip(positions, shown, strict=True) if r.baseline]
    if baselines:
        axes.plot(
            [value for _, value in baselines],
            [p for p, _ in baselines],
            linestyle="none",
            marker="D",
            markersize=font_size * 0.6,
            color=style.ORANGE,
            markeredgecolor=style.BLACK,
            label="Nulmeting (2016)",
            gid="baselines",
        )
    axes.axvline(
        regional_reference,
        color=style.VERMILLION,
        linewidth=2.0,
        linestyle=(0, (6, 3)),
        label=f"Regionaal gemiddelde 2016 ({dutch_number(regional_reference, 1)})",
        gid="regional",
    )
    if national is not None:
        year, value = national
        axes.axvline(
            value,
            color=style.GREEN,
            linewidth=2.0,
            linestyle=":",
            label=f"Landelijk gemiddelde {year} ({dutch_number(value, 1)})",
            gid="national",
        )
    largest = max([r.rate or 0.0 for r in shown] + [r.baseline or 0.0 for r in shown] + [10.0])
    for position, item in zip(positions, shown, strict=True):
        axes.text(
            (item.rate or 0.0) + largest * 0.01,
            position + 0.32,
            dutch_number(item.rate or 0.0, 1),
            va="center",
            fontsize=font_size * 0.85,
            fontweight="bold",
            color=style.BLUE,
        )
    axes.set_yticks(positions, [r.name for r in shown], fontsize=font_size)
    axes.set_xlim(0, largest * 1.12)
    axes.tick_params(axis="x", labelsize=font_size * 0.9)
    axes.xaxis.set_major_formatter(style.dutch_formatter())
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#E0E0E0", linewidth=1.0)
    axes.set_axisbelow(True)
    axes.set_xlabel("Inbraken per 1.000 woningen (incl. pogingen)", fontsize=font_size)
    axes.legend(fontsize=font_size * 0.8, loc="lower right", frameon=True, framealpha=0.95)


def rates_chart(
    rates: Sequence[GemeenteRate], regional_reference: float, national: tuple[int, float] | None
) -> Figure:
    figure = style.new_figure()
    if not any(r.rate is not None for r in rates):
        return style.empty_message(
            figure, "Nog geen gemeente met 12 maanden cijfers: lees eerst pakketten in."
        )
    axes = figure.add_subplot()
    draw_rates(axes, rates, regional_reference, national)
    axes.set_title("Inbraakrisico per gemeente", fontsize=style.TITLE_SIZE, loc="left")
    return figure


def draw_matrix(
    axes: Axes,
    gemeenten: Sequence[str],
    cells: Sequence[tuple[str, str]],
    counts: Sequence[Sequence[int]],
    *,
    font_size: float = style.TICK_SIZE,
) -> None:
    """Gemeenten as rows, matrix cells (doelgroep, aard) as columns, the number of measures in
    each; an empty cell is hatched and says "leeg", so a gap shows without colour."""
    grid = np.array(counts, dtype=float).reshape(len(gemeenten), len(cells))
    shades = ListedColormap(["#FFFFFF", "#DCEBF5", "#A9CFE8", "#56B4E9"])
    axes.imshow(np.minimum(grid, 3), cmap=shades, vmin=0, vmax=3, aspect="auto")
    for row in range(len(gemeenten)):
        for column in range(len(cells)):
            value = int(grid[row, column])
            if value == 0:
                axes.add_patch(
                    Rectangle(
                        (column - 0.5, row - 0.5),
                        1,
                        1,
                        facecolor="#FBE3D6",
                        hatch="//",
                        edgecolor=style.VERMILLION,
                        linewidth=0,
                    )
                )
            axes.text(
                column,
                row,
                "leeg" if value == 0 else str(value),
                ha="center",
                va="center",
                fontsize=font_size * (0.75 if value == 0 else 0.9),
                color=style.VERMILLION if value == 0 else style.BLACK,
                fontweight="bold",
            )
    axes.xaxis.tick_top()
    axes.set_xticks(range(len(cells)), [kind for _, kind in cells], fontsize=font_size * 0.72)
    axes.set_yticks(range(len(gemeenten)), gemeenten, fontsize=font_size * 0.9)
    axes.tick_params(length=0)
    axes.set_xticks(np.arange(len(cells) + 1) - 0.5, minor=True)
    axes.set_yticks(np.arange(len(gemeenten) + 1) - 0.5, minor=True)
    axes.grid(which="minor", color="white", linewidth=2)
    axes.tick_params(which="minor", length=0)
    _group_headers(axes, [group for group, _ in cells], font_size)
    for spine in axes.spines.values():
        spine.set_visible(False)


def _group_headers(axes: Axes, groups: Sequence[str], font_size: float) -> None:
    """The doelgroep over its columns, above the aard labels, with a line under it."""
    start = 0
    for end in range(1, len(groups) + 1):
        if end < len(groups) and groups[end] == groups[start]:
            continue
        axes.annotate(
            groups[start],
            xy=((start + end - 1) / 2, -0.5),
            xycoords="data",
            xytext=(0, font_size * 2.1),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=font_size * 0.85,
            fontweight="bold",
            annotation_clip=False,
        )
        axes.annotate(
            "",
            xy=(start - 0.45, -0.5),
            xytext=(end - 0.55, -0.5),
            xycoords="data",
            textcoords="data",
            arrowprops={
                "arrowstyle": "-",
                "color": style.GREY,
                "linewidth": 1.0,
                "shrinkA": 0,
                "shrinkB": 0,
            },
            annotation_clip=False,
        )
        start = end


def matrix_chart(
    gemeenten: Sequence[str], cells: Sequence[tuple[str, str]], counts: Sequence[Sequence[int]]
) -> Figure:
    figure = style.new_figure((12.0, 1.2 + 0.55 * max(len(gemeenten), 3)))
    if not gemeenten:
        return style.empty_message(figure, "Nog geen pakketten ingelezen.")
    axes = figure.add_subplot()
    draw_matrix(axes, gemeenten, cells, counts, font_size=12)
    axes.set_title(
        "3D-matrix: maatregelen per doelgroep en aard", fontsize=style.LABEL_SIZE, loc="left"
    )
    return figure


def draw_rate_comparison(
    axes: Axes,
    gemeenten: Sequence[tuple[str, pd.Series]],
    region: pd.Series,
    national: pd.Series,
    regional_reference: float,
    *,
    font_size: float = style.TICK_SIZE,
) -> None:
    """Each gemeente's 12-month rate by month as a thin line with its name at the end, the
    region's rate as a thick line, the national rate per calendar year and the regional 8."""
    shades = (style.SKY_BLUE, style.ORANGE, style.PURPLE, style.GREY, "#A6761D", "#66A61E")
    ends: list[tuple[float, str, str]] = []
    for index, (name, series) in enumerate(gemeenten):
        series = series.dropna()
        if series.empty:
            continue
        colour = shades[index % len(shades)]
        axes.plot(
            series.index.to_pydatetime(),
            series.to_numpy(),
            color=colour,
            linewidth=1.6,
            gid=f"gemeente-{name}",
        )
        ends.append((float(series.iloc[-1]), name, colour))
    region = region.dropna()
    if not region.empty:
        axes.plot(
            region.index.to_pydatetime(),
            region.to_numpy(),
            color=style.BLUE,
            linewidth=style.LINE_WIDTH + 1,
            label="Regio (alle gemeenten samen)",
            gid="region",
        )
    axes.axhline(
        regional_reference,
        color=style.VERMILLION,
        linewidth=2.0,
        linestyle=(0, (6, 3)),
        label=f"Regionaal gemiddelde 2016 ({dutch_number(regional_reference, 1)})",
        gid="regional",
    )
    starts = [s.dropna().index[0] for _, s in gemeenten if not s.dropna().empty]
    lasts = [s.dropna().index[-1] for _, s in gemeenten if not s.dropna().empty]
    if starts:
        shown = national[(national.index >= min(starts).year) & (national.index <= max(lasts).year)]
        if not shown.empty:
            axes.hlines(
                shown.to_numpy(),
                [pd.Timestamp(year=int(year), month=1, day=1) for year in shown.index],
                [pd.Timestamp(year=int(year), month=12, day=31) for year in shown.index],
                color=style.GREEN,
                linewidth=2.5,
                linestyle=":",
                label="Landelijk gemiddelde (per kalenderjaar)",
                gid="national",
            )
        last = max(lasts)
        for value, name, colour in sorted(ends):
            axes.annotate(
                f"{name} {dutch_number(value, 1)}",
                (last, value),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=font_size * 0.7,
                color=colour,
                annotation_clip=False,
            )
        # Room on the right for the names at the line ends.
        axes.set_xlim(min(starts), last + (last - min(starts)) * 0.25 + pd.DateOffset(months=1))
    style.style_axes(axes)
    style.month_axis(axes, months=(1, 7))
    axes.tick_params(labelsize=font_size * 0.8)
    axes.set_ylim(bottom=0)
    axes.set_ylabel("Per 1.000 woningen, 12 maanden", fontsize=font_size * 0.9)
    axes.legend(fontsize=font_size * 0.7, loc="lower left", frameon=True, framealpha=0.95)


def rate_comparison_chart(
    gemeenten: Sequence[tuple[str, pd.Series]],
    region: pd.Series,
    national: pd.Series,
    regional_reference: float,
) -> Figure:
    figure = style.new_figure()
    if not any(not series.dropna().empty for _, series in gemeenten):
        return style.empty_message(
            figure,
            "Nog geen gemeente met 12 maanden cijfers: lees pakketten of open data van CBS in.",
        )
    axes = figure.add_subplot()
    draw_rate_comparison(axes, gemeenten, region, national, regional_reference)
    axes.set_title(
        "Inbraakrisico per gemeente door de tijd, tegen regio en land",
        fontsize=style.TITLE_SIZE,
        loc="left",
    )
    return figure
