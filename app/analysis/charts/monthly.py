"""Monthly counts: the last 12 months as stacked bars, the year before as a line, and the
dark-days months (October to March) shaded."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from app.analysis.charts import style
from app.analysis.periods import is_dark_days, month_label

MONTHS_SHOWN = 12


def monthly_counts_chart(counts: pd.DataFrame, title: str, *, advice: str) -> Figure:
    """`counts`: a row per month (DatetimeIndex, no gaps) with `completed` and `attempts`, and
    optionally `total` and `withheld` (CBS open data: a total without the split, or a cell CBS
    withheld, marked "?" rather than drawn as zero); `advice` says where missing counts come
    from."""
    figure = style.new_figure()
    counts = counts.copy()
    if "total" not in counts.columns:
        counts["total"] = counts["completed"] + counts["attempts"]
    withheld = counts.pop("withheld") if "withheld" in counts.columns else None
    has_row = counts["total"].notna()
    if withheld is not None:
        has_row |= withheld.astype(bool)
    counts = counts[has_row]
    if counts.empty:
        return style.empty_message(figure, f"Nog geen maandcijfers. {advice}")
    shown = counts.iloc[-MONTHS_SHOWN:]
    previous = counts.reindex(shown.index - pd.DateOffset(years=1))
    positions = np.arange(len(shown))
    axes = figure.add_subplot()
    for position, month in zip(positions, shown.index, strict=True):
        if is_dark_days(month):
            axes.axvspan(position - 0.5, position + 0.5, color=style.DARK_DAYS_SHADE, zorder=0)
    split = shown["completed"].notna()
    if split.any():
        axes.bar(
            positions[split.to_numpy()],
            shown["completed"][split],
            color=style.BLUE,
            label="Inbraken",
            gid="completed",
        )
        axes.bar(
            positions[split.to_numpy()],
            shown["attempts"][split],
            bottom=shown["completed"][split],
            color=style.SKY_BLUE,
            label="Pogingen",
            gid="attempts",
        )
    total_only = ~split & shown["total"].notna()
    if total_only.any():
        axes.bar(
            positions[total_only.to_numpy()],
            shown["total"][total_only],
            color=style.GREY,
            hatch="//",
            edgecolor="white",
            label="Incl. pogingen, verdeling onbekend (CBS)",
            gid="total",
        )
    for position in positions[shown["total"].isna().to_numpy()]:
        axes.text(
            position,
            0,
            "?",
            ha="center",
            va="bottom",
            fontsize=style.LABEL_SIZE,
            fontweight="bold",
            color=style.VERMILLION,
            gid="withheld",
        )
    (previous_year,) = axes.plot(
        positions,
        previous["total"].to_numpy(),
        color=style.ORANGE,
        linewidth=style.LINE_WIDTH,
        marker="o",
        markersize=8,
        label="Een jaar eerder (totaal)",
        gid="previous_year",
    )
    axes.set_xticks(
        positions,
        [
            month_label(month).replace(" ", "\n")
            if month.month == 1 or position == 0
            else month_label(month, with_year=False)
            for position, month in zip(positions, shown.index, strict=True)
        ],
    )
    axes.set_xlim(-0.5, len(shown) - 0.5)
    style.style_axes(axes)
    axes.set_ylabel("Aantal per maand", fontsize=style.LABEL_SIZE)
    axes.set_title(title, fontsize=style.TITLE_SIZE, loc="left")
    handles, _labels = axes.get_legend_handles_labels()
    unknown = (
        [Patch(color="white", label="? = achtergehouden door CBS (onbekend, niet 0)")]
        if shown["total"].isna().any()
        else []
    )
    axes.legend(
        handles=[
            *(handle for handle in handles if handle is not previous_year),
            previous_year,
            Patch(color=style.DARK_DAYS_SHADE, label="Donkere dagen (okt t/m mrt)"),
            *unknown,
        ],
        fontsize=style.LEGEND_SIZE,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
    )
    return figure
