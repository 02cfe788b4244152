"""The project form beside the table: a second view of the same project through the same undo
stack — indicator edits, scores, findings, the table's indicator cells, the problems panel."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.core.records import Comparator, Funds, ImportNote, Indicator, Project, Report
from evaldesk.core.rules import CARRIED_OVER, Finding
from evaldesk.core.scoring import (
    SCORE_ABOVE_WEIGHT,
    SCORE_NO_REASON,
    WEIGHTS_NOT_GROUP_POINTS,
    ScoringProfile,
    get_profile,
)
from evaldesk.io.grid import IMPORT_UNPLACED
from evaldesk.ui import findings as findings_module
from evaldesk.ui.indicators import COLUMN_OF, OVERRIDDEN_FOREGROUND
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.model import ERROR_BACKGROUND
from evaldesk.ui.problems import finding_actions
from evaldesk.ui.projectform import ProjectForm

D = Decimal


def scored_project() -> Project:
    """A per-project form with weights adding up to the MoF group points (50/30/10)."""
    ind = Indicator
    return Project(
        seq="1", department="区信访局", name="信访信息化运行维护",
        budget=Funds(general=D("40")), actual=Funds(general=D("36")),
        goal="保障系统稳定运行", completion="系统全年稳定运行",
        indicators=[
            ind("quantity", "运维服务系统数", "6", Comparator.GE, "个", "6", D(20)),
            ind("quality", "系统可用率", "99", Comparator.GE, "%", "99.5", D(15)),
            ind("timeliness", "故障响应时间", "2", Comparator.LE, "小时", "4", D(15)),
            ind("social", "网上信访按期办结率", "95", Comparator.GE, "%", "98", D(30)),
            ind("satisfaction", "信访群众满意度", "90", Comparator.GE, "%", "92", D(10)),
        ],
    )


def other_project() -> Project:
    return Project(seq="2", department="区信访局", name="信访事务",
                   budget=Funds(general=D("10")), actual=Funds(general=D("10")),
                   indicators=[Indicator("quantity", "化解积案", "20件", actual="20件")])


@pytest.fixture
def scored(window: MainWindow) -> MainWindow:
    window.doc.replace(Report(year=2021, projects=[scored_project(), other_project()]), None)
    window.select_cell(0, COLUMN_INDEX["name"])
    return window


def form_of(win: MainWindow) -> ProjectForm:
    return win.project_form.form


def enter(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type into a form field as a clerk would (replacing it) and press Enter."""
    edit.setFocus()
    edit.selectAll()
    if not text:
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    elif text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def codes(win: MainWindow, uid: int) -> list[str]:
    return [f.code for f in win.doc.findings.checker.for_project(uid)]


def cell(win: MainWindow, row: int, key: str) -> str:
    return str(win.model.index(row, COLUMN_INDEX[key]).data())


# -- the form follows the table ------------------------------------------------------------------


def test_the_form_follows_the_current_row(window: MainWindow) -> None:
    form = form_of(window)
    for row in (2, 0, 5):
        window.select_cell(row, COLUMN_INDEX["budget.general"])
        project = window.doc.projects[row]
        assert form.uid == project.uid
        assert form.lines["name"].text() == project.name
        assert form.texts["goal"].toPlainText() == project.goal
        assert form.indicator_model.rowCount() == len(project.indicators)
    assert form.caption.text().startswith("第 6 行")


def test_a_text_field_commits_on_leaving_it_as_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    window.select_cell(1, COLUMN_INDEX["name"])
    form = form_of(window)
    project = window.doc.projects[1]
    goal = form.texts["goal"]
    form.tabs.setCurrentWidget(form.basic_page)
    goal.setFocus()
    goal.selectAll()
    for piece in ("提升", "信访", "效率"):  # three keystrokes' worth: still one step
        event = QInputMethodEvent("", [])
        event.setCommitString(piece)
        QApplication.sendEvent(goal, event)
    assert project.goal != "提升信访效率"  # nothing is stored per keystroke
    steps = window.doc.undo_stack.count()
    goal.clearFocus()
    assert project.goal == "提升信访效率"
    assert cell(window, 1, "goal") == "提升信访效率"
    assert window.doc.undo_stack.count() == steps + 1
    assert window.doc.undo_stack.undoText() == "编辑「年初绩效目标」"
    window.doc.undo_stack.undo()
    assert goal.toPlainText() == project.goal != "提升信访效率"


