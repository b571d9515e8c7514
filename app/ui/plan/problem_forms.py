"""The forms of the probleembeschrijving: one hot item, one APV instrument."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.plan import problem
from app.core.plan.problem import PEOPLE_KINDS, BylawDraft, HotItemDraft
from app.kernel.workspace import Workspace
from app.ui.widgets.form_widgets import TextBox, enum_combo, whole_number_field
from app.ui.widgets.record_editor import RecordService
from app.ui.widgets.record_form import RecordForm, select_data, set_line
from database.enums import BylawStatus, HotKind, InformationSource


def hot_item_service(workspace: Workspace, rows: Callable[[], Sequence[Any]]) -> RecordService:
    """The hot items behind a list of `rows` (one kind in Probleembeschrijving, or Hotspots)."""
    return RecordService(
        rows=rows,
        draft=lambda item_id: problem.get_hot_item(workspace, item_id).draft,
        check=problem.checked_hot_item,
        add=partial(problem.add_hot_item, workspace),
        update=partial(problem.update_hot_item, workspace),
        delete=partial(problem.delete_hot_item, workspace),
        restore=partial(problem.restore_hot_item, workspace),
        name_of=lambda draft: draft.label,
    )


class HotItemForm(RecordForm):
    """A hotspot, hotshot, ... of the problem description."""

    table = "hot_item"

    def __init__(self, kind: HotKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        label_text = (
            self.tr("&Label (pseudoniem of groep, geen naam)")
            if kind is HotKind.HOTSHOT
            else self.tr("&Omschrijving kort")
        )
        self.label = self.add_field("label", label_text, QLineEdit())
        if kind is HotKind.HOTSPOT:
            self.label.setPlaceholderText(
                self.tr("bijvoorbeeld: Korte Akkeren, rond het winkelplein")
            )
        self.neighbourhood_code = self.add_field(
            "neighbourhood_code", self.tr("Buurt&code (CBS)"), QLineEdit()
        )
        self.neighbourhood_code.setPlaceholderText("BU05130101")
        self.neighbourhood_name = self.add_field(
            "neighbourhood_name", self.tr("Buurtna&am"), QLineEdit()
        )
        self.person_count = self.add_field(
            "person_count", self.tr("Aantal &personen"), whole_number_field(0, 9999)
        )
        self.person_count.setSpecialValueText(self.tr("onbekend"))
        self.description = self.add_field("description", self.tr("&Toelichting"), TextBox(4))
        self.source = self.add_field("source", self.tr("B&ron"), enum_combo(InformationSource))
        self.period = self.add_field("period", self.tr("P&eriode"), QLineEdit())
        self.period.setPlaceholderText(self.tr("bijvoorbeeld: heel vorig jaar, of okt t/m mrt"))
        self.set_field_visible("neighbourhood_code", kind is HotKind.HOTSPOT)
        self.set_field_visible("neighbourhood_name", kind is HotKind.HOTSPOT)
        self.set_field_visible("person_count", kind in PEOPLE_KINDS)
        self.set_field_visible("description", kind is not HotKind.HOTSHOT)

    def fill(self, draft: object) -> None:
        assert isinstance(draft, HotItemDraft)
        set_line(self.label, draft.label)
        set_line(self.neighbourhood_code, draft.neighbourhood_code)
        set_line(self.neighbourhood_name, draft.neighbourhood_name)
        self.person_count.setValue(draft.person_count or 0)
        self.description.set_text(draft.description)
        select_data(self.source, draft.source)
        set_line(self.period, draft.period)

    def draft(self) -> HotItemDraft:
        count = self.person_count.value()
        return HotItemDraft(
            kind=self._kind,
            label=self.label.text(),
            source=self.source.currentData(),
            description=self.description.text() if self._kind is not HotKind.HOTSHOT else "",
            period=self.period.text(),
            person_count=count if self._kind in PEOPLE_KINDS and count else None,
            neighbourhood_code=self.neighbourhood_code.text(),
            neighbourhood_name=self.neighbourhood_name.text(),
        )


class BylawForm(RecordForm):
    """An APV instrument the gemeente uses or considers."""

    table = "bylaw_instrument"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = self.add_field("name", self.tr("&Instrument"), QLineEdit())
        self.name.setPlaceholderText(
            self.tr("bijvoorbeeld: verbod op bezit van inbrekerswerktuigen")
        )
        self.status = self.add_field("status", self.tr("&Status"), enum_combo(BylawStatus))
        self.description = self.add_field("description", self.tr("&Toelichting"), TextBox(5))

    def fill(self, draft: object) -> None:
        assert isinstance(draft, BylawDraft)
        set_line(self.name, draft.name)
        select_data(self.status, draft.status)
        self.description.set_text(draft.description)

    def draft(self) -> BylawDraft:
        return BylawDraft(
            name=self.name.text(),
            status=self.status.currentData(),
            description=self.description.text(),
        )
