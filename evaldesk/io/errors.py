"""The one error every reader raises: a file that cannot be read, and why, in Chinese."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A file could not be read. ``str()`` is one line naming the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class WriteError(Exception):
    """A file could not be written; the reason says what the clerk can do about it."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
