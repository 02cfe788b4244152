"""Reading a summary table from a workbook (.xlsx, .xlsm, .xls, .ods) into a report.

The file passes ``safety.preflight`` first (nothing is parsed that could hang, exhaust memory or
expand entities), then python-calamine (Rust; about ten times faster than openpyxl and reads
only the cached values, which is what a clerk sees) turns each sheet into a grid of cell values,
and ``grid.report_from_grid`` finds the header by its words and reads the rows. The first sheet
with a recognisable header wins; the summary sheet is usually first, but a workbook whose first
sheet is a cover page or an instruction sheet is read too.

calamine is opened from the file's content, not its extension, so a real .xls named .xlsx (a
frequent result of "renaming to fix it") is read rather than refused; a web page named .xls
(what many systems export) or saved as .htm is read table by table (``read_html``). Every
failure, including a panic inside the Rust extension, becomes a ``ReadError``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetVisibleEnum

from evaldesk.core.records import Report
from evaldesk.io.errors import ReadError
from evaldesk.io.gcpause import collector_paused
from evaldesk.io.grid import HeaderNeedsMapping, report_from_grid
from evaldesk.io.project_sheets import SheetGrid, complete_report, sheets_of
from evaldesk.io.read_html import HtmlTable, html_tables, is_html_file, tables_of
from evaldesk.io.safety import MAX_CELLS, preflight

# A header row of numbers beneath the headings (1, 2, 3 … in some templates) or a data row: the
# first row with this many numbers starts the data area, where merged cells are filled down.
_NUMBERS_IN_DATA_ROW = 3


def read_workbook(path: Path, mapping: Mapping[str, int] | None = None, *,
                  sheet: int | None = None) -> Report:
    """Read the first sheet of ``path`` that holds a summary table.

    ``mapping`` (field key → column) is a clerk's answer to ``HeaderNeedsMapping``; it applies
    to sheet ``sheet`` (the ``info.sheet`` of that exception), or when not given to the first
    sheet whose header needs one, which is the sheet the exception came from.
    """
    path = Path(path)
    with collector_paused():
        return _read_workbook(path, mapping, sheet)


def _read_workbook(path: Path, mapping: Mapping[str, int] | None, sheet: int | None) -> Report:
    if is_html_file(path):
        try:
            report = _read_sheets(_Page(html_tables(path)), path, mapping, sheet)
        except HeaderNeedsMapping:
            raise
        except ReadError as error:
            # Named .xls, it is not what the clerk thinks it is: say so with the reason.
            raise ReadError(path, f"文件是网页（HTML），{error.reason}") from None
        if report.import_summary is not None:
            # A bureau's system may refuse a page named .xls: the clerk should know it is one.
            layout = report.import_summary.layout
            report.import_summary.layout = f"网页（HTML）中的表格：{layout}" if layout \
                else "网页（HTML）中的表格"
    else:
        with _opened(path) as book:
            report = _read_sheets(_Book(book, path), path, mapping, sheet)
    if report.import_summary is not None:
        report.import_summary.source = path.name
    return report


def report_from_page(html: str, source: str) -> Report:
    """A page's tables read as a workbook's sheets are: a table copied from a web page or from
    Excel arrives on the clipboard as HTML, its spans intact where its text has lost them."""
    with collector_paused():
        report = _read_sheets(_Page(tables_of(html, source)), Path(source))
    if report.import_summary is not None:
        report.import_summary.source = source
    return report


class _Sheets(Protocol):
    """A workbook's sheets as the readers need them: names, the order to try them in, one
    sheet's grid for the summary reader, the others for the per-project reader."""

    names: list[str]

    def order(self) -> list[int]: ...

    def rows(self, index: int) -> list[list[Any]]: ...

    def others(self, skip: set[int]) -> list[SheetGrid]: ...


class _Book:
    def __init__(self, book: CalamineWorkbook, path: Path) -> None:
        self.book, self.path, self.names = book, path, list(book.sheet_names)

    def order(self) -> list[int]:
        return _sheet_order(self.book)

    def rows(self, index: int) -> list[list[Any]]:
        return _sheet_rows(self.book, index, self.path)

    def others(self, skip: set[int]) -> list[SheetGrid]:
        return list(sheets_of(self.book, skip, MAX_CELLS))


class _Page:
    """A web page's tables, each a sheet."""

    def __init__(self, tables: list[HtmlTable]) -> None:
        self.tables, self.names = tables, [t.name for t in tables]

    def order(self) -> list[int]:
        return list(range(len(self.tables)))

    def rows(self, index: int) -> list[list[Any]]:
        rows = [list(r) for r in self.tables[index].rows]
        _fill_merged_data(rows, self.tables[index].merges)
        return rows

    def others(self, skip: set[int]) -> list[SheetGrid]:
        return [SheetGrid(t.name, [list(r) for r in t.rows])
                for i, t in enumerate(self.tables) if i not in skip]


@contextmanager
def _opened(path: Path) -> Iterator[CalamineWorkbook]:
    """The workbook after the preflight, every failure inside turned into one ``ReadError``."""
    preflight(path)
    try:
        with open(path, "rb") as handle:
            yield CalamineWorkbook.from_filelike(handle)
    except ReadError:
        raise
    except PasswordError:
        raise ReadError(
            path, "工作簿设有密码（已加密），无法读取；请在 Excel/WPS 中取消密码后另存，再导入"
        ) from None
    except CalamineError as error:
        raise ReadError(path, f"工作簿已损坏或格式不受支持，无法读取（{_first_line(error)}）") from None
    except OSError as error:
        raise ReadError(path, f"无法读取文件（{error.strerror or error}）") from None
    except BaseException as error:
        # pyo3 turns a Rust panic into PanicException, a BaseException: the app must survive it.
        if isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)):
            raise
        raise ReadError(path, f"读取工作簿时出错（{_first_line(error)}），文件可能已损坏") from None


