"""The first start: make a gemeente workspace, an RSIV workspace, or look at the demo."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.kernel.reference import participants


class FirstStartChoice(Enum):
    MUNICIPALITY = "municipality"
    REGION = "region"
    DEMO = "demo"


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welkom bij Aanpak Woninginbraken"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Er is nog geen werkruimte op deze computer. Een werkruimte bewaart het plan "
                "van aanpak van uw gemeente, of voor het RSIV de plannen van alle gemeenten. "
                "Kies hoe u wilt beginnen."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self._municipality = QRadioButton(self.tr("&Werkruimte voor mijn gemeente"))
        self._municipality.setChecked(True)
        self._municipality_combo = QComboBox()
        self._municipality_combo.setAccessibleName(self.tr("Gemeente"))
        for municipality in participants():
            self._municipality_combo.addItem(
                f"{municipality.name} ({municipality.cbs_code})", municipality.cbs_code
            )
        self._municipality_combo.addItem(self.tr("Een andere gemeente (CBS-code en naam)"), "")
        # Any Dutch gemeente: its CBS code and name, checked when the workspace is made.
        self._other = QWidget()
        other_form = QFormLayout(self._other)
        other_form.setContentsMargins(24, 0, 0, 0)
        self._other_code = QLineEdit()
        self._other_code.setObjectName("otherGemeenteCode")
        self._other_code.setPlaceholderText("GM0363")
        self._other_code.setMaxLength(6)
        self._other_name = QLineEdit()
        self._other_name.setObjectName("otherGemeenteName")
        self._other_name.setPlaceholderText("Amsterdam")
        self._other_name.setMaxLength(100)
        other_form.addRow(self.tr("CBS-&code:"), self._other_code)
        other_form.addRow(self.tr("&Naam:"), self._other_name)
        self._other.hide()
        # No gemeente is chosen for the user: a click on Beginnen must not make the workspace
        # of the gemeente that happens to be first in the list.
        self._municipality_combo.setPlaceholderText(self.tr("Kies uw gemeente…"))
        self._municipality_combo.setCurrentIndex(-1)
        self._municipality_combo.currentIndexChanged.connect(self._update)
        self._region = QRadioButton(self.tr("&RSIV-werkruimte (regionaal coördinator)"))
        self._demo = QRadioButton(self.tr("Eerst de &demo bekijken (Gouda, fictieve gegevens)"))
        group = QButtonGroup(self)
        for button in (self._municipality, self._region, self._demo):
            group.addButton(button)
        group.buttonToggled.connect(self._update)

        layout.addWidget(self._municipality)
        layout.addWidget(self._municipality_combo)
        layout.addWidget(self._other)
        layout.addWidget(self._region)
        layout.addWidget(self._demo)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Beginnen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Afsluiten"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._begin = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._begin.setObjectName("begin")
        self._update()

    @property
    def choice(self) -> FirstStartChoice:
        if self._region.isChecked():
            return FirstStartChoice.REGION
        if self._demo.isChecked():
            return FirstStartChoice.DEMO
        return FirstStartChoice.MUNICIPALITY

    @property
    def municipality_code(self) -> str:
        chosen = str(self._municipality_combo.currentData() or "")
        return chosen or self._other_code.text().strip().upper()

    @property
    def municipality_name(self) -> str | None:
        """The name typed for a gemeente outside the list; None for one from the list."""
        if self._municipality_combo.currentData():
            return None
        return self._other_name.text().strip() or None

    def select_municipality(self, cbs_code: str) -> None:
        self._municipality.setChecked(True)
        self._municipality_combo.setCurrentIndex(self._municipality_combo.findData(cbs_code))

    def enter_other_municipality(self, cbs_code: str, name: str) -> None:
        self.select_municipality("")
        self._other_code.setText(cbs_code)
        self._other_name.setText(name)

    def _update(self) -> None:
        for_gemeente = self._municipality.isChecked()
        self._municipality_combo.setEnabled(for_gemeente)
        chosen = self._municipality_combo.currentIndex() >= 0
        self._other.setVisible(
            for_gemeente and chosen and not self._municipality_combo.currentData()
        )
        self._begin.setEnabled(chosen or not for_gemeente)
        self._begin.setToolTip(
            self.tr("Kies eerst uw gemeente in de lijst.") if for_gemeente and not chosen else ""
        )
