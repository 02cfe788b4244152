"""File → 从执行数据导入… in the window: preview, confirm a close name, one undo step, same as the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from evaldesk.cli import main as cli
from evaldesk.core.serialize import report_to_dict
from evaldesk.io import read_report
from evaldesk.ui.document import Document
from evaldesk.ui.fillui import FillPreview
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.menus import menus_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"
NAMES = ROOT / "tests" / "data" / "exports" / "system_yuan_names.xlsx"


@pytest.fixture
def example_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.doc.replace(read_report(EXAMPLE), EXAMPLE)
    return window


def _answer(qtbot: QtBot, confirm: bool, accept: bool = True) -> list[FillPreview]:
    """Act on the preview when it opens: tick the close name or not, then 应用 or 取消."""
    seen: list[FillPreview] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FillPreview):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog)
        if confirm:
            for match in dialog.plan.close_matches:
                dialog.set_confirmed(match.project_uid)
        (dialog.accept if accept else dialog.reject)()

    QTimer.singleShot(0, act)
    return seen


def _projects(doc: Document) -> list[dict[str, object]]:
    projects = report_to_dict(doc.report)["projects"]
    assert isinstance(projects, list)
    return projects


def test_the_action_is_in_the_file_menu_after_new_from_last_year(window: MainWindow) -> None:
    (menu,) = menus_of(window.fill.act_fill)
    actions = menu.actions()
    assert actions[actions.index(window.newyear.act_new_from_last_year) + 1] is window.fill.act_fill


def test_preview_lists_changes_close_names_and_unmatched_and_undo_restores_all(
        qtbot: QtBot, example_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = example_window
    before = _projects(window.doc)
    steps = window.doc.undo_stack.count()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(NAMES), ""))
    seen = _answer(qtbot, confirm=True)
    window.fill.act_fill.trigger()
    (dialog,) = seen
    texts = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert "全区信访业务培训" in texts
    assert any(t.startswith("导出表中有、本表中找不到的项目") for t in texts)
    assert any(t.startswith("本表中有、导出表中没有的项目") for t in texts)
    close = next(dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())
                 if dialog.tree.topLevelItem(i).text(0) == "全区信访业务培训")
    assert "全区信访业务培训费" in close.child(0).text(0)
    assert close.checkState(0) == Qt.CheckState.Checked

    after = _projects(window.doc)
    assert after != before
    training = next(p for p in after if p["name"] == "全区信访业务培训")
    assert training["actual"]["total"] == "6.01"  # type: ignore[index]
    petition = next(p for p in after if p["name"] == "信访事务")
    assert petition["budget"]["fund"] == "20"  # type: ignore[index]
    assert window.doc.undo_stack.count() == steps + 1  # one step for the whole import

    window.doc.undo_stack.undo()
    assert _projects(window.doc) == before
    window.doc.undo_stack.redo()
    assert _projects(window.doc) == after


def test_a_close_name_left_unticked_is_not_applied(
        qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    training = next(p for p in window.doc.projects if p.name == "全区信访业务培训")
    initial_before = training.initial.general
    _answer(qtbot, confirm=False)
    window.fill.fill_from(NAMES)
    assert training.initial.general == initial_before
    petition = next(p for p in window.doc.projects if p.name == "信访事务")
    assert str(petition.budget.fund) == "20"


def test_cancel_changes_nothing(qtbot: QtBot, example_window: MainWindow) -> None:
    before = _projects(example_window.doc)
    _answer(qtbot, confirm=True, accept=False)
    assert example_window.fill.fill_from(NAMES) == 0
    assert _projects(example_window.doc) == before
    assert example_window.doc.undo_stack.count() == 0


def test_the_command_line_and_the_window_give_the_same_report(
        qtbot: QtBot, example_window: MainWindow, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "filled.xlsx"
    assert cli(["fill", str(EXAMPLE), str(NAMES), "-o", str(out), "--accept", "全区信访业务培训费"]) == 0
    printed = capsys.readouterr().out
    assert "项目 3「信访事务」 全年预算数·政府性基金: 0.00 -> 20.00" in printed
    assert "未匹配：导出表第 10 行「信访积案化解专项」在本表中找不到对应项目" in printed
    _answer(qtbot, confirm=True)
    example_window.fill.fill_from(NAMES)
    from_cli = report_to_dict(read_report(out))["projects"]
    from_window = _projects(example_window.doc)
    assert json.dumps(from_cli, sort_keys=True) == json.dumps(from_window, sort_keys=True)


def test_apply_is_offered_only_when_something_would_change(
        qtbot: QtBot, example_window: MainWindow) -> None:
    from evaldesk.core.fill import plan_fill
    from evaldesk.io.read_export import read_export

    table = read_export(NAMES)
    _answer(qtbot, confirm=False)
    example_window.fill.fill_from(NAMES)
    # Everything certain is in now; only the unticked close name could still change something.
    dialog = FillPreview(table, plan_fill(example_window.doc.report, table.rows), example_window)
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    (close,) = dialog.plan.close_matches
    dialog.set_confirmed(close.project_uid)
    assert dialog.apply_button.isEnabled()
