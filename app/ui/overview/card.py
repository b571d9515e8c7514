"""A card of the Overzicht: a titled block of lines, each a link to the screen that fixes it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout

ITEMS_SHOWN = 4  # lines per card: with five, the Overzicht no longer fits 1280x720


class LinkLine(QLabel):
    """One line of a card: a link on a single line, cut with "…" where the card is narrow
    (the whole text is in the tooltip), so the Overzicht fits the screen without scrolling."""

    def __init__(self, text: str, area_key: str, colour: str | None = None) -> None:
        super().__init__()
        self.full_text = text
        self._area_key = area_key
        self._style = f"color:{colour};" if colour else ""
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._show(text)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._show(
            self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width())
        )

    def _show(self, shown: str) -> None:
        self.setText(
            f"<a href='{self._area_key}' style='{self._style}text-decoration:none'>"
            f"{escape(shown)}</a>"
        )


class OverviewCard(QFrame):
    """A titled block with a few lines, each a link to the screen that fixes it, and a button
    that opens that screen (Tab reaches both)."""

    def __init__(
        self, title: str, area_key: str, button_text: str, open_area: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("overviewCard")
        self._open_area = open_area
        self._layout = QVBoxLayout(self)
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        self._layout.addWidget(heading)
        self.lines: list[QLabel] = []
        self.button = QPushButton(button_text)
        self.button.setObjectName(f"open_{area_key}")
        self.button.clicked.connect(lambda: open_area(area_key))

    def add_text(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        self._layout.addWidget(label)
        return label

    def add_line(self, text: str, area_key: str, colour: str | None = None) -> QLabel:
        label = LinkLine(text, area_key, colour)
        label.linkActivated.connect(self._open_area)
        self._layout.addWidget(label)
        self.lines.append(label)
        return label

    def add_lines(
        self,
        texts: Sequence[str],
        area_key: str,
        more: str,
        colour: str | None = None,
        total: int | None = None,
    ) -> None:
        """The first lines of `texts`; "… en nog n" counts the rest of `total` (or texts)."""
        total = len(texts) if total is None else total
        for text in texts[:ITEMS_SHOWN]:
            self.add_line(text, area_key, colour)
        if total > ITEMS_SHOWN:
            self.add_line(more.format(n=total - ITEMS_SHOWN), area_key)

    def finish(self) -> None:
        self._layout.addStretch(1)
        self._layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignLeft)
