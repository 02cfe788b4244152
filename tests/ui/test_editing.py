"""Driving the real table: typing, the editors, refusals, undo — as a clerk would."""

from __future__ import annotations

import copy
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.core.rules import OVERSPENT
from evaldesk.ui.delegates import TextEditor
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.model import ERROR_BACKGROUND, ProjectTableModel


def goto(win: MainWindow, row: int, key: str) -> None:
    win.select_cell(row, COLUMN_INDEX[key])


def type_keys(qtbot: QtBot, win: MainWindow, text: str) -> None:
    """The first key opens the editor (replacing the cell); the rest go where focus went."""
    qtbot.keyClick(QApplication.focusWidget(), text[0])
    if text[1:]:
        qtbot.keyClicks(QApplication.focusWidget(), text[1:])


def type_into(qtbot: QtBot, win: MainWindow, row: int, key: str, text: str) -> None:
    goto(win, row, key)
    type_keys(qtbot, win, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def type_chinese(qtbot: QtBot, win: MainWindow, row: int, key: str, text: str) -> None:
    goto(win, row, key)
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(QApplication.focusWidget(), event)
    editor = QApplication.focusWidget()
    assert isinstance(editor, (QLineEdit, TextEditor)), editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_typing_a_number_replaces_recomputes_and_moves_down(qtbot: QtBot, window: MainWindow) -> None:
    project = window.doc.projects[0]
    type_into(qtbot, window, 0, "budget.general", "1,234.5")
    assert project.budget.general == Decimal("1234.5")
    assert project.budget.total == Decimal("1234.5")  # 合计 follows its parts (auto-fill)
    assert window.model.index(0, COLUMN_INDEX["budget.total"]).data() == "1,234.50"
    current = window.table.currentIndex()
    assert (current.row(), current.column()) == (1, COLUMN_INDEX["budget.general"])
    assert window.table.state() != QAbstractItemView.State.EditingState


def test_typing_chinese_through_the_input_method(qtbot: QtBot, window: MainWindow) -> None:
    type_chinese(qtbot, window, 1, "budget.general", "１２３．５")  # full-width digits from an IME
    assert window.doc.projects[1].budget.general == Decimal("123.5")
    type_chinese(qtbot, window, 1, "name", "信访接待")
    assert window.doc.projects[1].name == "信访接待"
    type_chinese(qtbot, window, 1, "problems", "培训推迟")
    assert window.doc.projects[1].problems == "培训推迟"


def test_nonsense_typed_in_an_amount_is_kept_red_with_its_finding(qtbot: QtBot,
                                                                   window: MainWindow) -> None:
    project = window.doc.projects[0]
    goto(window, 0, "budget.general")
    type_keys(qtbot, window, "abc")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Kept as the cell's text, like an imported bad value: red, with the reason in the findings.
    assert window.table.state() != QAbstractItemView.State.EditingState
    assert project.bad_values["budget.general"] == "abc"
    assert project.budget.general is None
    index = window.model.index(0, COLUMN_INDEX["budget.general"])
    assert index.data() == "abc"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND
    assert any(f.field == "budget.general" and f.is_error
               for f in window.doc.findings.findings() if f.project_uid == project.uid)
    assert "不是金额" in window.table.cell_delegate.last_refusal
    # Fixing it is an ordinary edit; undo brings the bad text back, then the original figure.
    type_into(qtbot, window, 0, "budget.general", "12")
    assert project.budget.general == Decimal("12")
    assert "budget.general" not in project.bad_values
    window.act_undo.trigger()
    assert window.doc.projects[0].bad_values["budget.general"] == "abc"


def test_nonsense_is_kept_when_the_clerk_clicks_away(qtbot: QtBot, window: MainWindow) -> None:
    goto(window, 1, "actual.general")
    event = QInputMethodEvent("", [])
    event.setCommitString("见附表")  # Chinese comes through the input method
    QApplication.sendEvent(QApplication.focusWidget(), event)
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    goto(window, 2, "name")  # clicking another cell: focus leaves the editor
    qtbot.waitUntil(lambda: window.table.state() != QAbstractItemView.State.EditingState)
    assert window.doc.projects[1].bad_values["actual.general"] == "见附表"


def test_alt_enter_makes_a_new_line_in_a_text_cell(qtbot: QtBot, window: MainWindow) -> None:
    goto(window, 0, "problems")
    type_keys(qtbot, window, "a")
    editor = QApplication.focusWidget()
    assert isinstance(editor, TextEditor)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(editor, "b")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "c")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.doc.projects[0].problems == "a\nb\nc"


