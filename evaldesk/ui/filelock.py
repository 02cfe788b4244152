"""A workbook open in one evaldesk window is not silently opened for writing in another.

Two windows saving the same file in turn would each overwrite the other's work. Like Excel's
``~$name.xlsx``, a lock file sits next to the workbook (``.~evaldesk-NAME.lock``), so the lock is
seen by every evaldesk on every computer that opens the file, on a shared network folder too.
Where the workbook's folder cannot be written (a read-only share), the lock goes in the data
folder instead, keyed by the file's full path: it then guards this computer only, which is all
that is possible, and saving into that folder fails anyway.

``QLockFile`` writes the holder's process id and host name; a lock left by a process of this
computer that is gone (a crash, a power cut) is stale and taken over. A lock from another computer
is never taken over by age: that clerk may still be typing, so the file is offered read-only.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_PREFIX = ".~evaldesk-"


@dataclass(frozen=True)
class Holder:
    """Who has the file open, for the message."""

    pid: int
    host: str


def lock_path(path: Path) -> Path:
    return path.with_name(f"{LOCK_PREFIX}{path.name}.lock")


def fallback_lock_path(path: Path, data_folder: Path) -> Path:
    key = hashlib.sha1(os.path.normcase(str(path.resolve())).encode("utf-8")).hexdigest()[:20]
    return data_folder / "locks" / f"{key}.lock"


def _hide(path: Path) -> None:
    """Windows shows dot files; mark the lock hidden there, as Excel does its ~$ files."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        hidden = 0x2
        ctypes.windll.kernel32.SetFileAttributesW(str(path), hidden)


class DocumentLock:
    """The lock on one workbook, held while it is open for writing in this window."""

    def __init__(self, path: Path, data_folder: Path) -> None:
        self.path = path
        self._data_folder = data_folder
        self._lock: QLockFile | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another live evaldesk holds it."""
        if self._lock is not None:
            return True
        for candidate in (lock_path(self.path), fallback_lock_path(self.path, self._data_folder)):
            try:
                candidate.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                continue
            lock = QLockFile(str(candidate))
            lock.setStaleLockTime(0)  # never stale by age, only by a dead process on this host
            if lock.tryLock(0):
                _hide(candidate)
                self._lock = lock
                return True
            if lock.error() == QLockFile.LockError.LockFailedError:
                return False
            # PermissionError / UnknownError: this folder cannot hold a lock; try the next place.
        return True  # nowhere to put a lock: opening must not be refused for that

    def holder(self) -> Holder | None:
        """Who holds the lock, if anyone else does."""
        for candidate in (lock_path(self.path), fallback_lock_path(self.path, self._data_folder)):
            if not candidate.exists():
                continue
            lock = QLockFile(str(candidate))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()  # stale or free: nobody holds it
                continue
            info: object = lock.getLockInfo()  # (pid, host, app), or False if unreadable
            if isinstance(info, tuple) and len(info) >= 2:
                return Holder(int(info[0]), str(info[1]))
            return Holder(0, "")
        return None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
