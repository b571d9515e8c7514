"""Overzicht: the first screen, a summary of the plan with a way into each part."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.overview import PlanCounts, plan_counts
from app.ui.context import ScreenContext


class OverviewPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self._heading = QLabel()
        self._heading.setObjectName("overviewHeading")
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._heading.setFont(font)
        self._heading.setWordWrap(True)
        layout.addWidget(self._heading)
        self._subtitle = QLabel()
        self._subtitle.setWordWrap(True)
        layout.addWidget(self._subtitle)
        self._cards = QGridLayout()
        self._cards.setSpacing(16)
        layout.addLayout(self._cards)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        counts = plan_counts(self._context.workspace)
        summary = self._context.workspace.summary
        self._heading.setText(counts.plan_title or self.tr("Nog geen plan van aanpak"))
        subtitle = self.tr("Werkruimte: {name}").format(name=summary.display_name)
        if summary.is_demo:
            subtitle += " — " + self.tr("demogegevens, de cijfers zijn illustratief")
        self._subtitle.setText(subtitle)
        self._fill_cards(counts)

    def _fill_cards(self, counts: PlanCounts) -> None:
        while self._cards.count():
            item = self._cards.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        cards = (
            (self.tr("Hotspots"), counts.hotspots, "hotspots"),
            (self.tr("Doelstellingen"), counts.goals, "goals"),
            (self.tr("Maatregelen"), counts.measures, "matrix"),
            (self.tr("Open acties"), counts.open_actions, "actions"),
            (self.tr("Overleggen"), counts.meetings, "meetings"),
        )
        for index, (title, value, area_key) in enumerate(cards):
            self._cards.addWidget(self._card(title, value, area_key), index // 3, index % 3)

    def _card(self, title: str, value: int, area_key: str) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setObjectName("overviewCard")
        layout = QVBoxLayout(card)
        number = QLabel(str(value))
        font = number.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        number.setFont(font)
        number.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(number)
        layout.addWidget(QLabel(title))
        button = QPushButton(self.tr("Openen"))
        button.setAccessibleName(self.tr("{title} openen").format(title=title))
        button.clicked.connect(lambda: self._context.shell.navigate(area_key))
        layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignLeft)
        return card
