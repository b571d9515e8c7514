"""Overleggen: the meetings of the three tiers, their decisions, and actions made from them.

The werkgroep calendar of the memo is offered, not inserted silently: a gemeente without
any tactical meeting sees a button "Werkgroepkalender invullen". Filling it is one undoable
step, and just looking at the screen never changes the workspace.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.actions import actions
from app.core.matrix.measures import measure_choices
from app.core.meetings import meetings
from app.core.meetings.meetings import DecisionRow, MeetingInput, MeetingRow
from app.kernel.errors import FieldError
from app.ui.actions.action_form import ActionDialog
from app.ui.actions.action_list_page import push_new_action
from app.ui.meetings.meeting_form import MeetingForm
from app.ui.widgets.confirm import ask
from app.ui.widgets.new_record_dialog import NewRecordDialog
from app.ui.widgets.page_heading import style_heading
from app.ui.widgets.record_form import ERROR_STYLE
from app.ui.widgets.rows_model import Column, RowsTableModel
from app.ui.window.context import ScreenContext
from app.ui.window.shortcuts import screen_shortcut
from database.enums import MeetingTier

DECISION_ID_ROLE = Qt.ItemDataRole.UserRole


def _meeting_columns() -> tuple[Column, ...]:
    return (
        Column("Datum", lambda row: f"{row.data.held_on:%d-%m-%Y}"),
        Column("Niveau", lambda row: row.data.tier.label),
        Column("Overleg", lambda row: row.data.title),
        Column("Besluiten", lambda row: str(row.decision_count) if row.decision_count else ""),
    )


class MeetingsPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._workspace = context.workspace
        self._rows: tuple[MeetingRow, ...] = ()
        self._decisions: tuple[DecisionRow, ...] = ()
        self._current_id: str | None = None
        self.dialog: QDialog | None = None
        self.confirm_box: QMessageBox | None = None

        heading = QLabel(self.tr("Overleggen"))
        style_heading(heading)
        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("tierFilter")
        self.tier_filter.setAccessibleName(self.tr("Filter op niveau"))
        self.tier_filter.addItem(self.tr("Alle niveaus"), None)
        for tier in MeetingTier:
            self.tier_filter.addItem(tier.label, tier.value)
        self.tier_filter.currentIndexChanged.connect(self._show_rows)
        self.new_button = QPushButton(self.tr("&Nieuw overleg…"))
        self.new_button.setObjectName("newMeeting")
        self.new_button.setToolTip(self.tr("Nieuw overleg (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_meeting)
        self.delete_button = QPushButton(self.tr("Overleg &verwijderen"))
        self.delete_button.setToolTip(self.tr("Gekozen overleg verwijderen (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.tier_filter)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)

        self.calendar_banner = QFrame()
        self.calendar_banner.setObjectName("calendarBanner")
        self.calendar_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.calendar_banner)
        banner_text = QLabel(
            self.tr(
                "Er staat nog geen werkgroep (tactisch overleg) in de agenda. Het projectplan "
                "plant de werkgroep eens per twee maanden: november 2017, dan januari, maart, "
                "mei, juli, september en november 2018."
            )
        )
        banner_text.setWordWrap(True)
        self.calendar_button = QPushButton(self.tr("Werkgroep&kalender invullen"))
        self.calendar_button.setObjectName("fillCalendar")
        self.calendar_button.clicked.connect(self.fill_calendar)
        banner.addWidget(banner_text, 1)
        banner.addWidget(self.calendar_button)

        self.model = RowsTableModel(
            [Column(self.tr(c.title), c.text) for c in _meeting_columns()], self
        )
        self.table = QTableView()
        self.table.setObjectName("meetingTable")
        self.table.setAccessibleName(self.tr("Overleggen"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._meeting_chosen)

        self.form = MeetingForm()
        self.form.setObjectName("meetingForm")
        self.form.edited.connect(self._save_form)
        self.decisions = QListWidget()
        self.decisions.setObjectName("decisionList")
        self.decisions.setAccessibleName(self.tr("Besluiten"))
        self.decisions.setWordWrap(True)
        self.decisions.setMinimumHeight(90)
        self.decisions.itemDoubleClicked.connect(lambda _: self.action_from_decision())
        self.decision_text = QLineEdit()
        self.decision_text.setObjectName("decisionText")
        self.decision_text.setPlaceholderText(self.tr("Nieuw besluit, bijv. 'Buurtapp starten'"))
        self.decision_text.setAccessibleName(self.tr("Tekst van een nieuw besluit"))
        self.decision_text.returnPressed.connect(self.add_decision)
        self.decision_error = QLabel()
        self.decision_error.setObjectName("decisionError")
        self.decision_error.setStyleSheet(ERROR_STYLE)
        self.decision_error.hide()
        self.add_decision_button = QPushButton(self.tr("Besluit t&oevoegen"))
        self.add_decision_button.setObjectName("addDecision")
        self.add_decision_button.clicked.connect(self.add_decision)
        self.action_button = QPushButton(self.tr("&Actie maken van besluit…"))
        self.action_button.setObjectName("actionFromDecision")
        self.action_button.clicked.connect(self.action_from_decision)
        self.delete_decision_button = QPushButton(self.tr("Besluit verwijderen"))
        self.delete_decision_button.clicked.connect(self.delete_decision)
        decision_entry = QHBoxLayout()
        decision_entry.addWidget(self.decision_text, 1)
        decision_entry.addWidget(self.add_decision_button)
        decision_buttons = QHBoxLayout()
        decision_buttons.addWidget(self.action_button)
        decision_buttons.addWidget(self.delete_decision_button)
        decision_buttons.addStretch(1)
        decisions_title = QLabel(self.tr("Besluiten"))
        bold = decisions_title.font()
        bold.setBold(True)
        decisions_title.setFont(bold)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        detail_layout.addWidget(self.form)
        detail_layout.addWidget(decisions_title)
        detail_layout.addWidget(self.decisions, 1)
        detail_layout.addLayout(decision_entry)
        detail_layout.addWidget(self.decision_error)
        detail_layout.addLayout(decision_buttons)
        self.detail = QScrollArea()
        self.detail.setWidgetResizable(True)
        self.detail.setWidget(detail)
        self.empty_hint = QLabel(
            self.tr("Nog geen overleg. Kies 'Nieuw overleg' (Ctrl+N) om er een vast te leggen.")
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty_hint)
        right_layout.addWidget(self.detail, 1)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 560])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.calendar_banner)
        layout.addWidget(splitter, 1)

        screen_shortcut(self, QKeySequence.StandardKey.New, self.new_meeting)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.delete_current)
        self.refresh()

    # Loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._rows = meetings.meeting_rows(self._workspace)
        self.calendar_banner.setVisible(not meetings.has_werkgroep_meetings(self._workspace))
        self._show_rows()

    def _show_rows(self) -> None:
        tier = self.tier_filter.currentData()
        shown = [row for row in self._rows if tier is None or row.data.tier.value == tier]
        self.model.set_rows(shown)
        row = self.model.row_of(self._current_id) if self._current_id else -1
        if row < 0 and shown:
            row = _next_meeting_row(shown)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._meeting_chosen()

    def _meeting_chosen(self, *_: object) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        self._current_id = row.id if row else None
        self.detail.setVisible(row is not None)
        self.empty_hint.setVisible(row is None)
        self.delete_button.setEnabled(row is not None)
        if row is None:
            return
        self.form.set_draft(row.data)
        self._show_decisions()

    def _show_decisions(self) -> None:
        assert self._current_id is not None
        self._decisions = meetings.decision_rows(self._workspace, self._current_id)
        chosen = self.decisions.currentRow()
        self.decisions.clear()
        for decision in self._decisions:
            text = decision.text
            if decision.action_count:
                text += "  " + self.tr("({n} actie(s))").format(n=decision.action_count)
            item = QListWidgetItem(text)
            item.setData(DECISION_ID_ROLE, decision.id)
            self.decisions.addItem(item)
        if self.decisions.count():
            self.decisions.setCurrentRow(min(max(chosen, 0), self.decisions.count() - 1))
        has_decision = bool(self._decisions)
        self.action_button.setEnabled(has_decision)
        self.delete_decision_button.setEnabled(has_decision)

    def current_meeting(self) -> MeetingRow | None:
        return next((row for row in self._rows if row.id == self._current_id), None)

    def current_decision(self) -> DecisionRow | None:
        item = self.decisions.currentItem()
        wanted = item.data(DECISION_ID_ROLE) if item else None
        return next((d for d in self._decisions if d.id == wanted), None)

    # Meetings -----------------------------------------------------------------------------

    def new_meeting(self) -> NewRecordDialog:
        form = MeetingForm()
        form.set_draft(MeetingInput(tier=MeetingTier.OPERATIONAL, title="", held_on=date.today()))
        dialog = NewRecordDialog(self.tr("Nieuw overleg"), form, meetings.validate_meeting, self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._push_new(dialog.checked_draft))
        self.dialog = dialog
        dialog.open()
        form.field("title").setFocus()
        return dialog

    def _push_new(self, data: object) -> None:
        if not isinstance(data, MeetingInput):
            return
        created: dict[str, str] = {}

        def apply() -> None:
            created["id"] = meetings.add_meeting(self._workspace, data, created.get("id"))

        self._context.undo.edit(
            self.tr("Overleg '{title}' toevoegen").format(title=data.title),
            apply,
            lambda: meetings.delete_meetings(self._workspace, [created["id"]]),
            lambda: self._after_change(created.get("id")),
        )
        self.decision_text.setFocus()

    def _save_form(self) -> None:
        row = self.current_meeting()
        if row is None:
            return
        data = self.form.checked(meetings.validate_meeting)
        if data is None:
            return
        before = row.data
        if data == before:
            return
        self._context.undo.edit(
            self.tr("Overleg '{title}' wijzigen").format(title=data.title),
            lambda: meetings.update_meeting(self._workspace, row.id, data),
            lambda: meetings.update_meeting(self._workspace, row.id, before),
            lambda: self._after_change(row.id),
        )

    def delete_current(self) -> None:
        row = self.current_meeting()
        if row is None:
            return
        snapshot: dict[str, meetings.MeetingSnapshot] = {}

        def apply() -> None:
            snapshot["it"] = meetings.delete_meeting(self._workspace, row.id)

        def delete() -> None:
            self._current_id = None
            self._context.undo.edit(
                self.tr("Overleg '{title}' verwijderen").format(title=row.data.title),
                apply,
                lambda: meetings.restore_meeting(self._workspace, snapshot["it"]),
                lambda: self._after_change(None),
            )

        self.confirm_box = ask(
            self,
            self.tr("Overleg verwijderen"),
            self.tr(
                "Overleg '{title}' van {day} met zijn besluiten verwijderen? Acties die eruit "
                "voortkwamen blijven bestaan.\nU kunt dit ongedaan maken met Ctrl+Z."
            ).format(title=row.data.title, day=f"{row.data.held_on:%d-%m-%Y}"),
            delete,
        )

    def fill_calendar(self) -> None:
        added: dict[str, tuple[str, ...]] = {}

        def apply() -> None:
            added["ids"] = meetings.fill_werkgroep_calendar(self._workspace)

        self._context.undo.edit(
            self.tr("Werkgroepkalender invullen"),
            apply,
            lambda: meetings.delete_meetings(self._workspace, added["ids"]),
            lambda: self._after_change(None),
        )

    def _after_change(self, meeting_id: str | None) -> None:
        if meeting_id is not None:
            self._current_id = meeting_id
        self.refresh()

    # Decisions ----------------------------------------------------------------------------

    def add_decision(self) -> None:
        meeting = self.current_meeting()
        if meeting is None:
            return
        text = self.decision_text.text()
        try:
            meetings.validate_decision(text)
        except FieldError as error:
            self.decision_error.setText(error.message)
            self.decision_error.show()
            self.decision_text.setFocus()
            return
        self.decision_error.hide()
        created: dict[str, str] = {}

        def apply() -> None:
            created["id"] = meetings.add_decision(
                self._workspace, meeting.id, text, created.get("id")
            )

        self._context.undo.edit(
            self.tr("Besluit toevoegen"),
            apply,
            lambda: meetings.delete_decision(self._workspace, created["id"]),
            lambda: self._after_change(meeting.id),
        )
        self.decision_text.clear()
        self.decisions.setCurrentRow(self.decisions.count() - 1)

    def delete_decision(self) -> None:
        decision = self.current_decision()
        if decision is None:
            return
        linked: dict[str, tuple[str, ...]] = {}

        def apply() -> None:
            linked["ids"] = meetings.delete_decision(self._workspace, decision.id)

        def delete() -> None:
            self._context.undo.edit(
                self.tr("Besluit verwijderen"),
                apply,
                lambda: meetings.restore_decision(self._workspace, decision, linked["ids"]),
                lambda: self._after_change(decision.meeting_id),
            )

        self.confirm_box = ask(
            self,
            self.tr("Besluit verwijderen"),
            self.tr(
                "Besluit '{text}' verwijderen? Acties die eruit voortkwamen blijven bestaan.\n"
                "U kunt dit ongedaan maken met Ctrl+Z."
            ).format(text=decision.text),
            delete,
        )

    def action_from_decision(self) -> ActionDialog | None:
        """Open a new action pre-filled from the chosen decision (meeting, date, text)."""
        decision = self.current_decision()
        if decision is None:
            return None
        dialog = ActionDialog(
            self.tr("Actie maken van besluit"),
            actions.decision_action_input(self._workspace, decision.id),
            measure_choices(self._workspace),
            meetings.meeting_choices(self._workspace),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        meeting_id = decision.meeting_id
        dialog.accepted.connect(
            lambda: push_new_action(
                self._context, dialog.result_input, lambda _ids: self._after_change(meeting_id)
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog


def _next_meeting_row(rows: list[MeetingRow]) -> int:
    """The first meeting from today on (rows are newest first), else the newest."""
    today = date.today()
    upcoming = [n for n, row in enumerate(rows) if row.data.held_on >= today]
    return upcoming[-1] if upcoming else 0
