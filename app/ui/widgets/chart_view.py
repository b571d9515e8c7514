"""One chart on screen: matplotlib's Qt canvas, replaced whenever a new Figure is shown.

This module imports matplotlib's Qt backend, so it is imported only when the Cijfers screen
is first built; the window starts without matplotlib.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QVBoxLayout, QWidget

# A chart keeps at least this many pixels per inch of its designed height, so a tall chart
# (one panel per goal) scrolls instead of being squeezed unreadably flat.
MIN_PIXELS_PER_INCH = 55
MIN_HEIGHT = 320


class ChartView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.canvas: FigureCanvasQTAgg | None = None

    @property
    def figure(self) -> Figure | None:
        return None if self.canvas is None else self.canvas.figure

    def show_figure(self, figure: Figure, description: str) -> None:
        """Show `figure`; `description` is what a screen reader says about the chart."""
        designed_height = figure.get_figheight()
        canvas = FigureCanvasQTAgg(figure)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setMinimumHeight(max(MIN_HEIGHT, round(designed_height * MIN_PIXELS_PER_INCH)))
        canvas.setAccessibleName(description)
        # A new holder each time: the scroll area sizes a widget it is given at once, where a
        # swapped child would only resize it after a later layout pass.
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(canvas)
        self.setWidget(holder)  # deletes the previous holder and its canvas
        self.canvas = canvas
        canvas.draw_idle()
