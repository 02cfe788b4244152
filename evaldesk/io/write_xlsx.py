"""Writing the official summary workbook (family A) so it looks like the printed form.

Opened in Excel, WPS or LibreOffice the sheet shows the title, the 单位 and 部门名称(盖章) lines,
the three-row merged header with borders on every merged cell, one wrapped row per project, a 合计
row and the signature lines, and it prints on one page width (A3 landscape by default) with the
header repeated and 第 N 页 共 M 页 in the footer. Everything is derived from
``evaldesk.core.layout``; nothing here spells out the 30 columns.

Choices and why:

* **xlsxwriter, not openpyxl**: styled writing of 5,000 projects is several times faster, and it
  can be told never to turn text into formulas, numbers or links (the ``strings_to_*`` options are
  off and text is written with ``write_string``): a clerk's ``=SUM(A1)`` or ``-5%`` stays text.
* **Values, not formulas**: 合计 and 执行率 are written as the numbers the form shows, so readers
  that only see cached values (calamine, pandas, the finance bureau's scripts) get them.
* **What is shown is what is written**: ``fields.summary_row`` gives each cell (an entered total if
  the file had one, the printed rate if it had one, the verbatim text of a bad number), so a file
  round-trips without "correcting" anything. A Decimal becomes a float only as the cell is
  written, because xlsx stores doubles; amounts in 万元 with two decimals survive that exactly.
* **Formats are created once** and reused for every cell of a kind: per-cell Format objects are
  what makes naive styled writers slow.
* **Row heights are estimated** (Excel does not autofit rows it did not lay out itself, and
  LibreOffice only does so on edit): display width per cell with CJK counting two units,
  wrapped against the column width, × one line's height, capped at Excel's 409 pt.
* **The seq column is text**, as the file had it ("1", "（一）"); the "number stored as text"
  marker is switched off for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError, XlsxWriterException

from evaldesk.core import layout
from evaldesk.core.fields import summary_row
from evaldesk.core.layout import SUMMARY_COLUMNS, Kind
from evaldesk.core.money import percent_places, rate_number_format
from evaldesk.core.province import propose_profile
from evaldesk.core.records import Project, Report
from evaldesk.core.scoring import get_profile
from evaldesk.io.atomic import atomic_write
from evaldesk.io.cell_metrics import (
    CELL_MARGIN_UNITS,
    height_for,
    line_count,
)
from evaldesk.io.errors import WriteError
from evaldesk.io.gcpause import collector_paused
from evaldesk.io.project_sheets import TextTooLong, write_project_sheets
from evaldesk.io.readback import verifier

SHEET_NAME = "绩效自评表"
FONT = "宋体"  # SimSun: what the paper form is set in; WPS/LibreOffice substitute if missing
FONT_SIZE = 10
MAX_CELL_CHARS = 32767  # Excel's limit for the text of one cell
# Excel's column unit is the width of a digit of the default font; a SimSun CJK glyph is two.

PAPER_SIZES = {"A3": 8, "A4": 9}
SUBTOTAL_LABEL = "小计"  # a department's subtotal row, in the 序号 cell

TITLE_ROW = 0
UNIT_ROW = 1
DEPARTMENT_ROW = 2
HEADER_TOP = 3
FIRST_DATA_ROW = HEADER_TOP + layout.HEADER_ROWS

_LAST_COL = len(SUMMARY_COLUMNS) - 1
_ZERO = Decimal(0)
_WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    # Dates are not written; keep the default epoch. No NaN/Inf can reach write_number.
}


class _TooLong(Exception):
    """Text longer than a cell holds: xlsxwriter would cut it silently, so the save stops."""

    def __init__(self, seq: str, name: str, col: int, length: int) -> None:
        super().__init__(
            f"项目 {seq}「{name}」的「{SUMMARY_COLUMNS[col].header}」有 {length} 个字符，"
            f"超过 Excel 单元格的上限 {MAX_CELL_CHARS} 个，请缩短后再保存。原文件未改动。"
        )


class _Formats:
    """Every Format the sheet uses, made once (see the module docstring)."""

    def __init__(self, book: Any) -> None:
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "vcenter"}
        cell = {**base, "border": 1, "text_wrap": True}
        self.title = book.add_format({**base, "font_size": 18, "bold": True, "align": "center"})
        self.line = book.add_format({**base, "font_size": 11, "align": "left"})
        self.header = book.add_format({**cell, "bold": True, "align": "center"})
        self.text = book.add_format({**cell, "align": "left"})
        self.center = book.add_format({**cell, "align": "center"})
        self.amount = book.add_format({**cell, "align": "right", "num_format": layout.AMOUNT_FORMAT})
        self.rate = book.add_format({**cell, "align": "right", "num_format": layout.RATE_FORMAT})
        self.total_label = book.add_format({**cell, "bold": True, "align": "center"})
        self.total_amount = book.add_format(
            {**cell, "bold": True, "align": "right", "num_format": layout.AMOUNT_FORMAT}
        )
        self.total_rate = book.add_format(
            {**cell, "bold": True, "align": "right", "num_format": layout.RATE_FORMAT}
        )
        self.signature = book.add_format({**base, "font_size": 11, "align": "left"})
        self._book, self._cell = book, cell
        self._rates: dict[int, Any] = {2: self.rate}

    def rate_printed_with(self, places: int) -> Any:
        """The rate cell's format for a rate another file printed with other decimals."""
        if places not in self._rates:
            self._rates[places] = self._book.add_format(
                {**self._cell, "align": "right", "num_format": rate_number_format(places)})
        return self._rates[places]


