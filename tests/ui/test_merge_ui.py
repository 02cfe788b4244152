"""File → 合并…: progress off the GUI thread, a result dialog listing bad files and duplicates,
the summary saved with department subtotals and opened, cancelling."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from benchmarks.bench_merge import department_files, write_csv
from evaldesk.core.records import Report
from evaldesk.io.write_xlsx import SUBTOTAL_LABEL
from evaldesk.ui import mergeui
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.menus import menus_of
from evaldesk.ui.mergeui import MergeReportDialog

D = Decimal


def _files(folder: Path) -> tuple[list[Path], list[Report]]:
    paths, reports = department_files(folder, 4, per_department=2, workbooks_every=2)
    # The first department's file sent twice (under another name): its projects are duplicates.
    again = folder / "重复报送.csv"
    write_csv(reports[0], again)
    broken = folder / "打不开.xlsx"
    broken.write_bytes(b"not a workbook at all")
    return [*paths, again, broken], reports


def _merged_dialog(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> MergeReportDialog:
    window.merge.start(paths)
    qtbot.waitUntil(lambda: window.merge.dialog is not None, timeout=15000)
    dialog = window.merge.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_merge_sits_under_open(window: MainWindow) -> None:
    (menu,) = menus_of(window.act_open)
    actions = menu.actions()
    assert actions[actions.index(window.act_open) + 1] is window.merge.action


def test_result_lists_departments_bad_files_and_duplicates(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    paths, reports = _files(tmp_path)
    dialog = _merged_dialog(qtbot, window, paths)
    merged = dialog.merged.report
    assert len(merged.projects) == 10
    # The department sent twice is one run of rows (one 小计), renumbered in order.
    assert [p.department for p in merged.projects[:4]] == [reports[0].department] * 4
    assert [p.seq for p in merged.projects] == [str(n) for n in range(1, 11)]
    assert merged.budget_total() == sum((r.budget_total() for r in reports), D(0)) \
        + reports[0].budget_total()
    # Four departments and the 合计 row.
    assert dialog.departments.rowCount() == 5
    assert [dialog.departments.item(r, 0).text() for r in range(4)] == [r.department for r in reports]
    assert dialog.departments.item(4, 0).text() == "合计"
    assert dialog.failures.rowCount() == 1 and dialog.failures.item(0, 0).text() == "打不开.xlsx"
    assert dialog.duplicates.rowCount() == 2  # both projects of the department sent twice
    assert "重复报送.csv" in dialog.duplicates.item(0, 2).text()
    assert "1 个文件无法读取" in dialog.problems.text() and "2 个项目" in dialog.problems.text()
    assert window.doc.report is not merged  # nothing replaced until the clerk chooses

    dialog.department_edit.setText("龙岗区财政局")
    assert merged.title == "2021年度龙岗区财政局预算项目绩效自评汇总表"
    dialog.open_button.click()
    qtbot.waitUntil(lambda: window.doc.report is merged)
    assert window.doc.path is None and window.isWindowModified()


def test_save_writes_subtotals_and_opens_the_summary(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths, reports = _files(tmp_path)
    target = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = _merged_dialog(qtbot, window, paths[:4])
    dialog.save_button.click()
    qtbot.waitUntil(lambda: window.doc.path == target, timeout=15000)
    assert len(window.doc.projects) == 8  # read back without the 小计 rows
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    labels = [(r[0], r[1]) for r in rows if r and r[0] == SUBTOTAL_LABEL]
    assert labels == [(SUBTOTAL_LABEL, r.department) for r in reports]


def test_cancel_stops_reading(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    paths, _reports = _files(tmp_path)
    release = threading.Event()
    first_read = threading.Event()
    original = mergeui.read_many

    def slow_read_many(files: list[Path], **kwargs: object) -> object:
        def progress(done: int, name: str) -> None:
            kwargs["progress"](done, name)  # type: ignore[operator]
            first_read.set()
            release.wait(5)

        return original(files, mapping_for=None, progress=progress,
                        cancelled=kwargs["cancelled"])  # type: ignore[arg-type]

    monkeypatch.setattr(mergeui, "read_many", slow_read_many)
    window.merge.start(paths)
    assert first_read.wait(5)
    progress = window.merge.progress
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: window.merge.job is None, timeout=10000)
    assert window.merge.dialog is None
    assert "合并已取消" in window.statusBar().currentMessage()
