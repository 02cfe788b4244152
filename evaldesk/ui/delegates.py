"""Cell editors that behave like a spreadsheet's.

Amounts and rates get a one-line editor. Text that is not a number is kept as the cell's text
(red, with its finding, as a file's bad cell is: what the clerk typed is never thrown away), and
the reason (the NotANumber message) is shown beside the cell and in the status bar. Text cells get a
multi-line editor: Enter finishes, Alt+Enter or Ctrl+Enter starts a new line, as in Excel/WPS.
Enter moves down and Tab moves right; the view does the moving (see ``view.SheetView``).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from evaldesk.core import fields
from evaldesk.core.layout import SUMMARY_COLUMNS, Kind

AnyIndex = QModelIndex | QPersistentModelIndex

# How the editor was closed, so the view can move like a spreadsheet.
MOVE_DOWN = QAbstractItemDelegate.EndEditHint.SubmitModelCache
MOVE_RIGHT = QAbstractItemDelegate.EndEditHint.EditNextItem
MOVE_LEFT = QAbstractItemDelegate.EndEditHint.EditPreviousItem


class TextEditor(QPlainTextEdit):
    """Multi-line text in a cell; grows no scroll bars of its own in a short row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        # Larger than its cell: a clear edge shows where the cell's text ends.
        self.setStyleSheet("QPlainTextEdit { border: 2px solid #2f6fb7; }")

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.End)


class CellDelegate(QStyledItemDelegate):
    # The reason a typed value was refused, for the status bar.
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.replace_on_open = False
        self.last_refusal = ""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        column = SUMMARY_COLUMNS[index.column()]
        editor: QWidget
        if column.kind is Kind.LONG_TEXT:
            editor = TextEditor(parent)
        else:
            line = QLineEdit(parent)
            line.setFrame(False)
            if column.is_numeric:
                line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor = line
        editor.setProperty("fieldKey", column.key)
        editor.setAutoFillBackground(True)
        return editor

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect = option.rect
        if isinstance(editor, TextEditor):
            # A short row still gets room for a few lines while typing a paragraph, and the
            # editor stays inside the table when the cell is at the bottom edge.
            line = editor.fontMetrics().lineSpacing()
            rect = rect.adjusted(0, 0, max(0, 18 * editor.fontMetrics().averageCharWidth()
                                           - rect.width()),
                                 max(0, 5 * line - rect.height()))
            parent = editor.parentWidget()
            if parent is not None:
                if rect.bottom() > parent.height():
                    rect.moveBottom(parent.height() - 1)
                if rect.right() > parent.width():
                    rect.moveRight(parent.width() - 1)
                rect.setTop(max(0, rect.top()))
                rect.setLeft(max(0, rect.left()))
        editor.setGeometry(rect)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        text = "" if self.replace_on_open else str(index.data(Qt.ItemDataRole.EditRole) or "")
        self.replace_on_open = False
        if isinstance(editor, (TextEditor, QLineEdit)):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        text = _editor_text(editor)
        if text == str(index.data(Qt.ItemDataRole.EditRole) or ""):
            return  # no change: no undo step
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def problem(self, editor: QWidget) -> str | None:
        key = str(editor.property("fieldKey"))
        if not fields.is_numeric_key(key):
            return None
        try:
            fields.parse_for(key, _editor_text(editor))
        except fields.NotANumber as exc:
            return str(exc)
        return None

    def _refuse(self, editor: QWidget, reason: str) -> None:
        self.last_refusal = reason
        QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), reason, editor)
        self.refused.emit(reason)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if not isinstance(editor, QWidget):
            return super().eventFilter(editor, event)
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            mods = event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if isinstance(editor, TextEditor) and mods & (
                        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier):
                    editor.insertPlainText("\n")
                    return True
                return self._finish(editor, MOVE_DOWN)
            if key == Qt.Key.Key_Tab:
                return self._finish(editor, MOVE_RIGHT)
            if key == Qt.Key.Key_Backtab:
                return self._finish(editor, MOVE_LEFT)
        if event.type() == QEvent.Type.FocusOut:
            reason = self.problem(editor)
            if reason is not None:
                # Clicking away keeps the bad text too (Qt commits on focus-out); say why it is red.
                self.refused.emit(reason)
        return super().eventFilter(editor, event)

    def _finish(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> bool:
        reason = self.problem(editor)
        if reason is not None:
            self._refuse(editor, reason)  # kept, but said: the cell turns red with this finding
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint)
        return True


def _editor_text(editor: QWidget) -> str:
    if isinstance(editor, TextEditor):
        return editor.text()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return ""
