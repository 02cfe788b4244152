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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core import fields
from evaldesk.core.fixes import Fix, fix_for, fixes_of_code
from evaldesk.core.rules import CARRIED_OVER, Finding, field_label
from evaldesk.io.grid import IMPORT_JOINED, IMPORT_UNPLACED
from evaldesk.ui.commands import edit_project
from evaldesk.ui.document import CellChange, Document
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
        return QCoreApplication.translate("", text)  # lupdate files these under no context

    if finding.code in (IMPORT_UNPLACED, IMPORT_JOINED):
        return [(tr("已核对"), lambda: edit_project(
            doc, uid, tr("已核对导入提示"), lambda p: fields.dismiss_import_notes(p, finding.field)))]
    if finding.code == CARRIED_OVER:
        return [(tr("确认沿用上年数据"), lambda: edit_project(
            doc, uid, tr("确认沿用上年数据"), fields.confirm_carried_over))]
    return []


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProblemsDock", text)


def finding_fix(doc: Document, finding: Finding) -> Fix | None:
    project = None if finding.project_uid is None else doc.project(finding.project_uid)
    return None if project is None else fix_for(project, finding)


def apply_fix(doc: Document, uid: int, fix: Fix) -> None:
    """One undo step; the finding goes with the recheck that follows."""
    doc.set_cells([CellChange(uid, key, value) for key, value in fix.changes],
                  _tr("一键修正：%1").replace("%1", fix.label))


def same_code_fixes(doc: Document, code: str) -> list[tuple[int, Fix]]:
    return fixes_of_code(doc.projects, doc.findings.findings(), code)


def apply_same_code(doc: Document, code: str) -> int:
    """修正全部同类问题: every certain fix of one code, as one undo step; how many."""
    fixes = same_code_fixes(doc, code)
    changes = [CellChange(uid, key, value) for uid, fix in fixes for key, value in fix.changes]
    if changes:
        doc.set_cells(changes, _tr("修正全部同类问题（%n 处）").replace("%n", str(len(fixes))))
    return len(fixes)


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
    # A finding whose cure is typing: open this cell's editor (project uid, field key)
    editRequested = Signal(int, str)

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
        self.fix_button = QPushButton(self.tr("一键修正"))
        self.fix_all_button = QPushButton(self.tr("修正全部同类问题"))
        self.fix_button.clicked.connect(self.fix_selected)
        self.fix_all_button.clicked.connect(self.fix_all_like_selected)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.fix_all_button)
        buttons.addStretch(1)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_fix_buttons())
        self.problems.modelReset.connect(self._update_fix_buttons)
        self._retitle()
        self._update_fix_buttons()

    def selected_finding(self) -> Finding | None:
        rows = self.view.selectionModel().selectedRows()
        return self.problems.finding(rows[0].row()) if rows else None

    def _update_fix_buttons(self) -> None:
        finding = self.selected_finding()
        fix = finding_fix(self._doc, finding) if finding is not None else None
        self.fix_button.setEnabled(fix is not None)
        self.fix_button.setToolTip(fix.label if fix else self.tr("所选问题没有确定无疑的修正方法"))
        count = len(same_code_fixes(self._doc, fix.code)) if fix and not fix.opens_editor else 0
        self.fix_all_button.setEnabled(count > 1)
        self.fix_all_button.setText(self.tr("修正全部同类问题（%n 处）").replace("%n", str(count))
                                    if count > 1 else self.tr("修正全部同类问题"))

    def fix_selected(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self._fix(finding)

    def fix_all_like_selected(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            apply_same_code(self._doc, finding.code)

    def _fix(self, finding: Finding) -> None:
        fix = finding_fix(self._doc, finding)
        if fix is None or finding.project_uid is None:
            return
        if fix.opens_editor:
            self.editRequested.emit(finding.project_uid, fix.edit_field)
        else:
            apply_fix(self._doc, finding.project_uid, fix)

    def _retitle(self) -> None:
        self.setWindowTitle(self.tr("问题 (%n)").replace("%n", str(self.problems.rowCount())))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        finding = self.problems.finding(index.row())
        actions = finding_actions(self._doc, finding)
        fix = finding_fix(self._doc, finding)
        if fix is not None:
            actions.insert(0, (self.tr("一键修正：%1").replace("%1", fix.label),
                               lambda: self._fix(finding)))
            count = 0 if fix.opens_editor else len(same_code_fixes(self._doc, finding.code))
            if count > 1:
                actions.insert(1, (self.tr("修正全部同类问题（%n 处）").replace("%n", str(count)),
                                   lambda: apply_same_code(self._doc, finding.code)))
        if actions:
            menu = QMenu(self)
            for text, slot in actions:
                menu.addAction(text, slot)
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def _activate(self, index: QModelIndex) -> None:
        finding = self.problems.finding(index.row())
        if finding.project_uid is not None:
            self.findingActivated.emit(finding.project_uid, finding.field)
