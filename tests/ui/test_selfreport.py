"""File → 生成自评报告… drafts the same document as `evaldesk report`, from the table as edited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from evaldesk.cli import main as cli_main
from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.menus import menus_of
from tests.docx_text import document_content


def _draft(qtbot: QtBot, window: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch,
           offered: list[str] | None = None) -> list[str]:
    """Trigger the action, answer the dialogs; the texts of the closing question."""
    def save_name(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        if offered is not None:
            offered.append(suggested)
        return str(target), ""

    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Close

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QMessageBox, "question", question)
    window.self_report.act_draft.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    return asked


def test_the_action_sits_under_export_pdf(window: MainWindow) -> None:
    (file_menu,) = menus_of(window.act_pdf)
    actions = file_menu.actions()
    assert actions[actions.index(window.act_pdf) + 1] is window.self_report.act_draft
    assert window.self_report.act_draft.text() == "生成自评报告(&W)…"


def test_window_and_command_line_write_the_same_document(
        qtbot: QtBot, window: MainWindow, seed_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from_window = tmp_path / "窗口.docx"
    offered: list[str] = []
    asked = _draft(qtbot, window, from_window, monkeypatch, offered)
    from_cli = tmp_path / "命令行.docx"
    assert cli_main(["report", str(seed_path), "-o", str(from_cli)]) == 0

    assert document_content(from_window) == document_content(from_cli)
    assert offered == [str(seed_path.with_name("龙岗区信访局2021年度项目支出绩效自评报告.docx"))]
    assert "1 个执行率低于 90% 的项目未说明原因" in asked[0]
    assert "2 个错误、5 个警告尚未处理" in asked[0]
    assert not window.is_busy()


def test_the_draft_follows_the_edits_not_the_file(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reason typed for project 6 is in the draft at once, without saving the table."""
    index = window.model.index(5, COLUMN_INDEX["problems"])
    assert window.model.setData(index, "培训场地延期，部分课程改为线上，费用减少")
    target = tmp_path / "r.docx"
    asked = _draft(qtbot, window, target, monkeypatch)

    text = "\n".join(document_content(target))
    assert "全区信访业务培训 | 6.76 | 6.01 | 88.91% | 培训场地延期，部分课程改为线上，费用减少" in text
    assert "未说明原因" not in asked[0]
    summary = window.self_report.last_summary
    assert summary is not None and summary.low_rate[0].explained


def test_a_failed_save_says_why(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's WriteError reaches the clerk as a message, and the window is free again
    (that the old file survives is the atomic save's test, tests/io/test_write_docx.py)."""
    target = tmp_path / "r.docx"
    target.mkdir()  # a folder by that name: refused whoever runs the test, root included
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _p, _t, text: shown.append(text) or QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.self_report.act_draft.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "目标名称是一个文件夹" in shown[0]
    assert not window.is_busy()
    assert target.is_dir()


def test_an_empty_table_has_nothing_to_report(empty_window: MainWindow,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> tuple[str, str]:
        raise AssertionError("no file dialog for an empty table")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse)
    empty_window.self_report.act_draft.trigger()
    assert "没有项目" in empty_window.statusBar().currentMessage()


def test_opening_the_window_does_not_load_python_docx() -> None:
    code = ("import sys; import evaldesk.ui.mainwindow; "
            "print('docx' in sys.modules, 'evaldesk.io.write_docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout
    assert out.split() == ["False", "False"]
