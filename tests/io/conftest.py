"""Builders for workbook tests: reports with awkward content, other people's tables, hostile files."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from evaldesk.core.records import Funds, Indicator, Project, Report

D = Decimal


def sample_report() -> Report:
    """A report with everything a round trip can get wrong, in Chinese."""
    long_goal = "；".join(f"{i}、提升信访工作专业化、规范化水平，推动重大、疑难、特殊、紧急信访问题化解"
                         for i in range(1, 40))
    projects = [
        Project(
            seq="1", department="区信访局", name="办公设备购置",
            budget=Funds(D("91.66"), D("0"), D("0")),
            actual=Funds(D("89.94"), D("0"), D("0")),
            rate_printed=D("0.9813"),  # printed from 元, differs from 89.94/91.66
            goal="1、做好特殊防护期间我区信访维稳工作；\n2、通过外出协调，推进化解重点信访案件；",
            completion="100%",
            indicators=[
                Indicator("quantity", name="购置办公设备数量", actual="20件"),
                Indicator("quality", name="采购成功率", actual="100%"),
                Indicator("timeliness", name="从提出申请到完成配置15个工作日内", actual="按时完成"),
                Indicator("economic", applicable=False),
                Indicator("social", name="提升工作效率", actual="100%"),
                Indicator("ecological", name="节能减排设备购置率", actual="购置节能环保产品"),
                Indicator("satisfaction", name="使用人员满意度", actual="100%"),
            ],
            problems="无",
        ),
        Project(
            seq="2", department="区信访局", name="=SUM(A1)",
            budget=Funds(D("50.36"), None, D("1.50"), total_entered=D("60.00")),
            actual=Funds(D("12.345"), None, None),
            goal="=SUM(A1)+1",
            completion="-5%",
            indicators=[Indicator("quantity", name="@关注人数", actual="+86 13800138000")],
            problems=long_goal,
            rectification="=HYPERLINK(\"http://example.com\")",
        ),
        Project(
            seq="（三）", department="区信访局", name="没有金额的项目",
            goal="", completion="",
        ),
        Project(
            seq="4", department="区信访局", name="金额写成文字",
            budget=Funds(D("10"), D("0.1"), D("0.2")),
            actual=Funds(None, D("0.3"), None),
            bad_values={"actual.general": "见附表", "rate": "约九成"},
            goal=long_goal * 3,  # taller than Excel's largest row
            problems="部分资金未支付",
            rectification="加强预算执行监控",
        ),
    ]
    return Report(
        year=2021, title="2021年度区信访局预算项目绩效自评表", department="龙岗区信访局",
        fill_date="2022年3月15日", preparer="张晓明", phone="0755-28900000", head="李建国",
        projects=projects,
    )


@pytest.fixture
def report() -> Report:
    return sample_report()


def write_rows(path: Path, rows: list[list[object]], *, top: int = 0, left: int = 0,
               merges: tuple[str, ...] = (), sheets_before: tuple[str, ...] = ()) -> Path:
    """A workbook made by someone else (openpyxl), with the rows placed at (top, left)."""
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    if sheets_before:
        first.title = sheets_before[0]
        first["B2"] = "填表说明：请按要求填写下表，金额单位为万元。"
        sheet = book.create_sheet("自评表")
    else:
        sheet = first
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None and value != "":
                sheet.cell(row=top + r + 1, column=left + c + 1, value=value)
    for ref in merges:
        sheet.merge_cells(ref)
    book.save(path)
    return path


def rewrite_zip(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """Copy a zip member by member; ``change`` may replace a member's bytes or drop it (None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info.filename, data)
    return target


def patch_declared_size(path: Path, member: str, size: int) -> None:
    """Make the zip's central directory claim ``member`` unpacks to ``size`` bytes."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + name_len] == name:
            struct.pack_into("<I", data, pos + 24, size)
            path.write_bytes(bytes(data))
            return
        pos = data.find(b"PK\x01\x02", pos + 4)
    raise KeyError(member)


_SECTOR = 512
_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (CFB v3) holding ``streams`` at the root.

    This is the container Office uses for .xls and for password-protected .xlsx (streams
    EncryptionInfo and EncryptedPackage). Streams are padded to 4096 bytes so they live in
    regular sectors and the file needs no mini stream.
    """
    assert len(streams) <= 3
    payloads = [data.ljust(4096, b"\0") for data in streams.values()]
    fat = [_FATSECT, _END]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for payload in payloads:
        count = len(payload) // _SECTOR + (len(payload) % _SECTOR > 0)
        start = len(fat)
        starts.append(start)
        fat.extend(range(start + 1, start + count))
        fat.append(_END)
    assert len(fat) <= _SECTOR // 4
    fat_sector = struct.pack(f"<{_SECTOR // 4}I", *(fat + [_FREE] * (_SECTOR // 4 - len(fat))))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0"
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", _NOSTREAM, right, child) + b"\0" * 36
                + struct.pack("<IQ", start, size))

    names = list(streams)
    entries = [entry("Root Entry", 5, _NOSTREAM, 1 if names else _NOSTREAM, _END, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else _NOSTREAM
        entries.append(entry(name, 2, right, _NOSTREAM, starts[i], len(streams[name])))
    directory = b"".join(entries).ljust(_SECTOR, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<I", 0) + struct.pack("<108I", *([_FREE] * 108)))
    assert len(header) == _SECTOR
    return header + fat_sector + directory + b"".join(payloads)
