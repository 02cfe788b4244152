"""Never losing a clerk's work: the edit journal of an open document, restoring it after a crash,
the lock that keeps two windows from saving over each other, and what a failed save says.

``JournalKeeper`` follows one ``Document``: every step on its undo stack (an edit, an undo, a
redo) is appended to an ``evaldesk.io.journal.Journal`` and fsynced before control returns to
the event loop, so a crash, a power cut or ``kill -9`` loses nothing that was on screen. The
journal starts afresh (a snapshot) when a document is opened or created; when it becomes clean
again (saved, or undone back to what was saved) a one-line mark says it holds nothing unsaved
(a new snapshot of 5,000 projects would hold the GUI thread half a second after every save). It
is discarded on a clean close. Each
document has its own journal file, named by process and a random id, so two windows never share
one.

At the next start, journals whose process is gone and that hold unsaved edits are offered
(``RecoveryDialog``); restoring replays one into a window as a *modified* document with its
original path, so 保存 writes it back where it came from.

``DocumentGuard`` is the window's side of all this: it owns the keeper and the file lock, answers
whether a file may be opened for writing or saved to a path, and words a failed save.

Nothing is written to the user's data folder until ``enable`` is called: the app does so at start
(``start_session``); tests call it with a folder of their own, or set ``EVALDESK_DATA_DIR``.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QObject, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core.state import StateError
from evaldesk.io.journal import SUFFIX, Journal, Orphan, orphans, replay
from evaldesk.ui.document import Document
from evaldesk.ui.filelock import DocumentLock, Holder

if TYPE_CHECKING:
    from evaldesk.ui.mainwindow import MainWindow

ENV_DATA_DIR = "EVALDESK_DATA_DIR"
# Suffixes of the files a save writes over; a text table is only ever imported (保存 asks for a
# new .xlsx), so locking it would only get in the way of a second window reading it.
LOCKED_SUFFIXES = (".xlsx", ".xlsm")
# Journals the clerk chose to throw away are kept this long in journal/discarded, in case the
# click was a slip.
KEEP_DISCARDED_DAYS = 14

_folder: Path | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


# -- where things go ----------------------------------------------------------------------------

def data_dir() -> Path:
    """The user's data folder: ``EVALDESK_DATA_DIR`` if set (tests, portable installs), else
    Qt's per-user local application data folder (%LOCALAPPDATA%\\evaldesk\\evaldesk on Windows)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(location) if location else Path.home() / ".evaldesk"


def enable(folder: Path | None = None) -> Path:
    """Journal and lock documents from now on, under ``folder`` (default: ``data_dir()``)."""
    global _folder
    _folder = folder if folder is not None else data_dir()
    return _folder


def disable() -> None:
    global _folder
    _folder = None


def enabled_folder() -> Path | None:
    return _folder


def journal_dir(folder: Path) -> Path:
    return folder / "journal"


# -- the journal of one document ------------------------------------------------------------------

