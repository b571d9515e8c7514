"""Actielijst: every action with owner, due date and status; search, filter, edit, export."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.actions import actions
from app.core.actions.actions import ActionInput, ActionRow
from app.core.matrix.measures import measure_choices
from app.core.meetings.meetings import meeting_choices
from app.kernel.errors import FieldError, RecordGoneError, UserError
from app.kernel.paths import data_dir
from app.ui.actions.action_form import ActionDialog
from app.ui.actions.action_table_model import (
    DUE,
    MEASURE,
    MEETING,
    OWNER,
    ROW_ID_ROLE,
    START,
    STATUS,
    TITLE,
    ActionFilter,
    ActionProxy,
    ActionTableModel,
)
from app.ui.widgets.background import Job
from app.ui.widgets.confirm import ask
from app.ui.widgets.form_widgets import DateField
from app.ui.widgets.page_heading import style_heading
from app.ui.widgets.record_form import ERROR_STYLE
from app.ui.window.context import ScreenContext
from app.ui.window.shortcuts import screen_shortcut
from database.enums import ActionStatus

OPEN_STATES = frozenset({ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value})
EXPORT_PROGRESS_AFTER_MS = 400
COLUMN_WIDTHS = {OWNER: 150, START: 88, DUE: 88, STATUS: 80, MEASURE: 200, MEETING: 200}


class ActionDelegate(QStyledItemDelegate):
    """Inline editors: a list of statuses, and dates typed as dd-mm-jjjj."""

    def createEditor(  # noqa: N802 - Qt override
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        if index.column() == STATUS:
            combo = QComboBox(parent)
            for status in ActionStatus:
                combo.addItem(status.label, status.value)
            return combo
        if index.column() in (START, DUE):
            return DateField(parent)
        return super().createEditor(parent, option, index)

    def setEditorData(  # noqa: N802 - Qt override
        self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
            return
        if isinstance(editor, DateField):
            shown = index.data(Qt.ItemDataRole.EditRole)
            editor.set_value(shown.toPython() if isinstance(shown, QDate) else date.today())
            return
        super().setEditorData(editor, index)

    def setModelData(  # noqa: N802 - Qt override
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, DateField):
            # A text that is no date keeps the date the cell had (the field said why).
            if not editor.problem():
                model.setData(index, QDate(editor.value()), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class ActionListPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._workspace = context.workspace
        self._job: Job | None = None
        self.dialog: ActionDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.model = ActionTableModel()
        self.model.edit_requested.connect(self._edit_inline)
        self.proxy = ActionProxy(self)
        self.proxy.setSourceModel(self.model)

        heading = QLabel(self.tr("Actielijst"))
        style_heading(heading)
        self._count = QLabel()
        self._count.setObjectName("actionCount")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self._count)

        self.search = QLineEdit()
        self.search.setObjectName("actionSearch")
        self.search.setPlaceholderText(
            self.tr("Zoeken in omschrijving, actiehouder, maatregel… (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Zoeken in acties"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Filter op status"))
        self.status_filter.addItem(self.tr("Alle statussen"), None)
        self.status_filter.addItem(self.tr("Open en lopend"), "active")
        for status in ActionStatus:
            self.status_filter.addItem(status.label, status.value)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.owner_filter.setAccessibleName(self.tr("Filter op actiehouder"))
        self.meeting_filter = QComboBox()
        self.meeting_filter.setObjectName("meetingFilter")
        self.meeting_filter.setAccessibleName(self.tr("Filter op overleg"))
        self.meeting_filter.setMaximumWidth(260)
        self.overdue_only = QCheckBox(self.tr("Alleen &te laat"))
        self.overdue_only.setObjectName("overdueOnly")
        for combo in (self.status_filter, self.owner_filter, self.meeting_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.overdue_only.toggled.connect(self._apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.owner_filter, 1)
        filters.addWidget(self.meeting_filter, 1)
        filters.addWidget(self.overdue_only)

        self.new_button = QPushButton(self.tr("&Nieuwe actie"))
        self.new_button.setObjectName("newAction")
        self.new_button.setToolTip(self.tr("Nieuwe actie (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_action)
        self.edit_button = QPushButton(self.tr("B&ewerken…"))
        self.edit_button.clicked.connect(self.edit_current)
        self.status_button = QToolButton()
        self.status_button.setObjectName("bulkStatus")
        self.status_button.setText(self.tr("&Status van selectie"))
        self.status_button.setAccessibleName(self.tr("Status van de geselecteerde acties wijzigen"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        status_menu = QMenu(self.status_button)
        for status in ActionStatus:
            menu_action = status_menu.addAction(
                self.tr("Zet op '{status}'").format(status=status.label)
            )
            menu_action.setObjectName(f"setStatus_{status.value}")
            menu_action.triggered.connect(lambda _=False, s=status: self.set_selected_status(s))
        self.status_button.setMenu(status_menu)
        self.delete_button = QPushButton(self.tr("&Verwijderen"))
        self.delete_button.setToolTip(self.tr("Geselecteerde acties verwijderen (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(self.tr("E&xporteren naar Excel…"))
        self.export_button.setObjectName("exportActions")
        self.export_button.clicked.connect(self.choose_export)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.status_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.message = QLabel()
        self.message.setObjectName("actionMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

        self.table = QTableView()
        self.table.setObjectName("actionTable")
        self.table.setAccessibleName(self.tr("Acties"))
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(ActionDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open_linked)

        self._legend = QLabel(
            self.tr("Rood gemarkeerd: de termijn is verstreken en de actie is nog open of lopend.")
        )
        self._legend.setObjectName("overdueLegend")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._legend)

        screen_shortcut(self, QKeySequence.StandardKey.New, self.new_action)
        screen_shortcut(self, QKeySequence.StandardKey.Find, self.focus_search)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.delete_selected)
        self.refresh()

    # Loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        # 100,000 rows are built as tuples that live as long as the screen: collecting garbage
        # while they are built only walks them again and again (a sixth of the opening).
        gc.disable()
        try:
            self.model.load(actions.action_list(self._workspace))
        finally:
            gc.enable()
        self._fill_filter_choices()
        self._update_count()

    def _fill_filter_choices(self) -> None:
        owner = self.owner_filter.currentData()
        meeting = self.meeting_filter.currentData()
        for combo in (self.owner_filter, self.meeting_filter):
            combo.blockSignals(True)
            combo.clear()
        self.owner_filter.addItem(self.tr("Alle actiehouders"), None)
        for name in self.model.owners():
            self.owner_filter.addItem(name, name)
        self.meeting_filter.addItem(self.tr("Alle overleggen"), None)
        for meeting_id, text in meeting_choices(self._workspace):
            self.meeting_filter.addItem(text, meeting_id)
        self.owner_filter.setCurrentIndex(max(self.owner_filter.findData(owner), 0))
        self.meeting_filter.setCurrentIndex(max(self.meeting_filter.findData(meeting), 0))
        for combo in (self.owner_filter, self.meeting_filter):
            combo.blockSignals(False)

    def _reload(self, ids: Iterable[str]) -> None:
        wanted = list(ids)
        self.model.replace(wanted, actions.action_list(self._workspace, wanted))
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        if shown == total:
            text = self.tr("{n} acties").format(n=f"{total:,}".replace(",", "."))
        else:
            text = self.tr("{shown} van {total} acties").format(
                shown=f"{shown:,}".replace(",", "."), total=f"{total:,}".replace(",", ".")
            )
        self._count.setText(text)

    # Filters ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_filter(self) -> None:
        status = self.status_filter.currentData()
        if status == "active":
            statuses = OPEN_STATES
        elif status:
            statuses = frozenset({status})
        else:
            statuses = frozenset()
        current, selected = self._selected_ids()
        self.model.set_filter(
            ActionFilter(
                text=self.search.text(),
                statuses=statuses,
                owner=self.owner_filter.currentData(),
                overdue_only=self.overdue_only.isChecked(),
                meeting_id=self.meeting_filter.currentData(),
            )
        )
        self._select_ids(current, selected)
        self._update_count()

    def _selected_ids(self) -> tuple[str | None, list[str]]:
        """The current action and the selected ones, by id (a filter renumbers the rows)."""
        current = self.table.currentIndex()
        selected = self.table.selectionModel().selectedRows()
        return (
            current.data(ROW_ID_ROLE) if current.isValid() else None,
            [index.data(ROW_ID_ROLE) for index in selected],
        )

    def _select_ids(self, current: str | None, selected: list[str]) -> None:
        """Select again what was selected, where it is still shown (as Anki's browser does)."""
        if current is None and not selected:
            return
        rows = self.model.rows_of([*selected, *([current] if current else [])])
        last_column = self.proxy.columnCount() - 1
        selection = QItemSelection()
        for action_id in selected:
            row = rows.get(action_id)
            if row is not None:
                selection.select(self.proxy.index(row, 0), self.proxy.index(row, last_column))
        chooser = self.table.selectionModel()
        chooser.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if current in rows:
            column = max(self.table.currentIndex().column(), 0)
            chooser.setCurrentIndex(
                self.proxy.index(rows[current], column), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    # Editing ------------------------------------------------------------------------------

    def selected_rows(self) -> list[ActionRow]:
        rows = {
            self.proxy.mapToSource(index).row()
            for index in self.table.selectionModel().selectedRows()
        }
        return [self.model.row_at(row) for row in sorted(rows)]

    def new_action(self) -> ActionDialog:
        dialog = self._dialog(
            self.tr("Nieuwe actie"), ActionInput(title="", start_date=date.today())
        )
        dialog.accepted.connect(
            lambda: push_new_action(self._context, dialog.result_input, self._reload)
        )
        dialog.open()
        return dialog

    def edit_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self._say(self.tr("Kies eerst een actie in de lijst."))
            return
        action_id = self.model.row_at(self.proxy.mapToSource(index).row()).id
        try:
            draft = actions.action_input(self._workspace, action_id)
        except RecordGoneError as error:
            self._gone(error)
            return
        dialog = self._dialog(self.tr("Actie bewerken"), draft)
        dialog.accepted.connect(lambda: self._push_update(action_id, dialog.result_input))
        dialog.open()

    def _dialog(self, title: str, draft: ActionInput) -> ActionDialog:
        dialog = ActionDialog(
            title, draft, measure_choices(self._workspace), meeting_choices(self._workspace), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        return dialog

    def _open_linked(self, index: QModelIndex) -> None:
        if index.column() in (MEASURE, MEETING):
            self.edit_current()

    def _edit_inline(self, action_id: str, field: str, value: object) -> None:
        try:
            changed = replace(actions.action_input(self._workspace, action_id), **{field: value})
            clean = actions.validate_action(changed)
        except RecordGoneError as error:
            self._gone(error)
            return
        except FieldError as error:
            self._say(error.message)
            return
        self._push_update(action_id, clean)

    def _push_update(self, action_id: str, data: ActionInput) -> None:
        try:
            before = actions.action_input(self._workspace, action_id)
        except RecordGoneError as error:
            self._gone(error)
            return
        if before == data:
            return
        self.message.hide()
        self._context.undo.edit(
            self.tr("Actie '{title}' wijzigen").format(title=data.title),
            lambda: actions.update_action(self._workspace, action_id, data),
            lambda: actions.update_action(self._workspace, action_id, before),
            lambda: self._reload([action_id]),
            refused=self._refused,
        )

    def set_selected_status(self, status: ActionStatus) -> None:
        rows = [row for row in self.selected_rows() if row.status is not status]
        if not rows:
            self._say(self.tr("Selecteer eerst de acties waarvan u de status wilt wijzigen."))
            return
        ids = [row.id for row in rows]
        before = actions.status_snapshot(self._workspace, ids)
        self.message.hide()
        self._context.undo.edit(
            self.tr("{n} actie(s) op '{status}' zetten").format(n=len(ids), status=status.label),
            lambda: actions.set_status(self._workspace, ids, status),
            lambda: actions.restore_status(self._workspace, before),
            lambda: self._reload(ids),
            refused=self._refused,
        )

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            self._say(self.tr("Selecteer eerst de acties die u wilt verwijderen."))
            return
        question = (
            self.tr("Actie '{title}' verwijderen?").format(title=rows[0].title)
            if len(rows) == 1
            else self.tr("{n} acties verwijderen?").format(n=len(rows))
        )
        ids = [row.id for row in rows]

        def delete() -> None:
            snapshots = actions.action_snapshots(self._workspace, ids)
            self._context.undo.edit(
                self.tr("{n} actie(s) verwijderen").format(n=len(ids)),
                lambda: actions.delete_actions(self._workspace, ids),
                lambda: actions.restore_actions(self._workspace, snapshots),
                lambda: self._reload(ids),
                refused=self._refused,
            )

        self.confirm_box = ask(
            self,
            self.tr("Verwijderen"),
            question + "\n" + self.tr("U kunt dit ongedaan maken met Ctrl+Z."),
            delete,
        )

    def _refused(self, error: UserError) -> None:
        self._say(error.message)

    def _gone(self, error: RecordGoneError) -> None:
        """The action was deleted elsewhere: say so and show the list as it is now."""
        self._say(error.message)
        self.refresh()

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    # Export -------------------------------------------------------------------------------

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Actielijst exporteren"),
            str(data_dir() / f"actielijst-{date.today():%Y-%m-%d}.xlsx"),
            self.tr("Excel-werkmap (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Job:
        """Write the rows as shown (filtered and sorted) to `path` on a background thread."""
        # openpyxl loads when the user exports, not when the screen opens (about a second).
        from app.core.actions.export import export_actions

        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        shown = self.model.visible_list()
        today = date.today()
        progress = QProgressDialog(
            self.tr("Actielijst wordt geëxporteerd…"),
            self.tr("Annuleren"),
            0,
            len(shown.rows),
            self,
        )
        progress.setWindowTitle(self.tr("Exporteren"))
        progress.setMinimumDuration(EXPORT_PROGRESS_AFTER_MS)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        job = self._context.jobs.start(
            lambda report, cancelled: export_actions(path, shown, today, report, cancelled),
            lambda _: self._export_done(progress, path, len(shown.rows)),
            lambda error: self._export_failed(progress, error),
            progress=progress.setValue,
        )
        progress.canceled.connect(job.cancel)
        self.export_button.setEnabled(False)
        self._job = job
        return job

    def _export_done(self, progress: QProgressDialog, path: Path, count: int) -> None:
        progress.close()
        self.export_button.setEnabled(True)
        self._context.shell.show_status(
            self.tr("{n} acties geëxporteerd naar {path}").format(n=count, path=path)
        )

    def _export_failed(self, progress: QProgressDialog, error: object) -> None:
        from app.core.actions.export import ExportCancelledError

        progress.close()
        self.export_button.setEnabled(True)
        if isinstance(error, ExportCancelledError):
            self._context.shell.show_status(self.tr("Export geannuleerd; er is niets opgeslagen."))
        elif isinstance(error, UserError):
            QMessageBox.warning(self, self.tr("Export mislukt"), error.message)
        else:
            raise error  # type: ignore[misc]


def push_new_action(
    context: ScreenContext,
    data: ActionInput,
    after: Callable[[list[str]], None] | None = None,
) -> str | None:
    """Store a new action through the undo facade; redo recreates it with the same id.

    Returns the new action's id, or None when the workspace refused it (the status bar says
    why)."""
    created: dict[str, str] = {}
    workspace = context.workspace

    def apply() -> None:
        created["id"] = actions.add_action(workspace, data, created.get("id"))

    def refresh() -> None:
        if after is not None:
            after([created["id"]])

    context.undo.edit(
        QCoreApplication.translate("ActionListPage", "Actie '{title}' toevoegen").format(
            title=data.title
        ),
        apply,
        lambda: actions.delete_actions(workspace, [created["id"]]),
        refresh,
    )
    return created.get("id")
