"""An unexpected exception shows a report the clerk can copy, and the window stays open.

Without this, an exception in a slot is printed to a console nobody sees (the installed app has
none) and the clerk is left wondering whether the last edit counted; an exception in a worker
thread is lost entirely. ``install`` hooks ``sys.excepthook`` and ``threading.excepthook``: the
report (what happened, where, versions) is written to ``crash/`` in the data folder and shown in a
dialog with a 复制 button. The document is not touched: every edit before the error is already in
the journal, so even if the app later dies, the next start offers to restore it.

Reports from another thread travel to the GUI thread through a queued signal (widgets may only
be made there). While one dialog is open, further reports are appended to it rather than stacking
dialogs: one fault repeating on every repaint must not bury the window.
"""

from __future__ import annotations

import contextlib
import platform
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

# Old reports beyond this many are removed, so a fault in a loop cannot fill the disk.
KEEP_REPORTS = 50


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


def report_text(kind: type[BaseException], value: BaseException,
                tb: TracebackType | None, thread: str | None = None) -> str:
    """The text a clerk copies to technical support."""
    import PySide6

    from evaldesk import __version__

    lines = [
        f"evaldesk {__version__} — {time.strftime('%Y-%m-%d %H:%M:%S')}",
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"{platform.platform()}",
    ]
    if thread:
        lines.append(f"thread: {thread}")
    lines.append("")
    lines.extend(line.rstrip("\n") for line in traceback.format_exception(kind, value, tb))
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(_tr("程序出错"))
        layout = QVBoxLayout(self)
        message = QLabel(_tr("evaldesk 遇到了一个意外错误。您的表格仍然打开，出错前的所有修改都已"
                             "记录；可以继续工作，建议先保存（或另存为一份）。\n"
                             "如果问题反复出现，请点“复制”，把下面的报告发给技术支持。"), self)
        message.setWordWrap(True)
        layout.addWidget(message)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setPlainText(text)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton(_tr("复制"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(_tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self.copy)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def add(self, text: str) -> None:
        self.details.appendPlainText("\n" + "-" * 60 + "\n" + text)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details.toPlainText())


class CrashReporter(QObject):
    """The hooks and the one dialog (see the module docstring)."""

    _arrived = Signal(str)

    def __init__(self, folder: Path | None) -> None:
        super().__init__()
        self.folder = folder / "crash" if folder is not None else None
        self.dialog: CrashDialog | None = None
        self.reports: list[str] = []
        self._arrived.connect(self.show, Qt.ConnectionType.QueuedConnection)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def _hook(self, kind: type[BaseException], value: BaseException,
              tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, value, tb)
            return
        self.report(report_text(kind, value, tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else None
        self.report(report_text(args.exc_type, args.exc_value, args.exc_traceback, name))

    def report(self, text: str) -> None:
        # Printing keeps the traceback where a developer looks; the installed app has no console.
        with contextlib.suppress(Exception):
            print(text, file=sys.stderr, flush=True)
        self._save(text)
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self.show(text)
        else:
            self._arrived.emit(text)

    def _save(self, text: str) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            (self.folder / f"crash-{stamp}-{len(self.reports)}.txt").write_text(text, encoding="utf-8")
            for old in sorted(self.folder.glob("crash-*.txt"))[:-KEEP_REPORTS]:
                old.unlink()
        except OSError:
            pass  # a report that cannot be saved is still shown

    def show(self, text: str) -> None:
        self.reports.append(text)
        if not isinstance(QCoreApplication.instance(), QApplication):
            return
        try:
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.add(text)
                return
            parent = QApplication.activeWindow()
            self.dialog = CrashDialog(text, parent)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.finished.connect(self._closed)
            self.dialog.show()
            self.dialog.raise_()
        except Exception:  # the reporter itself must never raise into Qt
            self._previous_hook(*sys.exc_info())

    def _closed(self) -> None:
        self.dialog = None


_reporter: CrashReporter | None = None


def install(folder: Path | None) -> CrashReporter:
    """Hook unexpected exceptions for the rest of the process (the app calls this once)."""
    global _reporter
    if _reporter is not None:
        _reporter.uninstall()
    _reporter = CrashReporter(folder)
    _reporter.install()
    return _reporter


def uninstall() -> None:
    global _reporter
    if _reporter is not None:
        _reporter.uninstall()
        _reporter = None
