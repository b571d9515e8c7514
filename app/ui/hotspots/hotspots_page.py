"""Hotspots: the list, and per hotspot its problem analysis and its DIK request."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TypeVar, cast

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.hotspots import hotspot_list, hotspots
from app.core.hotspots.hotspot_list import HotspotRow
from app.core.hotspots.hotspots import AnalysisDraft, DeepAnalysisDraft
from app.kernel.workspace import Workspace
from app.ui.hotspots.analysis_form_bar import FormBar
from app.ui.hotspots.hotspot_forms import AnalysisForm, DeepAnalysisForm
from app.ui.hotspots.proposed_measures_box import ProposedMeasuresBox
from app.ui.plan.problem_forms import HotItemForm, hot_item_service
from app.ui.widgets.form_widgets import scrolling, top_aligned
from app.ui.widgets.page_heading import page_layout
from app.ui.widgets.record_editor import RecordEditor, RecordTexts
from app.ui.widgets.record_form import RecordForm
from app.ui.widgets.rows_model import Column
from app.ui.window.context import ScreenContext
from database.enums import HotKind

# What a hotspot panel stores: the analysis or the DIK request.
Stored = TypeVar("Stored")


class HotspotsPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        workspace = context.workspace
        layout = page_layout(
            self,
            self.tr("Hotspots"),
            self.tr(
                "Per hotspot de probleemanalyse van de wijkagent en de stand van een "
                "verdiepende analyse door de DIK. Alles wordt meteen bewaard."
            ),
        )

        service = hot_item_service(workspace, partial(hotspot_list.list_hotspots, workspace))
        columns = [
            Column(self.tr("Hotspot"), lambda row: row.label),
            Column(self.tr("Buurtcode"), lambda row: row.neighbourhood_code),
            Column(self.tr("Analyse"), self._analysis_text),
            Column(self.tr("DIK"), lambda row: row.deep_state.label if row.deep_state else "—"),
        ]
        texts = RecordTexts(
            noun=self.tr("hotspot"),
            new_button=self.tr("&Nieuwe hotspot…"),
            empty=self.tr(
                "Nog geen hotspots. Kies Nieuwe hotspot (Ctrl+N) en vul daarna de "
                "probleemanalyse in."
            ),
        )
        self.analysis = AnalysisPanel(context)
        self.deep_analysis = DeepAnalysisPanel(context)
        self.editor = RecordEditor(
            context,
            service,
            columns,
            partial(HotItemForm, HotKind.HOTSPOT),
            texts,
            detail=self._detail,
            sizes=(420, 680),
        )
        self.analysis.editor = self.deep_analysis.editor = self.editor
        self.analysis.form_bar.editor = self.analysis.proposed.editor = self.editor
        self.editor.current_changed.connect(self.analysis.show_hotspot)
        self.editor.current_changed.connect(self.deep_analysis.show_hotspot)
        self.analysis.show_hotspot(self.editor.current_id())
        self.deep_analysis.show_hotspot(self.editor.current_id())
        layout.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.refresh()

    def _analysis_text(self, row: HotspotRow) -> str:
        if row.analysis_state is None:
            return self.tr("ontbreekt")
        return row.analysis_state.label

    def show_hotspot(self, hotspot_id: str) -> None:
        self.editor.select(hotspot_id)

    def _detail(self, form: RecordForm) -> QWidget:
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("hotspotTabs")
        self.detail_tabs.addTab(self.analysis, self.tr("Probleemanalyse"))
        self.detail_tabs.addTab(self.deep_analysis, self.tr("Verdiepende analyse (DIK)"))
        self.detail_tabs.addTab(scrolling(top_aligned(form)), self.tr("Gegevens hotspot"))
        return self.detail_tabs


class HotspotPanel(QWidget):
    """A tab about the hotspot selected in the list; its edits go on the list's undo stack."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.editor: RecordEditor | None = None
        self._hotspot_id = ""

    def _push(self, text: str, apply: Callable[[], object], revert: Callable[[], object]) -> None:
        assert self.editor is not None
        self.editor.push(text, apply, revert, select=self._hotspot_id)

    def _save_form(
        self,
        text: str,
        form: RecordForm,
        before: Stored | None,
        blank: Stored | None,
        check: Callable[[Stored], object],
        store: Callable[[Workspace, str, Stored | None], None],
    ) -> None:
        """Save the form's draft unless it is unchanged (`blank` stands for nothing stored)."""
        hotspot_id = self._hotspot_id
        workspace = self._context.workspace
        after = form.draft()
        if after == (before or blank) or form.checked(check) is None:
            return
        self._push(
            text,
            lambda: store(workspace, hotspot_id, cast(Stored, after)),
            lambda: store(workspace, hotspot_id, before),
        )


