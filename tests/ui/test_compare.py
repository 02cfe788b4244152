"""View → 与上年对比: last year's figures beside this year's, what moved, sortable; a report
without last year's figures compared against last year's file."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.core.records import Funds, Project, Report
from evaldesk.core.rollover import roll_over
from evaldesk.io.write_xlsx import write_workbook
from evaldesk.ui.compare import CompareDock, match_previous
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.menus import menus_of

D = Decimal


def _column(dock: CompareDock, header: str) -> int:
    return [c.header for c in dock.model.columns].index(header)


def _shown(dock: CompareDock, header: str) -> list[str]:
    col = _column(dock, header)
    return [dock.proxy.index(r, col).data() for r in range(dock.proxy.rowCount())]


def test_matching_by_department_and_name() -> None:
    def project(dept: str, name: str, budget: str) -> Project:
        return Project(department=dept, name=name, budget=Funds(general=D(budget)))

    last = Report(year=2021, projects=[
        project("区信访局", "信访 事务", "10"), project("区信访局", "培训", "5"),
        project("区教育局", "培训", "7"), project("旧局", "搬迁", "3"), project("区卫健局", "义诊", "2")])
    now = Report(year=2022, projects=[
        project("区信访局", "信访事务", "12"), project("区教育局", "培训", "8"),
        project("区卫生健康局", "义诊", "4"), project("区信访局", "新项目", "1")])
    found, dropped = match_previous(now, last)
    budgets = {p.name: found[p.uid].budget for p in now.projects if p.uid in found}
    # spaces ignored; the department decides between two 培训; a renamed department still
    # matches a name unique in both years
    assert budgets == {"信访事务": D("10"), "培训": D("7"), "义诊": D("2")}
    assert [p.name for p in dropped] == ["培训", "搬迁"]
    assert found[now.projects[0].uid].year == 2021


def test_after_a_rollover_the_view_shows_what_moved(qtbot: QtBot, window: MainWindow) -> None:
    window.doc.replace(roll_over(window.doc.report), None)
    compare = window.compare
    assert menus_of(compare.action) == menus_of(window.problems.toggleViewAction())
    compare.action.trigger()
    dock = compare.dock
    assert dock.isVisible()
    assert "2021" in dock.source_label.text()
    assert _shown(dock, "上年预算")[0] == "91.66" and _shown(dock, "本年预算")[0] == "91.66"
    assert _shown(dock, "预算增减")[0] == "0.00"
    assert _shown(dock, "上年执行率")[0] == "98.13%"

    window.doc.set_cell_text(0, COLUMN_INDEX["budget.general"], "100")
    dock.refresh()
    assert _shown(dock, "本年预算")[0] == "100.00"
    assert _shown(dock, "预算增减")[0] == "+8.34"
    assert _shown(dock, "预算增减幅度")[0] == "+9.10%"
    window.doc.set_cell_text(1, COLUMN_INDEX["budget.general"], "1")
    dock.refresh()
    assert _shown(dock, "预算增减")[1].startswith("-")

    # Sorting by the change: the biggest cut first, the report's order back on the 序号 column.
    dock.view.sortByColumn(_column(dock, "预算增减"), Qt.SortOrder.AscendingOrder)
    changes = [D(t.replace(",", "").lstrip("+")) for t in _shown(dock, "预算增减")]
    assert changes == sorted(changes) and changes[-1] == D("8.34")
    dock.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _shown(dock, "序号") == [str(n) for n in range(1, 7)]
    totals = dock.totals_label.text()
    assert "两年都有的数字合计" in totals and "实际支出：本年尚未填写" in totals

    # A row leads to its project in the table.
    dock.view.sortByColumn(_column(dock, "预算增减"), Qt.SortOrder.DescendingOrder)
    dock.view.clicked.emit(dock.proxy.index(0, 2))
    assert window.table.currentIndex().row() == 0


def test_a_report_without_last_years_figures_is_compared_with_a_file(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    last = copy.deepcopy(window.doc.report)
    last.year = 2020
    last.title = "2020年度区信访局预算项目绩效自评表"
    last.projects[0].budget = Funds(general=D("80"))
    last.projects[5].name = "已撤销的项目"
    path = tmp_path / "2020年度.xlsx"
    write_workbook(last, path)
    assert window.doc.report.projects[0].previous is None

    dock = window.compare.dock
    window.compare.show()
    assert "没有上年数据" in dock.source_label.text()
    assert set(_shown(dock, "上年预算")) == {""}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dock.choose_button.click()
    qtbot.waitUntil(lambda: dock.model.last_year is not None, timeout=10000)
    assert "5 个项目对上" in dock.source_label.text()
    assert "本年新增 1 个" in dock.source_label.text() and "本年无 1 个" in dock.source_label.text()
    assert _shown(dock, "上年预算")[0] == "80.00" and _shown(dock, "预算增减")[0] == "+11.66"
    assert _shown(dock, "说明")[5:] == ["上年无此项目", "本年无此项目"]
    assert window.doc.report.projects[0].previous is None  # the report itself is untouched
    assert window.doc.undo_stack.count() == 0


def test_the_hidden_dock_makes_no_rows_until_it_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    # Building and sorting a row per project for a dock nobody opened was half of opening a
    # 5,000-project file; the rows are made when the dock first shows, and dropped with the
    # document while it is hidden.
    dock = window.compare.dock
    assert not dock.isVisible() and dock.model.rows == []
    window.doc.replace(roll_over(window.doc.report), None)
    assert dock.model.rows == []
    window.compare.action.trigger()
    assert len(dock.model.rows) == len(window.doc.projects)
    # Chosen from the View menu, it comes in front of the problems panel it is tabbed with.
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    window.compare.action.trigger()  # hidden again
    window.doc.replace(copy.deepcopy(window.doc.report), None)
    assert dock.model.rows == [] and dock.model.last_year is None
