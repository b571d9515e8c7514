"""A4 portrait pages for a PDF, laid out top to bottom with matplotlib (no pyplot, no Qt).

Text, tables and charts are placed on a Figure the size of the page; when the next block does
not fit, the page is written to the PDF and a new one begins. Widths of text are estimated
from the font size, which is enough for the plain Dutch prose and tables of the reports.

With `core_fonts` the text is set in PDF's built-in Helvetica instead of embedded DejaVu Sans
(the caller sets matplotlib's `pdf.use14corefonts`): no glyph shaping and no font subsetting,
so a line costs about a tenth; the reports of large regions use it (docs/rapportage-regio.md).
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable, Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

A4 = (8.27, 11.69)  # inches, portrait
MARGIN = 0.7
TOP = 0.7
BOTTOM = 0.75
TEXT = "#000000"
MUTED = "#555555"
HEADER_FILL = "#E8EEF4"
STRIPE_FILL = "#F6F6F6"
LINE_SPACING = 1.35
# An average character of DejaVu Sans is about 0.55 of the font size wide.
CHARACTER_WIDTH = 0.56
BOLD_WIDTH = 1.1  # bold characters are about a tenth wider
CORE_ASCENT = 0.76  # from the top of a line to its baseline, in font sizes, as DejaVu's "l"


def wrap(text: str, width_inches: float, size: float, *, bold: bool = False) -> list[str]:
    """`text` broken into lines that fit `width_inches` at `size` points."""
    width = size * CHARACTER_WIDTH * (BOLD_WIDTH if bold else 1.0)
    characters = max(6, int(width_inches * 72 / width))
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, characters) or [""])
    return lines


def core_font_text(text: str) -> str:
    """`text` in the characters the built-in PDF fonts have (Windows-1252): any other letter by
    its base letter (ş as s), what has none as "?"."""
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    shown = []
    for character in text:
        try:
            character.encode("cp1252")
            shown.append(character)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", character).encode("cp1252", "ignore")
            shown.append(base.decode("cp1252") or "?")
    return "".join(shown)


class PageWriter:
    """Writes blocks onto A4 pages of `pdf`; every page gets `footer` and its number."""

    def __init__(self, pdf: PdfPages, footer: str, *, core_fonts: bool = False) -> None:
        self._pdf = pdf
        self._footer = footer
        self._core_fonts = core_fonts
        self._figure: Figure | None = None
        self._y = TOP  # inches from the top of the page
        self.pages = 0
        self.continuation = ""  # repeated at the top of a page a block overflowed onto

    @property
    def width(self) -> float:
        return A4[0] - 2 * MARGIN

    @property
    def figure(self) -> Figure:
        if self._figure is None:
            self.new_page()
        assert self._figure is not None
        return self._figure

    def new_page(self) -> None:
        self._flush()
        self._figure = Figure(figsize=A4)
        self._figure.set_facecolor("white")
        self._y = TOP
        self.pages += 1

    def finish(self) -> None:
        self._flush()

    def space(self, inches: float) -> None:
        self._y += inches

    def ensure(self, inches: float) -> None:
        """Begin a new page unless `inches` still fit on this one."""
        if self._figure is None or self._y + inches > A4[1] - BOTTOM:
            self.new_page()
            if self.continuation:
                self.text(self.continuation, size=9, colour=MUTED)
                self.space(0.08)

    def text(
        self,
        text: str,
        *,
        size: float = 9.5,
        bold: bool = False,
        colour: str = TEXT,
        indent: float = 0.0,
    ) -> None:
        """A paragraph, wrapped to the page width, moved to a new page when it does not fit."""
        lines = wrap(text, self.width - indent, size, bold=bold)
        step = size * LINE_SPACING / 72
        for line in lines:
            self.ensure(step)
            self._put(MARGIN + indent, line, size, bold=bold, colour=colour)
            self._y += step

    def heading(self, text: str, size: float = 15) -> None:
        self.ensure(size * 3.2 / 72)
        self._y += size * 0.4 / 72
        self.text(text, size=size, bold=True)
        self._y += size * 0.25 / 72

    def bullets(self, lines: Sequence[str], *, size: float = 9.5) -> None:
        for line in lines:
            wrapped = wrap(line, self.width - 0.22, size)
            step = size * LINE_SPACING / 72
            self.ensure(step * min(len(wrapped), 2))
            self._put(MARGIN + 0.05, "•", size)
            for part in wrapped:
                self.ensure(step)
                self._put(MARGIN + 0.22, part, size)
                self._y += step

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float = 8.5,
        colours: Sequence[str | None] | None = None,
    ) -> None:
        """A table over the page width; `widths` are shares of it; `colours` per row (text).

        A table that runs off the page continues on the next with its header repeated.
        """
        columns = [share / sum(widths) * self.width for share in widths]
        step = size * LINE_SPACING / 72
        pad = 0.05

        def cells(values: Sequence[str], bold: bool = False) -> list[list[str]]:
            return [
                wrap(v, w - 2 * pad, size, bold=bold) for v, w in zip(values, columns, strict=True)
            ]

        def put_row(values: Sequence[str], *, bold: bool, fill: str | None, colour: str) -> None:
            wrapped = cells(values, bold)
            height = max(len(lines) for lines in wrapped) * step + 0.06
            if fill:
                self._fill(self._y, height, fill)
            x = MARGIN
            for lines, column in zip(wrapped, columns, strict=True):
                for number, line in enumerate(lines):
                    self._put(
                        x + pad,
                        line,
                        size,
                        y=self._y + 0.03 + number * step,
                        bold=bold,
                        colour=colour,
                    )
                x += column
            self._y += height

        def header_row() -> None:
            put_row(header, bold=True, fill=HEADER_FILL, colour=TEXT)

        first_height = max(len(lines) for lines in cells(header, True)) * step + 0.1
        self.ensure(first_height + step * 2)
        header_row()
        for number, values in enumerate(rows):
            height = max(len(lines) for lines in cells(values)) * step + 0.06
            if self._y + height > A4[1] - BOTTOM:
                self.ensure(A4[1])  # always a new page
                header_row()
            colour = (colours[number] if colours else None) or TEXT
            put_row(values, bold=False, fill=STRIPE_FILL if number % 2 else None, colour=colour)
        self._y += 0.08

    def chart(
        self,
        height: float,
        draw: Callable[[Axes], None],
        *,
        left: float = 0.0,
        above: float = 0.0,
        below: float = 0.0,
    ) -> None:
        """Axes of `height` inches over the page width, with room left of them for tick labels
        and above and below for axis labels and legends."""
        self.ensure(above + height + below)
        self._y += above
        figure = self.figure
        bottom = A4[1] - self._y - height
        axes = figure.add_axes(
            (
                (MARGIN + left) / A4[0],
                bottom / A4[1],
                (self.width - left) / A4[0],
                height / A4[1],
            )
        )
        draw(axes)
        self._y += height + below

    def _put(
        self,
        x: float,
        text: str,
        size: float,
        *,
        y: float | None = None,
        bold: bool = False,
        colour: str = TEXT,
    ) -> None:
        top = self._y if y is None else y
        if self._core_fonts:
            # The built-in fonts' metrics give each line the height of its own letters, so
            # "top" would move a line with an apostrophe down: lines stand on a baseline.
            top += CORE_ASCENT * size / 72
        self.figure.text(
            x / A4[0],
            1 - top / A4[1],
            core_font_text(text) if self._core_fonts else text,
            fontsize=size,
            fontweight="bold" if bold else "normal",
            color=colour,
            va="baseline" if self._core_fonts else "top",
            ha="left",
            parse_math=False,  # user text such as "$5" stays text
        )

    def _fill(self, y: float, height: float, colour: str) -> None:
        self.figure.patches.append(
            Rectangle(
                (MARGIN / A4[0], 1 - (y + height) / A4[1]),
                self.width / A4[0],
                height / A4[1],
                transform=self.figure.transFigure,
                facecolor=colour,
                edgecolor="none",
                zorder=-1,
            )
        )

    def _flush(self) -> None:
        if self._figure is None:
            return
        self._figure.text(
            MARGIN / A4[0], 0.35 / A4[1], self._footer, fontsize=7.5, color=MUTED, va="bottom"
        )
        self._figure.text(
            1 - MARGIN / A4[0],
            0.35 / A4[1],
            f"pagina {self.pages}",
            fontsize=7.5,
            color=MUTED,
            ha="right",
            va="bottom",
        )
        self._pdf.savefig(self._figure)
        self._figure = None