def test_an_amount_updates_totals_rate_and_table_and_keeps_nonsense(qtbot: QtBot,
                                                                      window: MainWindow) -> None:
    window.select_cell(0, COLUMN_INDEX["name"])
    form = form_of(window)
    project = window.doc.projects[0]
    before = project.budget.general
    line = form.lines["budget.general"]
    steps = window.doc.undo_stack.count()
    enter(qtbot, line, "abc")
    # Kept, as the table keeps it: the field's text, red, with its finding (one undo step).
    assert project.bad_values["budget.general"] == "abc"
    assert window.doc.undo_stack.count() == steps + 1
    assert "应为数字" in line.toolTip()
    assert line.text() == "abc"
    assert window.model.index(0, COLUMN_INDEX["budget.general"]).data() == "abc"
    window.doc.undo_stack.undo()
    assert project.budget.general == before

    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "100")
    # Live, before committing: the totals and the rate as they will be.
    assert form.totals["budget.total"].text() == "100.00"
    assert form.rate.text() == "<b>89.94%</b>"
    assert project.budget.general == before
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert project.budget.general == D(100)
    assert cell(window, 0, "budget.total") == "100.00"
    assert cell(window, 0, "rate") == "89.94%"
    assert window.doc.undo_stack.count() == steps + 1
    window.doc.undo_stack.undo()
    assert project.budget.general == before
    assert form.lines["budget.general"].text() == cell(window, 0, "budget.general")
    assert form.totals["budget.total"].text() == "91.66"


# -- indicators: one list, two views ---------------------------------------------------------------


def test_editing_an_indicator_changes_table_score_total_and_findings_and_undo_restores(
        qtbot: QtBot, scored: MainWindow) -> None:
    form = form_of(scored)
    project = scored.doc.projects[0]
    model = form.indicator_model
    total_before = form.strip.total.text()
    timeliness = model.index(2, COLUMN_OF["score"])
    assert timeliness.data() == "7.50"  # ≤ 2 hours, took 4: 15 × 2 / 4
    assert SCORE_NO_REASON in codes(scored, project.uid)
    assert "91.50" in total_before  # 执行率 90 % → 9, then 20 + 15 + 7.5 + 30 + 10

    form.tabs.setCurrentWidget(form.indicators)
    form.indicators.select_row(2)
    enter(qtbot, form.indicators.detail.actual, "2")

    assert project.indicators[2].actual == "2"
    assert cell(scored, 0, "ind.timeliness.actual") == "2"
    assert model.index(2, COLUMN_OF["score"]).data() == "15.00"
    assert form.strip.groups[0].text() == "产出 50.00/50"
    assert "99.00" in form.strip.total.text()
    assert SCORE_NO_REASON not in codes(scored, project.uid)
    assert not any(f.field.startswith("indicator:2") for f in scored.doc.findings.row(project.uid))
    assert scored.doc.undo_stack.undoText() == "编辑指标「实际完成值」"

    scored.doc.undo_stack.undo()
    assert project.indicators[2].actual == "4"
    assert cell(scored, 0, "ind.timeliness.actual") == "4"
    assert model.index(2, COLUMN_OF["score"]).data() == "7.50"
    assert form.strip.total.text() == total_before
    assert SCORE_NO_REASON in codes(scored, project.uid)
    assert form.indicators.detail.actual.text() == "4"


