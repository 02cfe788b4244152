"""File → 从上年文件新建… on the example: the 2022 table, its carried figures, filter and confirm."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.io import read_report
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.menus import menus_of
from evaldesk.ui.model import CarriedRole

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"
GENERAL = COLUMN_INDEX["budget.general"]


def _roll_over_the_example(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(EXAMPLE), ""))
    window.newyear.act_new_from_last_year.trigger()
    qtbot.waitUntil(lambda: window.doc.report.year == 2022, timeout=10000)


def _carried(window: MainWindow, row: int, col: int = GENERAL) -> bool:
    value = window.model.index(row, col).data(CarriedRole)
    assert isinstance(value, bool)
    return value


def test_the_action_sits_under_new_and_the_filter_in_the_view_menu(window: MainWindow) -> None:
    (file_menu,) = menus_of(window.act_new)
    actions = file_menu.actions()
    assert actions[actions.index(window.act_new) + 1] is window.newyear.act_new_from_last_year
    assert menus_of(window.newyear.act_filter) == menus_of(window.problems.toggleViewAction())
    assert window.newyear.act_filter.isCheckable()


def test_new_from_last_year_gives_2022_with_last_years_budget_marked(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    last_year = read_report(EXAMPLE)
    _roll_over_the_example(qtbot, window, monkeypatch)
    doc = window.doc
    assert window.header_form.edits["title"].text() == "2022年度区信访局预算项目绩效自评表"
    assert doc.path is None  # Save goes to Save As, never over last year's file
    assert doc.suggested_path == EXAMPLE.with_name("2022年度区信访局预算项目绩效自评表.xlsx")
    assert window.isWindowModified()  # unsaved work: closing asks
    assert [p.name for p in doc.projects] == [p.name for p in last_year.projects]
    for row, (new, old) in enumerate(zip(doc.projects, last_year.projects, strict=True)):
        assert new.budget.total == old.budget.total
        assert new.actual.total is None and new.problems == "" and new.rate_shown is None
        assert _carried(window, row) and _carried(window, row, COLUMN_INDEX["budget.total"])
        assert not _carried(window, row, COLUMN_INDEX["name"])
        assert not _carried(window, row, COLUMN_INDEX["actual.general"])
    cell = window.model.index(0, GENERAL)
    assert cell.data(Qt.ItemDataRole.FontRole).italic()
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "仍为上年数据" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert window.model.index(0, COLUMN_INDEX["name"]).data(Qt.ItemDataRole.FontRole) is None
    assert "2022" in window.statusBar().currentMessage()


def test_filter_confirm_edit_and_undo(qtbot: QtBot, window: MainWindow,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _roll_over_the_example(qtbot, window, monkeypatch)
    doc, table = window.doc, window.table
    rows = len(doc.projects)

    def hidden() -> list[int]:
        # Both views hide the same rows: the frozen columns never show a row the table hides.
        main = [r for r in range(rows) if table.isRowHidden(r)]
        assert main == [r for r in range(rows) if table.frozen.isRowHidden(r)]
        return main

    window.newyear.act_filter.setChecked(True)
    assert hidden() == []  # every row still holds last year's figures

    window.select_block(range(2), range(GENERAL, GENERAL + 1))
    window.newyear.act_confirm.trigger()
    assert not doc.projects[0].carried_over and not doc.projects[1].carried_over
    assert not _carried(window, 0)
    assert doc.projects[0].budget.total == Decimal("91.66")  # confirming keeps the figure
    qtbot.waitUntil(lambda: hidden() == [0, 1])

    # Typing a new 合计 confirms the row too; a source amount only confirms that source.
    window.doc.set_cell_text(2, COLUMN_INDEX["budget.general"], "130")
    assert doc.projects[2].carried_over == {"budget.fund", "budget.non_fiscal"}
    assert _carried(window, 2, COLUMN_INDEX["budget.total"])
    assert not _carried(window, 2, GENERAL)
    window.doc.set_cell_text(3, COLUMN_INDEX["budget.total"], "200")
    qtbot.waitUntil(lambda: hidden() == [0, 1, 3])

    window.act_undo.trigger()
    window.act_undo.trigger()
    window.act_undo.trigger()  # the confirmation
    assert all(p.carried_over for p in doc.projects)
    assert _carried(window, 0)
    qtbot.waitUntil(lambda: hidden() == [])
    window.act_redo.trigger()
    assert not doc.projects[0].carried_over

    window.newyear.act_filter.setChecked(False)
    assert hidden() == []

    window.newyear.act_filter.setChecked(True)
    qtbot.waitUntil(lambda: hidden() == [0, 1])
    window.doc.replace(copy.deepcopy(window.doc.report), None)  # as opening another file does
    assert not window.newyear.act_filter.isChecked()
    qtbot.waitUntil(lambda: hidden() == [])


def test_confirm_without_carried_rows_says_so(window: MainWindow) -> None:
    window.select_cell(0, GENERAL)
    window.newyear.act_confirm.trigger()
    assert window.doc.undo_stack.count() == 0
    assert "没有仍为上年数据" in window.statusBar().currentMessage()


def test_save_as_starts_from_the_next_years_name(qtbot: QtBot, window: MainWindow,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _roll_over_the_example(qtbot, window, monkeypatch)
    offered: list[str] = []

    def save_name(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.save()
    assert offered == [str(EXAMPLE.with_name("2022年度区信访局预算项目绩效自评表.xlsx"))]


def test_with_the_filter_off_an_edit_does_not_walk_every_row(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    # Asking every row of both views whether it is hidden cost ~10 ms a keystroke on 5,000
    # projects, after every edit, with the filter never used.
    asked: list[int] = []
    for view in (window.table, window.table.frozen):
        original = view.isRowHidden
        monkeypatch.setattr(view, "isRowHidden",
                            lambda row, original=original: asked.append(row) or original(row))
    window.doc.set_cell_text(0, GENERAL, "12.5")
    window.newyear.filter.apply()  # what the change's timer runs
    assert asked == []
    window.newyear.act_filter.setChecked(True)  # on, it does look at every row
    assert asked