class JournalKeeper(QObject):
    """Appends every undo-stack step of ``doc`` to its journal (see the module docstring).

    The changes of one step are gathered from the document's signals while the command runs and
    written as one line when the stack's index moves (QUndoStack emits ``indexChanged`` after
    ``redo``/``undo`` and after a merge). A step that signalled nothing the keeper understands is
    written as a full snapshot: a command added later that forgets to say what it changed still
    cannot lose an edit.
    """

    def __init__(self, doc: Document, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else doc)
        self.doc = doc
        self.journal = Journal(journal_dir(folder))
        self._uids: set[int] = set()
        self._structure = False
        self._fields = False
        self._resetting = False
        self._unsaved = 0
        self._document: str | None = None
        self.failed = False
        doc.projectsChanged.connect(self._projects_changed)
        for signal in (doc.rowsInserted, doc.rowsRemoved, doc.rowsMoved):
            signal.connect(self._structure_changed)
        doc.headerChanged.connect(self._fields_changed)
        doc.aboutToReset.connect(self._about_to_reset)
        doc.reset.connect(self._was_reset)
        doc.pathChanged.connect(self._path_changed)
        doc.undo_stack.indexChanged.connect(self._step)
        doc.undo_stack.cleanChanged.connect(self._clean_changed)
        self.start()

    @property
    def path(self) -> Path:
        return self.journal.path

    @property
    def unsaved(self) -> int:
        """Steps recorded since the document was last clean."""
        return self._unsaved

    def start(self, edits: int | None = None) -> None:
        """A fresh journal holding the document as it is now."""
        if edits is None:
            edits = 0 if self.doc.undo_stack.isClean() else max(self._unsaved, 1)
        self._unsaved = edits
        self._document = str(self.doc.path) if self.doc.path is not None else None
        self._uids.clear()
        self._structure = self._fields = False
        self._safely(lambda: self.journal.start(self.doc.report, self._document, edits=edits))

    def discard(self) -> None:
        """A clean close: nothing is left to recover."""
        with contextlib.suppress(OSError):
            self.journal.discard()

    def _safely(self, write: Callable[[], object]) -> None:
        """A journal that cannot be written (disk full, data folder gone) must not turn every
        keystroke into an error: the clerk is told once, and editing goes on."""
        if self.failed:
            return
        try:
            write()
        except OSError as error:
            self.failed = True
            self.doc.message.emit(
                _tr("无法写入恢复记录（%1）：程序意外退出时可能丢失修改，请尽快保存。")
                .replace("%1", error.strerror or str(error)))

    # -- signals --------------------------------------------------------------------------------

    def _projects_changed(self, uids: object) -> None:
        if isinstance(uids, (set, frozenset, list, tuple)):
            self._uids.update(int(u) for u in uids)

    def _structure_changed(self) -> None:
        self._structure = True

    def _fields_changed(self, _name: str) -> None:
        self._fields = True

    def _about_to_reset(self) -> None:
        self._resetting = True

    def _was_reset(self) -> None:
        # A new or opened report: its own clean history, a journal of its own from here.
        self._resetting = False
        self.start(0)

    def _mark(self, edits: int) -> None:
        self._unsaved = edits
        self._document = str(self.doc.path) if self.doc.path is not None else None
        document = self._document
        self._safely(lambda: self.journal.mark(document, edits))

    def _path_changed(self) -> None:
        current = str(self.doc.path) if self.doc.path is not None else None
        if not self._resetting and current != self._document:
            # Save as: the journal must name the file a restore writes back to.
            self._mark(0 if self.doc.undo_stack.isClean() else max(self._unsaved, 1))

    def _clean_changed(self, clean: bool) -> None:
        if self._resetting:
            return
        if clean:
            self._mark(0)  # saved, or undone back to what was saved: nothing to offer
        elif self._unsaved == 0:
            # Modified without a step (a rollover or a merge made a new, unsaved report and
            # called resetClean): the journal must say it holds unsaved work.
            self._mark(1)

    def _step(self, _index: int) -> None:
        if self._resetting:
            return
        if not (self._uids or self._structure or self._fields):
            self.start(self._unsaved + 1)  # no word of what changed: the whole report
            return
        uids, structure, fields = sorted(self._uids), self._structure, self._fields
        self._safely(lambda: self.journal.record(self.doc.report, uids, structure=structure,
                                                 fields=fields))
        self._unsaved += 1
        self._uids.clear()
        self._structure = self._fields = False


# -- orphans -----------------------------------------------------------------------------------

def pending(folder: Path) -> list[Orphan]:
    """Journals of processes that are gone and that hold unsaved edits, newest first.

    Those holding nothing unsaved (the process died with its document saved) are removed, as are
    half-written snapshots (``.journal.tmp``) of dead processes and discarded journals past
    their keeping time.
    """
    folder = journal_dir(folder)
    found = []
    for orphan in orphans(folder):
        if orphan.edits > 0:
            found.append(orphan)
        else:
            with contextlib.suppress(OSError):
                orphan.path.unlink()
    if folder.is_dir():
        live = {o.path.name.split("-", 1)[0] for o in found}
        for temporary in folder.glob(f"*{SUFFIX}.tmp"):
            pid = temporary.name.split("-", 1)[0]
            if pid not in live and pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    temporary.unlink()
        cutoff = time.time() - KEEP_DISCARDED_DAYS * 86400
        for old in (folder / "discarded").glob(f"*{SUFFIX}"):
            with contextlib.suppress(OSError):
                if old.stat().st_mtime < cutoff:
                    old.unlink()
    return found


def _alive(pid: int) -> bool:
    from evaldesk.io.journal import _pid_alive

    return _pid_alive(pid)


def set_aside(orphan: Orphan) -> None:
    """The clerk chose 放弃: keep the journal out of the way for a while instead of deleting it."""
    target = orphan.path.parent / "discarded"
    with contextlib.suppress(OSError):
        target.mkdir(exist_ok=True)
        os.replace(orphan.path, target / orphan.path.name)
        os.utime(target / orphan.path.name)


