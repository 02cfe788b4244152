"""一键修正 in the problems panel: the finding goes, undo brings it back, no fix where it would guess."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.core.rules import LOW_RATE_NO_REASON, OVERSPENT, RATE_MISMATCH, TOTAL_NOT_SUM
from evaldesk.ui.mainwindow import MainWindow


def _codes(window: MainWindow) -> list[str]:
    return [f.code for f in window.doc.findings.findings()]


def _select(qtbot: QtBot, window: MainWindow, code: str, nth: int = 0) -> None:
    panel = window.problems
    panel.problems.refresh()
    rows = [r for r in range(panel.problems.rowCount()) if panel.problems.finding(r).code == code]
    panel.view.selectionModel().select(
        panel.problems.index(rows[nth], 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_one_click_fix_removes_the_finding_and_undo_brings_it_back(
        qtbot: QtBot, window: MainWindow) -> None:
    doc = window.doc
    doc.set_cell_text(0, COLUMN_INDEX["budget.total"], "100")
    assert TOTAL_NOT_SUM in _codes(window)
    _select(qtbot, window, TOTAL_NOT_SUM)
    assert window.problems.fix_button.isEnabled()
    assert window.problems.fix_button.toolTip() == "合计改为各来源之和 91.66"
    steps = doc.undo_stack.count()
    window.problems.fix_button.click()
    assert TOTAL_NOT_SUM not in _codes(window)
    assert doc.projects[0].budget.total == Decimal("91.66")
    assert doc.undo_stack.count() == steps + 1
    doc.undo_stack.undo()
    assert TOTAL_NOT_SUM in _codes(window) and doc.projects[0].budget.total == Decimal("100")


def test_fix_all_of_one_code_is_one_step(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.doc
    for row in range(3):
        doc.set_cell_text(row, COLUMN_INDEX["rate"], "50%")
    assert _codes(window).count(RATE_MISMATCH) == 3
    _select(qtbot, window, RATE_MISMATCH)
    assert window.problems.fix_all_button.isEnabled()
    assert window.problems.fix_all_button.text() == "修正全部同类问题（3 处）"
    steps = doc.undo_stack.count()
    window.problems.fix_all_button.click()
    assert RATE_MISMATCH not in _codes(window)
    assert doc.undo_stack.count() == steps + 1
    doc.undo_stack.undo()
    assert _codes(window).count(RATE_MISMATCH) == 3


def test_no_fix_is_offered_where_it_would_guess(qtbot: QtBot, window: MainWindow) -> None:
    window.doc.set_cell_text(0, COLUMN_INDEX["actual.general"], "200")
    _select(qtbot, window, OVERSPENT)
    assert not window.problems.fix_button.isEnabled()
    assert not window.problems.fix_all_button.isEnabled()


def test_a_low_rate_without_reason_opens_the_problems_cell_for_typing(
        qtbot: QtBot, window: MainWindow) -> None:
    # The seed's project 6: 88.91 % with 问题 「无」.
    _select(qtbot, window, LOW_RATE_NO_REASON)
    assert window.problems.fix_button.isEnabled()
    window.problems.fix_button.click()
    table = window.table
    assert table.currentIndex().row() == 5
    assert table.currentIndex().column() == COLUMN_INDEX["problems"]
    assert table.state() == QAbstractItemView.State.EditingState
    assert window.doc.projects[5].problems == "无"  # nothing typed for the clerk


def test_a_blank_indicator_pair_is_filled_with_not_applicable_and_undone(
        qtbot: QtBot, window: MainWindow) -> None:
    from evaldesk.core.rules import EMPTY_INDICATOR_PAIR

    doc = window.doc
    # The seed's project 1 writes 不适用 for 经济效益; blank its 生态效益 pair.
    doc.set_cell_text(0, COLUMN_INDEX["ind.ecological.content"], "")
    doc.set_cell_text(0, COLUMN_INDEX["ind.ecological.actual"], "")
    assert EMPTY_INDICATOR_PAIR in _codes(window)
    _select(qtbot, window, EMPTY_INDICATOR_PAIR)
    steps = doc.undo_stack.count()
    window.problems.fix_button.click()
    assert EMPTY_INDICATOR_PAIR not in _codes(window)
    assert window.model.index(0, COLUMN_INDEX["ind.ecological.actual"]).data() == "不适用"
    assert doc.undo_stack.count() == steps + 1
    doc.undo_stack.undo()
    assert EMPTY_INDICATOR_PAIR in _codes(window)
