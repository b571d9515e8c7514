"""3D-matrix: measures by doelgroep x aard, filtered on a third axis; gaps stand out."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.matrix import empty_cells, measures
from app.core.matrix.matrix import MatrixCell, MatrixFilter, ThirdAxis, axis_values, build_matrix
from app.core.matrix.measures import Choice, MeasureInput, MeasureRow
from app.ui.matrix.empty_cell_dialog import EmptyCellDialog
from app.ui.matrix.matrix_model import (
    CELL_ROLE,
    EMPTY_BACKGROUND,
    EMPTY_HATCH,
    GAP_BORDER,
    KINDS,
    STATUS_COLOURS,
    TARGETS,
    MatrixModel,
)
from app.ui.matrix.measure_form import MeasureDialog, MeasureForm
from app.ui.widgets.confirm import ask
from app.ui.widgets.page_heading import style_heading
from app.ui.window.context import ScreenContext
from app.ui.window.shortcuts import screen_shortcut
from database.enums import HotKind, InterventionKind, MeasureStatus, TargetGroup

AXIS_LABELS = {
    ThirdAxis.ALL: "Alle maatregelen",
    ThirdAxis.PARTNER: "Partner",
    ThirdAxis.HOTSPOT: "Hotspot",
    ThirdAxis.HOT_ITEM: "Ander hot item",
    ThirdAxis.PERIOD: "Periode (bijv. DDO)",
    ThirdAxis.STATUS: "Status",
}
CELL_LINES = 7
GRID_WIDTH = 660
SIDE_WIDTH = 400
SELECTED_BACKGROUND = QColor("#e3f0fb")


class CellDelegate(QStyledItemDelegate):
    """Paints a cell as its count and titles, each behind a dot in the colour of its status."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        cell = index.data(CELL_ROLE)
        if not isinstance(cell, MatrixCell):
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if cell.is_left_empty:
            self._paint_left_empty(painter, option, cell, rect, selected)
            painter.restore()
            return
        if selected and not cell.is_gap:
            painter.fillRect(option.rect, SELECTED_BACKGROUND)
        if cell.is_gap:
            painter.fillRect(option.rect, index.data(Qt.ItemDataRole.BackgroundRole))
            pen = QPen(GAP_BORDER, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect)
        if selected:
            painter.setPen(QPen(option.palette.highlight().color(), 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.setPen(option.palette.text().color())
        metrics = option.fontMetrics
        line = metrics.height() + 2
        text_rect = rect.adjusted(6, 4, -6, -4)
        if not cell.measures:
            painter.setPen(
                QColor("#8a5a00") if cell.is_gap else option.palette.placeholderText().color()
            )
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                index.model().tr("Leeg: een gat in het plan.\nEnter of dubbelklik: toevoegen")
                if cell.is_gap
                else index.model().tr("Niet nodig: nazorg is voor slachtoffers."),
            )
            painter.restore()
            return
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        count = len(cell.measures)
        heading = (
            index.model().tr("1 maatregel")
            if count == 1
            else index.model().tr("{n} maatregelen").format(n=count)
        )
        if cell.is_gap:
            heading = index.model().tr("Alleen gestopte maatregelen: een gat")
        painter.drawText(text_rect.x(), text_rect.y() + metrics.ascent(), heading)
        bold.setBold(False)
        painter.setFont(bold)
        y = text_rect.y() + line
        dot = metrics.height() // 2
        indent = dot + 6
        shown = 0
        for row in cell.measures:
            width = text_rect.width() - indent
            lines = _wrap(metrics, row.title, width, 3 if count == 1 else 2)
            # Keep one line free for "... en N meer" unless this is the last title.
            room = text_rect.bottom() - y - (line if shown < count - 1 else 0)
            if len(lines) * line > room:
                lines = [metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, width)]
                if line > room:
                    break
            painter.setBrush(STATUS_COLOURS[row.data.status])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QRect(text_rect.x(), y + (line - dot) // 2, dot, dot))
            painter.setPen(option.palette.text().color())
            for text in lines:
                painter.drawText(text_rect.x() + indent, y + metrics.ascent(), text)
                y += line
            shown += 1
        if shown < count:
            painter.drawText(
                text_rect.x(),
                y + metrics.ascent(),
                index.model().tr("… en {n} meer").format(n=count - shown),
            )
        painter.restore()

    def _paint_left_empty(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        cell: MatrixCell,
        rect: QRect,
        selected: bool,
    ) -> None:
        """Hatched grey-blue with a solid border: set apart from a gap's dashed orange also for
        a user who does not see the colours; the words say "Bewust leeg" and the reason."""
        painter.fillRect(option.rect, EMPTY_BACKGROUND)
        painter.fillRect(option.rect, QBrush(EMPTY_HATCH, Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(EMPTY_HATCH, 1, Qt.PenStyle.SolidLine))
        painter.drawRect(rect)
        if selected:
            painter.setPen(QPen(option.palette.highlight().color(), 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        metrics = option.fontMetrics
        text_rect = rect.adjusted(6, 4, -6, -4)
        box = text_rect
        reason_lines = _wrap(metrics, cell.empty_reason or "", text_rect.width(), CELL_LINES - 2)
        painter.fillRect(
            QRect(
                box.x(),
                box.y(),
                box.width(),
                min(box.height(), (metrics.height() + 2) * (len(reason_lines) + 1) + 4),
            ),
            EMPTY_BACKGROUND,
        )
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.text().color())
        painter.drawText(text_rect.x(), text_rect.y() + metrics.ascent(), self.tr("Bewust leeg"))
        bold.setBold(False)
        painter.setFont(bold)
        y = text_rect.y() + metrics.height() + 2
        for line in reason_lines:
            painter.drawText(text_rect.x(), y + metrics.ascent(), line)
            y += metrics.height() + 2

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(200, (option.fontMetrics.height() + 2) * CELL_LINES)


def _wrap(metrics: QFontMetrics, text: str, width: int, most: int = 2) -> list[str]:
    """`text` on at most `most` lines of `width` pixels, breaking between words (inside a word
    that is longer than a line), the last line cut with "…" when the text is longer."""
    lines: list[str] = []
    rest = text.strip()
    while rest and len(lines) < most - 1:
        words = rest.split()
        line = ""
        while words and metrics.horizontalAdvance(f"{line} {words[0]}".strip()) <= width:
            line = f"{line} {words.pop(0)}".strip()
        if not line:  # one word wider than the cell: break it where the line is full
            word = words.pop(0)
            cut = max(
                (n for n in range(1, len(word)) if metrics.horizontalAdvance(word[:n]) <= width),
                default=1,
            )
            line, words = word[:cut], [word[cut:], *words]
        lines.append(line)
        rest = " ".join(words)
    if rest:
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


class MatrixPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._workspace = context.workspace
        self._rows: tuple[MeasureRow, ...] = ()
        self._partners: tuple[Choice, ...] = ()
        self._hot_items: tuple[Choice, ...] = ()
        self._hot_choices: tuple[tuple[Choice, HotKind], ...] = ()
        self._current_id: str | None = None
        self._empty_reasons: dict[tuple[TargetGroup, InterventionKind], str] = {}
        self.dialog: MeasureDialog | None = None
        self.confirm_box: QMessageBox | None = None

        heading = QLabel(self.tr("3D-matrix"))
        style_heading(heading)
        self.axis = QComboBox()
        self.axis.setObjectName("thirdAxis")
        self.axis.setAccessibleName(self.tr("Derde as"))
        for axis, label in AXIS_LABELS.items():
            self.axis.addItem(self.tr(label), axis.value)
        self.axis.currentIndexChanged.connect(self._axis_changed)
        self.axis_value = QComboBox()
        self.axis_value.setObjectName("thirdAxisValue")
        self.axis_value.setAccessibleName(self.tr("Waarde op de derde as"))
        self.axis_value.setMinimumContentsLength(24)
        self.axis_value.currentIndexChanged.connect(self._show_matrix)
        axis_label = QLabel(self.tr("D&erde as:"))
        axis_label.setBuddy(self.axis)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(axis_label)
        top.addWidget(self.axis)
        top.addWidget(self.axis_value)

        legend = QHBoxLayout()
        for status in MeasureStatus:
            dot = QLabel("●")
            dot.setStyleSheet(f"color: {STATUS_COLOURS[status].name()};")
            legend.addWidget(dot)
            legend.addWidget(QLabel(status.label))
        gap = QLabel(self.tr("Gestreepte oranje cel: nog geen maatregel, een gat in het plan"))
        gap.setStyleSheet(
            f"color: #8a5a00; border: 1px dashed {GAP_BORDER.name()}; padding: 1px 4px;"
        )
        legend.addSpacing(16)
        legend.addWidget(gap)
        left_empty = QLabel(self.tr("Gearceerde cel: bewust leeg, met reden (geen gat)"))
        left_empty.setStyleSheet(
            f"background: {EMPTY_BACKGROUND.name()}; border: 1px solid {EMPTY_HATCH.name()}; "
            "padding: 1px 4px;"
        )
        legend.addSpacing(8)
        legend.addWidget(left_empty)
        legend.addStretch(1)

        self.model = MatrixModel()
        self.grid = QTableView()
        self.grid.setObjectName("matrixGrid")
        self.grid.setAccessibleName(self.tr("3D-matrix: doelgroep per aard"))
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(CellDelegate(self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.selectionModel().currentChanged.connect(self._cell_chosen)
        self.grid.activated.connect(self._cell_activated)

        self.cell_title = QLabel()
        self.cell_title.setObjectName("cellTitle")
        title_font = self.cell_title.font()
        title_font.setBold(True)
        self.cell_title.setFont(title_font)
        self.cell_list = QListWidget()
        self.cell_list.setObjectName("cellMeasures")
        self.cell_list.setAccessibleName(self.tr("Maatregelen in deze cel"))
        self.cell_list.setMaximumHeight(140)
        self.cell_list.currentItemChanged.connect(self._measure_chosen)
        self.add_button = QPushButton(self.tr("&Maatregel toevoegen…"))
        self.add_button.setObjectName("addMeasure")
        self.add_button.setToolTip(self.tr("Maatregel toevoegen in deze cel (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_measure)
        self.delete_button = QPushButton(self.tr("&Verwijderen"))
        self.delete_button.setToolTip(self.tr("Gekozen maatregel verwijderen (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.empty_button = QPushButton()
        self.empty_button.setObjectName("markCellEmpty")
        self.empty_button.clicked.connect(self.toggle_left_empty)
        self.empty_dialog: EmptyCellDialog | None = None
        cell_buttons = QHBoxLayout()
        cell_buttons.addWidget(self.add_button)
        cell_buttons.addWidget(self.delete_button)
        cell_buttons.addWidget(self.empty_button)
        cell_buttons.addStretch(1)
        self.form_host = QScrollArea()
        self.form_host.setWidgetResizable(True)
        self.form_host.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form: MeasureForm | None = None
        self.form_hint = QLabel(self.tr("Kies een maatregel in de lijst om hem te bewerken."))
        self.form_hint.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.cell_title)
        side_layout.addWidget(self.cell_list)
        side_layout.addLayout(cell_buttons)
        side_layout.addWidget(self.form_hint)
        side_layout.addWidget(self.form_host, 100)
        side_layout.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(self.grid)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([GRID_WIDTH, SIDE_WIDTH])
        side.setMinimumWidth(SIDE_WIDTH)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(top)
        layout.addLayout(legend)
        layout.addWidget(splitter, 1)

        screen_shortcut(self, QKeySequence.StandardKey.New, self.add_measure)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.delete_current)
        self.refresh()
        self.grid.setCurrentIndex(self.model.index(0, 0))

    # Loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._rows = measures.measure_rows(self._workspace)
        self._empty_reasons = empty_cells.empty_cell_reasons(self._workspace)
        self._partners = measures.partner_choices(self._workspace)
        hot = measures.hot_item_choices(self._workspace)
        self._hot_choices = hot
        self._hot_items = tuple(choice for choice, _ in hot)
        self._build_form()
        self._fill_axis_values()
        self._show_matrix()

    def _build_form(self) -> None:
        form = MeasureForm(self._partners, self._hot_items)
        form.setObjectName("measureForm")
        form.edited.connect(self._save_form)
        self.form_host.setWidget(form)
        self.form = form

    def _fill_axis_values(self) -> None:
        axis = ThirdAxis(self.axis.currentData())
        previous = self.axis_value.currentData()
        self.axis_value.blockSignals(True)
        self.axis_value.clear()
        for choice in axis_values(axis, self._rows, self._partners, self._hot_choices):
            self.axis_value.addItem(choice.text, choice.id)
        if axis is not ThirdAxis.ALL and self.axis_value.count() == 0:
            self.axis_value.addItem(self.tr("(nog niets om op te filteren)"), None)
        self.axis_value.setCurrentIndex(max(self.axis_value.findData(previous), 0))
        self.axis_value.setVisible(axis is not ThirdAxis.ALL)
        self.axis_value.blockSignals(False)

    def _axis_changed(self) -> None:
        self._fill_axis_values()
        self._show_matrix()

    def current_filter(self) -> MatrixFilter:
        axis = ThirdAxis(self.axis.currentData())
        return MatrixFilter(axis, self.axis_value.currentData())

    def _show_matrix(self) -> None:
        current = self.grid.currentIndex()
        position = (current.row(), current.column()) if current.isValid() else (0, 0)
        self.model.set_cells(build_matrix(self._rows, self.current_filter(), self._empty_reasons))
        self.grid.setCurrentIndex(self.model.index(*position))
        self._show_cell()

    # The chosen cell --------------------------------------------------------------------

    def current_cell(self) -> tuple[TargetGroup, InterventionKind]:
        index = self.grid.currentIndex()
        row, column = (index.row(), index.column()) if index.isValid() else (0, 0)
        return TARGETS[row], KINDS[column]

    def _cell_chosen(self, *_: object) -> None:
        self._show_cell()

    def _cell_activated(self, index: QModelIndex) -> None:
        cell = self.model.cell_at(index)
        if cell is not None and not cell.measures:
            self.add_measure()
        elif self.cell_list.count():
            self.cell_list.setFocus()

    def _show_cell(self) -> None:
        target, kind = self.current_cell()
        cell = self.model.cell_at(self.model.index_of(target, kind))
        self.cell_title.setText(
            self.tr("{target} \u00d7 {kind}").format(
                target=target.label.capitalize(), kind=kind.label
            )
        )
        self.cell_list.blockSignals(True)
        self.cell_list.clear()
        chosen_row = -1
        for row in cell.measures if cell else ():
            item = QListWidgetItem(f"{row.title} — {row.data.status.label}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setForeground(STATUS_COLOURS[row.data.status])
            self.cell_list.addItem(item)
            if row.id == self._current_id:
                chosen_row = self.cell_list.count() - 1
        self.cell_list.blockSignals(False)
        self._show_empty_button(cell)
        if chosen_row < 0 and self.cell_list.count():
            chosen_row = 0
        self.cell_list.setCurrentRow(chosen_row)
        self._measure_chosen()

    def _measure_chosen(self, *_: object) -> None:
        item = self.cell_list.currentItem()
        row = self._row(item.data(Qt.ItemDataRole.UserRole)) if item else None
        self._current_id = row.id if row else None
        assert self.form is not None
        self.form_host.setVisible(row is not None)
        self.form_hint.setVisible(row is None)
        self.delete_button.setEnabled(row is not None)
        if row is not None:
            self.form.set_draft(row.data)
        else:
            reason = self._empty_reasons.get(self.current_cell())
            if reason is not None and self.cell_list.count() == 0:
                self.form_hint.setText(
                    self.tr("Deze cel is bewust leeg: {reason}").format(reason=reason)
                )
            else:
                self.form_hint.setText(
                    self.tr(
                        "Deze cel is leeg. Voeg een maatregel toe (Ctrl+N) om het gat te dichten."
                    )
                    if self.cell_list.count() == 0
                    else self.tr("Kies een maatregel in de lijst om hem te bewerken.")
                )

    def _row(self, measure_id: str | None) -> MeasureRow | None:
        return next((row for row in self._rows if row.id == measure_id), None)

    # Editing ------------------------------------------------------------------------------

    def add_measure(self) -> MeasureDialog:
        """Open the dialog for a new measure in the chosen cell (Ctrl+N)."""
        target, kind = self.current_cell()
        dialog = MeasureDialog(target, kind, self._partners, self._hot_items, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._push_new(dialog.result_input))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _push_new(self, data: MeasureInput | None) -> None:
        if data is None:
            return
        created: dict[str, str] = {}

        def apply() -> None:
            created["id"] = measures.add_measure(self._workspace, data, created.get("id"))

        self._context.undo.edit(
            self.tr("Maatregel '{title}' toevoegen").format(title=data.title),
            apply,
            lambda: measures.delete_measure(self._workspace, created["id"]),
            lambda: self._after_change(created["id"], data),
        )

    def _save_form(self) -> None:
        row = self._row(self._current_id)
        if row is None or self.form is None:
            return
        data = self.form.checked(measures.validate_measure)
        if data is None:
            return
        before = row.data
        if data == before:
            return
        self._context.undo.edit(
            self.tr("Maatregel '{title}' wijzigen").format(title=data.title),
            lambda: measures.update_measure(self._workspace, row.id, data),
            lambda: measures.update_measure(self._workspace, row.id, before),
            lambda: self._after_change(row.id, data),
        )

    def delete_current(self) -> None:
        row = self._row(self._current_id)
        if row is None:
            return
        linked: dict[str, tuple[str, ...]] = {}

        def apply() -> None:
            linked["ids"] = measures.delete_measure(self._workspace, row.id)

        def delete() -> None:
            self._context.undo.edit(
                self.tr("Maatregel '{title}' verwijderen").format(title=row.title),
                apply,
                lambda: measures.restore_measure(self._workspace, row, linked["ids"]),
                lambda: self._after_change(None, None),
            )

        self.confirm_box = ask(
            self,
            self.tr("Maatregel verwijderen"),
            self.tr(
                "Maatregel '{title}' verwijderen? Acties die erbij horen blijven bestaan.\n"
                "U kunt dit ongedaan maken met Ctrl+Z."
            ).format(title=row.title),
            delete,
        )

    def _after_change(self, measure_id: str | None, follow: MeasureInput | None) -> None:
        """Show the stored state; when `follow` is given, go to the cell the measure is in."""
        self._current_id = measure_id
        self._rows = measures.measure_rows(self._workspace)
        self._empty_reasons = empty_cells.empty_cell_reasons(self._workspace)
        self._fill_axis_values()
        stored = self._row(measure_id)
        if follow is not None and stored is not None:
            self.grid.setCurrentIndex(
                self.model.index_of(stored.data.target_group, stored.data.intervention)
            )
        self._show_matrix()

    # Bewust leeg --------------------------------------------------------------------------

    def _show_empty_button(self, cell: MatrixCell | None) -> None:
        marked = cell is not None and cell.is_marked_empty
        self.empty_button.setText(
            self.tr("Bewust &leeg opheffen") if marked else self.tr("Bewust &leeg…")
        )
        self.empty_button.setToolTip(
            self.tr("De cel telt weer als gat in het plan als er geen maatregel is")
            if marked
            else self.tr("Deze cel met een reden bewust leeg laten: dan is hij geen gat")
        )
        self.empty_button.setEnabled(
            cell is not None and (marked or (cell.expected and cell.is_gap))
        )

    def toggle_left_empty(self) -> None:
        """Mark the chosen cell bewust leeg (asking the reason), or remove its mark."""
        target, kind = self.current_cell()
        where = empty_cells.cell_name(target, kind)
        if (target, kind) in self._empty_reasons:
            removed: dict[str, empty_cells.EmptyCellMark | None] = {}

            def unmark() -> None:
                removed["mark"] = empty_cells.unmark_cell(self._workspace, target, kind)

            def put_back() -> None:
                mark = removed.get("mark")
                if mark is not None:
                    empty_cells.restore_mark(self._workspace, mark)

            self._context.undo.edit(
                self.tr("Bewust leeg opheffen: {cell}").format(cell=where),
                unmark,
                put_back,
                lambda: self._after_change(None, None),
            )
            return
        dialog = EmptyCellDialog(where, parent=self)
        dialog.submitted.connect(lambda reason: self._push_left_empty(dialog, target, kind, reason))
        self.empty_dialog = dialog
        dialog.open()

    def _push_left_empty(
        self,
        dialog: EmptyCellDialog,
        target: TargetGroup,
        kind: InterventionKind,
        reason: str,
    ) -> None:
        created: dict[str, str] = {}

        def apply() -> None:
            empty_cells.mark_cell_empty(self._workspace, target, kind, reason, created.get("id"))
            mark = empty_cells.empty_cell_marks(self._workspace)[(target, kind)]
            created["id"] = mark.id

        stored = self._context.undo.edit(
            self.tr("Bewust leeg: {cell}").format(cell=empty_cells.cell_name(target, kind)),
            apply,
            lambda: empty_cells.unmark_cell(self._workspace, target, kind),
            lambda: self._after_change(None, None),
            refused=lambda error: dialog.show_error(error.message),
        )
        if stored:
            dialog.accept()
