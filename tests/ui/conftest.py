"""Fixtures for driving the real window: settings kept out of the user's, a window on the seed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from evaldesk.core.records import Report
from evaldesk.io.read_text import read_text
from evaldesk.ui.document import Document
from evaldesk.ui.mainwindow import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication,
                      monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Journals, locks and crash reports of a window the test starts (app.main) stay in tmp too.
    monkeypatch.setenv("EVALDESK_DATA_DIR", str(tmp_path / "data"))
    QCoreApplication.setOrganizationName("evaldesk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def seed_report(seed_path: Path) -> Report:
    return read_text(seed_path)


@pytest.fixture
def window(qtbot: QtBot, seed_report: Report, seed_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    # A test that forgets to expect a dialog fails instead of hanging the run.
    def refuse(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    win = MainWindow(Document(seed_report, seed_path))
    win.resize(1400, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closing at teardown must not ask about the test's edits (so no qtbot.addWidget, which
    # closes before fixtures are finalised).
    win.doc.undo_stack.setClean()
    win.close()
    win.deleteLater()


@pytest.fixture
def empty_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
