"""File → 生成自评报告…: the 绩效自评报告 drafted in Word from the table in the window.

The same two calls as ``evaldesk report`` (``core.selfreport.summarize`` then
``io.write_docx.write_self_report``) on a snapshot of the report under the document's scoring
profile, run off the GUI thread like a save; so the window and the command line write the same
document. python-docx is imported only when the clerk asks for a report.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from evaldesk.core.records import Report
from evaldesk.core.scoring import ScoringProfile
from evaldesk.ui.menus import insert_after
from evaldesk.ui.workers import Task, snapshot

if TYPE_CHECKING:
    from evaldesk.core.selfreport import SelfReportSummary
    from evaldesk.ui.mainwindow import MainWindow


def draft(report: Report, profile: ScoringProfile, target: Path) -> SelfReportSummary:
    """Summarize and write; returns the summary so the window can say what the draft holds."""
    from evaldesk.core.selfreport import summarize
    from evaldesk.io.write_docx import write_self_report

    summary = summarize(report, profile)
    write_self_report(summary, target)
    return summary


def suggested_path(window: MainWindow) -> Path:
    """Beside the table, named for the unit and year (as ``evaldesk report`` names it)."""
    from evaldesk.core.selfreport import report_department
    from evaldesk.io.write_docx import suggested_file_name

    report = window.doc.report
    name = suggested_file_name(report.year, report_department(report))
    folder = window.doc.path.parent if window.doc.path else Path.home()
    return folder / name


class SelfReportAction(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.act_draft = QAction(self.tr("生成自评报告(&W)…"), window)
        self.act_draft.setStatusTip(
            self.tr("根据本表生成绩效自评报告初稿（Word 文档）：金额、执行率、低执行率项目及原因、"
                "指标完成情况和尚未处理的问题自动填入"))
        self.act_draft.triggered.connect(lambda _c=False: self.choose_target())
        window.addAction(self.act_draft)
        insert_after(window.act_pdf, [self.act_draft])
        self.last_summary: SelfReportSummary | None = None

    def choose_target(self) -> None:
        window = self._window
        if not window.doc.report.projects:
            window.show_message(self.tr("表中还没有项目，无法生成自评报告"))
            return
        window._commit_pending_edit()
        path, _ = QFileDialog.getSaveFileName(
            window, self.tr("生成自评报告"), str(suggested_path(window)), self.tr("Word 文档 (*.docx)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        self.write_to(target)

    def write_to(self, target: Path) -> None:
        """Draft into ``target`` off the GUI thread, from the report as it is now."""
        window = self._window
        if window.is_busy():
            window.show_message(self.tr("正在处理上一个文件，请稍候"))
            return
        frozen = snapshot(window.doc.report)
        profile = window.doc.profile
        window._busy(self.tr("正在生成自评报告 %1 …").replace("%1", target.name))
        task = Task(lambda: draft(frozen, profile, target))
        task.signals.done.connect(lambda summary: self._drafted(target, summary))
        task.signals.failed.connect(
            lambda reason: window._failed(self.tr("无法生成自评报告"), target, reason))
        window._task = task
        QThreadPool.globalInstance().start(task)

    def _drafted(self, target: Path, summary: SelfReportSummary) -> None:
        window = self._window
        window._idle()
        self.last_summary = summary
        notes = [self.tr("已生成自评报告初稿 %1").replace("%1", str(target))]
        if summary.unexplained_low_rate:
            notes.append(self.tr("%n 个执行率低于 90% 的项目未说明原因").replace(
                "%n", str(len(summary.unexplained_low_rate))))
        if summary.findings:
            notes.append(self.tr("%1 个错误、%2 个警告尚未处理，已列入报告")
                         .replace("%1", str(summary.errors)).replace("%2", str(summary.warnings)))
        window.show_message("；".join(notes))
        answer = QMessageBox.question(
            window, self.tr("生成自评报告"),
            "\n\n".join(["；".join(notes) + "。",
                         self.tr("黄色底纹的【请填写：…】处须由经办人补写。现在打开这份文档吗？")]),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            QMessageBox.StandardButton.Open)
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


def install(window: MainWindow) -> SelfReportAction:
    return SelfReportAction(window)