_RATE_COL = next(c for c, column in enumerate(SUMMARY_COLUMNS) if column.kind is Kind.RATE)


def _column_formats(formats: _Formats) -> list[Any]:
    chosen = []
    for column in SUMMARY_COLUMNS:
        if column.kind is Kind.AMOUNT:
            chosen.append(formats.amount)
        elif column.kind is Kind.RATE:
            chosen.append(formats.rate)
        elif column.kind is Kind.SEQ:
            chosen.append(formats.center)
        else:
            chosen.append(formats.text)
    return chosen


def _write_header(sheet: Any, formats: _Formats) -> None:
    widths = [c.width for c in SUMMARY_COLUMNS]
    lines_per_row = [1] * layout.HEADER_ROWS
    spanning: list[tuple[int, int, int]] = []  # (first row, row span, lines) of tall cells
    for cell in layout.header_cells():
        top = HEADER_TOP + cell.row
        bottom = top + cell.row_span - 1
        right = cell.col + cell.col_span - 1
        if top == bottom and cell.col == right:
            sheet.write_string(top, cell.col, cell.text, formats.header)
        else:
            sheet.merge_range(top, cell.col, bottom, right, cell.text, formats.header)
        lines = line_count(cell.text, sum(widths[cell.col : right + 1]))
        if cell.row_span == 1:
            lines_per_row[cell.row] = max(lines_per_row[cell.row], lines)
        else:
            spanning.append((cell.row, cell.row_span, lines))
    # A cell spanning rows fits when the rows together are tall enough; give any shortfall to
    # its bottom row, where the column's own words are.
    for first, span, lines in spanning:
        have = sum(lines_per_row[first : first + span])
        if have < lines:
            lines_per_row[first + span - 1] += lines - have
    for offset, lines in enumerate(lines_per_row):
        sheet.set_row(HEADER_TOP + offset, height_for(lines))


def _cell_number(value: Decimal) -> float:
    # xlsx stores IEEE doubles; the conversion happens here and nowhere else.
    return float(value)


def _write_projects(sheet: Any, projects: Sequence[Project], formats: _Formats,
                    first_row: int = FIRST_DATA_ROW) -> dict[int, Decimal]:
    """Writes one row per project; returns the sum of each numeric column as shown."""
    widths = [c.width for c in SUMMARY_COLUMNS]
    numeric = [c.is_numeric for c in SUMMARY_COLUMNS]
    cell_formats = _column_formats(formats)
    write_string = sheet.write_string
    write_number = sheet.write_number
    write_blank = sheet.write_blank
    sums: dict[int, Decimal] = {}
    row = first_row
    for project in projects:
        lines = 1
        printed = project.rate_printed
        for col, value in enumerate(summary_row(project)):
            fmt = cell_formats[col]
            if col == _RATE_COL and printed is not None:
                fmt = formats.rate_printed_with(percent_places(printed))
            if value is None or value == "":
                write_blank(row, col, None, fmt)
            elif isinstance(value, Decimal):
                write_number(row, col, _cell_number(value), fmt)
                sums[col] = sums.get(col, _ZERO) + value
            else:
                if len(value) > MAX_CELL_CHARS:
                    raise _TooLong(project.seq, project.name, col, len(value))
                # Text, including a bad number kept verbatim in a numeric column.
                write_string(row, col, value, fmt if not numeric[col] else formats.text)
                if len(value) * 2 > widths[col] - CELL_MARGIN_UNITS or "\n" in value:
                    lines = max(lines, line_count(value, widths[col]))
        sheet.set_row(row, height_for(lines))
        row += 1
    return sums


