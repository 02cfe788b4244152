"""The table model: a thin adapter over ``Report.projects``, one row per project.

Nothing is cached but the column list: ``data()`` asks ``fields.get_value`` and formats with
``money``; colours and tooltips come from the document's findings store. Structural changes
arrive from the document's signals, bracketed as Qt requires.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap, QPolygon

from evaldesk.core import fields, money
from evaldesk.core.layout import COLUMN_INDEX, SUMMARY_COLUMNS, Column, Kind
from evaldesk.core.records import Project
from evaldesk.core.rules import Finding, Severity
from evaldesk.ui.document import Document

AnyIndex = QModelIndex | QPersistentModelIndex

ERROR_BACKGROUND = QColor("#f9d6d5")
WARNING_BACKGROUND = QColor("#fdebc8")
COMPUTED_BACKGROUND = QColor("#f2f5f9")
BAD_TEXT_FOREGROUND = QColor("#b3261e")
CARRIED_FOREGROUND = QColor("#7a7a7a")



def finding_line(finding: Finding) -> str:
    """A finding as one line of a tooltip or list, marked as error or warning.

    × and △ are in GB2312, so every Chinese UI font has them (Microsoft YaHei, SimSun, the Linux
    ones); ✖ and ⚠ are not, and showed as boxes on Windows.
    """
    return ("× " if finding.is_error else "△ ") + finding.message


KeyRole = Qt.ItemDataRole.UserRole + 1  # the column's field key
SeverityRole = Qt.ItemDataRole.UserRole + 2  # "error" / "warning" / None
CarriedRole = Qt.ItemDataRole.UserRole + 3  # True where the cell still shows last year's figure


def is_carried(project: Project, key: str) -> bool:
    """Does this cell still show last year's budget (``Project.carried_over``, after a rollover)?

    合计 and 财政拨款 are sums: they show last year's figure while any part of them does.
    """
    carried = project.carried_over
    if not carried:
        return False
    if key in carried or key == "budget.total":
        return True
    return key == "budget.fiscal" and bool(carried & {"budget.general", "budget.fund"})


_carried_marker: QIcon | None = None


def carried_marker() -> QIcon:
    """A small grey corner flag beside a carried figure (made once, on first use)."""
    global _carried_marker
    if _carried_marker is None:
        pixmap = QPixmap(8, 8)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CARRIED_FOREGROUND)
        painter.drawPolygon(QPolygon([QPoint(0, 0), QPoint(8, 0), QPoint(0, 8)]))
        painter.end()
        _carried_marker = QIcon(pixmap)
    return _carried_marker


def edit_text(project: Project, column: Column) -> str:
    """What an editor starts with: the exact stored value, not the rounded display."""
    value = fields.get_value(project, column.key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if column.kind is Kind.RATE:
        if project.rate_printed is None:
            return money.format_rate(value)
        return f"{(value * money.PERCENT).normalize():f}%"
    return f"{value:f}"


def display_text(project: Project, column: Column) -> str:
    value = fields.get_value(project, column.key)
    if isinstance(value, Decimal):
        if column.kind is Kind.RATE:
            return money.format_rate(value)
        return money.format_amount(value, grouping=True)
    if value is None:
        if column.kind is Kind.RATE and project.budget.total is not None \
                and project.actual.total is not None:
            return "—"
        return ""
    return value

_HANDLED_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, KeyRole, SeverityRole, CarriedRole))
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class ProjectTableModel(QAbstractTableModel):
    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._columns = SUMMARY_COLUMNS
        self._seq_column = COLUMN_INDEX["seq"]
        doc.rowsAboutToBeInserted.connect(
            lambda first, last: self.beginInsertRows(QModelIndex(), first, last))
        doc.rowsInserted.connect(self.endInsertRows)
        doc.rowsAboutToBeRemoved.connect(
            lambda first, last: self.beginRemoveRows(QModelIndex(), first, last))
        doc.rowsRemoved.connect(self.endRemoveRows)
        doc.rowsAboutToBeMoved.connect(
            lambda first, last, dest: self.beginMoveRows(QModelIndex(), first, last,
                                                         QModelIndex(), dest))
        doc.rowsMoved.connect(self.endMoveRows)
        doc.aboutToReset.connect(self.beginResetModel)
        doc.reset.connect(self.endResetModel)
        doc.projectsChanged.connect(self._projects_changed)

    @property
    def document(self) -> Document:
        return self._doc

    def column(self, index: int) -> Column:
        return self._columns[index]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._doc.report.projects)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def _projects_changed(self, uids: set[int]) -> None:
        # One signal per changed row: a keystroke repaints one row, not the table.
        last = len(self._columns) - 1
        for uid in uids:
            row = self._doc.row_of(uid)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted cell asks for about ten roles; the unhandled ones return before any work.
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        project = self._doc.report.projects[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(project, column)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(project, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.is_numeric and column.key not in project.bad_values:
                return _RIGHT
            return _CENTER if column.kind is Kind.SEQ else _LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            severity = self._severity(project, index.column())
            if severity is Severity.ERROR:
                return QBrush(ERROR_BACKGROUND)
            if severity is Severity.WARNING:
                return QBrush(WARNING_BACKGROUND)
            if column.computed:
                return QBrush(COMPUTED_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key in project.bad_values:
                return QBrush(BAD_TEXT_FOREGROUND)
            if is_carried(project, column.key):
                return QBrush(CARRIED_FOREGROUND)
            return None
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, CarriedRole):
            if not is_carried(project, column.key):
                return False if role == CarriedRole else None
            if role == CarriedRole:
                return True
            if role == Qt.ItemDataRole.DecorationRole:
                return carried_marker()
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(project, index.column())
        if role == KeyRole:
            return column.key
        if role == SeverityRole:
            severity = self._severity(project, index.column())
            return None if severity is None else str(severity)
        return None

    def _severity(self, project: Project, col: int) -> Severity | None:
        store = self._doc.findings
        severity = store.severity(project.uid, self._columns[col].key)
        if col == self._seq_column:
            row = store.row(project.uid)
            if row and (severity is None or any(f.is_error for f in row)):
                severity = Severity.ERROR if any(f.is_error for f in row) else Severity.WARNING
        return severity

    def _tooltip(self, project: Project, col: int) -> str | None:
        store = self._doc.findings
        found = list(store.cell(project.uid, self._columns[col].key))
        if col == self._seq_column:
            found += store.row(project.uid)
        lines = [finding_line(f) for f in found]
        column = self._columns[col]
        if is_carried(project, column.key):
            lines.insert(0, self.tr("仍为上年数据：请按本年预算修改，或用「确认沿用上年预算」确认"))
        if column.computed and not lines:
            return self.tr("由各资金来源自动计算；直接输入则按输入值保存并核对")
        if column.kind is Kind.LONG_TEXT and not lines:
            text = fields.get_value(project, column.key)
            # Long cells are often cut off: the tooltip shows all of it.
            return text if isinstance(text, str) and len(text) > 30 else None
        return "\n".join(lines) if lines else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                    and 0 <= section < len(self._columns):
                return self._columns[section].header.replace("其中: ", "")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Typed text; a bad number is kept as the cell's text, with its finding."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            self._doc.set_cell_text(index.row(), index.column(), "" if value is None else str(value))
        except (fields.NotANumber, fields.FieldError) as exc:
            self._doc.message.emit(str(exc))
            return False
        return True
