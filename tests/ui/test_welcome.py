"""The first page without a file: New, Open, 从上年文件新建, recent files, the example."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from evaldesk.io import write_report
from evaldesk.io.read_text import read_text
from evaldesk.ui import i18n, welcome
from evaldesk.ui.mainwindow import MainWindow


def test_a_window_without_a_file_starts_on_the_welcome_page(empty_window: MainWindow) -> None:
    switch = empty_window.welcome
    assert switch.showing_welcome
    page = switch.page
    assert set(page.buttons) == {"last_year", "open", "new", "example"}
    assert page.buttons["example"].isEnabled()  # the example ships beside the package


def test_new_shows_an_empty_table(qtbot: QtBot, empty_window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not empty_window.problems.isVisible())  # no document, no panels
    empty_window.welcome.page.buttons["new"].click()
    assert not empty_window.welcome.showing_welcome
    assert empty_window.doc.report.projects == []
    assert empty_window.problems.isVisible()


def test_the_example_opens_in_the_editor(qtbot: QtBot, empty_window: MainWindow) -> None:
    empty_window.welcome.page.buttons["example"].click()
    qtbot.waitUntil(lambda: not empty_window.is_busy(), timeout=15000)
    assert not empty_window.welcome.showing_welcome
    assert len(empty_window.doc.report.projects) == 6
    assert empty_window.doc.path == welcome.example_path()


def test_recent_files_are_listed_and_open(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    recent = tmp_path / "上年.xlsx"
    write_report(read_text(seed_path), recent)
    i18n.settings().setValue("files/recent", [str(recent), str(tmp_path / "gone.xlsx")])
    win = MainWindow()
    qtbot.addWidget(win)
    items = win.welcome.page.recent
    assert items.count() == 1  # a file that is gone is not offered
    items.itemActivated.emit(items.item(0))
    qtbot.waitUntil(lambda: not win.is_busy(), timeout=15000)
    assert win.doc.path == recent and not win.welcome.showing_welcome


def test_a_window_opened_on_a_document_skips_the_page(window: MainWindow) -> None:
    assert not window.welcome.showing_welcome
