"""Opening and saving off the GUI thread, so the window never freezes on a big report.

A save writes a snapshot taken on the GUI thread (pickle round trip: several times faster than
deepcopy on thousands of projects), so the clerk may keep typing while the file is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from evaldesk.core import fields
from evaldesk.core.records import Report
from evaldesk.core.rules import Checker
from evaldesk.ui.findings import ProfileChecker

if TYPE_CHECKING:
    from evaldesk.io.grid import HeaderInfo


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._work = work
        self.setAutoDelete(False)  # Python holds the reference; Qt must not delete it under us
        # Set before ``failed`` is emitted when a reader found a header it needs a clerk to map.
        self.needs_mapping: HeaderInfo | None = None

    def run(self) -> None:
        from evaldesk.io.errors import ReadError, WriteError
        from evaldesk.io.grid import HeaderNeedsMapping

        try:
            try:
                result = self._work()
            except HeaderNeedsMapping as exc:
                self.needs_mapping = exc.info
                self.signals.failed.emit(exc.reason)
            except (ReadError, WriteError) as exc:
                self.signals.failed.emit(exc.reason)
            except Exception as exc:
                self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            else:
                self.signals.done.emit(result)
        except RuntimeError:
            # The signals' object is gone (the app is quitting under a running task): nobody
            # is left to tell.
            pass


def _read(path: Path, mapping: Mapping[str, int] | None = None) -> tuple[Report, Checker]:
    from evaldesk.core.province import propose_profile
    from evaldesk.core.scoring import get_profile
    from evaldesk.io import read_report

    report = read_report(path, mapping)
    # Checking thousands of projects is done here too, not on the GUI thread after loading,
    # under the profile the form's layout points to (the document takes it from the checker).
    return report, ProfileChecker(report, get_profile(propose_profile(report).profile))


def _write(report: Report, path: Path) -> Path:
    from evaldesk.io import write_report

    write_report(report, path)
    return path


def snapshot(report: Report) -> Report:
    """A copy of the report for a worker thread (save, export), taken on the GUI thread: 5,000
    projects in ~0.1 s (pickling them took ~0.7 s, a visible stall at every save)."""
    from evaldesk.io.gcpause import collector_paused

    with collector_paused():
        return fields.clone_report(report)


def _start(task: Task) -> None:
    # Started from the event loop, not here: the caller connects to ``task.signals`` after this
    # returns, and a small file read at once would otherwise report before anyone listens.
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(task))


def start_load(path: Path, mapping: Mapping[str, int] | None = None) -> Task:
    """Read ``path`` (with a clerk's column ``mapping`` when the header needed one)."""
    task = Task(lambda: _read(path, mapping))
    _start(task)
    return task


def start_save(report: Report, path: Path) -> Task:
    frozen = snapshot(report)
    task = Task(lambda: _write(frozen, path))
    _start(task)
    return task
