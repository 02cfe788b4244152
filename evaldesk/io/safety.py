"""Preflight checks on a workbook's bytes and zip directory, before any parser sees it.

A clerk opens whatever arrives by e-mail or on a USB stick: a truncated download, a .txt renamed
.xlsx, a workbook with an opening password, or something built to hurt. A parser given such a file
may raise an obscure error, take minutes, or, worse, abort the whole process: calamine allocates
a dense grid from the farthest cell it sees, so a 10 kB sheet with one cell in XFD1048576 asks
for half a terabyte and the Rust allocator kills the app with every unsaved edit in it. Checks
here read only the file's header bytes, the zip central directory and (streamed, in bounded
chunks) the XML parts' text; each failure is a ``ReadError`` with a one-line Chinese reason.

What is refused, and why:

* empty or over-large files (``MAX_FILE_BYTES``);
* anything that is neither a zip (xlsx/xlsm/ods) nor an OLE compound file (xls): a renamed text
  file, a PDF (a web page named .xls never gets here: ``read_xlsx`` reads it as a page);
* an OLE compound file holding ``EncryptionInfo``/``EncryptedPackage``: that is how Office stores
  an xlsx with an opening password; a plain .xls is also a compound file and is let through;
* a zip whose directory cannot be read (truncated, corrupt), with encrypted members, too many
  members, a declared uncompressed total above ``MAX_UNCOMPRESSED_BYTES`` or one member with an
  absurd compression ratio (a zip bomb), or that is not a spreadsheet at all (a .docx, a plain zip);
* any XML part that declares a DOCTYPE or ENTITY (entity expansion, external entities): a
  spreadsheet never needs one;
* any sheet whose farthest cell would make the parser's dense grid exceed ``MAX_CELLS``;
* an XML part that is not what its zip directory declares (size or CRC): the directory's sizes are
  what the limits above trust, so a part is read in full here to hold it to them.

Reading the XML parts costs about 0.1 s for a 5,000-project workbook (measured in
benchmarks/bench_io.py); it is the price of never handing calamine an unchecked grid size.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evaldesk.io.errors import ReadError, os_read_error

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
# Real sheet XML compresses 5–30×; deflate cannot exceed ~1032×. A large part near that limit is
# a run of one repeated byte, which no spreadsheet contains.
MAX_RATIO = 400
RATIO_CHECK_ABOVE = 10 * 1024 * 1024
# 10 million cells: ~320 MB inside calamine. A 50,000-project district file is 1.5 million.
MAX_CELLS = 10_000_000

CHUNK = 4 * 1024 * 1024

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))

_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)

# What calamine places a cell by is its r attribute, and XML lets that be spelt many ways: any
# whitespace before it and around "=", either quote, after other attributes, with a namespace
# prefix on the element (the OpenXML SDK writes <x:c>). The window is first normalised —
# whitespace to a space, ' to " — so that one set of patterns sees every spelling; a reference
# the patterns cannot tie to one cell makes the bound count every reference-like value.
_SPACING = bytes.maketrans(b"\t\n\r'", b'   "')
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_CELL_REF = re.compile(rb"<" + _PREFIX + rb'c(?= )[^>]*? r *= *"([A-Za-z]+)([0-9]+)"[^>]*?(/?)>')
_CELL_ANY = re.compile(rb"<" + _PREFIX + rb"c[ />]")
_ROW_REF = re.compile(rb"<" + _PREFIX + rb'row(?= )[^>]*? r *= *"([0-9]+)"')
_ROW_ANY = re.compile(rb"<" + _PREFIX + rb"row[ />]")
_R_ATTR = re.compile(rb" r *=")
_ANY_REF = re.compile(rb' r *= *"([A-Za-z]*)([0-9]+)"')

# A window whose cells all carry a reference, spelt the usual way (<c r="…" first), within column
# ZZ and row 9999 needs no exact extent: 9,999 × 702 is inside the bound. To see that in a few
# byte scans rather than regular expressions tried at each of 150,000 cells, the normalised
# window is translated to its shape — letters to A, digits to 0, ">" and "/" to a space — where
# "<c " counts <c …>, <c> and <c/> alike and a far reference is a literal: three letters, or five
# digits. Every " r=" of the shape must be a cell's or a row's own for this to hold.
_SHAPE = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789>/", b"A" * 26 + b"0" * 10 + b"  ")
_FAR_SHAPES = (b'<c r="AAA', b'<c r="A00000', b'<c r="AA00000')
_ROW_PLAIN = re.compile(rb'<row r="([0-9]+)"')
# The shared strings' declared count: calamine reserves room for that many strings before reading
# one (uniqueCount="4000000000" aborted the process with a 96 GB allocation). Every string takes
# at least "<si/>", five bytes of the part, which bounds an honest count.
_SST_UNIQUE = re.compile(rb"<" + _PREFIX + rb'sst(?= )[^>]*? uniqueCount *= *"([0-9]+)"')
_SMALLEST_STRING = len(b"<si/>")
_LOWER_REF = re.compile(rb'<c r="[a-z]')  # calamine reads "xfd1048576" as XFD1048576 too
_NEAR_ROW, _NEAR_COL = b"9999", b"ZZ"

_XML_SUFFIXES = (".xml", ".rels", ".vml")


def _too_large(path: Path, rows: int, columns: int) -> ReadError:
    """The refusal of a sheet whose cells would make the parser allocate a huge grid."""
    return ReadError(
        path,
        f"工作表范围过大（约 {rows} 行 × {columns} 列），可能是损坏或恶意构造的文件；"
        "如确为正常表格，请在 Excel/WPS 中删除多余的行列后另存",
    )


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def column_number(letters: bytes) -> int:
    """A → 1, Z → 26, AA → 27, XFD → 16384."""
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def read_bounded(path: Path, limit: int, kind: str) -> bytes:
    """A text or page file's bytes, refused above ``limit`` before it is read: no table a clerk
    has is that large. ``kind`` names the file in the refusal (文件, 网页文件)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReadError(path, f"{kind}过大（{size // 1024 // 1024} MB），不是自评表")
        return path.read_bytes()
    except OSError as error:
        raise os_read_error(path, error) from None


