"""This year's table from last year's file (File → 从上年文件新建…) and the carried figures.

``core.rollover`` does the work: the project list, departments, goals and indicator names and
targets are kept, what was achieved is cleared, the year moves on, and the budget figures kept
from last year are marked (``Project.carried_over``). Here the window gets the action, a filter
showing only the rows that still hold last year's figures (in both the table and its frozen
overlay), and 确认沿用上年预算: an undoable step that keeps the figures and drops the mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QObject, QTimer
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QInputDialog, QWidget

from evaldesk.core import fields
from evaldesk.core.records import Project, Report
from evaldesk.core.rollover import roll_over, suggested_file_name
from evaldesk.ui.document import Document
from evaldesk.ui.menus import append_to_menu_of, insert_after
from evaldesk.ui.view import FrozenTableView

if TYPE_CHECKING:
    from evaldesk.core.rules import Checker
    from evaldesk.ui.mainwindow import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


class ConfirmCarriedCommand(QUndoCommand):
    """确认沿用上年预算 for some projects: the figures stay, the marks go; undo brings them back."""

    def __init__(self, doc: Document, projects: Sequence[Project]) -> None:
        super().__init__(_tr("确认沿用上年预算（%n 个项目）").replace("%n", str(len(projects))))
        self._doc = doc
        self._before = [fields.clone_project(p) for p in projects]
        self._after = [fields.clone_project(p) for p in projects]
        for project in self._after:
            fields.confirm_carried_over(project)

    def redo(self) -> None:
        self._doc.apply_states(self._after)

    def undo(self) -> None:
        self._doc.apply_states(self._before)


def confirm_carried(doc: Document, rows: Sequence[int]) -> int:
    """Confirm last year's budget on these rows (those with marks); how many were confirmed."""
    projects = [doc.projects[r] for r in sorted(set(rows))
                if 0 <= r < len(doc.projects) and doc.projects[r].carried_over]
    if projects:
        doc.undo_stack.push(ConfirmCarriedCommand(doc, projects))
    return len(projects)


def carried_rows(doc: Document) -> list[int]:
    return [row for row, project in enumerate(doc.projects) if project.carried_over]


class CarriedFilter(QObject):
    """Shows only the rows still holding last year's figures, in the table and its overlay.

    Re-applied a moment after any change, so a row leaves the list once its last carried figure
    is edited or confirmed (the clerk works down the list until it is empty).
    """

    def __init__(self, table: FrozenTableView, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self._doc = doc
        self.enabled = False
        self._hiding = False  # whether any row may be hidden by this filter now
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)
        for signal in (doc.reset, doc.rowsInserted, doc.rowsRemoved, doc.rowsMoved):
            signal.connect(self._timer.start)
        doc.projectsChanged.connect(lambda _uids: self._timer.start())

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.apply()

    def apply(self) -> None:
        self._timer.stop()
        if not self.enabled and not self._hiding:
            # The filter off and nothing hidden by it: the usual case after every edit, where
            # asking 5,000 rows of two views whether they are hidden cost ~10 ms a keystroke.
            return
        views = (self._table, self._table.frozen)
        for row, project in enumerate(self._doc.projects):
            hide = self.enabled and not project.carried_over
            for view in views:
                if view.isRowHidden(row) != hide:
                    view.setRowHidden(row, hide)
        self._hiding = self.enabled
        self._table.fit_visible_rows()

    def shown_rows(self) -> list[int]:
        return [r for r in range(len(self._doc.projects)) if not self._table.isRowHidden(r)]


def rolled_over_report(parent: QWidget | None, report: Report) -> Report | None:
    """``roll_over``, asking for the new year when last year's file does not say which it was."""
    if report.year is not None:
        return roll_over(report)
    year, ok = QInputDialog.getInt(
        parent, _tr("新的年度"), _tr("上年文件中没有写明年度。请输入新表的年度："),
        QDate.currentDate().year() - 1, 2000, 2100)
    return roll_over(report, year) if ok else None


