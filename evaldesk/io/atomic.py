"""Saving so that a failed save never costs the clerk the file they had.

``atomic_write(path, write_fn)`` lets ``write_fn`` write a temporary file in the target's own folder
(same file system, so the final rename is atomic), flushes it to disk, optionally lets a
``verify`` callback inspect it, and only then renames it over the target with ``os.replace``.
Until that rename the original file is untouched; after it, the new file is complete. A failure
anywhere removes the temporary file and becomes a ``WriteError`` whose reason says what to do
(close the file in Excel/WPS, save elsewhere, free disk space).

Why not write in place: a crash, a full disk or Excel's lock half way through would leave a
truncated workbook where the only copy of a year's figures used to be. Why the same folder and
not the system temp folder: ``os.replace`` across file systems (a USB stick, a network share) is a
copy, not a rename, and can itself fail half way.

``verify`` runs on the finished, flushed temporary file before anything is replaced: the workbook
writer reads it back and compares it with what it meant to save (``evaldesk.io.readback``), so a
file that would not open again, or would open with different figures, never replaces a good one.

``backup=True`` keeps the file being replaced as ``FILE.bak`` beside it (one generation): a clerk
who saved over the wrong file, or whose new version was damaged later, still has the previous one.
It is made as a hard link where the file system allows (instant, and the original is never opened
for writing), else as a copy; the target itself stays in place until the final rename, so there is
no moment without the file. Failing to make the backup does not stop the save.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from evaldesk.io.errors import WriteError

_ORIGINAL_KEPT = "原文件未改动。"


def reason_for(error: OSError, *, replacing: bool = False) -> str:
    """A clerk-readable reason for an OS error while saving, saying what to do about it."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"磁盘空间不足，请清理磁盘或保存到其他位置。{_ORIGINAL_KEPT}"
    if code == errno.EROFS:
        return f"保存位置是只读的（如只读 U 盘或光盘），请另存到其他文件夹。{_ORIGINAL_KEPT}"
    if isinstance(error, FileNotFoundError) or code == errno.ENOENT:
        return "保存位置的文件夹不存在（可能已被删除、移动，或 U 盘/网络盘已断开），请另选保存位置。"
    if isinstance(error, IsADirectoryError):
        return "目标名称是一个文件夹，请换一个文件名。"
    if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM):
        if replacing:
            # On Windows this is what a workbook open in Excel or WPS looks like.
            return (
                "文件正被其他程序（如 Excel 或 WPS）打开，或被设为只读。"
                f"请先在该程序中关闭此文件再保存，或用“另存为”换一个文件名。{_ORIGINAL_KEPT}"
            )
        return f"没有在该文件夹中写入的权限，请另存到其他文件夹（例如“文档”或桌面）。{_ORIGINAL_KEPT}"
    detail = error.strerror or str(error)
    return f"保存失败（{detail}），请另存到其他位置再试。{_ORIGINAL_KEPT}"


READ_ONLY_REASON = ("文件被设为只读（文件属性中勾选了“只读”）。请先取消只读再保存，"
                    f"或用“另存为”换一个文件名。{_ORIGINAL_KEPT}")


def _read_only_on_windows(path: Path) -> bool:
    """The file's 只读 attribute, which a clerk sets to protect a finished report.

    Windows refuses to replace such a file only at the final rename, after the whole workbook was
    written (and Wine not at all): asking first gives the reason before any work, everywhere.
    """
    if os.name != "nt":
        return False
    try:
        attributes = getattr(path.stat(), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & stat.FILE_ATTRIBUTE_READONLY)


def _new_file_mode(target: Path) -> int:
    """Keep the permissions the old file had; a new file gets what the user's umask allows.

    mkstemp creates 0600 files, which would silently make a shared workbook private.
    """
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _keep_backup(path: Path) -> None:
    """``path`` as it is now, saved as ``FILE.bak``; best effort (see the module docstring)."""
    if not path.is_file():
        return
    backup = backup_path(path)
    staging = path.with_name(f".{path.name}.bak.tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
        if os.name == "nt":
            # A hard link shares the original's state on Windows: while Excel holds the workbook
            # open it can be neither renamed nor deleted (a stray .bak.tmp), and it is read-only
            # when the original is.
            shutil.copy2(path, staging)
        else:
            try:
                os.link(path, staging)
            except OSError:
                # FAT32 USB sticks and some network shares have no hard links.
                shutil.copy2(path, staging)
        os.replace(staging, backup)
    except OSError:
        with contextlib.suppress(OSError):
            staging.unlink()


def atomic_write(
    path: Path,
    write_fn: Callable[[Path], None],
    *,
    verify: Callable[[Path], None] | None = None,
    backup: bool = False,
) -> None:
    """Write ``path`` through ``write_fn(temp_path)``; the original survives any failure.

    ``write_fn`` must write a complete file at the path it is given. OSErrors it raises (disk full,
    permissions) are translated like the ones raised here; any other exception propagates after
    the temporary file is removed, since it is a bug rather than a condition the clerk can fix.
    ``verify(temp_path)`` may raise ``WriteError`` to stop the replacement. ``backup`` keeps the
    replaced file as ``FILE.bak``.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise WriteError(path, "目标名称是一个文件夹，请换一个文件名。")
    if _read_only_on_windows(path):
        raise WriteError(path, READ_ONLY_REASON)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(path, reason_for(error)) from error
    os.close(fd)
    temp = Path(temp_name)
    replaced = False
    try:
        try:
            write_fn(temp)
            _fsync_file(temp)
            os.chmod(temp, _new_file_mode(path))
        except OSError as error:
            raise WriteError(path, reason_for(error)) from error
        if verify is not None:
            verify(temp)
        if backup:
            _keep_backup(path)
        try:
            os.replace(temp, path)
        except OSError as error:
            raise WriteError(path, reason_for(error, replacing=True)) from error
        replaced = True
        _fsync_folder(folder)
    finally:
        if not replaced:
            with contextlib.suppress(OSError):
                temp.unlink()