def preflight(path: Path) -> str:
    """Check ``path`` before parsing; return its container kind, "zip" or "cfb".

    Raises ``ReadError`` for anything the parser must not be given.
    """
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ReadError(path, "这是一个文件夹，不是工作簿文件")
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise os_read_error(path, error) from None
    if size == 0:
        raise ReadError(path, "文件是空的（0 字节），可能保存时中断或复制不完整")
    if size > MAX_FILE_BYTES:
        raise ReadError(path, f"文件过大（{_mb(size)}），超过可打开的上限 {_mb(MAX_FILE_BYTES)}")
    if head.startswith(ZIP_MAGIC):
        check_zip(path)
        return "zip"
    if head == CFB_MAGIC:
        check_cfb(path)
        return "cfb"
    raise ReadError(path, _not_a_workbook(path, head))


def _not_a_workbook(path: Path, head: bytes) -> str:
    try:
        with open(path, "rb") as handle:
            sample = handle.read(4096)
    except OSError:
        sample = head
    lowered = sample.lower()
    if lowered.lstrip().startswith(b"<?xml"):
        return "文件实际是 XML 文本，不是 Excel 工作簿；请在 Excel/WPS 中打开后“另存为” .xlsx 再导入"
    if head.startswith(b"%PDF"):
        return "文件实际是 PDF，不是 Excel 工作簿；请使用原始的 Excel 文件"
    if _looks_like_text(sample):
        return "文件实际是文本文件，不是 Excel 工作簿（可能被改了扩展名）；文本表格请改用 .txt 扩展名导入"
    return "文件不是 Excel 工作簿（内容既不是 .xlsx 也不是 .xls 格式），可能已损坏或被改了扩展名"


