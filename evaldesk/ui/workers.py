"""Opening and saving off the GUI thread, so the window never freezes on a big report.

A save writes a snapshot taken on the GUI thread (pickle round trip: several times faster than
deepcopy on thousands of projects), so the clerk may keep typing while the file is written.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from evaldesk.core.records import Report
from evaldesk.core.rules import Checker
from evaldesk.ui.findings import ProfileChecker


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._work = work
        self.setAutoDelete(False)  # Python holds the reference; Qt must not delete it under us

    def run(self) -> None:
        from evaldesk.io.errors import ReadError, WriteError

        try:
            result = self._work()
        except (ReadError, WriteError) as exc:
            self.signals.failed.emit(exc.reason)
        except Exception as exc:
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(result)


def _read(path: Path) -> tuple[Report, Checker]:
    from evaldesk.io import read_report

    report = read_report(path)
    # Checking thousands of projects is done here too, not on the GUI thread after loading.
    return report, ProfileChecker(report)


def _write(report: Report, path: Path) -> Path:
    from evaldesk.io import write_report

    write_report(report, path)
    return path


def snapshot(report: Report) -> Report:
    copy: Report = pickle.loads(pickle.dumps(report, pickle.HIGHEST_PROTOCOL))
    return copy


def start_load(path: Path) -> Task:
    task = Task(lambda: _read(path))
    QThreadPool.globalInstance().start(task)
    return task


def start_save(report: Report, path: Path) -> Task:
    frozen = snapshot(report)
    task = Task(lambda: _write(frozen, path))
    QThreadPool.globalInstance().start(task)
    return task