def test_f2_edits_the_existing_text(qtbot: QtBot, window: MainWindow) -> None:
    goto(window, 0, "name")
    assert QApplication.focusWidget() is window.table.frozen  # 项目名称 is a frozen column
    qtbot.keyClick(window.table.frozen, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "办公设备购置"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.doc.projects[0].name == "办公设备购置2"


def test_finding_colour_appears_and_clears(qtbot: QtBot, window: MainWindow) -> None:
    index = window.model.index(0, COLUMN_INDEX["actual.general"])
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    counts_before = window.doc.findings.counts()
    type_into(qtbot, window, 0, "actual.general", "95")  # budget 91.66: overspent
    brush = index.data(Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color() == ERROR_BACKGROUND
    assert "超过预算" in index.data(Qt.ItemDataRole.ToolTipRole)
    codes = {f.code for f in window.doc.findings.cell(window.doc.projects[0].uid, "actual.general")}
    assert codes == {OVERSPENT}
    assert window.doc.findings.counts()[0] > counts_before[0]
    type_into(qtbot, window, 0, "actual.general", "89.94")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert window.doc.findings.counts() == counts_before


def test_only_the_edited_row_is_repainted(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.model.dataChanged) as blocker:
        window.doc.set_cell_text(4, COLUMN_INDEX["problems"], "供应商延期")
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() == bottom.row() == 4


def test_undo_and_redo_restore_records_and_findings_exactly(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.doc
    original = copy.deepcopy(doc.projects)
    original_findings = doc.findings.findings()
    type_into(qtbot, window, 0, "actual.general", "95")
    type_chinese(qtbot, window, 2, "goal", "新的目标")
    type_into(qtbot, window, 3, "rate", "50%")
    window.header_form.edits["preparer"].setText("张三")
    window.header_form.edits["preparer"].editingFinished.emit()
    window.select_cell(1, 0)
    window.insert_rows(below=True)
    window.select_cell(5, 0)
    window.delete_rows()
    after = copy.deepcopy(doc.projects)
    after_findings = doc.findings.findings()
    assert after != original
    while doc.undo_stack.canUndo():
        window.act_undo.trigger()
    assert doc.projects == original
    assert [p.uid for p in doc.projects] == [p.uid for p in original]
    assert doc.findings.findings() == original_findings
    assert doc.report.preparer == ""
    assert window.header_form.edits["preparer"].text() == ""
    assert doc.undo_stack.isClean()
    while doc.undo_stack.canRedo():
        window.act_redo.trigger()
    assert doc.projects == after
    assert doc.findings.findings() == after_findings
    assert doc.report.preparer == "张三"


def test_delete_clears_the_selection_in_one_step(qtbot: QtBot, window: MainWindow) -> None:
    window.select_block(range(2), range(COLUMN_INDEX["goal"], COLUMN_INDEX["completion"] + 1))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert [p.goal for p in window.doc.projects[:2]] == ["", ""]
    assert [p.completion for p in window.doc.projects[:2]] == ["", ""]
    window.act_undo.trigger()
    assert window.doc.projects[0].goal.startswith("1、做好特殊防护期间")


def test_model_passes_qt_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.problems.problems)


def test_empty_model_passes_model_tester(qtmodeltester, empty_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(empty_window.model, ProjectTableModel)
    qtmodeltester.check(empty_window.model)


def test_keyboard_crosses_the_frozen_edge(qtbot: QtBot, window: MainWindow) -> None:
    goto(window, 0, "name")
    assert QApplication.focusWidget() is window.table.frozen
    qtbot.keyClick(window.table.frozen, Qt.Key.Key_Right)
    assert window.table.currentIndex().column() == COLUMN_INDEX["budget.total"]
    assert QApplication.focusWidget() is window.table
    qtbot.keyClick(window.table, Qt.Key.Key_Left)
    assert window.table.currentIndex().column() == COLUMN_INDEX["name"]
    assert QApplication.focusWidget() is window.table.frozen


def test_two_edits_of_one_cell_are_two_undo_steps(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.doc
    col = COLUMN_INDEX["problems"]
    before = doc.projects[0].problems
    type_into(qtbot, window, 0, "problems", "a")
    type_into(qtbot, window, 0, "problems", "ab")
    assert doc.undo_stack.count() == 2  # as in a spreadsheet: each committed edit is a step
    window.act_undo.trigger()
    assert doc.projects[0].problems == "a"
    window.act_undo.trigger()
    assert doc.projects[0].problems == before
    doc.set_cell_text(0, col, "x")
    doc.set_cell_text(0, col, "x")  # the same text again changes nothing: no step
    assert doc.undo_stack.count() == 1


def test_form_and_compare_models_pass_qt_model_tester(  # type: ignore[no-untyped-def]
        qtmodeltester, window: MainWindow) -> None:
    # The project form's indicator list, following the current row, and the compare view.
    window.select_cell(0, COLUMN_INDEX["name"])
    qtmodeltester.check(window.project_form.form.indicator_model)
    from evaldesk.ui.compare import CompareModel

    qtmodeltester.check(CompareModel(window.doc, window))