def _looks_like_text(sample: bytes) -> bool:
    for encoding in ("utf-8", "gb18030", "utf-16"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and sum(ch.isprintable() or ch in "\r\n\t" for ch in text) / len(text) > 0.95:
            return True
    return False


def check_cfb(path: Path) -> None:
    """An OLE compound file: a legacy .xls, or an encrypted OOXML workbook.

    Office encrypts an xlsx by wrapping it in a compound file with the streams EncryptionInfo and
    EncryptedPackage; their names sit in the directory sectors as UTF-16LE, found by a chunked
    scan without parsing the file's sector chains.
    """
    overlap = max(len(name) for name in _ENCRYPTION_STREAMS)
    tail = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            window = tail + chunk
            if any(name in window for name in _ENCRYPTION_STREAMS):
                raise ReadError(
                    path,
                    "工作簿设有打开密码（已加密），无法读取；请在 Excel/WPS 中输入密码打开，"
                    "取消密码后另存，再导入",
                )
            tail = window[-overlap:]
    _check_legacy_workbook(path)


# BIFF records that put a value in a cell, row and column first in their data (LABELSST, NUMBER,
# RK, BOOLERR, FORMULA, LABEL, RSTRING), and MULRK, a run of them; blank and formatted-only
# records (BLANK, MULBLANK) place nothing in calamine's grid. A worksheet is a BOF…EOF run.
_BIFF_CELLS = frozenset({0x00FD, 0x0203, 0x027E, 0x0205, 0x0006, 0x0204, 0x00D6})
_BIFF_MULRK = 0x00BD
_BIFF_BOFS = frozenset({0x0809, 0x0409, 0x0209, 0x0009})
_BIFF_STREAMS = ("Workbook", "Book")


def _check_legacy_workbook(path: Path) -> None:
    """A .xls: calamine makes each worksheet's grid as large as its farthest cells, and a BIFF
    cell may say row 65,535 and column 65,535 (a 137 GB grid, which aborts the process); the
    cells' own positions are read here first, record by record."""
    import olefile  # only .xls files need it

    try:
        with olefile.OleFileIO(str(path)) as ole:
            name = next((n for n in _BIFF_STREAMS if ole.exists(n)), None)
            if name is None:
                return  # not a workbook calamine reads as one; it will say so itself
            stream = ole.openstream(name).read()
    except OSError as error:
        raise ReadError(path, f"文件已损坏，无法读取（{error}）") from None
    except Exception as error:  # olefile's own errors for a broken compound file
        raise ReadError(path, f"文件已损坏或格式不受支持，无法读取（{error}）") from None
    _check_biff_extent(path, stream)


def _check_biff_extent(path: Path, stream: bytes) -> None:
    unpack = struct.unpack_from
    end = len(stream)
    at = 0
    sheet: list[int] = []  # min row, max row, min col, max col of the current substream

    def done() -> None:
        if sheet and (sheet[1] - sheet[0] + 1) * (sheet[3] - sheet[2] + 1) > MAX_CELLS:
            raise _too_large(path, sheet[1] + 1, sheet[3] + 1)

    while at + 4 <= end:
        kind, size = unpack("<HH", stream, at)
        body = at + 4
        at = body + size
        if kind in _BIFF_BOFS:
            done()
            sheet = []
            continue
        if kind in _BIFF_CELLS and size >= 4 and at <= end:
            row, first = unpack("<HH", stream, body)
            last = first
        elif kind == _BIFF_MULRK and size >= 6 and at <= end:
            row, first = unpack("<HH", stream, body)
            (last,) = unpack("<H", stream, at - 2)
        else:
            continue
        low, high = min(first, last), max(first, last)
        if sheet:
            sheet[0], sheet[1] = min(sheet[0], row), max(sheet[1], row)
            sheet[2], sheet[3] = min(sheet[2], low), max(sheet[3], high)
        else:
            sheet = [row, row, low, high]
    done()


def check_zip(path: Path) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ReadError(
            path, "文件不完整或已损坏（压缩结构无法读取），可能下载或复制时中断；请重新获取原文件"
        ) from None
    except OSError as error:
        raise ReadError(path, f"无法读取文件（{error.strerror or error}）") from None
    with archive:
        members = archive.infolist()
        _check_directory(path, members)
        names = {m.filename for m in members}
        _check_kind(path, names)
        for member in members:
            if member.is_dir():
                continue
            _check_member(path, archive, member)
        if "content.xml" in names and not any(name.startswith("xl/") for name in names):
            _check_ods_extent(path, archive)


# An OpenDocument sheet says where a cell is by how many cells and rows repeat before it; calamine
# sizes each table by its last cell with a value, so a value after a repeat of a million rows
# by sixteen thousand columns asks for 16 billion cells. Read with expat's callbacks, not a tree:
# a district's content.xml has hundreds of thousands of elements.
_ODS_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_ODS_TABLE = _ODS_TABLE_NS + "table"
_ODS_ROW = _ODS_TABLE_NS + "table-row"
_ODS_CELLS = frozenset({_ODS_TABLE_NS + "table-cell", _ODS_TABLE_NS + "covered-table-cell"})
_ODS_ROWS_REPEATED = _ODS_TABLE_NS + "number-rows-repeated"
_ODS_COLUMNS_REPEATED = _ODS_TABLE_NS + "number-columns-repeated"
_ODS_VALUE_TYPE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 value-type"


class _OdsExtent:
    """Rows × columns of each table up to its last cell with a value (a value-type, or any
    content such as a text:p), as calamine will size it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.row = self.rows = self.columns = self.column = 0
        self.row_times = self.cell_times = 1
        self.in_cell = self.cell_valued = self.row_valued = False

    @staticmethod
    def _times(attrs: dict[str, str], name: str) -> int:
        try:
            return max(1, int(attrs.get(name, "1")))
        except ValueError:
            return 1

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in _ODS_CELLS:
            self.in_cell, self.cell_times = True, self._times(attrs, _ODS_COLUMNS_REPEATED)
            self.cell_valued = _ODS_VALUE_TYPE in attrs
        elif self.in_cell:
            self.cell_valued = True  # content inside the cell
        elif name == _ODS_ROW:
            self.column, self.row_valued = 0, False
            self.row_times = self._times(attrs, _ODS_ROWS_REPEATED)
        elif name == _ODS_TABLE:
            self.row = self.rows = self.columns = 0

    def end(self, name: str) -> None:
        if name in _ODS_CELLS:
            self.in_cell = False
            self.column += self.cell_times
            if self.cell_valued:
                self.row_valued = True
                self.columns = max(self.columns, self.column)
        elif name == _ODS_ROW:
            self.row += self.row_times
            if self.row_valued:
                self.rows = self.row
        else:
            return
        if self.rows * self.columns > MAX_CELLS:
            raise _too_large(self.path, self.rows, self.columns)


def _check_ods_extent(path: Path, archive: zipfile.ZipFile) -> None:
    """An .ods: its tables' extents before calamine allocates them. (The part has passed the
    scan for DOCTYPE and entity declarations already.)"""
    from xml.parsers import expat

    extent = _OdsExtent(path)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = extent.start
    parser.EndElementHandler = extent.end
    try:
        with archive.open("content.xml") as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise ReadError(path, f"文件中的「content.xml」不是有效的 XML（{error}），已拒绝打开") from None
    except KeyError:
        return


def _check_directory(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise ReadError(path, f"文件包含的部件过多（{len(members)} 个），不是正常的工作簿，已拒绝打开")
    for member in members:
        if member.flag_bits & 0x1:
            raise ReadError(path, "工作簿中的内容被加密，无法读取；请取消密码后另存再导入")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReadError(
            path,
            f"文件解压后共 {_mb(total)}，超过上限 {_mb(MAX_UNCOMPRESSED_BYTES)}，"
            "疑似恶意构造的文件（压缩炸弹），已拒绝打开",
        )
    for member in members:
        if (
            member.file_size > RATIO_CHECK_ABOVE
            and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        ):
            raise ReadError(
                path,
                f"文件中的「{member.filename}」解压后异常巨大（压缩比超过 {MAX_RATIO} 倍），"
                "疑似恶意构造的文件（压缩炸弹），已拒绝打开",
            )


def _check_kind(path: Path, names: set[str]) -> None:
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names or "content.xml" in names:
        return
    if any(name.startswith("xl/") for name in names):
        return  # a workbook whose main part has another name; its [Content_Types] says which
    if "word/document.xml" in names:
        reason = "文件实际是 Word 文档（.docx），不是 Excel 工作簿"
    elif "ppt/presentation.xml" in names:
        reason = "文件实际是 PowerPoint 演示文稿，不是 Excel 工作簿"
    else:
        reason = "文件是普通压缩包，不是 Excel 工作簿；如是压缩的表格，请先解压"
    raise ReadError(path, reason)


@dataclass
class _Extent:
    """How far the cells of one sheet reach, as calamine will size its grid.

    The farthest row and column are kept as their reference text, compared by (length, text):
    that orders "Z" < "AA" and "99" < "100" without converting 150,000 references to numbers.
    """

    row: bytes = b""  # farthest row of a cell with a value
    col: bytes = b""
    row_element: bytes = b""  # farthest <row r=…>: matters only for cells without a reference
    cells: int = 0
    cells_with_ref: int = 0
    rows: int = 0
    rows_with_ref: int = 0

    def see_row(self, digits: bytes) -> None:
        if (len(digits), digits) > (len(self.row), self.row):
            self.row = digits

    def see_row_element(self, digits: bytes) -> None:
        if (len(digits), digits) > (len(self.row_element), self.row_element):
            self.row_element = digits

    def see_col(self, letters: bytes) -> None:
        if (len(letters), letters) > (len(self.col), self.col):
            self.col = letters

    @property
    def max_row(self) -> int:
        return int(self.row) if self.row else 0

    @property
    def max_col(self) -> int:
        return column_number(self.col)

    def grid_cells(self) -> int:
        unreferenced = self.cells - self.cells_with_ref
        if not unreferenced:
            # Every cell says where it is; empty rows (a row height set far down) place nothing.
            return self.max_row * self.max_col
        # Cells without a reference are placed one after another in their row, and rows without
        # one after the previous row: count them as one long row at the farthest row element,
        # which bounds any layout they could have.
        rows = max(self.max_row, int(self.row_element or b"0")) + (self.rows - self.rows_with_ref)
        return rows * max(self.max_col, unreferenced)


def _chunks(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                yield chunk
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError) as error:
        # zipfile checks the CRC and the declared size as it reads; a mismatch is damage or deceit.
        raise ReadError(
            path, f"文件已损坏：「{member.filename}」无法解压（{error}），可能下载或复制时中断"
        ) from None
    except Exception as error:  # zlib.error and friends: never let another exception out
        raise ReadError(path, f"文件已损坏：「{member.filename}」无法解压（{error}）") from None


def _check_member(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    name = member.filename
    scan = name.lower().endswith(_XML_SUFFIXES)
    extent = _Extent()
    in_sheet = False  # set once the sheet data begins
    tail = b""
    first = True
    for chunk in _chunks(path, archive, member):
        if first:
            first = False
            stripped = chunk.lstrip()
            # Pictures and other binary parts are read through for the CRC check only.
            scan = scan or stripped.startswith((b"<", b"\xef\xbb\xbf"))
            if scan and (stripped.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in chunk[:64]):
                raise ReadError(path, f"文件中的「{name}」使用了不支持的编码（UTF-16），已拒绝打开")
            if scan:
                _check_declared_strings(path, name, chunk, member.file_size)
        if not scan:
            continue
        # Keep an unfinished tag from the end of this chunk for the next, so no match is split.
        cut = chunk.rfind(b">") + 1
        window = tail + chunk[:cut]
        tail = chunk[cut:]
        if len(tail) > 1024 * 1024:
            raise ReadError(path, f"文件中的「{name}」不是有效的 XML，已拒绝打开")
        in_sheet = in_sheet or b"sheetData" in window
        _scan(path, name, window, extent, in_sheet)
    if tail:
        _scan(path, name, tail, extent, in_sheet)
    if extent.grid_cells() > MAX_CELLS:
        raise _too_large(path, extent.max_row, extent.max_col)


def _root_tag(head: bytes) -> bytes:
    """The start tag of an XML part's root element (after its declaration and any comments or
    processing instructions); b"" when the first chunk does not hold it whole."""
    at = 0
    while (at := head.find(b"<", at)) >= 0:
        if head.startswith(b"<!--", at):
            at = head.find(b"-->", at + 4)
        elif head.startswith((b"<?", b"<!"), at):
            at = head.find(b">", at + 2)
        else:
            end = head.find(b">", at)
            return head[at : end + 1] if end >= 0 else b""
        if at < 0:
            return b""
    return b""


def _check_declared_strings(path: Path, name: str, head: bytes, size: int) -> None:
    """A shared-strings part may not declare more strings than its size can hold."""
    root = _root_tag(head).translate(_SPACING)
    declared = _SST_UNIQUE.match(root)
    if declared and int(declared.group(1)) > size // _SMALLEST_STRING + 1:
        raise ReadError(
            path, f"文件中的「{name}」声明的字符串数目（{int(declared.group(1))}）与内容不符，"
            "疑似恶意构造的文件，已拒绝打开")


def _scan(path: Path, name: str, window: bytes, extent: _Extent, in_sheet: bool) -> None:
    if _DECLARATION.search(window):
        raise ReadError(
            path, f"文件中的「{name}」含有 DOCTYPE/ENTITY 声明（正常工作簿不会有），疑似恶意构造，已拒绝打开"
        )
    if not in_sheet:
        return  # not a worksheet, or not yet at its cells
    normal = window.translate(_SPACING)
    shape = normal.translate(_SHAPE)
    cells = shape.count(b"<c ")
    referenced = shape.count(b'<c r="')
    rows_referenced = shape.count(b'<row r="')
    if cells == referenced and shape.count(b" r=") + shape.count(b" r ") == referenced + \
            rows_referenced and not any(far in shape for far in _FAR_SHAPES) \
            and not _LOWER_REF.search(normal):
        # The common case, at the cost of a few byte scans: every cell says where it is, near.
        extent.cells += cells
        extent.cells_with_ref += cells
        extent.rows += shape.count(b"<row ")
        extent.rows_with_ref += rows_referenced
        if cells:
            extent.see_row(_NEAR_ROW)
            extent.see_col(_NEAR_COL)
        for digits in _ROW_PLAIN.findall(normal):  # every row reference is spelt so here
            extent.see_row_element(digits)
        return
    _scan_exactly(normal, extent)


def _scan_exactly(window: bytes, extent: _Extent) -> None:
    """The extent of a normalised window, reference by reference (files written unusually)."""
    rows = _ROW_REF.findall(window)
    extent.rows_with_ref += len(rows)
    extent.rows += len(_ROW_ANY.findall(window))
    for digits in set(rows):
        extent.see_row_element(digits)
    refs = _CELL_REF.findall(window)
    extent.cells += len(_CELL_ANY.findall(window))
    extent.cells_with_ref += len(refs)
    if len(_R_ATTR.findall(window)) > len(refs) + len(rows):
        # An r attribute not tied to one cell or row (a second one in a tag, an element of
        # another kind): whatever it says counts, a formatted empty cell's included.
        for letters, digits in set(_ANY_REF.findall(window)):
            extent.see_col(letters.upper())
            extent.see_row(digits)
    # A formatted cell without a value (``<c r="Z9" s="1"/>``) is not placed by calamine. The
    # sets are small (a few dozen columns, one entry per row), which keeps this loop out of Python.
    for letters in {letters.upper() for letters, _, empty in refs if not empty}:
        extent.see_col(letters)
    for digits in {digits for _, digits, empty in refs if not empty}:
        extent.see_row(digits)
