"""Tables in a web page: the "Excel file" many systems export, a form saved as a web page.

Budget systems and bureaus' sites often hand out a page of HTML tables named .xls (Excel and WPS
open it without a word), and a published form saved from the browser is an .htm. Each <table>
is read as a sheet would be: its cells placed by colspan and rowspan as merged cells are (the
text in the first cell of the span, the rest empty), <br> as a line break, entities decoded.

A page is text a stranger made, so its claims are bounded before anything is allocated: a
colspan or rowspan beyond what a sheet can hold is cut to it, and a table larger than the cell
limit workbooks are held to is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from evaldesk.io.errors import ReadError
from evaldesk.io.read_text import decode
from evaldesk.io.safety import CFB_MAGIC, MAX_CELLS, ZIP_MAGIC, read_bounded

MAX_HTML_BYTES = 64 * 1024 * 1024  # as for text tables: a district table is a few MB
MAX_SPAN_COLUMNS = 16_384  # Excel's last column, XFD
MAX_SPAN_ROWS = 65_536  # an .xls sheet's rows
_SNIFF = 4096
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


_TABLE_TAG = re.compile(rb"<table[\s>]")


def looks_like_html(sample: bytes) -> bool:
    """The first bytes of a file are a web page's (whatever the file is called). A workbook's
    zip or compound file is not, though an .ods stores <table:table> uncompressed near its
    start; nor is Excel 2003's XML (<?xml … <Table>), which is no web page either."""
    if sample.startswith((*ZIP_MAGIC, CFB_MAGIC)):
        return False
    lowered = sample[:_SNIFF].lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return True
    return not lowered.lstrip().startswith(b"<?xml") and _TABLE_TAG.search(lowered) is not None


def is_html_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return looks_like_html(handle.read(_SNIFF))
    except OSError:
        return False  # the workbook reader says why it cannot be read


def decode_html(data: bytes, source: str) -> str:
    """The page's text: in the charset its <meta> declares, else as a text table is decoded
    (BOM, UTF-8, GB18030: what an old system on Chinese Windows writes without saying so)."""
    declared = _CHARSET.search(data[:_SNIFF])
    if declared is not None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        charset = declared.group(1).decode("ascii").lower()
        # gb2312 and gbk pages use characters only gb18030 has names for (and Excel says gb2312
        # for any Chinese page), so the widest of the family reads them all.
        if charset in ("gb2312", "gbk", "x-gbk"):
            charset = "gb18030"
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a page that says one thing and is another: as if it said nothing
    return decode(data, source)


@dataclass
class HtmlTable:
    name: str  # the heading LibreOffice writes above each sheet's table, else 表格N
    rows: list[list[object]] = field(default_factory=list)
    # Spans as a workbook's merged ranges: ((top, left), (bottom, right)), inclusive.
    merges: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


class _TableParser(HTMLParser):
    """Every outermost <table> as a grid; a table inside a cell gives its text to that cell."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.tables: list[HtmlTable] = []
        self._depth = 0  # nesting of <table>
        self._row: int = -1
        self._column = 0  # where the row's next cell goes, before skipping rowspans from above
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._covered: dict[int, int] = {}  # column → the first row a rowspan leaves free
        self._heading: list[str] | None = None
        self._last_heading = ""

    # -- tags ------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                name = self._last_heading or f"表格{len(self.tables) + 1}"
                self.tables.append(HtmlTable(name))
                self._row, self._covered, self._last_heading = -1, {}, ""
            return
        if self._depth == 0:
            if tag in ("h1", "h2", "h3"):
                self._heading = []
            return
        if self._depth > 1:
            if tag == "br" and self._cell is not None:
                self._cell.append("\n")
            return
        if tag == "tr":
            self._close_cell()
            self._row += 1
            self._column = 0
        elif tag in ("td", "th"):
            self._close_cell()
            if self._row < 0:
                self._row, self._column = 0, 0  # a table that leaves out its first <tr>
            values = dict(attrs)
            self._span = (_span(values.get("rowspan"), MAX_SPAN_ROWS),
                          _span(values.get("colspan"), MAX_SPAN_COLUMNS))
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._depth:
            if self._depth == 1:
                self._close_cell()
            self._depth -= 1
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            self._last_heading = _sheet_name(" ".join("".join(self._heading).split()))
            self._heading = None
        elif self._depth == 1 and tag in ("td", "th"):
            self._close_cell()
        elif self._depth == 1 and tag in ("p", "div") and self._cell is not None:
            self._cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._heading is not None:
            self._heading.append(data)

    # -- cells -----------------------------------------------------------------------------------

    def _close_cell(self) -> None:
        if self._cell is None:
            return
        text = "\n".join(" ".join(line.split()) for line in "".join(self._cell).split("\n"))
        self._cell = None
        table = self.tables[-1]
        rows = table.rows
        column = self._column
        while self._covered.get(column, 0) > self._row:  # under a rowspan from above
            column += 1
        height, width = self._span
        self._column = column + width
        # Bounded before anything is allocated: the grid this cell would make a calamine sheet
        # of (rows × columns) is held to the limit workbooks are held to.
        if max(len(rows), self._row + height) * (column + width) > MAX_CELLS:
            raise ReadError(self.source, "网页中的表格过大（合并范围超出工作表的上限），"
                                         "可能是损坏或恶意构造的文件")
        if height > 1:
            for c in range(column, column + width):
                self._covered[c] = max(self._covered.get(c, 0), self._row + height)
        if height > 1 or width > 1:
            table.merges.append(((self._row, column), (self._row + height - 1, column + width - 1)))
        while len(rows) < self._row + height:
            rows.append([])
        row = rows[self._row]
        if len(row) < column + width:
            row.extend([None] * (column + width - len(row)))
        row[column] = text.strip("\n") or None


def _span(value: str | None, limit: int) -> int:
    digits = re.match(r"\s*(\d+)", value or "")
    return min(max(int(digits.group(1)), 1), limit) if digits else 1


def _sheet_name(heading: str) -> str:
    """LibreOffice heads each sheet's table 「Sheet 1: 工作表名」 (in the UI's language)."""
    match = re.match(r"^\S+\s*\d+\s*[:：]\s*(.+)$", heading)
    return (match.group(1) if match else heading)[:31]


def html_tables(path: Path) -> list[HtmlTable]:
    """The page's tables, in page order; ``ReadError`` when there is none."""
    data = read_bounded(path, MAX_HTML_BYTES, "网页文件")
    return tables_of(decode_html(data, str(path)), str(path))


def tables_of(html: str, source: str) -> list[HtmlTable]:
    """The tables of a page's text (a file's, or what a browser or Excel put on the clipboard)."""
    if len(html) > MAX_HTML_BYTES:
        raise ReadError(source, "网页内容过大，不是自评表")
    parser = _TableParser(source)
    parser.feed(html)
    parser.close()
    tables = [t for t in parser.tables if any(any(v is not None for v in r) for r in t.rows)]
    if not tables:
        raise ReadError(source, "网页中没有表格")
    return tables
