"""The column-mapping dialog: shown when a header's needed columns are not recognised,
remembered for files with the same header, for text files and workbooks alike."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from evaldesk.io import read_report
from evaldesk.io.grid import IMPORT_UNMATCHED, HeaderInfo, HeaderNeedsMapping, inspect_grid
from evaldesk.io.read_text import read_text_grid
from evaldesk.ui import mapping
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.mapping import MappingDialog, column_letter, remembered_mapping
from tests.io.conftest import write_rows

D = Decimal
HEADER = ["序号", "名目", "项目年度预算金额", "实际支出金额", "执行率", "备注"]
ROWS = [["1", "信访事务", "129.22", "125.64", "97.23%", "已报区长"],
        ["2", "培训费", "6.76", "6.01", "88.91%", ""]]


def _csv(path: Path) -> Path:
    path.write_text("\n".join(",".join(r) for r in [HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


def _info(path: Path) -> HeaderInfo:
    return inspect_grid(read_text_grid(path), str(path))


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == \
        ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


def test_dialog_prefills_what_matched_and_wants_the_missing(qtbot: QtBot, tmp_path: Path) -> None:
    info = _info(_csv(tmp_path / "a.csv"))
    assert info.missing == ("name",)
    dialog = MappingDialog(info, "a.csv")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.mapping() == info.matched
    assert dialog.combos["budget.total"].currentData() == 2
    assert not ok.isEnabled() and "项目名称" in dialog.problem.text()
    name_row = next(i for i, item in enumerate(dialog._field_items) if "项目名称" in item.text())
    assert dialog._field_items[name_row].background().color() == mapping.MISSING_BACKGROUND
    assert dialog.file_columns.rowCount() == len(HEADER)

    dialog.choose("name", 1)
    assert ok.isEnabled() and dialog.problem.text() == ""
    assert dialog._field_items[name_row].background().color() == mapping.NEEDED_BACKGROUND
    # One file column is one field: giving 执行率's column to 项目名称 takes it from 执行率.
    dialog.choose("name", 4)
    assert dialog.mapping().get("rate") is None and dialog.mapping()["name"] == 4
    dialog.choose("budget.total", None)
    assert not ok.isEnabled()


def _answer_with(monkeypatch: pytest.MonkeyPatch, answers: list[str], column: int) -> None:
    def fake_exec(dialog: MappingDialog) -> int:
        answers.append(dialog.info.signature)
        dialog.choose("name", column)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", fake_exec)


def test_opening_asks_then_remembers_the_header(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    _answer_with(monkeypatch, asked, 1)
    first = _csv(tmp_path / "区信访局.csv")
    window.open_path(first, ask=False)
    qtbot.waitUntil(lambda: window.doc.path == first, timeout=10000)
    assert len(asked) == 1
    assert [p.name for p in window.doc.projects] == ["信访事务", "培训费"]
    assert window.doc.projects[0].budget.total == D("129.22")
    assert remembered_mapping(asked[0]) == {**_info(first).matched, "name": 1}

    # The same header in another department's file: read without asking.
    second = tmp_path / "区教育局.csv"
    second.write_text(first.read_text(encoding="utf-8").replace("信访事务", "校舍维修"), encoding="utf-8")
    window.open_path(second, ask=False)
    qtbot.waitUntil(lambda: window.doc.path == second, timeout=10000)
    assert len(asked) == 1
    assert window.doc.projects[0].name == "校舍维修"
    assert "按上次" in window.statusBar().currentMessage()


def test_unmatched_column_is_listed_in_the_problems_panel(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_with(monkeypatch, [], 1)
    path = _csv(tmp_path / "备注.csv")
    window.open_path(path, ask=False)
    qtbot.waitUntil(lambda: window.doc.path == path, timeout=10000)
    model = window.problems.problems
    model.refresh()
    rows = [model.finding(r) for r in range(model.rowCount())]
    (note,) = [f for f in rows if f.code == IMPORT_UNMATCHED]
    assert note.project_uid is None and "备注" in note.message
    row = rows.index(note)
    assert "备注" in model.index(row, 4).data()


def test_cancelling_the_dialog_leaves_the_document(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    before = window.doc.report
    window.open_path(_csv(tmp_path / "a.csv"), ask=False)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    assert window.doc.report is before


def test_a_workbook_needing_a_mapping_on_its_second_sheet(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    numbers = [[r[0], r[1], float(r[2]), float(r[3]), r[4], r[5]] for r in ROWS]
    book = write_rows(tmp_path / "其他格式.xlsx", [HEADER, *numbers], sheets_before=("填表说明",))
    with pytest.raises(HeaderNeedsMapping) as raised:
        read_report(book)
    assert raised.value.info.sheet == 1
    asked: list[str] = []
    _answer_with(monkeypatch, asked, 1)
    window.open_path(book, ask=False)
    qtbot.waitUntil(lambda: window.doc.path == book, timeout=10000)
    assert asked and [p.name for p in window.doc.projects] == ["信访事务", "培训费"]
    assert window.doc.projects[1].actual.total == D("6.01")