def _department_runs(projects: Sequence[Project]) -> list[list[Project]]:
    """Consecutive projects of one 部门名称 (a merge keeps each department's projects together)."""
    runs: list[list[Project]] = []
    for project in projects:
        if runs and runs[-1][0].department == project.department:
            runs[-1].append(project)
        else:
            runs.append([project])
    return runs


def _write_with_subtotals(sheet: Any, report: Report,
                          formats: _Formats) -> tuple[dict[int, Decimal], int]:
    """Each department's rows followed by its 小计 row; returns the sums and the next free row.

    The 小计 label stands in the 序号 cell, where every reader (ours included) looks for 合计
    and 小计 and skips the row, with the department beside it for the eye.
    """
    sums: dict[int, Decimal] = {}
    row = FIRST_DATA_ROW
    budget_col = layout.COLUMN_INDEX["budget.total"]
    actual_col = layout.COLUMN_INDEX["actual.total"]
    for run in _department_runs(report.projects):
        part = _write_projects(sheet, run, formats, row)
        row += len(run)
        sheet.write_string(row, 0, SUBTOTAL_LABEL, formats.total_label)
        sheet.write_string(row, 1, run[0].department, formats.total_label)
        sheet.write_blank(row, 2, None, formats.total_label)
        budget, actual = part.get(budget_col), part.get(actual_col)
        rate = actual / budget if budget and actual is not None else None
        _write_sums(sheet, row, part, rate, formats)
        for col, value in part.items():
            sums[col] = sums.get(col, _ZERO) + value
        row += 1
    return sums, row


def _write_sums(sheet: Any, row: int, sums: dict[int, Decimal], rate: Decimal | None,
                formats: _Formats) -> None:
    for col, column in enumerate(SUMMARY_COLUMNS):
        if col < layout.FROZEN_COLUMNS:
            continue
        value: Decimal | None = None
        if column.kind is Kind.AMOUNT:
            value = sums.get(col)
            fmt = formats.total_amount
        elif column.kind is Kind.RATE:
            value = rate
            fmt = formats.total_rate
        else:
            fmt = formats.text
        if value is None:
            sheet.write_blank(row, col, None, fmt)
        else:
            sheet.write_number(row, col, _cell_number(value), fmt)
    sheet.set_row(row, height_for(1))


def _write_total(sheet: Any, report: Report, row: int, sums: dict[int, Decimal],
                 formats: _Formats) -> None:
    """The 合计 row: the sum of every amount column as shown, and the overall rate.

    The sums are of the figures the rows show (an entered 合计 where a project has one), so the
    row adds up on paper; the rate is the report's overall rate from its totals.
    """
    sheet.merge_range(row, 0, row, layout.FROZEN_COLUMNS - 1, layout.TOTAL_ROW_LABEL,
                      formats.total_label)
    _write_sums(sheet, row, sums, report.overall_rate(), formats)


def _signature_spans() -> list[tuple[int, int]]:
    """Four roughly equal stretches of the table's width, one per signature field."""
    count = len(layout.SIGNATURE_FIELDS)
    total = len(SUMMARY_COLUMNS)
    bounds = [round(i * total / count) for i in range(count + 1)]
    return [(bounds[i], bounds[i + 1] - 1) for i in range(count)]


def signature_text(label: str, value: str) -> str:
    return f"{label}: {value}"


def _write_signatures(sheet: Any, report: Report, row: int, formats: _Formats) -> None:
    for (first, last), (attr, label) in zip(_signature_spans(), layout.SIGNATURE_FIELDS, strict=True):
        text = signature_text(label, str(getattr(report, attr)))
        sheet.merge_range(row, first, row, last, text, formats.signature)
    sheet.set_row(row, 24)