class AnalysisPanel(HotspotPanel):
    """The current version of the analysis; every finished edit is saved and undoable."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.version_label = QLabel()
        self.version_label.setObjectName("analysisVersion")
        top.addWidget(self.version_label, 1)
        self.new_version_button = QPushButton(self.tr("Nieuwe versie beg&innen"))
        self.new_version_button.setToolTip(
            self.tr("Begin een lege analyse; de vorige versie blijft bewaard.")
        )
        self.new_version_button.clicked.connect(self._new_version)
        top.addWidget(self.new_version_button)
        layout.addLayout(top)
        self.form_bar = FormBar(context)
        layout.addWidget(self.form_bar)
        self.form = AnalysisForm()
        self.form.edited.connect(self._save)
        layout.addWidget(scrolling(top_aligned(self.form)), 1)
        self.proposed = ProposedMeasuresBox(context)
        layout.addWidget(self.proposed)

    def show_hotspot(self, hotspot_id: str) -> None:
        self._hotspot_id = hotspot_id
        self.form_bar.show_hotspot(hotspot_id)
        self.proposed.show_hotspot(hotspot_id)
        if not hotspot_id:
            return
        current = hotspots.current_analysis(self._context.workspace, hotspot_id)
        self.form.set_draft(current or AnalysisDraft())
        version = self._version()
        if version:
            self.version_label.setText(self.tr("Versie {n}").format(n=version))
        else:
            self.version_label.setText(self.tr("Nog geen analyse: wat u invult wordt versie 1."))
        self.new_version_button.setEnabled(bool(version))

    def _version(self) -> int:
        return hotspot_list.get_hotspot(self._context.workspace, self._hotspot_id).analysis_version

    def _save(self) -> None:
        self._save_form(
            self.tr("Probleemanalyse wijzigen"),
            self.form,
            hotspots.current_analysis(self._context.workspace, self._hotspot_id),
            AnalysisDraft(),
            hotspots.checked_analysis,
            hotspots.set_analysis,
        )

    def _new_version(self) -> None:
        hotspot_id = self._hotspot_id
        workspace = self._context.workspace
        started: list[int] = []
        self._push(
            self.tr("Nieuwe versie van de probleemanalyse"),
            lambda: started.append(hotspots.start_new_version(workspace, hotspot_id)),
            lambda: hotspots.drop_version(workspace, hotspot_id, started.pop()),
        )


class DeepAnalysisPanel(HotspotPanel):
    """The hotspot's request to the DIK, or a button to record one."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        self.none_label = QLabel(
            self.tr(
                "Voor deze hotspot is geen verdiepende analyse aangevraagd. Vraag er een aan "
                "bij de DIK als de probleemanalyse vragen open laat."
            )
        )
        self.none_label.setWordWrap(True)
        layout.addWidget(self.none_label)
        self.request_button = QPushButton(self.tr("&DIK-aanvraag vastleggen"))
        self.request_button.clicked.connect(self._request)
        layout.addWidget(self.request_button)
        self.form = DeepAnalysisForm()
        self.form.edited.connect(self._save)
        layout.addWidget(scrolling(top_aligned(self.form)), 1)

    def show_hotspot(self, hotspot_id: str) -> None:
        self._hotspot_id = hotspot_id
        if not hotspot_id:
            return
        current = hotspots.current_deep_analysis(self._context.workspace, hotspot_id)
        self.none_label.setVisible(current is None)
        self.request_button.setVisible(current is None)
        self.form.setVisible(current is not None)
        if current is not None:
            self.form.set_draft(current)

    def _request(self) -> None:
        hotspot_id = self._hotspot_id
        workspace = self._context.workspace
        draft = DeepAnalysisDraft(requested_on=date.today())
        self._push(
            self.tr("DIK-aanvraag vastleggen"),
            lambda: hotspots.set_deep_analysis(workspace, hotspot_id, draft),
            lambda: hotspots.set_deep_analysis(workspace, hotspot_id, None),
        )
        self.form.field("question").setFocus()

    def _save(self) -> None:
        self._save_form(
            self.tr("DIK-aanvraag wijzigen"),
            self.form,
            hotspots.current_deep_analysis(self._context.workspace, self._hotspot_id),
            None,
            hotspots.checked_deep_analysis,
            hotspots.set_deep_analysis,
        )
