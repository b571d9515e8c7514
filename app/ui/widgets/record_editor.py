"""A list of records beside the form of the selected one: the shape of most plan screens.

Everything saves at once: a finished edit in the form becomes one undoable command (one
service call each way), a new record comes from a dialog, and a delete is confirmed first
and can be undone. Shortcuts: Ctrl+N new, Delete (in the list) delete, Ctrl+F search.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.kernel.errors import RecordGoneError
from app.ui.widgets.form_widgets import scrolling, top_aligned
from app.ui.widgets.new_record_dialog import NewRecordDialog
from app.ui.widgets.record_form import RecordForm
from app.ui.widgets.rows_model import ID_ROLE, Column, RowsTableModel
from app.ui.window.context import ScreenContext
from app.ui.window.shortcuts import screen_shortcut

MAX_COLUMN = 150


@dataclass(frozen=True)
class RecordService:
    """The app/core calls behind one editor, bound to the open workspace."""

    rows: Callable[[], Sequence[Any]]
    draft: Callable[[str], object]
    check: Callable[[Any], object]
    add: Callable[[Any, str | None], str]
    update: Callable[[str, Any], None]
    delete: Callable[[str], object]
    restore: Callable[[Any], None]
    name_of: Callable[[Any], str]  # of a draft


@dataclass(frozen=True)
class RecordTexts:
    """The Dutch words for one kind of record."""

    noun: str  # "doelstelling"
    new_button: str  # "&Nieuwe doelstelling…"
    empty: str  # shown when nothing is selected


def confirm_delete(parent: QWidget, title: str, question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    delete = box.addButton(parent.tr("Verwijderen"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(parent.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is delete


class RecordEditor(QWidget):
    current_changed = Signal(str)  # the selected id, "" when none

    def __init__(
        self,
        context: ScreenContext,
        service: RecordService,
        columns: Sequence[Column],
        make_form: Callable[[], RecordForm],
        texts: RecordTexts,
        detail: Callable[[RecordForm], QWidget] | None = None,
        sizes: tuple[int, int] = (520, 580),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._service = service
        self._make_form = make_form
        self._texts = texts
        self.new_dialog: NewRecordDialog | None = None

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Zoeken (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Zoeken in de lijst"))
        self.search.setClearButtonEnabled(True)

        self.model = RowsTableModel(columns, self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._proxy.setFilterKeyColumn(-1)
        self._proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self._proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setAccessibleName(texts.noun.capitalize() + " " + self.tr("lijst"))
        self.table.setModel(self._proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        # While refresh() rebuilds the list, selection changes show nothing: it shows the
        # chosen record once at the end instead of loading it two or three times.
        self._refreshing = False
        self._shown_id = ""
        # A mouse click moves the current row before it selects it, the arrow keys do both at
        # once: follow both signals so the form shows whichever way the row was chosen.
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_row)
        selection.selectionChanged.connect(self._on_current_row)

        self.new_button = QPushButton(texts.new_button)
        self.new_button.setObjectName("newButton")
        self.new_button.setToolTip(self.tr("Nieuw (Ctrl+N)"))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(self.tr("&Verwijderen"))
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setToolTip(self.tr("Verwijderen (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)

        self.form = make_form()
        self.form.edited.connect(self._save_form)
        self._empty = QLabel(texts.empty)
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._empty.setObjectName("emptyDetail")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._empty)
        self._detail = detail(self.form) if detail else scrolling(top_aligned(self.form))
        right_layout.addWidget(self._detail, 1)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes(list(sizes))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        screen_shortcut(self, QKeySequence.StandardKey.New, self.start_new)
        screen_shortcut(self, QKeySequence.StandardKey.Find, self._focus_search)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self.delete_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.delete_button)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Reload the list from the workspace, keeping (or moving to) a selection."""
        wanted = select if select is not None else self.current_id()
        self._refreshing = True
        try:
            self.model.set_rows(self._service.rows())
            self._fit_columns()
            if wanted and self.model.row_of(wanted) >= 0:
                self.select(wanted)
            elif self._proxy.rowCount():
                self.table.selectRow(0)
        finally:
            self._refreshing = False
        self._show_current()

    def current_id(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return ""
        return str(index.data(ID_ROLE) or "")

    def select(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row < 0:
            return
        index = self._proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self._proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def start_new(self) -> None:
        """Ctrl+N: ask for a new record in a dialog; it is stored when the user adds it."""
        dialog = NewRecordDialog(
            self.tr("Nieuwe {noun}").format(noun=self._texts.noun),
            self._make_form(),
            self._service.check,
            self,
        )
        dialog.accepted.connect(lambda: self._add(dialog.checked_draft))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._forget_dialog)
        self.new_dialog = dialog
        dialog.open()

    def delete_current(self) -> None:
        record_id = self.current_id()
        if not record_id:
            return
        try:
            name = self._service.name_of(self._service.draft(record_id))
        except RecordGoneError as error:
            self._reload_without(error)
            return
        question = self.tr("{noun} '{name}' verwijderen?").format(
            noun=self._texts.noun.capitalize(), name=name
        )
        if not confirm_delete(self, self.tr("Verwijderen"), question):
            return
        deleted: list[object] = []
        self.push(
            self.tr("{noun} '{name}' verwijderen").format(noun=self._texts.noun, name=name),
            lambda: deleted.append(self._service.delete(record_id)),
            lambda: self._service.restore(deleted.pop()),
            select="",
        )

    def _add(self, draft: object) -> None:
        created: list[str] = []

        def apply() -> None:
            created.append(self._service.add(draft, created[-1] if created else None))

        self.push(
            self.tr("{noun} '{name}' toevoegen").format(
                noun=self._texts.noun, name=self._service.name_of(draft)
            ),
            apply,
            lambda: self._service.delete(created[-1]),
            select=lambda: created[-1],
        )
        self.table.setFocus()

    def _save_form(self) -> None:
        record_id = self.current_id()
        if not record_id:
            return
        try:
            before = self._service.draft(record_id)
        except RecordGoneError as error:
            self._reload_without(error)
            return
        after = self.form.draft()
        if after == before and self.form.date_problem() is None:
            self.form.clear_errors()
            return
        if self.form.checked(self._service.check) is None:
            return
        self.push(
            self.tr("{noun} '{name}' wijzigen").format(
                noun=self._texts.noun, name=self._service.name_of(after)
            ),
            lambda: self._service.update(record_id, after),
            lambda: self._service.update(record_id, before),
            select=record_id,
        )

    def push(
        self,
        text: str,
        apply: Callable[[], object],
        revert: Callable[[], object],
        select: str | Callable[[], str],
    ) -> None:
        def after() -> None:
            self.refresh(select=select() if callable(select) else select)

        self._context.undo.edit(text, apply, revert, after)

    def _on_current_row(self) -> None:
        # One click sends both signals; the record is loaded once.
        if not self._refreshing and self.current_id() != self._shown_id:
            self._show_current()

    def _show_current(self) -> None:
        record_id = self.current_id()
        self._shown_id = record_id
        self._empty.setVisible(not record_id)
        self._detail.setVisible(bool(record_id))
        self.delete_button.setEnabled(bool(record_id))
        if record_id:
            try:
                self.form.set_draft(self._service.draft(record_id))
            except RecordGoneError as error:
                self._reload_without(error)
                return
        self.current_changed.emit(record_id)

    def _reload_without(self, error: RecordGoneError) -> None:
        """The record was deleted elsewhere (another window, undo, a merge): say so and show
        the list as it is now instead of a row that no longer exists."""
        self._context.shell.show_status(error.message)
        self.refresh()

    def _fit_columns(self) -> None:
        """Short columns at their content's width (capped); the first column gets the rest."""
        for column in range(1, self.model.columnCount()):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _forget_dialog(self) -> None:
        self.new_dialog = None
