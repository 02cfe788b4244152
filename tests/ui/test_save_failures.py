"""A save that fails leaves the clerk's file as it was, the document open and modified, and a
message in Chinese saying what happened and what to do, with 另存为 at hand. A save that succeeds
was read back first and keeps the previous file as FILE.bak."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.core.records import Report
from evaldesk.io import readback
from evaldesk.io.atomic import backup_path
from evaldesk.io.errors import ReadError, WriteError
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.write_xlsx import write_workbook
from evaldesk.ui.document import Document
from evaldesk.ui.mainwindow import MainWindow

# -- the workbook writer: read-back and .bak -----------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_replaced_file_is_kept_as_bak(tmp_path: Path, seed_report: Report) -> None:
    path = tmp_path / "自评表.xlsx"
    write_workbook(seed_report, path)
    assert not backup_path(path).exists()  # nothing was replaced
    first = path.read_bytes()
    seed_report.projects[0].name = "改过的名称"
    write_workbook(seed_report, path)
    assert backup_path(path).read_bytes() == first
    assert read_workbook(path).projects[0].name == "改过的名称"
    assert read_workbook(backup_path(path)).projects[0].name != "改过的名称"
    assert _leftovers(tmp_path) == []


def test_a_file_that_reads_back_different_never_replaces_the_original(
        tmp_path: Path, seed_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "自评表.xlsx"
    write_workbook(seed_report, path)
    before = path.read_bytes()
    from evaldesk.io import read_report as real

    def garbled(temporary: str | Path, mapping: object = None) -> Report:
        back = real(temporary)
        back.projects[2].budget.general = None  # what a failing USB stick might hand back
        return back

    monkeypatch.setattr(readback, "read_report", garbled)
    with pytest.raises(WriteError) as caught:
        write_workbook(seed_report, path)
    reason = caught.value.reason
    assert "读回核对失败" in reason and "第 3 个项目" in reason and "原文件未改动" in reason
    assert path.read_bytes() == before
    assert not backup_path(path).exists()
    assert _leftovers(tmp_path) == []


def test_a_file_that_does_not_open_again_is_refused(tmp_path: Path, seed_report: Report,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "自评表.xlsx"

    def unreadable(temporary: str | Path, mapping: object = None) -> Report:
        raise ReadError(temporary, "工作簿已损坏")

    monkeypatch.setattr(readback, "read_report", unreadable)
    with pytest.raises(WriteError) as caught:
        write_workbook(seed_report, path)
    assert "无法再打开" in caught.value.reason and "工作簿已损坏" in caught.value.reason
    assert not path.exists()
    assert _leftovers(tmp_path) == []


def test_readback_names_what_differs(seed_report: Report, seed_path: Path) -> None:
    from evaldesk.io.read_text import read_text

    assert readback.difference(seed_report, seed_report) is None
    other = read_text(seed_path)  # a fresh read: other uids and import notes, same content
    assert readback.difference(seed_report, other) is None
    other.head = "另一个人"
    assert readback.difference(seed_report, other) == "表头的「单位负责人」"
    other.head = seed_report.head
    other.projects[1].goal = "别的目标"
    assert readback.difference(seed_report, other) == \
        f"第 2 个项目「{other.projects[1].name}」的「年初绩效目标」"
    other.projects.pop()
    assert "项目个数" in (readback.difference(seed_report, other) or "")


# -- the window ------------------------------------------------------------------------------------


class Shown:
    """QMessageBox.exec patched: what was shown, and which button the test presses."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.answer = QMessageBox.StandardButton.Close


@pytest.fixture
def saved(tmp_path: Path, seed_report: Report) -> Path:
    folder = tmp_path / "单位文件夹"
    folder.mkdir()
    path = folder / "2021年度自评表.xlsx"
    write_workbook(seed_report, path)
    return path


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    record = Shown()

    def exec_(box: QMessageBox) -> int:
        record.texts.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}\n"
                            + " ".join(b.text() for b in box.buttons()))
        return int(record.answer.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return record


@pytest.fixture
def win(qtbot: QtBot, saved: Path) -> Iterator[MainWindow]:
    window = MainWindow(Document(read_workbook(saved), saved))
    window.show()
    qtbot.waitExposed(window)
    window.doc.set_cell_text(0, COLUMN_INDEX["problems"], "年底前完成验收")
    yield window
    window.doc.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _save(qtbot: QtBot, window: MainWindow) -> None:
    window.save()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=15000)


def _raise(error: OSError) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise error

    return fail


FAILURES: dict[str, tuple[Callable[[pytest.MonkeyPatch, Path], None], str]] = {
    # As root (CI, this machine) chmod does not stop writing, so the refusal is what is simulated.
    "read-only folder": (lambda mp, path: mp.setattr(
        tempfile, "mkstemp", _raise(PermissionError(errno.EACCES, "Permission denied"))),
        "另存到其他文件夹"),
    "disk full": (lambda mp, path: mp.setattr(
        os, "fsync", _raise(OSError(errno.ENOSPC, "No space left on device"))), "磁盘空间不足"),
    "open in Excel": (lambda mp, path: mp.setattr(
        os, "replace", _raise(PermissionError(errno.EACCES, "being used by another process"))),
        "Excel 或 WPS"),
    "folder gone": (lambda mp, path: shutil.rmtree(path.parent), "文件夹不存在"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failed_save_keeps_everything(qtbot: QtBot, win: MainWindow, saved: Path, shown: Shown,
                                        monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    before = saved.read_bytes()
    folder_listing = sorted(p.name for p in saved.parent.iterdir())
    cause, words = FAILURES[failure]
    cause(monkeypatch, saved)
    _save(qtbot, win)
    monkeypatch.undo()
    (message,) = shown.texts
    assert words in message and str(saved) in message
    assert "没有丢失" in message and "另存为" in message
    if failure == "folder gone":
        assert not saved.parent.exists()
    else:
        assert saved.read_bytes() == before
        assert sorted(p.name for p in saved.parent.iterdir()) == folder_listing
    assert not win.doc.undo_stack.isClean() and win.isWindowModified()
    assert win.doc.projects[0].problems == "年底前完成验收"


def test_save_as_from_the_failure_message(qtbot: QtBot, win: MainWindow, saved: Path,
                                          shown: Shown, monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    elsewhere = tmp_path / "桌面" / "自评表-副本.xlsx"
    elsewhere.parent.mkdir()
    asked: list[str] = []

    def choose(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[1]))
        return str(elsewhere), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    real_replace = os.replace

    def excel_has_it(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == saved:
            raise PermissionError(errno.EACCES, "being used by another process")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", excel_has_it)
    shown.answer = QMessageBox.StandardButton.Save  # 另存为…
    _save(qtbot, win)
    qtbot.waitUntil(lambda: not win.is_busy() and win.doc.path == elsewhere, timeout=15000)
    assert asked == ["另存为"]
    assert win.doc.undo_stack.isClean()
    assert read_workbook(elsewhere).projects[0].problems == "年底前完成验收"
    assert read_workbook(saved).projects[0].problems != "年底前完成验收"
