"""The window's journal, restoring after a crash, the file lock and the exception dialog."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.core.records import Project, Report
from evaldesk.io import journal
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.write_xlsx import write_workbook
from evaldesk.ui import crash, operations, recovery
from evaldesk.ui.document import BadText, CellChange, Document
from evaldesk.ui.mainwindow import MainWindow

DEAD_PID = 2**22 + 4321  # above pid_max here: a process that is gone


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Path]:
    folder = recovery.enable(tmp_path / "data")
    yield folder
    recovery.disable()


@pytest.fixture
def book(tmp_path: Path, seed_report: Report) -> Path:
    path = tmp_path / "2021年度自评表.xlsx"
    write_workbook(seed_report, path)
    return path


def _window(qtbot: QtBot, doc: Document) -> MainWindow:
    window = MainWindow(doc)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window: MainWindow) -> None:
    window.doc.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _journal_of(window: MainWindow) -> Path:
    keeper = window.guard.keeper
    assert keeper is not None
    return keeper.path


def _die(window: MainWindow) -> Path:
    """What a kill leaves: the journal as it is, under a process id that is gone."""
    path = _journal_of(window)
    dead = path.with_name(f"{DEAD_PID}-{path.name.split('-', 1)[1]}")
    dead.write_bytes(path.read_bytes())
    return dead


def test_every_kind_of_step_is_in_the_journal(qtbot: QtBot, data: Path, book: Path) -> None:
    window = _window(qtbot, Document(read_workbook(book), book))
    doc = window.doc
    log = _journal_of(window)
    assert journal.replay(log) == doc.report

    steps: list[Callable[[], object]] = [
        lambda: doc.set_cell_text(0, COLUMN_INDEX["budget.general"], "130.5"),
        lambda: doc.set_cell_text(0, COLUMN_INDEX["budget.general"], "131"),  # merged with the last
        lambda: doc.set_cells([CellChange(doc.projects[1].uid, "actual.fund", BadText("见附表"))], "粘贴"),
        lambda: doc.set_header_line("head", "王五"),
        lambda: operations.insert_blank(doc, 2),
        lambda: doc.set_cell_text(2, COLUMN_INDEX["name"], "新增的项目"),
        lambda: doc.move_rows(2, 1, -1),
        lambda: doc.remove_rows([0, 3]),
        doc.undo_stack.undo,
        doc.undo_stack.undo,
        doc.undo_stack.redo,
        lambda: doc.insert_rows(0, [Project(name="粘贴的行", seq="9")], "粘贴行"),
    ]
    for step in steps:
        step()
        assert journal.replay(log) == doc.report
    _close(window)


def test_journal_restarts_when_clean_and_goes_on_a_clean_close(qtbot: QtBot, data: Path,
                                                              book: Path) -> None:
    window = _window(qtbot, Document(read_workbook(book), book))
    log = _journal_of(window)
    window.doc.set_cell_text(0, COLUMN_INDEX["problems"], "未完成")
    assert [o.edits for o in journal.orphans(log.parent)] == []  # ours: alive
    assert recovery.pending(data) == []
    window.save()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=15000)
    assert window.doc.undo_stack.isClean()
    dead = _die(window)
    assert recovery.pending(data) == []  # saved: nothing unsaved to offer, and it is cleaned up
    assert not dead.exists()
    window.doc.set_cell_text(0, COLUMN_INDEX["problems"], "又改了")
    window.doc.undo_stack.undo()  # back to what was saved
    _die(window)
    assert recovery.pending(data) == []
    window.close()
    assert not log.exists()
    window.deleteLater()


def test_two_windows_never_share_a_journal(qtbot: QtBot, data: Path, book: Path,
                                           seed_report: Report) -> None:
    first = _window(qtbot, Document(read_workbook(book), book))
    second = _window(qtbot, Document(seed_report, None))
    assert _journal_of(first) != _journal_of(second)
    first.doc.set_cell_text(0, COLUMN_INDEX["name"], "甲")
    second.doc.set_cell_text(0, COLUMN_INDEX["name"], "乙")
    assert journal.replay(_journal_of(first)).projects[0].name == "甲"
    assert journal.replay(_journal_of(second)).projects[0].name == "乙"
    _close(first)
    _close(second)


def test_restore_gives_a_modified_document_that_saves_back(qtbot: QtBot, data: Path, book: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, Document(read_workbook(book), book))
    window.doc.set_cell_text(1, COLUMN_INDEX["goal"], "崩溃前的最后一笔")
    operations.insert_blank(window.doc, 0)
    edited = window.doc.report
    _die(window)
    _close(window)

    (orphan,) = recovery.pending(data)
    assert orphan.document == str(book) and orphan.edits == 2
    assert book.name in recovery.describe(orphan) and "2 处未保存的修改" in recovery.describe(orphan)
    monkeypatch.setattr(QDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    (chosen,) = recovery.offer(None, data)
    restored = _window(qtbot, Document())
    assert recovery.restore(restored, chosen)
    assert restored.doc.report == edited and restored.doc.path == book
    assert not restored.doc.undo_stack.isClean() and restored.isWindowModified()
    assert not restored.guard.read_only
    assert not chosen.path.exists()
    other = _window(qtbot, Document())
    assert not recovery.restore(other, chosen)  # taken: not restored twice
    _close(other)
    _die(restored)  # crashing again right away still offers it, with its count
    assert [o.edits for o in recovery.pending(data)] == [2]
    for leftover in journal.orphans(data / "journal"):
        leftover.path.unlink()

    restored.save()
    qtbot.waitUntil(lambda: not restored.is_busy(), timeout=15000)
    assert read_workbook(book) == edited
    assert restored.doc.undo_stack.isClean()
    _close(restored)


def test_discarded_journals_are_set_aside(qtbot: QtBot, data: Path, book: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, Document(read_workbook(book), book))
    window.doc.set_cell_text(0, COLUMN_INDEX["name"], "不要了")
    dead = _die(window)
    _close(window)
    shown: list[str] = []

    def refuse(dialog: recovery.RecoveryDialog) -> int:
        shown.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(recovery.RecoveryDialog, "exec", refuse)
    assert recovery.offer(None, data) == []
    assert len(shown) == 1 and book.name in shown[0]
    assert not dead.exists() and (dead.parent / "discarded" / dead.name).exists()
    assert recovery.pending(data) == []


# -- the lock -------------------------------------------------------------------------------------


class Answer:
    def __init__(self, button: QMessageBox.StandardButton) -> None:
        self.button = button
        self.texts: list[str] = []


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> Answer:
    record = Answer(QMessageBox.StandardButton.Open)

    def exec_(box: QMessageBox) -> int:
        record.texts.append(box.text())
        return int(record.button.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: record.texts.append(text))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: record.texts.append(text))
    return record


def _read_only(window: MainWindow) -> bool:
    return window.guard.read_only  # a call, so that mypy does not hold on to an earlier answer


def test_a_file_open_elsewhere_is_offered_read_only(qtbot: QtBot, data: Path, book: Path,
                                                    answer: Answer, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    first = _window(qtbot, Document(read_workbook(book), book))
    assert (book.parent / f".~evaldesk-{book.name}.lock").exists()
    assert not first.guard.read_only

    second = _window(qtbot, Document())
    answer.button = QMessageBox.StandardButton.Cancel
    second.open_path(book, ask=False)
    assert not second.is_busy() and not second.doc.report.projects  # 取消: nothing opened
    assert "已在另一个 evaldesk 窗口中打开" in answer.texts[-1]
    assert str(os.getpid()) in answer.texts[-1]

    answer.button = QMessageBox.StandardButton.Open  # 打开只读
    second.open_path(book, ask=False)
    qtbot.waitUntil(lambda: not second.is_busy(), timeout=15000)
    assert second.doc.path == book and _read_only(second)
    assert "只读" in second.windowTitle()

    second.doc.set_cell_text(0, COLUMN_INDEX["name"], "只读窗口里的修改")
    before = book.read_bytes()
    second.save_to(book)  # Save itself goes to Save As; saving over the file is refused too
    assert "只读" in answer.texts[-1] and book.read_bytes() == before
    elsewhere = tmp_path / "副本.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    second.save()
    qtbot.waitUntil(lambda: not second.is_busy() and second.doc.path == elsewhere, timeout=15000)
    assert not _read_only(second) and "只读" not in second.windowTitle()
    assert read_workbook(elsewhere).projects[0].name == "只读窗口里的修改"
    assert book.read_bytes() == before

    # Saving the first window's file from another window is refused while it is open there.
    second.doc.set_cell_text(0, COLUMN_INDEX["name"], "再改")
    second.save_to(book)
    assert "不能覆盖" in answer.texts[-1] and book.read_bytes() == before
    _close(first)
    assert not (book.parent / f".~evaldesk-{book.name}.lock").exists()
    second.save_to(book)  # free now
    qtbot.waitUntil(lambda: not second.is_busy() and second.doc.path == book, timeout=15000)
    assert read_workbook(book).projects[0].name == "再改"
    _close(second)


# -- unexpected exceptions ------------------------------------------------------------------------


@pytest.fixture
def reporter(tmp_path: Path) -> Iterator[crash.CrashReporter]:
    installed = crash.install(tmp_path / "data")
    yield installed
    if installed.dialog is not None:
        installed.dialog.close()
    crash.uninstall()


def _boom() -> None:
    raise ZeroDivisionError("模拟的错误")


def test_an_exception_shows_a_copyable_report_and_the_document_stays(
        qtbot: QtBot, window: MainWindow, reporter: crash.CrashReporter, tmp_path: Path) -> None:
    window.doc.set_cell_text(0, COLUMN_INDEX["name"], "出错前的修改")
    try:
        _boom()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # what PySide6 does with an exception in a slot
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.details.toPlainText()
    assert "ZeroDivisionError: 模拟的错误" in text and "_boom" in text and "evaldesk" in text
    assert dialog.details.isReadOnly()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == text
    assert (tmp_path / "data" / "crash").is_dir()
    assert len(list((tmp_path / "data" / "crash").glob("crash-*.txt"))) == 1
    assert window.isVisible() and window.doc.projects[0].name == "出错前的修改"

    # A second fault while the dialog is open joins it instead of stacking dialogs.
    try:
        _boom()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert reporter.dialog is dialog and dialog.details.toPlainText().count("ZeroDivisionError") == 4


def test_an_exception_in_a_thread_reaches_the_dialog(qtbot: QtBot,
                                                     reporter: crash.CrashReporter) -> None:
    worker = threading.Thread(target=_boom, name="后台线程")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None, timeout=5000)
    assert reporter.dialog is not None
    assert "thread: 后台线程" in reporter.dialog.details.toPlainText()
    QCoreApplication.processEvents()


def test_a_new_unsaved_report_is_offered_too(qtbot: QtBot, data: Path, seed_report: Report) -> None:
    """A rollover or a merge makes a report that was never saved: modified without any step."""
    window = _window(qtbot, Document())
    window.doc.replace(seed_report, None)
    window.doc.undo_stack.resetClean()
    _die(window)
    (orphan,) = recovery.pending(data)
    assert orphan.document is None and orphan.edits == 1
    assert journal.replay(orphan.path) == seed_report
    _close(window)


def test_a_step_that_says_nothing_is_journaled_whole(qtbot: QtBot, data: Path, book: Path) -> None:
    """A command that changes a project without the document's signals still reaches the
    journal (as a snapshot)."""
    from PySide6.QtGui import QUndoCommand

    window = _window(qtbot, Document(read_workbook(book), book))
    doc = window.doc

    class Silent(QUndoCommand):
        def redo(self) -> None:
            doc.projects[0].problems = "悄悄改的"

        def undo(self) -> None:
            doc.projects[0].problems = ""

    doc.undo_stack.push(Silent("无声的修改"))
    assert journal.replay(_journal_of(window)).projects[0].problems == "悄悄改的"
    _die(window)
    assert [o.edits for o in recovery.pending(data)] == [1]
    _close(window)


def test_a_damaged_journal_is_set_aside_with_a_message(qtbot: QtBot, data: Path, book: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, Document(read_workbook(book), book))
    window.doc.set_cell_text(0, COLUMN_INDEX["name"], "改")
    dead = _die(window)
    _close(window)
    lines = dead.read_text(encoding="utf-8").splitlines()
    snapshot = '{"type":"snapshot","state":{"version":99}}'  # from a newer evaldesk, say
    dead.write_text("\n".join([lines[0], snapshot, *lines[2:]]) + "\n", encoding="utf-8")
    (orphan,) = recovery.pending(data)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    target = _window(qtbot, Document())
    assert not recovery.restore(target, orphan)
    assert "已损坏" in said[0] and target.doc.path is None
    assert recovery.pending(data) == []
    assert len(list((data / "journal" / "discarded").glob("*.journal"))) == 1
    _close(target)


def test_the_app_start_offers_and_restores(qtbot: QtBot, book: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """What app.main does: a crash's journal comes back in the main window; with a file given,
    the file opens there and the restored report gets a window of its own."""
    monkeypatch.setenv(recovery.ENV_DATA_DIR, str(tmp_path / "data"))
    recovery.enable()
    window = _window(qtbot, Document(read_workbook(book), book))
    window.doc.set_cell_text(0, COLUMN_INDEX["name"], "崩溃前")
    edited = window.doc.report
    _die(window)
    _close(window)
    recovery.disable()
    monkeypatch.setattr(recovery.RecoveryDialog, "exec", lambda d: QDialog.DialogCode.Accepted.value)
    other = tmp_path / "另一张.xlsx"
    other.write_bytes(book.read_bytes())
    windows = recovery.start_session([other])
    try:
        assert len(windows) == 2
        qtbot.waitUntil(lambda: not windows[0].is_busy(), timeout=15000)
        assert windows[0].doc.path == other
        assert windows[1].doc.report == edited and windows[1].doc.path == book
        assert crash._reporter is not None  # the crash dialog is installed
    finally:
        recovery.end_session()
        for each in windows:
            _close(each)
    assert recovery.enabled_folder() is None and crash._reporter is None


def test_a_journal_that_cannot_be_written_does_not_stop_editing(
        qtbot: QtBot, data: Path, book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    window = _window(qtbot, Document(read_workbook(book), book))
    said: list[str] = []
    window.doc.message.connect(said.append)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    for text in ("一", "二", "三"):
        window.doc.set_cell_text(0, COLUMN_INDEX["problems"], text)
        operations.insert_blank(window.doc, 1)
    monkeypatch.undo()
    assert window.doc.projects[0].problems == "三"
    assert len(said) == 1 and "无法写入恢复记录" in said[0] and "请尽快保存" in said[0]
    _close(window)
