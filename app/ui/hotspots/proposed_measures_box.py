"""The measures the current analysis proposes, each placed in the 3D matrix with one click."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from app.core.hotspots.analysis_history import (
    ProposedItem,
    analysis_versions,
    place_proposed_measure,
    unplace_proposed_measure,
)
from app.ui.widgets.record_editor import RecordEditor
from app.ui.window.context import ScreenContext


class ProposedMeasuresBox(QGroupBox):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Voorgestelde maatregelen uit de analyse"))
        self.setObjectName("proposedMeasures")
        self._context = context
        self.editor: RecordEditor | None = None
        self._hotspot_id = ""
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(0, 1)
        self.place_buttons: list[QPushButton] = []

    def show_hotspot(self, hotspot_id: str) -> None:
        self._hotspot_id = hotspot_id
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.place_buttons = []
        versions = analysis_versions(self._context.workspace, hotspot_id) if hotspot_id else ()
        items = versions[0].measures if versions else ()
        self.setVisible(bool(items))
        for row, item in enumerate(items):
            self._add(row, item)

    def _add(self, row: int, item: ProposedItem) -> None:
        proposal = item.row
        text = f"{proposal.title} ({proposal.target_group.label}, {proposal.intervention.label})"
        if proposal.partner:
            text += f" — {proposal.partner}"
        label = QLabel(text)
        label.setWordWrap(True)
        self._grid.addWidget(label, row, 0)
        if item.measure_id:
            self._grid.addWidget(QLabel(self.tr("staat in de 3D-matrix")), row, 1)
            return
        button = QPushButton(self.tr("In 3D-matrix plaatsen"))
        button.setToolTip(
            self.tr("Voeg deze maatregel toe aan het plan (gepland, gericht op deze hotspot).")
        )
        button.clicked.connect(partial(self._place, item.id))
        self._grid.addWidget(button, row, 1)
        self.place_buttons.append(button)

    def _place(self, proposed_id: str) -> None:
        workspace = self._context.workspace
        placed: list[str] = []
        assert self.editor is not None
        self.editor.push(
            self.tr("Voorgestelde maatregel in de 3D-matrix plaatsen"),
            lambda: placed.append(
                place_proposed_measure(workspace, proposed_id, placed[-1] if placed else None)
            ),
            lambda: unplace_proposed_measure(workspace, proposed_id),
            select=self._hotspot_id,
        )
        self._context.shell.show_status(self.tr("Maatregel staat nu in de 3D-matrix."))
