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


def os_read_error(path: str | Path, error: OSError) -> ReadError:
    """An operating-system error while reading, said the way a clerk can act on it."""
    if isinstance(error, FileNotFoundError):
        return ReadError(path, "文件不存在（可能已被移动、删除或改名）")
    if isinstance(error, IsADirectoryError):
        return ReadError(path, "这是一个文件夹，不是文件")
    if isinstance(error, PermissionError):
        return ReadError(path, "没有读取该文件的权限，或文件正被其他程序独占打开")
    return ReadError(path, f"无法读取文件（{error.strerror or error}）")
