"""Chinese by default with Qt's own strings in Chinese; English from the shipped .qm."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evaldesk.ui import i18n
from evaldesk.ui.mainwindow import MainWindow


@pytest.fixture
def restore_chinese(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install(qapp, i18n.CHINESE)


def _menu_titles(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_chinese_ui_and_qt_buttons_in_chinese(qtbot: QtBot, qapp: QApplication,
                                              restore_chinese: None) -> None:
    assert i18n.install(qapp, i18n.CHINESE) == i18n.CHINESE
    # The standard buttons of QMessageBox (保存/不保存/取消) come from qtbase_zh_CN.qm.
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "保存"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    win = MainWindow()
    qtbot.addWidget(win)
    assert _menu_titles(win)[:3] == ["文件(&F)", "编辑(&E)", "行(&R)"]


def test_english_is_selectable_and_remembered(qtbot: QtBot, qapp: QApplication,
                                              restore_chinese: None) -> None:
    assert (i18n.translations_dir() / "evaldesk_en.qm").exists()
    i18n.save_language(i18n.ENGLISH)
    assert i18n.saved_language() == i18n.ENGLISH
    assert i18n.install(qapp) == i18n.ENGLISH
    win = MainWindow()
    qtbot.addWidget(win)
    assert _menu_titles(win)[:3] == ["&File", "&Edit", "&Rows"]
    assert win.act_undo.text().startswith("Undo")
    # Module-level strings (undo step names) are translated too.
    from evaldesk.ui import operations

    operations.insert_blank(win.doc, 0)
    assert win.doc.undo_stack.undoText() == "Insert row"
    win.doc.undo_stack.setClean()


def test_importing_the_app_is_cheap() -> None:
    code = ("import sys, evaldesk.app; "
            "bad = [m for m in ('pandas', 'PySide6.QtWidgets', 'openpyxl') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_stay_in_the_test_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Qt names files with "/" on every system; Path compares them as the system does.
    assert Path(i18n.settings().fileName()).is_relative_to(tmp_path)


def test_the_print_warning_speaks_the_window_language(qapp: QApplication) -> None:
    from evaldesk.core.records import Funds, Project, Report
    from evaldesk.printing.notice import print_warning

    report = Report(projects=[Project(name="甲", budget=Funds(), actual=Funds())])  # errors
    try:
        i18n.install(qapp, i18n.ENGLISH)
        english = print_warning(report)
        i18n.install(qapp, i18n.CHINESE)
        chinese = print_warning(report)
    finally:
        i18n.install(qapp, i18n.CHINESE)
    assert english is not None and english.startswith("This table still has")
    assert chinese is not None and chinese.startswith("本表还有")
