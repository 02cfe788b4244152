"""The problems panel: every finding of the report in Chinese; a click selects its cell.

The list is rebuilt from the findings store a moment after the last change (not on every
keystroke of a 5,000-row report); the table's colours are updated at once by the model itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QMenu, QTableView, QWidget

from evaldesk.core import fields
from evaldesk.core.rules import CARRIED_OVER, Finding, field_label
from evaldesk.io.grid import IMPORT_JOINED, IMPORT_UNPLACED
from evaldesk.ui.commands import edit_project
from evaldesk.ui.document import Document
from evaldesk.ui.indicators import indicator_place
from evaldesk.ui.model import ERROR_BACKGROUND, WARNING_BACKGROUND

AnyIndex = QModelIndex | QPersistentModelIndex


def finding_actions(doc: Document, finding: Finding) -> list[tuple[str, Callable[[], object]]]:
    """What a clerk can settle from the panel: an import note checked by eye (已核对), last
    year's budget figures confirmed for this year. Each is one undo step."""
    uid = finding.project_uid
    if uid is None:
        return []

    def tr(text: str) -> str:
        return QCoreApplication.translate("ProblemsModel", text)

    if finding.code in (IMPORT_UNPLACED, IMPORT_JOINED):
        return [(tr("已核对"), lambda: edit_project(
            doc, uid, tr("已核对导入提示"), lambda p: fields.dismiss_import_notes(p, finding.field)))]
    if finding.code == CARRIED_OVER:
        return [(tr("确认沿用上年数据"), lambda: edit_project(
            doc, uid, tr("确认沿用上年数据"), fields.confirm_carried_over))]
    return []


class ProblemsModel(QAbstractTableModel):
    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._rows: list[Finding] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self._watch()
        doc.reset.connect(self._watch)
        doc.reset.connect(self.refresh)
        for signal in (doc.rowsInserted, doc.rowsRemoved, doc.rowsMoved, doc.seqChanged):
            signal.connect(self.schedule)
        self.refresh()

    def _watch(self) -> None:
        self._doc.findings.changed.connect(self.schedule)

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self.beginResetModel()
        self._rows = self._doc.findings.findings()
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def headers(self) -> list[str]:
        return [self.tr("级别"), self.tr("序号"), self.tr("项目名称"), self.tr("栏目"), self.tr("问题")]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 5:
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return self.tr("错误") if finding.is_error else self.tr("警告")
            project = None if finding.project_uid is None else self._doc.project(finding.project_uid)
            if col == 1:
                return project.seq if project else ""
            if col == 2:
                return project.name if project else ""
            if col == 3:
                if not finding.field:
                    return self.tr("整个项目")
                return indicator_place(finding.field) or field_label(finding.field, project)
            return finding.message
        if role == Qt.ItemDataRole.BackgroundRole and col == 0:
            return QBrush(ERROR_BACKGROUND if finding.is_error else WARNING_BACKGROUND)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ProblemsDock(QDockWidget):
    # A finding was chosen: (project uid, field key)
    findingActivated = Signal(int, str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDock")
        self.problems = ProblemsModel(doc, self)
        self.view = QTableView(self)
        self.view.setModel(self.problems)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        level = max(metrics.horizontalAdvance(t) for t in
                    (self.problems.tr("错误"), self.problems.tr("警告"), self.problems.tr("级别")))
        for col, width in enumerate((level + 16, 48, 180, 220)):
            self.view.setColumnWidth(col, width)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self._doc = doc
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.problems.modelReset.connect(self._retitle)
        self.setWidget(self.view)
        self._retitle()

    def _retitle(self) -> None:
        self.setWindowTitle(self.tr("问题 (%n)").replace("%n", str(self.problems.rowCount())))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        actions = finding_actions(self._doc, self.problems.finding(index.row()))
        if actions:
            menu = QMenu(self)
            for text, slot in actions:
                menu.addAction(text, slot)
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def _activate(self, index: QModelIndex) -> None:
        finding = self.problems.finding(index.row())
        if finding.project_uid is not None:
            self.findingActivated.emit(finding.project_uid, finding.field)