class NewYear(QObject):
    """The window's 从上年文件新建 action, the 仍为上年数据 filter and the confirm action."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.filter = CarriedFilter(window.table, window.doc, self)
        self.act_new_from_last_year = QAction(_tr("从上年文件新建(&Y)…"), window)
        self.act_new_from_last_year.setStatusTip(
            _tr("打开上年的自评表，生成本年度的新表：保留项目、目标和指标，清空实际支出与完成情况"))
        self.act_new_from_last_year.triggered.connect(lambda _c=False: self.choose_last_year())
        self.act_confirm = QAction(_tr("确认沿用上年预算"), window)
        self.act_confirm.setStatusTip(_tr("所选项目的预算金额与上年相同：保留金额，取消「仍为上年数据」标记"))
        self.act_confirm.triggered.connect(lambda _c=False: self.confirm_selected())
        self.act_filter = QAction(_tr("只显示仍为上年数据的项目"), window)
        self.act_filter.setCheckable(True)
        self.act_filter.toggled.connect(self._filter_toggled)
        # Another report (opened, new, rolled over) starts unfiltered: a filter left on would
        # show an opened file as an empty table.
        window.doc.reset.connect(lambda: self.act_filter.setChecked(False))
        for action in (self.act_new_from_last_year, self.act_confirm, self.act_filter):
            window.addAction(action)
        insert_after(window.act_new, [self.act_new_from_last_year])
        append_to_menu_of(window.act_autofill, [self.act_confirm], separator=True)
        append_to_menu_of(window.problems.toggleViewAction(), [self.act_filter])

    # -- new from last year -------------------------------------------------------------------------

    def choose_last_year(self) -> None:
        window = self._window
        if not window.maybe_save(self.choose_last_year):
            return
        path = window.choose_file(_tr("选择上年的自评表"))
        if path is not None:
            self.start_from(path)

    def start_from(self, path: Path) -> None:
        """Read last year's file (off the GUI thread, asking for columns if needed), roll it over."""
        self._window.open_path(path, ask=False, then=self._loaded)

    def _loaded(self, path: Path, report: Report, _checker: Checker) -> None:
        window = self._window
        rolled = rolled_over_report(window, report)
        if rolled is None:
            return
        doc = window.doc
        doc.replace(rolled, None)
        doc.suggested_path = path.with_name(suggested_file_name(
            path.with_suffix(".xlsx").name, report.year, rolled.year or 0))
        # Not saved anywhere yet: closing must ask, as for any unsaved work.
        doc.undo_stack.resetClean()
        carried = len(carried_rows(doc))
        window.show_message(
            _tr("已从「%1」生成 %2 年度的新表（%3 个项目）：实际支出、完成情况、问题和整改已清空；"
                "%4 个项目的预算金额仍为上年数据（灰色斜体），请逐项修改或确认沿用")
            .replace("%1", path.name).replace("%2", str(rolled.year))
            .replace("%3", str(len(rolled.projects))).replace("%4", str(carried)))

    # -- carried figures ----------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        table = self._window.table
        rows = {i.row() for i in table.selectionModel().selectedIndexes()}
        if not rows and table.currentIndex().isValid():
            rows = {table.currentIndex().row()}
        # Rows the filter hides are not part of what the clerk sees selected.
        return sorted(r for r in rows if not table.isRowHidden(r))

    def confirm_selected(self) -> None:
        count = confirm_carried(self._window.doc, self.selected_rows())
        if count:
            self._window.show_message(_tr("已确认 %n 个项目沿用上年预算").replace("%n", str(count)))
        else:
            self._window.show_message(_tr("所选的行没有仍为上年数据的预算金额"))

    def _filter_toggled(self, on: bool) -> None:
        self.filter.set_enabled(on)
        if on:
            count = len(carried_rows(self._window.doc))
            self._window.show_message(
                _tr("只显示仍为上年数据的项目：%n 个").replace("%n", str(count)) if count
                else _tr("没有仍为上年数据的项目"))


def install(window: MainWindow) -> NewYear:
    return NewYear(window)
