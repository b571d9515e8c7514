"""The heading and short explanation at the top of a screen, the same on every screen."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel

HEADING_SCALE = 1.3


def add_page_heading(layout: QBoxLayout, title: str, intro: str) -> QLabel:
    """Add a bold title and a wrapped explanation to `layout`; returns the title label."""
    heading = QLabel(title)
    heading.setObjectName("pageHeading")
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
    font.setBold(True)
    heading.setFont(font)
    layout.addWidget(heading)
    explanation = QLabel(intro)
    explanation.setWordWrap(True)
    layout.addWidget(explanation)
    return heading