def describe(orphan: Orphan) -> str:
    name = Path(orphan.document).name if orphan.document else _tr("未命名的自评表")
    when = QDateTime.fromSecsSinceEpoch(int(orphan.started)).toString("yyyy-MM-dd HH:mm")
    return _tr("%1 — %2 开始编辑 — %3 处未保存的修改").replace("%1", name) \
        .replace("%2", when).replace("%3", str(orphan.edits))


class RecoveryDialog(QDialog):
    """恢复 / 放弃 for the journals a crash left behind; all are ticked to start with."""

    def __init__(self, found: Sequence[Orphan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(_tr("恢复未保存的修改"))
        self.orphans = list(found)
        layout = QVBoxLayout(self)
        text = QLabel(_tr("evaldesk 上次没有正常关闭（程序出错、断电或被强行结束）。"
                          "以下自评表有未保存的修改，所有修改都已记录，可以恢复。\n"
                          "恢复后请检查并保存。"), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget(self)
        for orphan in self.orphans:
            item = QListWidgetItem(describe(orphan), self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(orphan.document or _tr("尚未保存过的新表"))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(_tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(_tr("放弃"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.accept)
        self.discard_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 300)

    def chosen(self) -> list[Orphan]:
        return [orphan for row, orphan in enumerate(self.orphans)
                if (item := self.list.item(row)) is not None
                and item.checkState() == Qt.CheckState.Checked]


def restore(window: MainWindow, orphan: Orphan) -> bool:
    """Replay ``orphan`` into ``window`` as a modified document; False (and a message) if the
    journal cannot be read, in which case it is left where it is.

    The journal is first renamed to this process's id: two evaldesk started at once cannot both
    restore it (the second finds it gone), and if this one dies mid-way the journal is an orphan
    of a dead process again, offered at the next start.
    """
    claimed = orphan.path.with_name(f"{os.getpid()}-{orphan.path.name.split('-', 1)[-1]}")
    try:
        os.replace(orphan.path, claimed)
    except OSError:
        return False  # another evaldesk took it
    try:
        report = replay(claimed)
    except (OSError, StateError) as error:
        set_aside(Orphan(claimed, orphan.document, orphan.started, orphan.edits))  # kept, not offered
        QMessageBox.warning(window, _tr("无法恢复"),
                            _tr("恢复记录已损坏，无法恢复：%1").replace("%1", str(error)))
        return False
    path = Path(orphan.document) if orphan.document else None
    window.doc.replace(report, path)
    window.doc.undo_stack.resetClean()
    keeper = window.guard.keeper
    if keeper is not None:
        keeper.start(edits=orphan.edits)  # our own journal holds it before the old one goes
    with contextlib.suppress(OSError):
        claimed.unlink()
    window.show_message(_tr("已恢复 %1 处未保存的修改，请检查后保存").replace("%1", str(orphan.edits)))
    return True


def offer(parent: QWidget | None, folder: Path) -> list[Orphan]:
    """Ask about the journals a crash left; returns those to restore (the rest are set aside)."""
    found = pending(folder)
    if not found:
        return []
    dialog = RecoveryDialog(found, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        chosen: list[Orphan] = []
    else:
        chosen = dialog.chosen()
    for orphan in found:
        if orphan not in chosen:
            set_aside(orphan)
    return chosen


# -- the window's guard ---------------------------------------------------------------------------

def _name_buttons(box: QMessageBox, names: dict[QMessageBox.StandardButton, str]) -> None:
    # Said outright: Qt's own translations may be missing, and 另存为 is not a standard button.
    for which, text in names.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)


class DocumentGuard(QObject):
    """Journal, lock and read-only state of a window's document (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._folder = enabled_folder()
        self.keeper: JournalKeeper | None = None
        self.read_only = False
        self._lock: DocumentLock | None = None
        self._pending_lock: DocumentLock | None = None
        self._read_only_paths: set[Path] = set()
        if self._folder is not None:
            try:
                self.keeper = JournalKeeper(window.doc, self._folder, self)
            except OSError:
                self.keeper = None  # no data folder: the app still opens, without a journal
        window.doc.pathChanged.connect(self._sync_lock)
        self._sync_lock()

    def _lockable(self, path: Path | None) -> bool:
        return self._folder is not None and path is not None \
            and path.suffix.lower() in LOCKED_SUFFIXES

    def _sync_lock(self) -> None:
        path = self._window.doc.path
        if self._lock is not None and self._lock.path == path:
            return
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.read_only = False
        if not self._lockable(path):
            return
        assert path is not None and self._folder is not None
        if path in self._read_only_paths:
            self._read_only_paths.discard(path)
            self.read_only = True
            return
        if self._pending_lock is not None and self._pending_lock.path == path:
            self._lock, self._pending_lock = self._pending_lock, None
            return
        lock = DocumentLock(path, self._folder)
        if lock.acquire():
            self._lock = lock
        else:
            self.read_only = True  # opened another way (a restore) while someone else has it

    def _holder_text(self, holder: Holder) -> str:
        if holder.host and holder.pid:
            return _tr("（计算机 %1，进程 %2）").replace("%1", holder.host).replace("%2", str(holder.pid))
        return ""

    def may_open(self, path: Path) -> bool:
        """Before opening: if another evaldesk has the file, offer it read-only (打开只读 / 取消)."""
        self._read_only_paths.clear()
        if not self._lockable(path) or (self._lock is not None and self._lock.path == path):
            return True
        assert self._folder is not None
        holder = DocumentLock(path, self._folder).holder()
        if holder is None:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("文件已被打开"),
                          _tr("「%1」已在另一个 evaldesk 窗口中打开%2。\n\n"
                              "可以只读打开：能查看和打印，不能保存到原文件，可以“另存为”。")
                          .replace("%1", path.name).replace("%2", self._holder_text(holder)),
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                          self._window)
        _name_buttons(box, {QMessageBox.StandardButton.Open: _tr("打开只读"),
                            QMessageBox.StandardButton.Cancel: _tr("取消")})
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Open:
            return False
        self._read_only_paths.add(path)
        return True

    def may_save(self, path: Path) -> bool:
        """Before saving to ``path``: refuse a read-only document's own file, or a file another
        evaldesk has open (its clerk would overwrite ours, or we theirs)."""
        if self.read_only and path == self._window.doc.path:
            QMessageBox.information(
                self._window, _tr("只读文件"),
                _tr("「%1」是以只读方式打开的，不能保存到原文件。请用“另存为”保存到另一个文件。")
                .replace("%1", path.name))
            return False
        if not self._lockable(path) or (self._lock is not None and self._lock.path == path):
            return True
        assert self._folder is not None
        lock = DocumentLock(path, self._folder)
        if lock.acquire():
            if self._pending_lock is not None:
                self._pending_lock.release()
            self._pending_lock = lock
            return True
        holder = lock.holder()
        QMessageBox.warning(
            self._window, _tr("文件已被打开"),
            _tr("「%1」正在另一个 evaldesk 窗口中打开%2，不能覆盖它。请换一个文件名保存。")
            .replace("%1", path.name).replace("%2", self._holder_text(holder) if holder else ""))
        return False

    def save_failed(self, path: Path, reason: str) -> bool:
        """Say why a save failed and that nothing is lost; True if the clerk chose 另存为."""
        if self._pending_lock is not None and self._pending_lock.path == path:
            self._pending_lock.release()
            self._pending_lock = None
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Critical, _tr("无法保存文件"), f"{path}\n\n{reason}",
                          buttons.Save | buttons.Close, self._window)
        box.setInformativeText(_tr("您的修改仍在窗口中，没有丢失；可以处理上述问题后再保存，"
                                   "或“另存为”保存到其他位置。"))
        _name_buttons(box, {buttons.Save: _tr("另存为…"), buttons.Close: _tr("关闭")})
        box.setDefaultButton(buttons.Save)
        return box.exec() == buttons.Save

    def closed(self) -> None:
        """The window closed cleanly (saved, or the clerk chose not to save)."""
        if self.keeper is not None:
            self.keeper.discard()
        for lock in (self._lock, self._pending_lock):
            if lock is not None:
                lock.release()
        self._lock = self._pending_lock = None


# -- the app's start -----------------------------------------------------------------------------

def start_session(files: Sequence[Path]) -> list[MainWindow]:
    """What ``app.main`` does once the QApplication exists: the data folder, the crash dialog, the
    main window, the offer to restore, then the file from the command line."""
    from evaldesk.ui import crash
    from evaldesk.ui.mainwindow import MainWindow

    folder = enable()
    crash.install(folder)
    window = MainWindow()
    window.show()
    windows = [window]
    for orphan in offer(window, folder):
        target = window
        if files or not window.doc.undo_stack.isClean():  # the main window is taken
            target = MainWindow()
            target.show()
            windows.append(target)
        restore(target, orphan)
    if files:
        window.open_path(Path(files[0]), ask=False)
    return windows


def end_session() -> None:
    """The event loop has ended: hooks and the data folder go back to how they were (matters
    only when ``app.main`` runs inside another program, such as a test)."""
    from evaldesk.ui import crash

    crash.uninstall()
    disable()