def test_the_table_cell_edits_the_one_indicator_and_the_form_follows(qtbot: QtBot,
                                                                    scored: MainWindow) -> None:
    form = form_of(scored)
    scored.doc.set_cell_text(0, COLUMN_INDEX["ind.quality.content"], "系统年可用率")
    assert scored.doc.projects[0].indicators[1].name == "系统年可用率"
    assert form.indicator_model.index(1, COLUMN_OF["name"]).data() == "系统年可用率"
    assert form.indicator_model.index(1, COLUMN_OF["weight"]).data() == "15.00"  # same indicator


def test_add_remove_and_reorder_indicators(qtbot: QtBot, scored: MainWindow) -> None:
    form = form_of(scored)
    editor = form.indicators
    project = scored.doc.projects[0]
    editor.select_row(0)
    editor.category.setCurrentIndex(editor.category.findData("quantity"))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert [i.category for i in project.indicators][:2] == ["quantity", "quantity"]
    assert editor.current_row() == 1
    enter(qtbot, editor.detail.name, "数据备份次数")
    enter(qtbot, editor.detail.target, "4")
    enter(qtbot, editor.detail.actual, "4")
    # Two 数量指标 now: the summary cell numbers them.
    assert cell(scored, 0, "ind.quantity.content") == "1、运维服务系统数\n2、数据备份次数"
    assert cell(scored, 0, "ind.quantity.actual") == "1、6\n2、4"

    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert [i.name for i in project.indicators][:2] == ["数据备份次数", "运维服务系统数"]
    assert cell(scored, 0, "ind.quantity.content") == "1、数据备份次数\n2、运维服务系统数"
    assert editor.current_row() == 0
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert [i.name for i in project.indicators][:2] == ["运维服务系统数", "数据备份次数"]

    editor.select_row(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [i.name for i in project.indicators][:2] == ["运维服务系统数", "系统可用率"]
    assert cell(scored, 0, "ind.quantity.content") == "运维服务系统数"

    stack = scored.doc.undo_stack
    stack.undo()  # the removal
    assert cell(scored, 0, "ind.quantity.content") == "1、运维服务系统数\n2、数据备份次数"
    while stack.undoText() != "添加指标":
        stack.undo()
    stack.undo()
    assert [i.name for i in project.indicators] == [i.name for i in scored_project().indicators]


def test_comparator_spellings_are_understood(qtbot: QtBot, scored: MainWindow) -> None:
    form = form_of(scored)
    detail = form.indicators.detail
    form.indicators.select_row(0)
    project = scored.doc.projects[0]
    line = detail.comparator.lineEdit()
    assert line is not None
    for spelling, meant in (("<=", Comparator.LE), (">=", Comparator.GE), ("\ufe66", Comparator.EQ),
                            ("＞＝", Comparator.GE), ("≤", Comparator.LE), ("定性", Comparator.QUALITATIVE)):
        enter(qtbot, line, spelling)
        # Every step restores a snapshot: the project's indicator objects are new ones.
        assert project.indicators[0].comparator is meant, spelling
        assert detail.comparator.currentText() == meant.value  # shown in the standard spelling
    steps = scored.doc.undo_stack.count()
    messages: list[str] = []
    scored.doc.message.connect(messages.append)
    enter(qtbot, line, "abc")
    assert project.indicators[0].comparator is Comparator.QUALITATIVE
    assert scored.doc.undo_stack.count() == steps
    assert "不是指标性质" in messages[-1]
    # The table's own column takes the spellings too.
    model = form.indicator_model
    assert model.setData(model.index(0, COLUMN_OF["comparator"]), "＜＝")
    assert project.indicators[0].comparator is Comparator.LE


def test_a_typed_score_overrides_is_marked_and_still_checked(qtbot: QtBot, scored: MainWindow) -> None:
    form = form_of(scored)
    model = form.indicator_model
    project = scored.doc.projects[0]
    form.indicators.select_row(1)
    score_cell = model.index(1, COLUMN_OF["score"])
    assert score_cell.data() == "15.00"
    assert score_cell.data(Qt.ItemDataRole.FontRole) is None

    enter(qtbot, form.indicators.detail.score, "12")
    assert project.indicators[1].score == D(12)
    score_cell = model.index(1, COLUMN_OF["score"])
    assert score_cell.data() == "12.00"
    font = score_cell.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert score_cell.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(OVERRIDDEN_FOREGROUND)
    assert "覆盖计算值 15.00" in score_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "bold" in form.indicators.detail.score.styleSheet()
    assert form.indicators.detail.score.placeholderText() == "计算 12.00"
    # Below its weight without a reason: the override does not excuse it.
    assert SCORE_NO_REASON in codes(scored, project.uid)
    reason_cell = model.index(1, COLUMN_OF["reason"])
    assert "低于分值 15" in reason_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert form.strip.groups[0].text() == "产出 39.50/50"  # 20 + 12 typed + 7.5

    enter(qtbot, form.indicators.detail.score, "16")
    assert SCORE_ABOVE_WEIGHT in codes(scored, project.uid)
    assert any("超过分值" in form.findings.item(i).text() for i in range(form.findings.count()))

    enter(qtbot, form.indicators.detail.score, "")
    assert project.indicators[1].score is None
    assert model.index(1, COLUMN_OF["score"]).data() == "15.00"
    assert SCORE_ABOVE_WEIGHT not in codes(scored, project.uid)


def test_weights_must_add_up_to_the_group_points(qtbot: QtBot, scored: MainWindow) -> None:
    form = form_of(scored)
    project = scored.doc.projects[0]
    assert WEIGHTS_NOT_GROUP_POINTS not in codes(scored, project.uid)
    errors_before = scored.doc.findings.counts()[0]
    form.indicators.select_row(0)
    enter(qtbot, form.indicators.detail.weight, "25")
    found = [f for f in scored.doc.findings.checker.for_project(project.uid)
             if f.code == WEIGHTS_NOT_GROUP_POINTS]
    assert found and "合计 55，应为 50" in found[0].message
    # The same finding reaches the table (the 序号 cell), the problems panel and the status bar.
    seq = scored.model.index(0, COLUMN_INDEX["seq"])
    assert seq.data(Qt.ItemDataRole.BackgroundRole).color() == ERROR_BACKGROUND
    assert found[0].message in seq.data(Qt.ItemDataRole.ToolTipRole)
    scored.problems.problems.refresh()
    assert found[0] in [scored.problems.problems.finding(r)
                        for r in range(scored.problems.problems.rowCount())]
    scored.update_status()
    assert f"错误 {errors_before + 1}" in scored.status_counts.text()
    enter(qtbot, form.indicators.detail.weight, "abc")
    assert project.indicators[0].weight == D(25)


def test_the_profile_is_the_documents_and_rescores(qtbot: QtBot, scored: MainWindow) -> None:
    form = form_of(scored)
    project = scored.doc.projects[0]
    combo = form.strip.profile
    combo.setCurrentIndex(combo.findData("exec20"))
    combo.activated.emit(combo.currentIndex())
    assert scored.doc.profile is get_profile("exec20")
    assert form.strip.execution.text().endswith("/20")
    # 产出 weights add up to 50, the profile gives 40: every view hears of it.
    assert WEIGHTS_NOT_GROUP_POINTS in codes(scored, project.uid)
    scored.doc.set_profile(get_profile("mof"))
    assert combo.currentData() == "mof"
    assert WEIGHTS_NOT_GROUP_POINTS not in codes(scored, project.uid)


def test_the_older_frameworks_profiles_are_offered_and_show_each_of_their_groups(
        qtbot: QtBot, scored: MainWindow) -> None:
    form = form_of(scored)
    combo = form.strip.profile
    offered = [combo.itemData(k) for k in range(combo.count())]
    assert {"ningxia", "ningxia-fund", "hubei-county"} <= set(offered)
    combo.setCurrentIndex(combo.findData("ningxia"))
    combo.activated.emit(combo.currentIndex())
    shown = [label.text() for label in form.strip.groups if not label.isHidden()]
    assert [text.split()[0] for text in shown] == ["决策", "管理", "产出", "效益", "满意度"]
    combo.setCurrentIndex(combo.findData("ningxia-fund"))
    combo.activated.emit(combo.currentIndex())
    shown = [label.text() for label in form.strip.groups if not label.isHidden()]
    assert [text.split()[0] for text in shown] == ["产出", "效益", "满意度"]
    assert form.strip.execution.text().endswith("（不计分）")  # the rate earns no points here


def test_an_edit_rescores_only_the_current_project(qtbot: QtBot, scored: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    scored.doc.insert_rows(2, [other_project() for _ in range(50)], "insert")
    calls: list[int] = []
    original = findings_module.scoring_findings

    def counting(project: Project, profile: ScoringProfile) -> list[Finding]:
        calls.append(project.uid)
        return original(project, profile)

    monkeypatch.setattr(findings_module, "scoring_findings", counting)
    form = form_of(scored)
    form.indicators.select_row(0)
    enter(qtbot, form.indicators.detail.actual, "5")
    assert set(calls) == {scored.doc.projects[0].uid}


# -- a category with several indicators opens the form from the table ----------------------------


def _two_quantities(win: MainWindow) -> Project:
    project = win.doc.projects[1]
    project.indicators.insert(0, Indicator("quantity", "法律咨询", "200人次", actual="236人次"))
    win.doc.replace(win.doc.report, win.doc.path)
    return project


def test_double_click_on_a_cell_with_several_indicators_opens_the_form(qtbot: QtBot,
                                                                      window: MainWindow) -> None:
    project = _two_quantities(window)
    window.select_cell(0, COLUMN_INDEX["name"])
    window.project_form.hide()
    col = COLUMN_INDEX["ind.quantity.content"]
    window.select_cell(1, col)
    assert cell(window, 1, "ind.quantity.content").startswith("1、法律咨询\n2、")
    rect = window.table.visualRect(window.model.index(1, col))
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.table.state() != QAbstractItemView.State.EditingState
    form = form_of(window)
    assert window.project_form.isVisible()
    assert form.uid == project.uid
    assert form.tabs.currentWidget() is form.indicators
    selected = sorted(i.row() for i in form.indicators.view.selectionModel().selectedRows())
    assert selected == [k for k, i in enumerate(project.indicators) if i.category == "quantity"]


def test_f2_or_typing_on_such_a_cell_opens_the_form_not_an_editor(qtbot: QtBot,
                                                                  window: MainWindow) -> None:
    project = _two_quantities(window)
    form = form_of(window)
    col = COLUMN_INDEX["ind.quantity.actual"]
    for key in (Qt.Key.Key_F2, Qt.Key.Key_A):
        window.select_cell(0, COLUMN_INDEX["name"])
        form.tabs.setCurrentIndex(0)
        window.select_cell(1, col)
        qtbot.keyClick(window.table, key)
        assert window.table.state() != QAbstractItemView.State.EditingState
        assert form.tabs.currentWidget() is form.indicators
        assert form.indicators.detail.row == 0
    # A cell with one indicator still edits in place.
    window.select_cell(1, COLUMN_INDEX["ind.quality.content"])
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert window.table.state() == QAbstractItemView.State.EditingState
    assert form.uid == project.uid
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_a_problem_about_an_indicator_opens_it_in_the_form(qtbot: QtBot, scored: MainWindow) -> None:
    dock = scored.problems
    dock.problems.refresh()
    rows = [r for r in range(dock.problems.rowCount())
            if dock.problems.finding(r).code == SCORE_NO_REASON]
    assert rows
    assert dock.problems.index(rows[0], 3).data() == "第 3 个指标/偏差原因分析及改进措施"
    form = form_of(scored)
    form.tabs.setCurrentIndex(0)
    dock.view.clicked.emit(dock.problems.index(rows[0], 0))
    assert form.tabs.currentWidget() is form.indicators
    assert form.indicators.detail.row == 2


# -- the problems panel settles import notes and carried-over figures -----------------------------


def test_checked_import_notes_and_confirmed_carried_figures_are_undoable(qtbot: QtBot,
                                                                          window: MainWindow) -> None:
    report = window.doc.report
    first, second = report.projects[0], report.projects[1]
    first.import_notes.append(ImportNote(IMPORT_UNPLACED, "ind.quantity.content", "第 2 行无法确定栏目"))
    second.carried_over = {"budget.general"}
    window.doc.replace(report, window.doc.path)
    found = window.doc.findings.findings()
    note = next(f for f in found if f.project_uid == first.uid and f.code == IMPORT_UNPLACED)
    carried = next(f for f in found if f.project_uid == second.uid and f.code == CARRIED_OVER)

    actions = finding_actions(window.doc, note)
    assert [text for text, _ in actions] == ["已核对"]
    actions[0][1]()
    assert not first.import_notes
    assert IMPORT_UNPLACED not in codes(window, first.uid)

    actions = finding_actions(window.doc, carried)
    assert [text for text, _ in actions] == ["确认沿用上年数据"]
    actions[0][1]()
    assert not second.carried_over
    assert CARRIED_OVER not in codes(window, second.uid)

    window.doc.undo_stack.undo()
    assert second.carried_over == {"budget.general"}
    window.doc.undo_stack.undo()
    assert [n.code for n in first.import_notes] == [IMPORT_UNPLACED]
    assert IMPORT_UNPLACED in codes(window, first.uid)
    assert finding_actions(window.doc, next(f for f in window.doc.findings.findings()
                                            if f.code not in (IMPORT_UNPLACED, CARRIED_OVER))) == []


def test_the_form_is_empty_without_a_project(empty_window: MainWindow) -> None:
    form = form_of(empty_window)
    assert form.uid is None
    assert not form.isEnabled()
    assert form.caption.text() == "未选中项目：在表格中点选一行"
    assert isinstance(form.texts["goal"], QPlainTextEdit)
    assert form.texts["goal"].toPlainText() == ""
    assert form.indicator_model.rowCount() == 0
    assert not form.indicators.add_button.isEnabled()


def test_the_form_opens_as_a_window_of_its_own_with_every_column(window: MainWindow) -> None:
    dock = window.project_form
    view = dock.form.indicators.view
    assert view.isColumnHidden(COLUMN_OF["reason"])  # beside the table: the detail pane has it
    dock.open_window()
    assert dock.isFloating() and dock.isVisible()
    assert not any(view.isColumnHidden(c) for c in range(len(COLUMN_OF)))
    dock.setFloating(False)
    assert view.isColumnHidden(COLUMN_OF["reason"])


def test_saving_commits_a_form_field_still_being_typed_in(qtbot: QtBot, window: MainWindow,
                                                          tmp_path: Path) -> None:
    window.select_cell(0, COLUMN_INDEX["name"])
    line = form_of(window).lines["code"]
    line.setFocus()
    qtbot.keyClicks(line, "440307-2021-0001")  # no Enter, no focus change: Ctrl+S next
    target = tmp_path / "自评表.xlsx"
    window.save_to(target)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    assert window.doc.projects[0].code == "440307-2021-0001"
    assert not window.isWindowModified()  # what was saved is what the form shows


def test_the_indicator_table_edits_categories_with_the_standard_lists(qtbot: QtBot,
                                                                      scored: MainWindow) -> None:
    form = form_of(scored)
    form.tabs.setCurrentWidget(form.indicators)
    view = form.indicators.view
    project = scored.doc.projects[0]
    index = form.indicator_model.index(1, COLUMN_OF["level2"])  # 质量指标
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["数量指标", "质量指标", "时效指标",
                                                                    "成本指标"]
    editor.setCurrentText("时效指标")
    view.commitData(editor)
    assert project.indicators[1].category == "timeliness"
    assert cell(scored, 0, "ind.timeliness.content") == "1、系统可用率\n2、故障响应时间"
    assert cell(scored, 0, "ind.quality.content") == ""
    scored.doc.undo_stack.undo()
    assert cell(scored, 0, "ind.quality.content") == "系统可用率"
