"""The heading and short explanation at the top of a screen, the same on every screen."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

HEADING_SCALE = 1.4


def style_heading(label: QLabel) -> QLabel:
    """Make `label` a screen heading: bold, a size above the body text."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
    font.setBold(True)
    label.setFont(font)
    return label


def add_page_heading(layout: QBoxLayout, title: str, intro: str) -> QLabel:
    """Add a bold title and a wrapped explanation to `layout`; returns the title label."""
    heading = style_heading(QLabel(title))
    heading.setObjectName("pageHeading")
    layout.addWidget(heading)
    explanation = QLabel(intro)
    explanation.setWordWrap(True)
    layout.addWidget(explanation)
    return heading


def page_layout(page: QWidget, title: str, intro: str) -> QVBoxLayout:
    """The column of a screen with its heading and explanation, at the screens' margins."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 16, 16, 8)
    add_page_heading(layout, title, intro)
    return layout
