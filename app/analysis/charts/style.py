"""One look for every chart: readable on a projector, colour-blind-safe, Dutch numbers.

Colours are the Okabe-Ito palette, which stays distinguishable with every common form of
colour blindness; lines also differ in style, so nothing depends on colour alone.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from app.analysis.numbers import dutch_number
from app.analysis.periods import month_label
from app.kernel.errors import UserError
from app.kernel.files import written_file

# Titles and labels carry user text such as "budget $5 per woning": never read it as mathtext.
matplotlib.rcParams["text.parse_math"] = False

BLUE = "#0072B2"
SKY_BLUE = "#56B4E9"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
GREEN = "#009E73"
PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#7F7F7F"
DARK_DAYS_SHADE = "#D9D9D9"
HEAT_MAP = "YlOrBr"  # ColorBrewer sequential: ordered by lightness, safe for colour blindness

TITLE_SIZE = 20
LABEL_SIZE = 16
TICK_SIZE = 14
LEGEND_SIZE = 14
LINE_WIDTH = 3.0

WIDESCREEN = (12.0, 6.75)
PNG_DPI = 150
EXPORT_FORMATS = {".png": "png", ".svg": "svg"}


def new_figure(size: tuple[float, float] = WIDESCREEN) -> Figure:
    """A Figure not bound to pyplot; the Qt canvas or save_chart attaches a canvas later."""
    figure = Figure(figsize=size, layout="constrained")
    figure.set_facecolor("white")
    return figure


def style_axes(axes: Axes) -> None:
    axes.tick_params(labelsize=TICK_SIZE)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#E0E0E0", linewidth=1.0)
    axes.set_axisbelow(True)
    axes.yaxis.set_major_formatter(dutch_formatter())


def dutch_formatter() -> FuncFormatter:
    """Tick labels with a decimal comma."""
    return FuncFormatter(lambda value, _pos: dutch_number(value))


def month_axis(axes: Axes, *, months: tuple[int, ...] = (1, 4, 7, 10)) -> None:
    """Dates on the x axis as Dutch month names ('jan 2018'), on the given months."""
    axes.xaxis.set_major_locator(mdates.MonthLocator(bymonth=months))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _pos: month_label(mdates.num2date(value).date()))
    )


def empty_message(figure: Figure, message: str) -> Figure:
    """A chart without data says what to do instead of showing empty axes."""
    figure.text(0.5, 0.5, message, ha="center", va="center", fontsize=LABEL_SIZE, wrap=True)
    return figure


def save_chart(figure: Figure, path: Path) -> Path:
    """Export a chart as PNG (for slides) or SVG (for print), chosen by the file's suffix."""
    path = Path(path)
    chart_format = EXPORT_FORMATS.get(path.suffix.lower())
    if chart_format is None:
        raise UserError(
            f"Een grafiek kan alleen als PNG of SVG worden bewaard, niet als '{path.suffix}'. "
            "Kies een bestandsnaam die eindigt op .png of .svg."
        )
    with written_file(path, "De grafiek") as temporary:
        figure.savefig(temporary, format=chart_format, dpi=PNG_DPI, facecolor="white")
    return path
