"""Files a clerk may be sent: each is refused with a one-line Chinese reason, never another
exception, never a hang, never a crash of the process."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from evaldesk.core.records import Report
from evaldesk.io.errors import ReadError
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.safety import MAX_MEMBERS, MAX_UNCOMPRESSED_BYTES, column_number, preflight
from evaldesk.io.write_xlsx import write_workbook
from tests.io.conftest import compound_file, patch_declared_size, rewrite_zip, write_rows

CJK = re.compile(r"[\u4e00-\u9fff]")


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(ReadError) as caught:
        read_workbook(path)
    reason = caught.value.reason
    assert "\n" not in reason and CJK.search(reason), reason
    assert caught.value.path == str(path)
    for word in words:
        assert word in reason, reason
    return reason


@pytest.fixture
def good(tmp_path: Path, report: Report) -> Path:
    path = tmp_path / "good.xlsx"
    write_workbook(report, path)
    return path


def test_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path / "没有这个文件.xlsx", "不存在")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    _refused(path, "空")


@pytest.mark.parametrize("keep", [100, 2000, -22])
def test_truncated_workbook(tmp_path: Path, good: Path, keep: int) -> None:
    data = good.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[:keep])
    _refused(path, "损坏")


def test_damaged_member_is_caught_by_its_crc(tmp_path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("xl/sharedStrings.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 40):
        data[i] ^= 0x5A
    path = tmp_path / "flipped.xlsx"
    path.write_bytes(bytes(data))
    _refused(path, "损坏")


def test_text_file_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "renamed.xlsx"
    path.write_text("序号\t项目名称\t合计\n1\t办公设备购置\t91.66\n", encoding="utf-8")
    _refused(path, "文本文件")


def test_web_page_saved_as_xls_without_a_form(tmp_path: Path) -> None:
    # A page named .xls is read (tests/io/test_read_html.py); one holding no form says both.
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>序号</td></tr></table></body></html>",
                    encoding="utf-8")
    _refused(path, "网页", "找不到")


def test_word_document_renamed(tmp_path: Path) -> None:
    path = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    _refused(path, "Word")


def test_password_protected_workbook(tmp_path: Path) -> None:
    # How Office stores an xlsx with an opening password: a compound file with these two streams.
    path = tmp_path / "locked.xlsx"
    path.write_bytes(compound_file({
        "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"<encryption/>",
        "EncryptedPackage": b"\x00" * 5000,
    }))
    _refused(path, "密码")


def test_compound_file_that_is_no_workbook(tmp_path: Path) -> None:
    # A compound file without encryption streams goes to calamine as a .xls; its failure is mapped.
    path = tmp_path / "old.xls"
    path.write_bytes(compound_file({"Workbook": b"\x09\x08garbage"}))
    _refused(path)


def _biff(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _biff_sheet(*cells: tuple[int, int]) -> bytes:
    """A workbook stream: the globals, then one worksheet with a NUMBER at each (row, col)."""
    bof = _biff(0x0809, struct.pack("<HH", 0x0600, 0x0005) + b"\0" * 12)
    sheet_bof = _biff(0x0809, struct.pack("<HH", 0x0600, 0x0010) + b"\0" * 12)
    eof = _biff(0x000A, b"")
    numbers = b"".join(_biff(0x0203, struct.pack("<HHHd", row, col, 0, 1.0)) for row, col in cells)
    # At least 4,096 bytes, as compound_file lays it out: a shorter stream would be looked for in
    # the mini stream. The padding reads as empty records after the last EOF.
    return (bof + eof + sheet_bof + numbers + eof).ljust(4096, b"\0")


def test_a_legacy_xls_cell_at_the_far_corner_is_refused(tmp_path: Path) -> None:
    # A BIFF cell may say row 65,535 and column 65,535: calamine would make a 137 GB grid and
    # abort the process (checked with a LibreOffice .xls patched so).
    path = tmp_path / "old.xls"
    path.write_bytes(compound_file({"Workbook": _biff_sheet((0, 0), (65535, 65535))}))
    _refused(path, "范围过大")
    # Far from the top but small, as a sheet starting low down is: calamine sizes it by its cells.
    path.write_bytes(compound_file({"Workbook": _biff_sheet((60000, 200), (60010, 210))}))
    assert preflight(path) == "cfb"


def _ods(path: Path, rows: str) -> Path:
    """A minimal OpenDocument spreadsheet whose one table is ``rows``."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="表">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    return path


