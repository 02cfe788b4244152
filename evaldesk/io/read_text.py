"""Tab-separated or comma-separated text of the summary table, or of one per-project form.

What Excel and WPS put on the clipboard, a .tsv/.csv/.txt export, text extracted from a
printed PDF like the seed, or a per-project form saved as CSV or copied from a sheet. Decoding
tries UTF-8 (with or without BOM), UTF-16 (BOM) and GB18030, the encoding Chinese Windows
writes by default.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from evaldesk.core.records import Report
from evaldesk.io import TEXT_SUFFIXES
from evaldesk.io.errors import ReadError
from evaldesk.io.gcpause import collector_paused
from evaldesk.io.grid import report_from_grid
from evaldesk.io.safety import read_bounded

MAX_TEXT_BYTES = 64 * 1024 * 1024  # a district table is a few MB; anything larger is not one


def decode(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError(source, "文件以 UTF-16 编码，但内容已损坏，无法识别其中的文字") from None
    if b"\x00" in data[:4096]:
        raise ReadError(source, "这是二进制文件，不是文本表格")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(source, "无法识别文件的文字编码（应为 UTF-8 或 GBK）")


def split_rows(text: str, source: str = "") -> list[list[str]]:
    """Rows of cells: tabs if the text has any (Excel's clipboard), commas otherwise.

    Excel quotes a cell that holds a line break; the csv module undoes that. A PDF extraction
    has no such quoting, and stray ASCII quotes inside a cell are kept as they are.
    """
    delimiter = "\t" if "\t" in text else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        return list(reader)
    except csv.Error:
        # The one csv error left with strict=False: a cell longer than the field limit
        # (131,072 characters, four times what an Excel cell can hold).
        raise ReadError(source, f"第 {reader.line_num} 行有一个单元格长得不像表格内容"
                                "（超过十万个字符），不是自评表") from None


def report_from_text(text: str, source: str = "剪贴板",
                     mapping: Mapping[str, int] | None = None) -> Report:
    """A table pasted or read as text: the summary table, else one per-project form (saved as
    CSV, copied from a sheet); ``ReadError`` when it is neither."""
    if not text.strip():
        raise ReadError(source, "内容为空")
    rows = split_rows(text, source)
    try:
        return report_from_grid(rows, source, mapping)
    except ReadError:
        if mapping is not None:
            raise
        from evaldesk.io.project_sheets import SheetGrid, complete_report

        name = Path(source).stem if source.lower().endswith(TEXT_SUFFIXES) else source
        form = complete_report(None, [SheetGrid(name, rows)])
        if form is None:
            raise
        if form.import_summary is not None:
            form.import_summary.source = Path(source).name
        return form


def read_text_grid(path: Path) -> list[list[str]]:
    """The file's cells, for a mapping dialog to show."""
    return split_rows(decode(_read_bytes(path), str(path)), str(path))


def read_text(path: Path, mapping: Mapping[str, int] | None = None) -> Report:
    with collector_paused():
        return report_from_text(decode(_read_bytes(path), str(path)), str(path), mapping)


def _read_bytes(path: Path) -> bytes:
    data = read_bounded(path, MAX_TEXT_BYTES, "文件")
    if not data.strip():
        raise ReadError(path, "文件是空的")
    return data