def sheet_grids(path: Path) -> list[tuple[str, list[list[Any]]]]:
    """Every visible sheet's cells (name, rows), hidden sheets after: for tables that are not
    the self-evaluation form, such as the budget system's spending export."""
    path = Path(path)
    grids: list[tuple[str, list[list[Any]]]] = []
    with collector_paused():
        if is_html_file(path):
            return [(t.name, [list(r) for r in t.rows]) for t in html_tables(path)]
        with _opened(path) as book:
            for index in _sheet_order(book):
                grids.append((book.sheet_names[index], _sheet_rows(book, index, path)))
    return grids


def _sheet_rows(book: CalamineWorkbook, index: int, path: Path) -> list[list[Any]]:
    sheet = book.get_sheet_by_index(index)
    if sheet.height * sheet.width > MAX_CELLS:
        raise ReadError(
            path,
            f"工作表「{book.sheet_names[index]}」范围过大（{sheet.height} 行 × {sheet.width} 列），"
            "请在 Excel 中删除多余的行列后另存",
        )
    rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
    _fill_merged_data(rows, sheet.merged_cell_ranges)
    return rows


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def _sheet_order(book: CalamineWorkbook) -> list[int]:
    """Visible sheets first, in workbook order; hidden ones after, as a last resort."""
    visible: list[int] = []
    hidden: list[int] = []
    for index, meta in enumerate(book.sheets_metadata):
        (visible if meta.visible == SheetVisibleEnum.Visible else hidden).append(index)
    return visible + hidden


def _read_sheets(book: _Sheets, path: Path, mapping: Mapping[str, int] | None = None,
                 mapped_sheet: int | None = None) -> Report:
    names = book.names
    first_error: ReadError | None = None
    needs_mapping: HeaderNeedsMapping | None = None
    for index in book.order():
        rows = book.rows(index)
        if not rows:
            continue
        try:
            report = _read_grid(rows, path, index, mapping, mapped_sheet, needs_mapping is None)
        except HeaderNeedsMapping as error:
            needs_mapping = needs_mapping or error
            first_error = first_error or error
            continue
        except ReadError as error:
            first_error = first_error or error
            continue
        # Per-project sheets (family B) and our hidden record complete the summary's rows.
        return complete_report(report, book.others({index})) or report
    # No summary: a workbook of per-project sheets alone is a report too.
    from_forms = complete_report(None, book.others(set()))
    if from_forms is not None:
        return from_forms
    if needs_mapping is not None:
        # A table whose needed columns a clerk can point out is better than "no table found".
        raise needs_mapping
    if first_error is not None and len(names) == 1:
        raise first_error
    listed = "、".join(f"「{n}」" for n in names[:5]) + ("等" if len(names) > 5 else "")
    if not names or first_error is None:
        raise ReadError(path, "工作簿中没有任何内容")
    raise ReadError(
        path, f"在工作表 {listed} 中都找不到自评表的表头（应有「序号」「项目名称」「项目年度预算金额」等列）"
    )


def _read_grid(rows: list[list[Any]], path: Path, index: int, mapping: Mapping[str, int] | None,
               mapped_sheet: int | None, first_needing: bool) -> Report:
    """One sheet's table; a header that needs a mapping says which sheet it is on."""
    try:
        if mapping is not None and mapped_sheet == index:
            return report_from_grid(rows, str(path), mapping)
        try:
            return report_from_grid(rows, str(path))
        except HeaderNeedsMapping:
            if mapping is None or mapped_sheet is not None or not first_needing:
                raise
            return report_from_grid(rows, str(path), mapping)
    except HeaderNeedsMapping as error:
        raise HeaderNeedsMapping(str(path), dataclasses.replace(error.info, sheet=index)) from None


def _fill_merged_data(
    rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]] | None
) -> None:
    """Give every row of a vertically merged text cell in the data area its value.

    District tables often merge 部门名称 over all the rows of one department; the file stores the
    name in the first row only, and each project would otherwise lose its department. Merges in
    the header are left alone (the grid reader understands a merged header as the form draws it),
    as are horizontal merges (title, 合计 label) and numbers (filling an amount merged over two
    rows would count it twice).
    """
    if not merged:
        return
    data_start = _data_start(rows)
    if data_start is None:
        return
    for (top, left), (bottom, _right) in merged:
        if bottom <= top or top < data_start or top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else None
        if not isinstance(value, str) or not value.strip():
            continue
        for r in range(top + 1, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if left < len(row) and row[left] in ("", None):
                row[left] = value


# A figure as a web page shows it (every cell of a page is text): 12, 1,234.50, 98.13%.
_SHOWN_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?%?")


def _is_number(value: object) -> bool:
    if isinstance(value, str):
        return _SHOWN_NUMBER.fullmatch(value.strip()) is not None
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _data_start(rows: list[list[Any]]) -> int | None:
    for index, row in enumerate(rows):
        numbers = sum(1 for v in row if _is_number(v))
        if numbers >= _NUMBERS_IN_DATA_ROW:
            return index
    return None

