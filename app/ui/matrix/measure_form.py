"""The form for one measure and the dialog that adds one to a matrix cell."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.matrix.measures import Choice, MeasureInput, validate_measure
from app.kernel.reference import CatalogueMeasure, measure_catalogue
from app.ui.widgets.form_widgets import OptionalDateField, TextBox, whole_number_field
from app.ui.widgets.record_form import RecordForm, select_data, set_line
from database.enums import InterventionKind, MeasureStatus, TargetGroup

HOT_ITEM_ROWS = 5


class MeasureForm(RecordForm):
    """Every field of a measure; `edited` fires when the user finishes a change."""

    table = "measure"

    def __init__(
        self,
        partners: tuple[Choice, ...],
        hot_items: tuple[Choice, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._draft: MeasureInput | None = None
        self._title = QLineEdit()
        self.add_field("title", self.tr("&Titel"), self._title)
        self._target = QComboBox()
        for target in TargetGroup:
            self._target.addItem(target.label, target.value)
        self.add_field("target_group", self.tr("&Doelgroep"), self._target)
        self._kind = QComboBox()
        for kind in InterventionKind:
            self._kind.addItem(kind.label, kind.value)
        self.add_field("intervention", self.tr("&Aard"), self._kind)
        self._partner = QComboBox()
        self._partner.addItem(self.tr("(nog geen partner)"), None)
        for choice in partners:
            self._partner.addItem(choice.text, choice.id)
        self._partner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_field("partner_id", self.tr("&Partner"), self._partner)
        self._status = QComboBox()
        for status in MeasureStatus:
            self._status.addItem(status.label, status.value)
        self.add_field("status", self.tr("&Status"), self._status)
        self._start = OptionalDateField()
        self.add_field("period_start", self.tr("Periode va&n"), self._start)
        self._end = OptionalDateField()
        self.add_field("period_end", self.tr("Pe&riode tot"), self._end)
        self._dark_days = QCheckBox(self.tr("Onderdeel van het Donkere Dagen Offensief"))
        self._dark_days.toggled.connect(self._user_edited)
        self.add_field("dark_days", self.tr("DD&O"), self._dark_days)
        self._cost = whole_number_field(0, 100_000_000)
        self._cost.setPrefix("€ ")
        self._cost.setGroupSeparatorShown(True)
        self.add_field("extra_cost_eur", self.tr("E&xtra kosten"), self._cost)
        self._hot_items = QListWidget()
        self._hot_items.setMaximumHeight(self.fontMetrics().height() * HOT_ITEM_ROWS + 12)
        # A long hotspot name wraps onto a second line (whole text in its tooltip): at 150%
        # the list scrolled sideways.
        self._hot_items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._hot_items.setWordWrap(True)
        for choice in hot_items:
            item = QListWidgetItem(choice.text)
            item.setToolTip(choice.text)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self._hot_items.addItem(item)
        self._hot_items.itemChanged.connect(self._user_edited)
        self.add_field("hot_item_ids", self.tr("&Gericht op"), self._hot_items)
        self._description = TextBox(lines=3)
        self.add_field("description", self.tr("Omschr&ijving"), self._description)

    def fill(self, draft: object) -> None:
        assert isinstance(draft, MeasureInput)
        self._draft = draft
        set_line(self._title, draft.title)
        select_data(self._target, draft.target_group.value)
        select_data(self._kind, draft.intervention.value)
        select_data(self._partner, draft.partner_id)
        select_data(self._status, draft.status.value)
        self._start.set_optional_value(draft.period_start)
        self._end.set_optional_value(draft.period_end)
        self._dark_days.setChecked(draft.dark_days)
        self._cost.setValue(draft.extra_cost_eur)
        linked = set(draft.hot_item_ids)
        self._hot_items.blockSignals(True)
        for row in range(self._hot_items.count()):
            item = self._hot_items.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in linked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._hot_items.blockSignals(False)
        self._description.set_text(draft.description)

    def draft(self) -> MeasureInput:
        checked = tuple(
            self._hot_items.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self._hot_items.count())
            if self._hot_items.item(row).checkState() == Qt.CheckState.Checked
        )
        return MeasureInput(
            title=self._title.text(),
            target_group=TargetGroup(self._target.currentData()),
            intervention=InterventionKind(self._kind.currentData()),
            description=self._description.text(),
            partner_id=self._partner.currentData(),
            status=MeasureStatus(self._status.currentData()),
            period_start=self._start.optional_value(),
            period_end=self._end.optional_value(),
            dark_days=self._dark_days.isChecked(),
            extra_cost_eur=self._cost.value(),
            catalogue_key=self._draft.catalogue_key if self._draft else None,
            hot_item_ids=checked,
        )


class MeasureDialog(QDialog):
    """Add a measure to a cell: pick one from the catalogue or type your own."""

    def __init__(
        self,
        target: TargetGroup,
        kind: InterventionKind,
        partners: tuple[Choice, ...],
        hot_items: tuple[Choice, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measureDialog")
        self.setWindowTitle(
            self.tr("Maatregel toevoegen: {target} \u00d7 {kind}").format(
                target=target.label, kind=kind.label
            )
        )
        self.setMinimumWidth(560)
        self._result: MeasureInput | None = None
        self.catalogue = QComboBox()
        self.catalogue.setObjectName("measureCatalogue")
        self.catalogue.setAccessibleName(self.tr("Kies uit de catalogus"))
        self.catalogue.addItem(self.tr("Eigen maatregel (typ hieronder een titel)"), None)
        fitting, other = _split_catalogue(target, kind)
        for entry in fitting:
            self.catalogue.addItem(entry.title, entry.key)
        if other:
            self.catalogue.insertSeparator(self.catalogue.count())
            for entry in other:
                self.catalogue.addItem(
                    f"{entry.title} ({entry.target_group.label}, {entry.intervention.label})",
                    entry.key,
                )
        self.catalogue.activated.connect(self._pick)
        self.form = MeasureForm(partners, hot_items)
        self.form.set_draft(MeasureInput(title="", target_group=target, intervention=kind))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Toevoegen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        catalogue_label = QLabel(
            self.tr(
                "&Kies uit de catalogus van maatregelen uit de praktijk, of typ een eigen titel:"
            )
        )
        catalogue_label.setBuddy(self.catalogue)
        catalogue_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(catalogue_label)
        layout.addWidget(self.catalogue)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.catalogue.setFocus()

    @property
    def result_input(self) -> MeasureInput | None:
        return self._result

    def accept(self) -> None:
        checked = self.form.checked(validate_measure)
        if checked is None:
            return
        self._result = checked
        super().accept()

    def _pick(self) -> None:
        key = self.catalogue.currentData()
        entry = next((m for m in measure_catalogue() if m.key == key), None)
        current = self.form.draft()
        if entry is None:
            self.form.set_draft(replace(current, catalogue_key=None))
            return
        self.form.set_draft(
            replace(
                current,
                title=entry.title,
                target_group=entry.target_group,
                intervention=entry.intervention,
                catalogue_key=entry.key,
            )
        )


def _split_catalogue(
    target: TargetGroup, kind: InterventionKind
) -> tuple[list[CatalogueMeasure], list[CatalogueMeasure]]:
    fitting = [m for m in measure_catalogue() if (m.target_group, m.intervention) == (target, kind)]
    other = [m for m in measure_catalogue() if m not in fitting]
    return fitting, other
