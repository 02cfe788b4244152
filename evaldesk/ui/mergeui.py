"""File → 合并…: many departments' tables into one summary, for a finance bureau.

Reading hundreds of files runs off the GUI thread behind a progress dialog that can be
cancelled; a file that cannot be read is listed with its reason and the merge goes on without
it. ``core.merge`` renumbers 序号, keeps 部门名称 and finds duplicate projects; the result dialog
shows each department's totals, the files left out and the duplicates, and saves the summary
with a 小计 row under each department (``write_workbook(..., subtotals=True)``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core import money
from evaldesk.core.merge import MergeResult, merge_reports
from evaldesk.core.records import Report
from evaldesk.io.batch import read_many
from evaldesk.ui.menus import insert_after

if TYPE_CHECKING:
    from evaldesk.ui.mainwindow import MainWindow

OPEN_FILTER = "自评表 (*.xlsx *.xlsm *.xls *.ods *.txt *.tsv *.csv *.htm *.html);;所有文件 (*)"
PROBLEM_FOREGROUND = QColor("#b3261e")


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


@dataclass
class MergeOutcome:
    result: MergeResult | None  # None when cancelled
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    files: int = 0

    @property
    def cancelled(self) -> bool:
        return self.result is None


def _remembered(signature: str) -> dict[str, int] | None:
    from evaldesk.ui.mapping import remembered_mapping, satisfies_needed

    known = remembered_mapping(signature)
    return known if known and not satisfies_needed(known) else None


def merge_files(paths: Sequence[Path], *, department: str = "", title: str = "",
                progress: Callable[[int, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> MergeOutcome:
    """Read (with the column mappings clerks chose before) and merge; a bad file is listed."""
    batch = read_many(paths, mapping_for=_remembered, progress=progress, cancelled=cancelled)
    if batch.cancelled:
        return MergeOutcome(None, batch.failures, len(paths))
    result = merge_reports(batch.reports, department=department, title=title)
    return MergeOutcome(result, batch.failures, len(paths))


class _MergeSignals(QObject):
    progress = Signal(int, str)
    finished = Signal(object)  # MergeOutcome


class MergeJob(QRunnable):
    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _MergeSignals()
        self._paths = list(paths)
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            outcome = merge_files(self._paths, progress=self.signals.progress.emit,
                                  cancelled=self._stop.is_set)
        except Exception as exc:  # merging itself failed: say so instead of leaving a dialog open
            outcome = MergeOutcome(None, [("", f"{type(exc).__name__}: {exc}")], len(self._paths))
        self.signals.finished.emit(outcome)


def department_rows(result: MergeResult) -> list[tuple[str, int, Decimal, Decimal]]:
    """(部门名称, 项目数, 预算合计, 实际支出合计) in the order departments first appear."""
    counts: dict[str, int] = {}
    for project in result.report.projects:
        counts[project.department] = counts.get(project.department, 0) + 1
    return [(dept, counts[dept], budget, actual)
            for dept, (budget, actual) in result.department_totals().items()]


def _item(text: str, *, right: bool = False, bold: bool = False,
          colour: QColor | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    if colour is not None:
        item.setForeground(QBrush(colour))
    return item


def _table(headers: Sequence[str], rows: Sequence[Sequence[QTableWidgetItem]],
           parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    for r, row in enumerate(rows):
        for c, item in enumerate(row):
            table.setItem(r, c, item)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MergeReportDialog(QDialog):
    """What the merge did: totals per department, files left out, duplicate projects."""

    def __init__(self, outcome: MergeOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert outcome.result is not None
        self.outcome = outcome
        self.merged = outcome.result
        self.choice = ""  # "save" / "open" / ""
        report = self.merged.report
        self.setWindowTitle(_tr("合并结果"))
        layout = QVBoxLayout(self)
        departments = department_rows(self.merged)
        read = outcome.files - len(outcome.failures)
        summary = _tr("已合并 %1 个文件：%2 个部门、%3 个项目。"
                      "预算合计 %4 万元，实际支出合计 %5 万元，执行率 %6。") \
            .replace("%1", str(read)).replace("%2", str(len(departments))) \
            .replace("%3", str(len(report.projects))) \
            .replace("%4", money.format_amount(report.budget_total(), grouping=True)) \
            .replace("%5", money.format_amount(report.actual_total(), grouping=True)) \
            .replace("%6", money.format_rate(report.overall_rate()))
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        problems: list[str] = []
        if outcome.failures:
            problems.append(_tr("%n 个文件无法读取，没有合并").replace("%n", str(len(outcome.failures))))
        if self.merged.duplicates:
            problems.append(_tr("%n 个项目在多个文件中重复出现，都已合并，请核对")
                            .replace("%n", str(len(self.merged.duplicates))))
        if len(self.merged.years) > 1:
            problems.append(_tr("文件的年度不一致（%1）").replace(
                "%1", "、".join(str(y) for y in sorted(self.merged.years))))
        self.problems = QLabel("；".join(problems), self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e; font-weight: bold")
        self.problems.setVisible(bool(problems))
        layout.addWidget(self.problems)

        self.tabs = QTabWidget(self)
        total_budget, total_actual = report.budget_total(), report.actual_total()
        rows = [[_item(dept or _tr("（未填部门）")), _item(str(count), right=True),
                 _item(money.format_amount(budget, grouping=True), right=True),
                 _item(money.format_amount(actual, grouping=True), right=True),
                 _item(money.format_rate(actual / budget if budget else None), right=True)]
                for dept, count, budget, actual in departments]
        rows.append([_item(_tr("合计"), bold=True), _item(str(len(report.projects)), right=True, bold=True),
                     _item(money.format_amount(total_budget, grouping=True), right=True, bold=True),
                     _item(money.format_amount(total_actual, grouping=True), right=True, bold=True),
                     _item(money.format_rate(report.overall_rate()), right=True, bold=True)])
        self.departments = _table([_tr("部门名称"), _tr("项目数"), _tr("预算合计（万元）"),
                                   _tr("实际支出合计（万元）"), _tr("执行率")], rows, self)
        self.tabs.addTab(self.departments, _tr("各部门合计"))
        self.failures = _table(
            [_tr("文件"), _tr("原因")],
            [[_item(Path(path).name, colour=PROBLEM_FOREGROUND), _item(reason)]
             for path, reason in outcome.failures], self)
        for row, (path, _reason) in enumerate(outcome.failures):
            item = self.failures.item(row, 0)
            if item is not None:
                item.setToolTip(path)
        self.tabs.addTab(self.failures, _tr("无法读取的文件（%n）").replace("%n", str(len(outcome.failures))))
        self.duplicates = _table(
            [_tr("部门名称"), _tr("项目名称"), _tr("出现在")],
            [[_item(dept), _item(name), _item("、".join(Path(w).name for w in where))]
             for dept, name, where in self.merged.duplicates], self)
        self.tabs.addTab(self.duplicates, _tr("重复的项目（%n）").replace(
            "%n", str(len(self.merged.duplicates))))
        layout.addWidget(self.tabs, 1)

        form = QFormLayout()
        self.department_edit = QLineEdit(self)
        self.department_edit.setPlaceholderText(_tr("如：龙岗区财政局"))
        self.department_edit.textChanged.connect(self._department_changed)
        form.addRow(_tr("汇总表的部门名称(盖章)："), self.department_edit)
        layout.addLayout(form)

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(_tr("保存汇总表…"), self)
        self.open_button = QPushButton(_tr("在窗口中打开"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(lambda: self._choose("save"))
        self.open_button.clicked.connect(lambda: self._choose("open"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)
        self.resize(900, 640)

    def _department_changed(self, text: str) -> None:
        report = self.merged.report
        report.department = text.strip()
        report.title = report.default_title().replace("预算项目绩效自评表", "预算项目绩效自评汇总表")

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class Merge(QObject):
    """File → 合并…: choose files, read them with progress, report, save or open the summary."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.job: MergeJob | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: MergeReportDialog | None = None
        self.action = QAction(_tr("合并多个部门的表(&M)…"), window)
        self.action.setStatusTip(_tr("把多个部门的自评表合并为一张汇总表，按部门小计"))
        self.action.triggered.connect(lambda _c=False: self.choose_files())
        window.addAction(self.action)
        insert_after(window.act_open, [self.action])

    def choose_files(self) -> None:
        window = self._window
        if self.job is not None:
            return
        start = str(window.doc.path.parent) if window.doc.path else ""
        names, _ = QFileDialog.getOpenFileNames(window, _tr("选择要合并的自评表（可多选）"), start,
                                                _tr(OPEN_FILTER))
        if names:
            self.start([Path(n) for n in names])

    def start(self, paths: Sequence[Path]) -> MergeJob:
        window = self._window
        progress = QProgressDialog(_tr("正在读取…"), _tr("取消"), 0, len(paths), window)
        progress.setWindowTitle(_tr("合并"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        job = MergeJob(paths)
        progress.canceled.connect(job.cancel)
        job.signals.progress.connect(lambda done, name: self._progress(done, len(paths), name))
        job.signals.finished.connect(self._finished)
        self.job, self.progress = job, progress
        QThreadPool.globalInstance().start(job)
        return job

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.progress is None:
            return
        self.progress.setValue(done)
        self.progress.setLabelText(
            _tr("正在读取第 %1/%2 个文件：%3").replace("%1", str(done + 1)).replace("%2", str(total))
            .replace("%3", name) if name else _tr("正在合并…"))

    def _finished(self, outcome: MergeOutcome) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        self.job, self.progress = None, None
        if outcome.cancelled:
            reason = outcome.failures[0][1] if outcome.failures and not outcome.failures[0][0] else ""
            self._window.show_message(_tr("合并已取消") + (f"（{reason}）" if reason else ""))
            return
        self.dialog = MergeReportDialog(outcome, self._window)
        self.dialog.finished.connect(lambda _r: self._decided())
        self.dialog.open()

    def _decided(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None or not dialog.choice:
            return
        report = dialog.merged.report
        dialog.deleteLater()
        if dialog.choice == "open":
            self.open_unsaved(report)
        else:
            self.save(report)

    def open_unsaved(self, report: Report) -> None:
        window = self._window
        if not window.maybe_save(lambda: self.open_unsaved(report)):
            return
        window.doc.replace(report, None)
        window.doc.undo_stack.resetClean()  # not saved anywhere yet
        window.show_message(_tr("汇总表尚未保存；用「保存汇总表」可写入带部门小计的工作簿"))

    def save(self, report: Report) -> None:
        window = self._window
        start = window.doc.path.parent if window.doc.path else Path()
        path, _ = QFileDialog.getSaveFileName(window, _tr("保存汇总表"),
                                              str(start / (report.shown_title + ".xlsx")),
                                              _tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.write(report, Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx"))

    def write(self, report: Report, path: Path) -> None:
        """Write with department subtotals off the GUI thread, then open the saved summary."""
        from evaldesk.ui.workers import Task

        def work() -> Path:
            from evaldesk.io.write_xlsx import write_workbook

            write_workbook(report, path)  # the merged report asks for its 小计 rows itself
            return path

        task = Task(work)
        task.signals.done.connect(lambda _p: self._written(path))
        task.signals.failed.connect(lambda reason: self._window.show_message(
            _tr("无法保存汇总表：%1").replace("%1", reason)))
        self._write_task = task
        QThreadPool.globalInstance().start(task)

    def _written(self, path: Path) -> None:
        window = self._window
        window.show_message(_tr("已保存汇总表 %1").replace("%1", str(path)))
        window.open_path(path)


def install(window: MainWindow) -> Merge:
    return Merge(window)
