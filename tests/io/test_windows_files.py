"""Files where Windows clerks keep them: Chinese names with spaces, a network share, a read-only
file, a workbook open in Excel. Each gives one clear message and never costs the file it had.

The Windows-only tests run under the Windows bench (build_scripts/windows/bench.sh: a Windows
CPython under Wine, code page 936) and on the Windows CI host; on Linux they are skipped with the
reason, and the POSIX side of the same cases is tested in test_save_failures and test_hostile_files.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from evaldesk.io import ReadError, WriteError, read_report, write_report
from tests.io.conftest import sample_report

WINDOWS = sys.platform == "win32"
windows_only = pytest.mark.skipif(not WINDOWS, reason="Windows file semantics (run by the Windows bench)")


def _no_temporary_left(path: Path) -> None:
    # The file and at most its one-generation backup (FILE.bak): no half-written temporary.
    assert {p.name for p in path.parent.iterdir()} <= {path.name, path.name + ".bak"}


def _saved(tmp_path: Path, name: str = "2021年度 区信访局 预算项目绩效自评表 (定稿).xlsx") -> Path:
    folder = tmp_path / "财务科 共享" / "2021 年度"
    folder.mkdir(parents=True)
    path = folder / name
    write_report(sample_report(), path)
    return path


def test_chinese_names_with_spaces_round_trip(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    assert read_report(path).projects[0].name == sample_report().projects[0].name
    # Saving again over it (the usual Ctrl+S) keeps the one file, no temporary left beside it.
    write_report(sample_report(), path)
    _no_temporary_left(path)


@windows_only
def test_a_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    before = path.read_bytes()
    os.chmod(path, stat.S_IREAD)  # the 只读 box in the file's properties
    try:
        with pytest.raises(WriteError) as caught:
            write_report(sample_report(), path)
        assert "只读" in caught.value.reason and "原文件未改动" in caught.value.reason
        assert path.read_bytes() == before
        _no_temporary_left(path)
        # Reading a read-only file is of course fine.
        assert read_report(path).projects
    finally:
        os.chmod(path, stat.S_IREAD | stat.S_IWRITE)


GENERIC_READ, GENERIC_WRITE = 0x80000000, 0x40000000
FILE_SHARE_READ = 0x1
OPEN_EXISTING = 3


@contextmanager
def _held_open(path: Path, share_mode: int) -> Iterator[None]:
    """Hold ``path`` open the way another program does, with Windows' sharing rules."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID,
                                     wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE]
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    handle = kernel32.CreateFileW(str(path), GENERIC_READ | GENERIC_WRITE, share_mode, None,
                                  OPEN_EXISTING, 0, None)
    assert handle not in (None, wintypes.HANDLE(-1).value), ctypes.get_last_error()
    try:
        yield
    finally:
        kernel32.CloseHandle(handle)


@windows_only
@pytest.mark.parametrize(("share_mode", "readable"), [
    (FILE_SHARE_READ, True),  # Excel/WPS with the workbook open: others may read, not write
    (0, False),  # a program holding it exclusively (share mode 0)
], ids=["excel", "exclusive"])
def test_a_file_open_in_another_program_is_a_clear_refusal(tmp_path: Path, share_mode: int,
                                                           readable: bool) -> None:
    path = _saved(tmp_path)
    before = path.read_bytes()
    edited = sample_report()
    edited.projects[0].name = "改过的项目名称"
    with _held_open(path, share_mode):
        with pytest.raises(WriteError) as caught:
            write_report(edited, path)
        # The sharing violation reads as what it is, with what to do about it.
        assert "Excel" in caught.value.reason and "原文件未改动" in caught.value.reason
        if readable:
            assert read_report(path).projects[0].name == sample_report().projects[0].name
        else:
            with pytest.raises(ReadError) as refused:
                read_report(path)
            assert "其他程序" in refused.value.reason
    assert path.read_bytes() == before
    _no_temporary_left(path)
    # Closed in Excel: the same save now goes through; the edit was not lost on the way.
    write_report(edited, path)
    assert read_report(path).projects[0].name == "改过的项目名称"


@windows_only
def test_an_unreachable_network_share_is_one_clear_line(tmp_path: Path) -> None:
    # A share on a server that is switched off or unreachable (VPN down).
    path = Path(r"\\evaldesk-no-such-server\财务科\2021年度 自评表.xlsx")
    with pytest.raises(ReadError) as refused:
        read_report(path)
    assert refused.value.reason and "\n" not in refused.value.reason
    with pytest.raises(WriteError) as caught:
        write_report(sample_report(), path)
    assert "网络" in caught.value.reason or "文件夹不存在" in caught.value.reason


def _reachable_share(tmp_path: Path) -> Path | None:
    """tmp_path seen through the administrative share \\\\localhost\\C$, when the system has it."""
    drive, rest = os.path.splitdrive(str(tmp_path))
    if len(drive) != 2 or drive[1] != ":":
        return None
    unc = Path(rf"\\localhost\{drive[0]}$" + rest)
    try:
        return unc if unc.is_dir() else None
    except OSError:
        return None


@windows_only
def test_saving_and_reading_on_a_network_share(tmp_path: Path) -> None:
    share = _reachable_share(tmp_path)
    if share is None:
        pytest.skip("no administrative share \\\\localhost\\C$ here (Wine has no SMB server); "
                    "the unreachable-share test above covers the error path")
    path = share / "2021年度 区信访局 自评表.xlsx"
    write_report(sample_report(), path)  # temporary file and rename both on the share
    assert read_report(path).projects[0].name == sample_report().projects[0].name
    write_report(sample_report(), path)
    _no_temporary_left(path)
