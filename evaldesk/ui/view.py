"""The table views: spreadsheet keys, the frozen 序号/部门名称/项目名称 columns, row heights.

``SheetView`` moves like Excel (typing replaces, F2 edits, Enter down, Tab right, Delete clears).
``FrozenTableView`` lays a second ``SheetView`` over its left edge that shares the model and the
selection model and shows only the frozen columns (Qt's "Frozen Column" example), so they stay put
while the rest scrolls right. Row heights fit wrapped text, computed only for the rows on screen:
a 5,000-row report opens without measuring 150,000 cells.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QInputMethodEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QWidget,
)

from evaldesk.core.layout import FROZEN_COLUMNS, SUMMARY_COLUMNS, Kind
from evaldesk.ui.delegates import MOVE_DOWN, MOVE_LEFT, MOVE_RIGHT, CellDelegate
from evaldesk.ui.header import MergedHeaderView

MAX_LINES = 8  # a taller row hides too much of the table; the tooltip and editor show the rest
MIN_LINES = 2
# On a small screen (1366x768, 150 % scaling) eight-line rows left three projects in view: a row
# is never taller than this share of the table's height, so at least this many rows show.
ROWS_IN_VIEW = 5
_CELL_PAD = 8


class SheetView(QTableView):
    clearRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell_delegate = CellDelegate(self)
        self.setItemDelegate(self.cell_delegate)
        self.setHorizontalHeader(MergedHeaderView(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setMinimumWidth(self.fontMetrics().horizontalAdvance("0000") + 10)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)

    def _move(self, rows: int, cols: int) -> None:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        row = min(max(current.row() + rows, 0), model.rowCount() - 1)
        col = min(max(current.column() + cols, 0), model.columnCount() - 1)
        self.setCurrentIndex(model.index(row, col))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                self._move(-1 if mods else 1, 0)
                return
            if key == Qt.Key.Key_Tab and not mods:
                self._move(0, 1)
                return
            if key == Qt.Key.Key_Backtab:
                self._move(0, -1)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
                self.clearRequested.emit()
                return
            text = event.text()
            if text and text.isprintable() and not mods & ~Qt.KeyboardModifier.ShiftModifier:
                # Typing over a cell replaces what is in it, as in a spreadsheet.
                self.cell_delegate.replace_on_open = True
                super().keyPressEvent(event)
                if self.state() != QAbstractItemView.State.EditingState:
                    self.cell_delegate.replace_on_open = False
                return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # Chinese committed by an input method opens the editor on the current cell (replacing
        # its text, as a typed key does) and lands in it.
        current = self.currentIndex()
        if self.state() != QAbstractItemView.State.EditingState and event.commitString() \
                and current.isValid():
            self.cell_delegate.replace_on_open = True
            self.edit(current)
            self.cell_delegate.replace_on_open = False
            editor = self.indexWidget(current)
            if editor is not None:
                QApplication.sendEvent(editor, event)
                return
        super().inputMethodEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        moves = {MOVE_DOWN: (1, 0), MOVE_RIGHT: (0, 1), MOVE_LEFT: (0, -1)}
        move = moves.get(hint)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if move is not None:
            self._move(*move)


class FrozenOverlay(SheetView):
    """The frozen columns' own view: arrow keys leave it to the right into the main table."""

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        if action in (QAbstractItemView.CursorAction.MoveRight, QAbstractItemView.CursorAction.MoveNext) \
                and current.isValid() and current.column() == FROZEN_COLUMNS - 1 \
                and self.model().columnCount() > FROZEN_COLUMNS:
            return self.model().index(current.row(), FROZEN_COLUMNS)
        return super().moveCursor(action, modifiers)