def _print_setup(sheet: Any, paper: str, last_row: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(PAPER_SIZES[paper])
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    sheet.repeat_rows(HEADER_TOP, FIRST_DATA_ROW - 1)
    sheet.print_area(0, 0, last_row, _LAST_COL)
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
    sheet.set_footer("&C第 &P 页 共 &N 页")


def _write_book(report: Report, target: Path, paper: str, subtotals: bool = False,
                project_sheets: bool | None = None) -> None:
    book = xlsxwriter.Workbook(str(target), _WORKBOOK_OPTIONS)
    book.set_properties({
        "title": report.shown_title,
        "subject": layout.TITLE_SUFFIX,
        "author": report.preparer,
        "company": report.department,
        "comments": "evaldesk",
    })
    sheet = book.add_worksheet(SHEET_NAME)
    formats = _Formats(book)
    for col, column in enumerate(SUMMARY_COLUMNS):
        sheet.set_column(col, col, column.width)

    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, _LAST_COL, report.shown_title, formats.title)
    sheet.set_row(TITLE_ROW, 36)
    sheet.merge_range(UNIT_ROW, 0, UNIT_ROW, _LAST_COL, layout.unit_line(report.unit), formats.line)
    sheet.merge_range(DEPARTMENT_ROW, 0, DEPARTMENT_ROW, _LAST_COL,
                      layout.department_line(report.department), formats.line)
    sheet.set_row(UNIT_ROW, 20)
    sheet.set_row(DEPARTMENT_ROW, 20)

    _write_header(sheet, formats)
    if subtotals:
        sums, total_row = _write_with_subtotals(sheet, report, formats)
    else:
        sums = _write_projects(sheet, report.projects, formats)
        total_row = FIRST_DATA_ROW + len(report.projects)
    _write_total(sheet, report, total_row, sums, formats)
    signature_row = total_row + 2
    _write_signatures(sheet, report, signature_row, formats)

    sheet.freeze_panes(FIRST_DATA_ROW, layout.FROZEN_COLUMNS)
    if report.projects:
        sheet.ignore_errors({"number_stored_as_text": _seq_range(total_row - 1)})
    _print_setup(sheet, paper, signature_row)
    # A 项目支出绩效自评表 per project (up to a size) and the hidden record of what no cell shows.
    write_project_sheets(book, report, taken={SHEET_NAME}, enabled=project_sheets,
                         profile=get_profile(propose_profile(report).profile))
    sheet.activate()
    try:
        book.close()
    except FileCreateError as error:
        # xlsxwriter wraps the OSError (disk full, permission); atomic_write explains those.
        inner = error.args[0] if error.args else None
        if isinstance(inner, OSError):
            raise inner from error
        raise


def _seq_range(last_row: int) -> str:
    return f"A{FIRST_DATA_ROW + 1}:A{last_row + 1}"


def write_workbook(report: Report, path: Path, *, paper: str = "A3",
                   subtotals: bool | None = None, project_sheets: bool | None = None) -> None:
    """Write ``report`` as the official summary workbook at ``path``, atomically.

    ``subtotals`` puts a 小计 row under each department's projects (a merged district summary;
    by default as ``report.department_subtotals`` says); reading the file back skips those rows
    as it skips 合计, and remembers that the summary had them.

    ``project_sheets`` adds a 项目支出绩效自评表 sheet per project; by default (None) only up to
    ``project_sheets.PROJECT_SHEETS_LIMIT`` projects, since each sheet costs about 8 ms to write
    and read back. Without them the hidden ``_evaldesk`` sheet keeps what the summary cannot show.

    Raises ``WriteError`` with a reason the clerk can act on; the previous file at ``path`` is
    untouched by any failure.
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {sorted(PAPER_SIZES)}")
    if subtotals is None:
        subtotals = report.department_subtotals

    def write(target: Path) -> None:
        try:
            _write_book(report, target, paper, subtotals, project_sheets)
        except (_TooLong, TextTooLong) as error:
            raise WriteError(path, str(error)) from None
        except XlsxWriterException as error:
            raise WriteError(path, f"无法生成工作簿（{error}）。原文件未改动。") from error

    # Read back and compared before it replaces anything; the replaced file is kept as .bak.
    with collector_paused():
        atomic_write(Path(path), write, verify=verifier(report, Path(path)), backup=True)

