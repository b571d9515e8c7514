"""Probleembeschrijving: the seven hots as editable lists, and the APV instruments."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.core.plan import problem
from app.core.records import restore_record
from app.ui.plan.problem_forms import BylawForm, HotItemForm, hot_item_service
from app.ui.widgets.page_heading import page_layout
from app.ui.widgets.record_editor import RecordEditor, RecordService, RecordTexts
from app.ui.widgets.rows_model import Column
from app.ui.window.context import ScreenContext
from database.enums import HotKind

# Tab title, noun and what the kind means, in the words of the memo.
KIND_TEXTS: dict[HotKind, tuple[str, str, str]] = {
    HotKind.HOTSPOT: (
        "Hotspots",
        "hotspot",
        "Plaatsen (buurten, straten) waar veel wordt ingebroken. Per hotspot schrijft de "
        "wijkagent een probleemanalyse (scherm Hotspots).",
    ),
    HotKind.HOTSHOT: (
        "Hotshots",
        "hotshot",
        "Veelplegers. Alleen een label (pseudoniem of groep, bijvoorbeeld 'Top-X') en een "
        "aantal: nooit een naam. Namen blijven in de politiesystemen.",
    ),
    HotKind.HOTGROUP: (
        "Hotgroups",
        "hotgroup",
        "Groepen daders of netwerken, beschreven als groep.",
    ),
    HotKind.HOTVICTIM: (
        "Hotvictims",
        "hotvictim",
        "Groepen slachtoffers die vaker getroffen worden, bijvoorbeeld ouderen.",
    ),
    HotKind.HOTTIME: (
        "Hottimes",
        "hottime",
        "Tijden met veel inbraken: maanden, dagen, uren (zie ook de Donkere Dagen).",
    ),
    HotKind.HOTTARGET: (
        "Hottargets",
        "hottarget",
        "Soorten woningen of buit die inbrekers zoeken.",
    ),
    HotKind.HOTFACILITY: (
        "Hotfacilities",
        "hotfacility",
        "Voorzieningen die inbraken mogelijk maken, zoals helingpunten.",
    ),
}


class ProblemPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        layout = page_layout(
            self,
            self.tr("Probleembeschrijving"),
            self.tr(
                "Het probleem langs de zeven hots, met de bron van elk gegeven. Wijzigingen "
                "worden meteen bewaard; Ctrl+Z maakt ze ongedaan."
            ),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("hotTabs")
        layout.addWidget(self.tabs, 1)
        self.editors: dict[str, RecordEditor] = {}
        for kind, (title, noun, explanation) in KIND_TEXTS.items():
            editor = self._hot_item_editor(kind, noun)
            self._add_tab(kind.value, self.tr(title), self.tr(explanation), editor)
        bylaws = self._bylaw_editor()
        self._add_tab(
            "bylaw",
            self.tr("APV-instrumenten"),
            self.tr(
                "Bestuurlijke instrumenten uit de APV die de gemeente gebruikt of overweegt, "
                "zoals een verbod op het bezit van inbrekerswerktuigen."
            ),
            bylaws,
        )

    def refresh(self) -> None:
        for editor in self.editors.values():
            editor.refresh()

    def _add_tab(self, key: str, title: str, explanation: str, editor: RecordEditor) -> None:
        tab = QWidget()
        tab.setObjectName(f"tab_{key}")
        column = QVBoxLayout(tab)
        note = QLabel(explanation)
        note.setWordWrap(True)
        column.addWidget(note)
        column.addWidget(editor, 1)
        self.tabs.addTab(tab, title)
        self.editors[key] = editor

    def _hot_item_editor(self, kind: HotKind, noun: str) -> RecordEditor:
        workspace = self._context.workspace
        service = hot_item_service(workspace, partial(problem.list_hot_items, workspace, kind))
        columns = [Column(self.tr("Omschrijving"), lambda row: row.draft.label)]
        if kind is HotKind.HOTSPOT:
            columns.append(Column(self.tr("Buurtcode"), lambda row: row.draft.neighbourhood_code))
        if kind in problem.PEOPLE_KINDS:
            columns.append(Column(self.tr("Aantal"), _count))
        columns += [
            Column(self.tr("Bron"), lambda row: row.draft.source.label),
            Column(self.tr("Periode"), lambda row: row.draft.period),
        ]
        texts = RecordTexts(
            noun=noun,
            new_button=self.tr("&Nieuw…"),
            empty=self.tr(
                "Nog niets vastgelegd. Kies Nieuw (Ctrl+N) om een {noun} toe te voegen."
            ).format(noun=noun),
        )
        return RecordEditor(self._context, service, columns, partial(HotItemForm, kind), texts)

    def _bylaw_editor(self) -> RecordEditor:
        workspace = self._context.workspace
        service = RecordService(
            rows=partial(problem.list_bylaws, workspace),
            draft=lambda bylaw_id: problem.get_bylaw(workspace, bylaw_id).draft,
            check=problem.checked_bylaw,
            add=partial(problem.add_bylaw, workspace),
            update=partial(problem.update_bylaw, workspace),
            delete=partial(problem.delete_bylaw, workspace),
            restore=partial(restore_record, workspace),
            name_of=lambda draft: draft.name,
        )
        columns = [
            Column(self.tr("Instrument"), lambda row: row.draft.name),
            Column(self.tr("Status"), lambda row: row.draft.status.label),
        ]
        texts = RecordTexts(
            noun=self.tr("APV-instrument"),
            new_button=self.tr("&Nieuw…"),
            empty=self.tr(
                "Nog geen APV-instrumenten. Kies Nieuw (Ctrl+N) om er een toe te voegen."
            ),
        )
        return RecordEditor(self._context, service, columns, BylawForm, texts)


def _count(row: problem.HotItemRow) -> str:
    return "" if row.draft.person_count is None else str(row.draft.person_count)