class FrozenTableView(SheetView):
    """The main table; ``frozen`` is the overlay that keeps the first columns in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = FrozenOverlay(self)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setStyleSheet("QTableView { border: none; border-right: 2px solid #8aa1bd; }")
        self.frozen.clearRequested.connect(self.clearRequested)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._main_section_resized)
        self.frozen.horizontalHeader().sectionResized.connect(self._frozen_section_resized)
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, new: self.frozen.setRowHeight(row, new))
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        # The overlay's range is updated later than the table's: catch up when it is.
        self.frozen.verticalScrollBar().rangeChanged.connect(
            lambda *_r: self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value()))
        self.verticalScrollBar().valueChanged.connect(self._schedule_heights)
        self._fitted: set[int] = set()
        self._ceiling_lines = MAX_LINES
        self._height_timer = QTimer(self)
        self._height_timer.setSingleShot(True)
        self._height_timer.setInterval(0)
        self._height_timer.timeout.connect(self.fit_visible_rows)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        self.selectionModel().currentChanged.connect(self._hand_over_focus)
        if model is None:
            return
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                       model.layoutChanged):
            signal.connect(self._forget_heights)
        model.dataChanged.connect(self._rows_changed)
        self._sync_columns()
        self._forget_heights()

    def _hand_over_focus(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # The view that shows the current cell has the keyboard, so that an editor opens where
        # the clerk can see it (a frozen cell in the main view lies under the overlay).
        if not current.isValid():
            return
        frozen = current.column() < FROZEN_COLUMNS
        if frozen and self.hasFocus():
            self.frozen.setFocus(Qt.FocusReason.OtherFocusReason)
        elif not frozen and self.frozen.hasFocus():
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scrollTo(current)

    def has_keyboard(self) -> bool:
        return self.hasFocus() or self.frozen.hasFocus()

    def focus_current(self) -> None:
        """Give the keyboard to whichever view shows the current cell."""
        current = self.currentIndex()
        if current.isValid() and current.column() < FROZEN_COLUMNS:
            self.frozen.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _sync_columns(self) -> None:
        model = self.model()
        for col in range(model.columnCount()):
            self.frozen.setColumnHidden(col, col >= FROZEN_COLUMNS)
            self.frozen.setColumnWidth(col, self.columnWidth(col))
        self._update_frozen_geometry()

    def _main_section_resized(self, col: int, _old: int, new: int) -> None:
        if col < FROZEN_COLUMNS:
            self.frozen.setColumnWidth(col, new)
            self._update_frozen_geometry()
        self._forget_heights()

    def _frozen_section_resized(self, col: int, _old: int, new: int) -> None:
        if col < FROZEN_COLUMNS and self.columnWidth(col) != new:
            self.setColumnWidth(col, new)

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(FROZEN_COLUMNS))

    def _update_frozen_geometry(self) -> None:
        rows = self.verticalHeader().defaultSectionSize()
        if self.frozen.verticalHeader().defaultSectionSize() != rows:
            self.frozen.verticalHeader().setDefaultSectionSize(rows)
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(), self.frameWidth(),
                                self.frozen_width() + 2,
                                self.viewport().height() + self.horizontalHeader().height())
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_frozen_geometry()
        if self._lines_allowed() != self._ceiling_lines:
            self._fitted.clear()
        self._schedule_heights()

    def _lines_allowed(self) -> int:
        """How many lines of wrapped text a row may show in a table this tall."""
        spacing = max(1, QFontMetrics(self.font()).lineSpacing())
        fit = (self.viewport().height() // ROWS_IN_VIEW - _CELL_PAD) // spacing
        return max(MIN_LINES, min(MAX_LINES, fit))

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._update_frozen_geometry()

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = super().moveCursor(action, modifiers)
        # Keep the cursor from sliding under the frozen columns when moving left.
        if action == QAbstractItemView.CursorAction.MoveLeft and current.column() >= FROZEN_COLUMNS:
            x = self.visualRect(current).topLeft().x()
            if x < self.frozen_width():
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + x - self.frozen_width())
        return current

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.column() >= FROZEN_COLUMNS:
            super().scrollTo(index, hint)
            rect = self.visualRect(index)
            if rect.left() < self.frozen_width():
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + rect.left() - self.frozen_width())
        else:
            # A frozen cell is always in view horizontally: only scroll rows.
            x = self.horizontalScrollBar().value()
            super().scrollTo(index, hint)
            self.horizontalScrollBar().setValue(x)

    def event(self, e: QEvent) -> bool:
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_heights()
        return super().event(e)

    # -- row heights -------------------------------------------------------------------------------

    def _forget_heights(self, *_args: object) -> None:
        self._fitted.clear()
        self._schedule_heights()

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, *_args: object) -> None:
        for row in range(top.row(), bottom.row() + 1):
            self._fitted.discard(row)
        self._schedule_heights()

    def _schedule_heights(self, *_args: object) -> None:
        self._height_timer.start()

    def visible_rows(self) -> range:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return range(0)
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        first = 0 if first < 0 else first
        last = model.rowCount() - 1 if last < 0 else last
        # A screenful below too, so that scrolling down shows rows already fitted.
        return range(first, min(model.rowCount(), last + (last - first) + 2))

    def fit_visible_rows(self) -> None:
        model = self.model()
        metrics = QFontMetrics(self.font())
        base = metrics.height() + _CELL_PAD
        self._ceiling_lines = self._lines_allowed()
        ceiling = metrics.lineSpacing() * self._ceiling_lines + _CELL_PAD
        text_columns = [c for c, column in enumerate(SUMMARY_COLUMNS)
                        if column.kind in (Kind.LONG_TEXT, Kind.TEXT)]
        widths = {c: max(16, self.columnWidth(c) - _CELL_PAD) for c in text_columns}
        for _ in range(3):  # fitting changes heights, which can bring more rows into view
            pending = [r for r in self.visible_rows() if r not in self._fitted]
            if not pending:
                break
            for row in pending:
                height = base
                for col in text_columns:
                    text = model.index(row, col).data()
                    if not text:
                        continue
                    if metrics.horizontalAdvance(text) <= widths[col] and "\n" not in text:
                        continue
                    rect = metrics.boundingRect(QRect(0, 0, widths[col], ceiling),
                                                int(Qt.TextFlag.TextWordWrap), text)
                    height = max(height, rect.height() + _CELL_PAD)
                self._fitted.add(row)
                height = min(height, ceiling)
                if self.rowHeight(row) != height:
                    self.setRowHeight(row, height)
                if self.frozen.rowHeight(row) != height:
                    # A row left at the default height sends no sectionResized: without this the
                    # overlay kept its own default, its rows drifted from the table's, and the
                    # frozen names showed row 1 beside row 3.
                    self.frozen.setRowHeight(row, height)