def test_an_ods_value_after_huge_repeats_is_refused(tmp_path: Path) -> None:
    # calamine sizes the table by its last value: 10,000 rows by 5,000 columns of repeats before
    # one value is 50 million cells, ~1.6 GB that calamine would set out to allocate (it refuses
    # only above 100 million by itself).
    value = '<table:table-cell office:value-type="float" office:value="1"/>'
    far = _ods(tmp_path / "far.ods",
               f"<table:table-row>{value}</table:table-row>"
               '<table:table-row table:number-rows-repeated="9998"><table:table-cell/>'
               "</table:table-row><table:table-row>"
               f'<table:table-cell table:number-columns-repeated="4999"/>{value}'
               "</table:table-row>")
    _refused(far, "范围过大")
    # Repeats after the last value are how LibreOffice fills every sheet to its edge: no matter.
    edge = _ods(tmp_path / "edge.ods",
                f"<table:table-row>{value}"
                '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
                '<table:table-row table:number-rows-repeated="1048575">'
                '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
    assert preflight(edge) == "zip"


def test_no_recognisable_header(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "other.xlsx", [["姓名", "电话"], ["张三", "123"]])
    _refused(path, "表头")


def test_entity_declarations_are_refused(tmp_path: Path, good: Path) -> None:
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n')

    def poison(name: str, data: bytes) -> bytes:
        if name == "xl/sharedStrings.xml":
            return laughs + data.split(b"?>", 1)[1]
        return data

    _refused(rewrite_zip(good, Path(str(good) + ".lol.xlsx"), poison), "DOCTYPE")


def test_external_entity_in_any_part_is_refused(tmp_path: Path, good: Path) -> None:
    def poison(name: str, data: bytes) -> bytes:
        if name == "docProps/core.xml":
            return data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
        return data

    _refused(rewrite_zip(good, tmp_path / "xxe.xlsx", poison), "DOCTYPE")


def test_declared_zip_bomb(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(good.read_bytes())
    patch_declared_size(path, "xl/worksheets/sheet1.xml", MAX_UNCOMPRESSED_BYTES + 1)
    _refused(path, "压缩炸弹")


def test_absurd_compression_ratio(tmp_path: Path) -> None:
    path = tmp_path / "ratio.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a/>" + b" " * 100)
    patch_declared_size(path, "xl/worksheets/sheet1.xml", 50 * 1024 * 1024)
    _refused(path, "压缩比")


def test_size_that_lies_is_caught(tmp_path: Path, good: Path) -> None:
    # A directory that understates a part's size: the part is held to what the directory says.
    path = tmp_path / "liar.xlsx"
    path.write_bytes(good.read_bytes())
    patch_declared_size(path, "xl/sharedStrings.xml", 100)
    _refused(path, "损坏")


def test_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(MAX_MEMBERS + 1):
            archive.writestr(f"xl/media/{i}.bin", b"")
    _refused(path, "部件过多")


def _far_cell_sheet(cells: str) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + cells.encode() + b"</worksheet>")


@pytest.mark.parametrize("cells", [
    # One value in the last cell of the sheet: calamine would allocate ~0.5 TB and abort.
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
    # The same written with a namespace prefix, as the OpenXML SDK does.
    '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
    '<x:row r="900000"><x:c r="ZZZ900000"><x:v>1</x:v></x:c></x:row></x:sheetData>',
    # A far row and cells without references, placed one after another.
    '<sheetData><row r="1000000">' + "<c><v>1</v></c>" * 20 + "</row></sheetData>",
])
def test_far_cells_are_refused_before_the_parser_sees_them(tmp_path: Path, good: Path,
                                                          cells: str) -> None:
    def far(name: str, data: bytes) -> bytes:
        return _far_cell_sheet(cells) if name == "xl/worksheets/sheet1.xml" else data

    _refused(rewrite_zip(good, tmp_path / "far.xlsx", far), "范围过大")


@pytest.mark.parametrize("cell", [
    # The same far cell spelt every way XML allows and calamine reads (each aborted the process
    # with a 550 GB allocation before the preflight knew these spellings).
    '<c\nr="XFD1048576"><v>1</v></c>',
    "<c r='XFD1048576'><v>1</v></c>",
    '<c  r="XFD1048576"><v>1</v></c>',
    '<c r = "XFD1048576"><v>1</v></c>',
    '<c s="1" r="XFD1048576"><v>1</v></c>',
    '<c r="A20" r = "XFD1048576"><v>1</v></c>',
    '<c r="xfd1048576"><v>1</v></c>',
])
def test_far_cells_spelt_unusually_are_refused_too(tmp_path: Path, good: Path, cell: str) -> None:
    # No row reference either, so that only the cell's own says how far it is.
    def far(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(b"</sheetData>", b"<row>" + cell.encode() + b"</row></sheetData>")
        return data

    _refused(rewrite_zip(good, tmp_path / "far.xlsx", far), "范围过大")


def test_near_cells_spelt_unusually_still_open(tmp_path: Path, good: Path) -> None:
    def near(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(b"</sheetData>", b"<row r='40'><c\ts=\"1\"\nr = 'b40'/></row>"
                                                 b"</sheetData>")
        return data

    path = rewrite_zip(good, tmp_path / "near.xlsx", near)
    assert preflight(path) == "zip"
    assert read_workbook(path).projects


@pytest.mark.parametrize("make_root", [
    lambda n: f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              f'count="1" uniqueCount="{n}">',
    lambda n: f"<!-- <sst uniqueCount='1'> --><x:sst xmlns:x=\"urn:x\"\n uniqueCount = '{n}'>",
])
def test_a_shared_string_count_the_part_cannot_hold_is_refused(
        tmp_path: Path, good: Path, make_root: Callable[[int], str]) -> None:
    # calamine reserves room for the declared count first: 4,000,000,000 aborted the process
    # with a 96 GB allocation.
    def swollen(name: str, data: bytes) -> bytes:
        if name == "xl/sharedStrings.xml":
            start, end = data.index(b"<sst"), data.index(b">", data.index(b"<sst")) + 1
            return data[:start] + make_root(4_000_000_000).encode() + data[end:]
        return data

    _refused(rewrite_zip(good, tmp_path / "sst.xlsx", swollen), "字符串数目")


def test_formatted_empty_far_cell_is_not_a_reason_to_refuse(tmp_path: Path, good: Path) -> None:
    # A styled cell without a value is not placed by the parser, so it does not count.
    def styled(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(b"</sheetData>",
                                b'<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>')
        return data

    path = rewrite_zip(good, tmp_path / "styled.xlsx", styled)
    assert preflight(path) == "zip"
    assert read_workbook(path).projects


def test_good_workbook_passes_preflight(good: Path) -> None:
    assert preflight(good) == "zip"


def test_column_numbers() -> None:
    assert [column_number(c) for c in (b"A", b"Z", b"AA", b"AD", b"XFD")] == [1, 26, 27, 30, 16384]
