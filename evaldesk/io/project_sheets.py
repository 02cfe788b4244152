"""Per-project sheets (family B, 项目支出绩效自评表): writing ours, reading ours and others'.

Writing: beside the summary sheet, one sheet per project drawn from
``evaldesk.core.project_layout.form_cells`` — merged cells with borders, wrapped text, row heights
that fit, A4 portrait one page wide, 第 N 页 共 M 页 in the footer. Computed figures are written
as values (执行率, the execution score, each indicator's score in force, 总分, 自评等级), text
always with ``write_string`` so that nothing a clerk typed turns into a formula.

Reading: ``project_from_grid`` recognises a per-project sheet by its words, wherever its blocks
stand, in the MoF layout and in the provincial variants:

* 指标性质 (≥ ≤ = and U+FE66 ``﹦``) and 度量单位 columns, 权重 for 分值;
* 年初预算 / 调整后预算数 / 预算执行数 columns;
* fund rows 财政资金 / 财政专户管理资金 / 单位资金 / 其他资金. ``Funds`` has three sources, so:
  财政资金 (and 本年财政拨款) → 一般公共预算, because a per-project form does not split off
  政府性基金; 财政专户管理资金, 单位资金 and 其他资金 → 非财政资金, because none of them is a
  财政拨款 (财政专户管理资金 is a unit's non-tax income held in a special account, not an
  appropriation). Where several rows are added into one source, an import note names them and
  their figures, so the breakdown is not lost;
* 评价结论, 存在问题, 改进措施, 项目负责人, 财务负责人 at the end;
* layouts of other forms by their structure: a funds block split by use (部门整体支出: 基本支出 /
  项目支出) kept as lines (``FundLine``) rather than sources; labels and figures side by side in
  one row (预算数 | 6.84 | 执行数 | 6.84, the Hebei budget system); a sub-header that splits a
  spanning heading (预期指标值 over 符号 | | 单位, 自评得分 over 权重占比 | 单项指标折算得分); a
  checklist that scores nothing (指标解释 / 自评内容 / 支撑材料), named by its title, with its
  amounts as label | figure lines.

Amounts go through ``parse_amount``: a text where a number belongs is kept verbatim in
``Project.bad_values`` (and the rules report it). The printed 得分 of another's sheet goes into
``Indicator.score`` (it is what they typed) and the printed 总分 into ``total_score_printed``.
Our own sheets print the score in force, so reading them back needs the ``_evaldesk`` record of
which scores were typed (``settle_own_sheet``).

calamine returns a merged cell's value in its top-left cell only; the vertically merged 一级/二级
cells are filled down by the reader itself, which also makes grids from other sources (pasted
text, CSV) readable.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from evaldesk.core import project_layout as pl
from evaldesk.core.fields import get_value, summary_text
from evaldesk.core.import_summary import EntryKind, ImportSummary, cell_address
from evaldesk.core.layout import SUMMARY_CATEGORIES, SUMMARY_COLUMNS, heading_key
from evaldesk.core.money import (
    NotANumber,
    fraction_rate,
    parse_amount,
    parse_money,
    parse_rate,
    percent_places,
    rate_number_format,
)
from evaldesk.core.project_layout import CellKind, FormCell, fold, label_matches
from evaldesk.core.records import (
    BENEFIT,
    CATEGORIES,
    CATEGORY_BY_LEVEL2,
    DECISION,
    MANAGEMENT,
    NOT_APPLICABLE,
    OUTPUT,
    PROCESS_GROUPS,
    SATISFACTION,
    Comparator,
    FundLine,
    Funds,
    ImportNote,
    Indicator,
    Project,
    Report,
    parse_comparator,
)
from evaldesk.core.rules import line_key
from evaldesk.core.scoring import DEFAULT_PROFILE, ScoringProfile, get_profile, score_project
from evaldesk.core.state import StateError, project_from_state
from evaldesk.io.cell_metrics import height_for, line_count
from evaldesk.io.grid import cell_text
from evaldesk.io.metadata import (
    SHEET_NAME as METADATA_SHEET,
)
from evaldesk.io.metadata import (
    Metadata,
    ProjectMeta,
    apply_metadata,
    match_projects,
    read_metadata,
    write_metadata,
)

# Above this many projects a save writes the summary sheet alone (the hidden record keeps what it
# cannot show) unless asked otherwise. Measured with benchmarks/bench_project_sheets.py, a save
# with its read-back check takes 0.3 s for 500 projects without sheets and 3.5 s with them,
# 6.6 s for 1,000; past ~2,000 sheets the reader's preflight refuses the file as a zip bomb.
PROJECT_SHEETS_LIMIT = 500

# The summary writer's look and measures (evaldesk.io.write_xlsx), restated rather than imported:
# that module imports this one to add the per-project sheets after its own.
FONT = "宋体"
FONT_SIZE = 10
MAX_CELL_CHARS = 32767  # Excel's limit for the text of one cell

SHEET_NAME_LIMIT = 31  # Excel's, in UTF-16 code units
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
_RESERVED = {"history"}  # Excel keeps the name "History" for itself

IMPORT_FUNDS_JOINED = "IMPORT_FUNDS_JOINED"
IMPORT_UNKNOWN_ROW = "IMPORT_UNKNOWN_ROW"
IMPORT_UNKNOWN_INDICATOR = "IMPORT_UNKNOWN_INDICATOR"
IMPORT_COMPARATOR = "IMPORT_COMPARATOR"
IMPORT_SHEET_ONLY = "IMPORT_SHEET_ONLY"
IMPORT_SHEETS_DISAGREE = "IMPORT_SHEETS_DISAGREE"
IMPORT_NOT_APPLICABLE = "IMPORT_NOT_APPLICABLE"
IMPORT_CONVERTED = "IMPORT_CONVERTED"

# How published forms write "this indicator does not apply" in its cells.
NOT_APPLICABLE_MARKS = frozenset({"/", "//", "-", "--", "—", "——", "无", "N/A", "NA", "不适用",
                                  "不涉及", "\\"})


def is_not_applicable_mark(text: str) -> bool:
    folded = fold(text).upper()
    return folded in NOT_APPLICABLE_MARKS or folded == fold(NOT_APPLICABLE)

_MAX_ROWS = 2000  # a per-project form is a few dozen rows; a grid far longer is something else


class TextTooLong(ValueError):
    """Text longer than an Excel cell holds: xlsxwriter would cut it silently, so the save stops."""


# --- sheet names ---------------------------------------------------------------------------------


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int) -> str:
    while _utf16_len(text) > limit:
        text = text[:-1]
    return text


def sheet_name(project: Project, taken: set[str]) -> str:
    """"序号 项目名称" as Excel allows it: ≤ 31 characters, none of []:*?/\\, not starting or
    ending with an apostrophe, unique ignoring case (as Excel compares). Adds the name to
    ``taken`` (which holds names casefolded)."""
    base = " ".join(p for p in (project.seq.strip(), project.name.strip()) if p)
    base = _FORBIDDEN.sub("_", " ".join(base.split())).strip(" '")
    if not base or base.casefold() in _RESERVED:
        base = f"项目{base}" if base else "项目"
    candidate = _cut(base, SHEET_NAME_LIMIT).rstrip(" '")
    number = 2
    while candidate.casefold() in taken:
        suffix = f"({number})"
        candidate = _cut(base, SHEET_NAME_LIMIT - len(suffix)).rstrip(" '") + suffix
        number += 1
    taken.add(candidate.casefold())
    return candidate


# --- writing -------------------------------------------------------------------------------------


class SheetFormats:
    """The formats of a per-project sheet, made once per workbook, one per ``CellKind``."""

    def __init__(self, book: Any) -> None:
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "vcenter"}
        cell = {**base, "border": 1, "text_wrap": True}
        self.by_kind: dict[CellKind, Any] = {
            CellKind.TITLE: book.add_format({**base, "font_size": 16, "bold": True, "align": "center"}),
            CellKind.SUBTITLE: book.add_format({**base, "font_size": 11, "align": "center"}),
            CellKind.SECTION: book.add_format({**cell, "bold": True, "align": "center"}),
            CellKind.HEADING: book.add_format({**cell, "bold": True, "align": "center"}),
            CellKind.LABEL: book.add_format({**cell, "align": "center"}),
            CellKind.TEXT: book.add_format({**cell, "align": "left"}),
            CellKind.CENTER: book.add_format({**cell, "align": "center"}),
            CellKind.AMOUNT: book.add_format({**cell, "align": "right",
                                              "num_format": pl.AMOUNT_FORMAT}),
            CellKind.RATE: book.add_format({**cell, "align": "right", "num_format": pl.RATE_FORMAT}),
            CellKind.SCORE: book.add_format({**cell, "align": "center",
                                             "num_format": pl.SCORE_FORMAT}),
            CellKind.POINTS: book.add_format({**cell, "align": "center", "num_format": "General"}),
        }
        # A text in a numeric cell ("—", 不适用, a bad value kept verbatim) is centred text.
        self.text_in_number = self.by_kind[CellKind.CENTER]
        self._book, self._cell = book, cell
        self._rates: dict[int, Any] = {2: self.by_kind[CellKind.RATE]}

    def rate_printed_with(self, places: int) -> Any:
        """The 执行率 cell's format for a rate another file printed with other decimals."""
        if places not in self._rates:
            self._rates[places] = self._book.add_format(
                {**self._cell, "align": "right", "num_format": rate_number_format(places)})
        return self._rates[places]


_NUMERIC = (CellKind.AMOUNT, CellKind.RATE, CellKind.SCORE, CellKind.POINTS)
_UNBORDERED = (CellKind.TITLE, CellKind.SUBTITLE)


def _lines_needed(cell: FormCell) -> int:
    if isinstance(cell.value, str) and cell.value:
        return line_count(cell.value, cell.width)
    return 1


def _row_heights(plan: pl.RowPlan, cells: list[FormCell]) -> dict[int, float]:
    """Heights that show every cell whole: a cell over one row sets that row's lines; a cell
    over several rows that would not fit gives its shortfall to its last row."""
    lines = dict.fromkeys(range(plan.last + 1), 1)
    for cell in cells:
        if cell.row == cell.last_row:
            lines[cell.row] = max(lines[cell.row], _lines_needed(cell))
    for cell in cells:
        if cell.row != cell.last_row:
            have = sum(lines[r] for r in range(cell.row, cell.last_row + 1))
            need = _lines_needed(cell)
            if need > have:
                lines[cell.last_row] += need - have
    heights = {row: height_for(n) for row, n in lines.items()}
    heights[plan.title] = 30.0
    return heights


def write_project_sheet(workbook: Any, formats: SheetFormats, project: Project, report: Report,
                        profile: ScoringProfile = DEFAULT_PROFILE, name: str | None = None) -> Any:
    """Add ``project``'s 项目支出绩效自评表 to an xlsxwriter workbook; returns the worksheet."""
    sheet = workbook.add_worksheet(name or sheet_name(project, set()))
    plan, cells = pl.form_cells(project, report.year, profile)
    for col, width in enumerate(pl.COLUMN_WIDTHS):
        sheet.set_column(col, col, width)
    for cell in cells:
        _write_cell(sheet, formats, cell, project)
    for row, height in _row_heights(plan, cells).items():
        sheet.set_row(row, height)
    sheet.set_portrait()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.print_area(0, 0, plan.last, pl.LAST_COL)
    sheet.center_horizontally()
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    sheet.set_footer("&C第 &P 页 共 &N 页")
    return sheet


def _write_cell(sheet: Any, formats: SheetFormats, cell: FormCell, project: Project) -> None:
    fmt = formats.by_kind[cell.kind]
    value = cell.value
    if isinstance(value, str) and value and cell.kind in _NUMERIC:
        fmt = formats.text_in_number
    elif cell.kind is CellKind.RATE and value is not None and project.rate_printed is not None:
        fmt = formats.rate_printed_with(percent_places(project.rate_printed))
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise TextTooLong(
            f"项目 {project.seq}「{project.name}」的项目表中有一段文字长 {len(value)} 个字符，"
            f"超过 Excel 单元格的上限 {MAX_CELL_CHARS} 个，请缩短后再保存。原文件未改动。")
    data: str | float = float(value) if isinstance(value, Decimal) else (value or "")
    if cell.row != cell.last_row or cell.col != cell.last_col:
        # merge_range gives every covered cell the format, so borders print all round. It
        # writes a str with write_string (the workbook never turns strings into numbers or
        # formulas) and a float with write_number.
        sheet.merge_range(cell.row, cell.col, cell.last_row, cell.last_col, data, fmt)
    elif isinstance(data, float):
        sheet.write_number(cell.row, cell.col, data, fmt)
    elif data:
        sheet.write_string(cell.row, cell.col, data, fmt)
    elif cell.kind not in _UNBORDERED:
        sheet.write_blank(cell.row, cell.col, None, fmt)


def write_project_sheets(workbook: Any, report: Report, *, taken: set[str] | None = None,
                         profile: ScoringProfile = DEFAULT_PROFILE,
                         enabled: bool | None = None) -> dict[int, str]:
    """Add a sheet per project (when ``enabled``; by default up to ``PROJECT_SHEETS_LIMIT``
    projects) and then the hidden metadata sheet. ``taken`` holds the names already used in the
    workbook (any case). Returns each written sheet's name by the project's index."""
    used = {name.casefold() for name in (taken or set())} | {METADATA_SHEET.casefold()}
    if enabled is None:
        enabled = len(report.projects) <= PROJECT_SHEETS_LIMIT
    sheets: dict[int, str] = {}
    if enabled:
        formats = SheetFormats(workbook)
        for index, project in enumerate(report.projects):
            name = sheet_name(project, used)
            write_project_sheet(workbook, formats, project, report, profile, name)
            sheets[index] = name
    write_metadata(workbook, report, sheets, profile)
    return sheets


# --- reading: finding a form in a grid -----------------------------------------------------------


Grid = Sequence[Sequence[object]]


@dataclass
class _Cells:
    """A grid as raw values and as folded words, with a few look-ups the blocks share."""

    raw: list[list[object]]
    exact: bool = False  # our own sheet: texts as written, not trimmed
    words: list[list[str]] = field(default_factory=list)
    log: ImportSummary | None = None  # what was read, for the clerk (another's sheet only)
    sheet: str = ""

    def note(self, kind: EntryKind, row: int, col: int | None, text: str, meaning: str) -> None:
        if self.log is not None:
            cell = cell_address(row, col) if col is not None else f"第 {row + 1} 行"
            self.log.add(kind, self.sheet, cell, text, meaning)

    def heading(self, row: int, col: int, meaning: str) -> None:
        self.note(EntryKind.HEADING, row, col, self.text(row, col), meaning)

    def __post_init__(self) -> None:
        self.words = [[fold(cell_text(v)) for v in row] for row in self.raw]

    def text(self, row: int, col: int) -> str:
        if row >= len(self.raw) or col >= len(self.raw[row]):
            return ""
        text = cell_text(self.raw[row][col])
        return text if self.exact else text.strip()

    def value(self, row: int, col: int) -> object:
        if row >= len(self.raw) or col >= len(self.raw[row]):
            return None
        return self.raw[row][col]

    def find(self, words: tuple[str, ...], start: int = 0, stop: int | None = None
             ) -> tuple[int, int] | None:
        for r in range(start, min(stop if stop is not None else len(self.words), len(self.words))):
            for c, word in enumerate(self.words[r]):
                if word and label_matches(word, words):
                    return r, c
        return None


_ALL_LABELS: tuple[str, ...] = tuple(w for f in pl.LABELLED_FIELDS for w in f.words)
# Words that open a block or head a column: a row holding one is no continuation of a text.
_BLOCK_WORDS: tuple[str, ...] = (
    *_ALL_LABELS, *pl.GOAL.words, *pl.COMPLETION.words, *pl.GOAL_LABEL_WORDS,
    *pl.FUNDS_LABEL_WORDS, *(w for c in pl.FUND_COLUMNS for w in c.words),
    *(w for c in pl.INDICATOR_COLUMNS for w in c.words), pl.INDICATORS_LABEL, "绩效指标")


def _is_label(word: str) -> bool:
    """A label cell, also one naming two fields at once (项目实施单位/项目负责人)."""
    return label_matches(word, _ALL_LABELS) or (
        "/" in word and any(part and label_matches(part, _ALL_LABELS) for part in word.split("/")))


def _value_after(cells: _Cells, row: int, col: int) -> str:
    """The text beside a label: the next filled cell to the right, unless that is a label."""
    for c in range(col + 1, len(cells.raw[row])):
        word = cells.words[row][c]
        if not word:
            continue
        if _is_label(word) or _UNIT_NOTE.fullmatch(word):
            return ""
        return cells.text(row, c)
    return ""


# 「单位：万元」 beside 「主管部门（盖章）：」 says what the amounts are in, not who the department is.
_UNIT_NOTE = re.compile(r"(金额)?单位[:：]?(万元|元|千元|亿元)")


_INLINE = re.compile(r"^\s*(\S+?)\s*[:：]\s*(.*)$", re.S)


def _labelled(cells: _Cells, item: pl.LabelledField, start: int, stop: int | None) -> str | None:
    """A field's text: a label cell with its value to the right, or "label：value" in one cell
    (as signature lines often are). None when the label is not there at all."""
    found = cells.find(item.words, start, stop)
    if found is not None:
        # A label left empty (「主管部门（盖章）：」 on the signature line) may be printed again
        # with its value below.
        value = _value_after(cells, *found)
        again: tuple[int, int] | None = found
        while not value and again is not None:
            again = cells.find(item.words, again[0] + 1, stop)
            if again is not None:
                value = _value_after(cells, *again)
        return value
    compound = _compound(cells, item, start, stop)
    if compound is not None:
        return compound
    for r in range(start, min(stop if stop is not None else len(cells.raw), len(cells.raw))):
        for c in range(len(cells.raw[r])):
            text = cells.text(r, c)
            for label in item.words:
                for part in re.split(r"\s{2,}|\u3000+", text):
                    match = _INLINE.match(part)
                    if match and fold(match.group(1)) == fold(label):
                        return match.group(2).strip()
    return None


def _inline_cell(cells: _Cells, item: pl.LabelledField, stop: int) -> tuple[int, int] | None:
    """The cell holding "label：value" for ``item`` (「自评总分: 95」)."""
    for r in range(min(stop, len(cells.raw))):
        for c in range(len(cells.raw[r])):
            match = _INLINE.match(cells.text(r, c))
            if match and label_matches(fold(match.group(1)), item.words):
                return r, c
    return None


def _compound(cells: _Cells, item: pl.LabelledField, start: int, stop: int | None) -> str | None:
    """A label naming two fields at once and its value written the same way (宁夏 原州:
    项目实施单位/项目负责人 | 原州区农技中心/杨勃兴): the part of the value in the label's place."""
    for r in range(start, min(stop if stop is not None else len(cells.words), len(cells.words))):
        for c, word in enumerate(cells.words[r]):
            if "/" not in word:
                continue
            parts = word.split("/")
            place = next((k for k, part in enumerate(parts)
                          if part and label_matches(part, item.words)), None)
            if place is None:
                continue
            value = _value_after(cells, r, c)
            values = value.split("/")
            return values[place].strip() if len(values) == len(parts) else value
    return None


@dataclass
class _Indicators:
    header: int
    columns: dict[str, int]
    # The last row of a two-row header whose second row is below ``header``; the rows are read
    # after it. None: the header is one row (or its second row is above).
    sub_header: int | None = None
    # A checklist that scores nothing (pl.CHECKLIST_WORDS): its rows of other items are listed,
    # not reported one by one, and its amount lines (``amount_rows``) are funds, not indicators.
    checklist: bool = False
    amount_rows: set[int] = field(default_factory=set)

    @property
    def first(self) -> int:
        """The first row that may hold an indicator."""
        return (self.sub_header if self.sub_header is not None else self.header) + 1

    def heading_row(self, key: str, cells: _Cells) -> int:
        """The row that holds a column's own heading."""
        col = self.columns[key]
        if self.sub_header is not None and cells.text(self.sub_header, col) and label_matches(
                cells.words[self.sub_header][col], pl.INDICATOR_COLUMN_BY_KEY[key].words):
            return self.sub_header
        if cells.text(self.header, col) or not self.header:
            return self.header
        return self.header - 1

    def heading_cell(self, key: str, cells: _Cells) -> tuple[int, int]:
        """The cell of a column's own heading; for a figure under a spanning heading with no
        sub-heading of its own (预期指标值 over 符号 | | 单位), the spanning heading's."""
        col = self.columns[key]
        if self.sub_header is not None and not cells.text(self.header, col) \
                and not cells.text(self.sub_header, col):
            left = next((c for c in range(col - 1, -1, -1) if cells.text(self.header, c)), None)
            if left is not None and label_matches(cells.words[self.header][left],
                                                  pl.INDICATOR_COLUMN_BY_KEY[key].words):
                return self.header, left
        return self.heading_row(key, cells), col


def _indicator_header(cells: _Cells) -> _Indicators | None:
    for r, row in enumerate(cells.words):
        has = {k for k in ("level1", "level2", "name")
               if any(w and label_matches(w, pl.INDICATOR_COLUMN_BY_KEY[k].words) for w in row)}
        if "name" in has and has & {"level1", "level2"}:
            columns = _map_columns(row)
            if r > 0:
                # A two-row header (Yunnan): 实际完成值, 分值, 得分, 偏差原因 merged down from the
                # row above, beside 年度指标值 spanning 指标性质/指标值/度量单位 below it.
                above = _map_columns([w if c not in columns.values() else ""
                                      for c, w in enumerate(cells.words[r - 1])])
                missing = {k: c for k, c in above.items() if k not in columns}
                others = sum(1 for c, w in enumerate(cells.words[r - 1])
                             if w and c not in columns.values()
                             and label_matches(w, pl.INDICATOR_OTHER_HEADINGS))
                if len(above) + others >= 2:
                    columns.update(missing)
            near = [w for k in range(max(0, r - 1), min(r + 2, len(cells.words)))
                    for w in cells.words[k] if w]
            checklist = not {"weight", "score"} & columns.keys() and any(
                label_matches(w, pl.CHECKLIST_WORDS) for w in near)
            return _Indicators(r, columns, _sub_header(cells, r, columns), checklist)
    return None


def _sub_header(cells: _Cells, r: int, columns: dict[str, int]) -> int | None:
    """The other way round (Yunnan 永德): 一级…三级指标 merged down beside 年度指标值 spanning
    指标性质 / 指标值 / 度量单位 in the row below. That row's headings take their columns (指标值,
    not the spanning 年度指标值, is the target) and the rows are read after it. It is a heading
    row only when every filled cell in it is a heading and nothing stands under 三级指标."""
    below = r + 1
    if below >= len(cells.words):
        return None
    words = cells.words[below]
    if any(words) and all(w in ("", "名称") for w in words):
        return below  # 名称 | 名称 | 名称 under 一级 | 二级 | 三级指标: the header goes on
    name = columns.get("name")
    if name is not None and name < len(words) and words[name]:
        return None
    filled = [(c, w) for c, w in enumerate(words) if w]
    mapped = _map_columns(words)
    others = [c for c, w in filled if label_matches(w, pl.INDICATOR_OTHER_HEADINGS)]
    if len(mapped) < 2 or len(mapped) + len(others) != len(filled):
        return None
    # A heading above that spans sub-headings (预期指标值 over 符号 | | 单位): where a sub-heading
    # takes its first column, its own figure is the span's column with no sub-heading.
    top = cells.words[r]
    for key, col in list(columns.items()):
        if key in mapped or col not in mapped.values():
            continue
        end = next((k for k in range(col + 1, len(top)) if top[k]), len(top))
        free = next((k for k in range(col, end) if k >= len(words) or not words[k]), None)
        if free is None:
            del columns[key]
        else:
            columns[key] = free
    columns.update(mapped)
    return below


def _map_columns(row: list[str]) -> dict[str, int]:
    """Each indicator field's column, by its own heading first and by other spellings after, so
    that 实际完成情况 is not taken for 实际完成值 where both stand."""
    columns: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for column in pl.INDICATOR_COLUMNS:
            if column.key in columns:
                continue
            words = (column.label,) if exact else column.words
            for c, word in enumerate(row):
                if c not in used and word and label_matches(word, words):
                    columns[column.key] = c
                    used.add(c)
                    break
    return columns


def is_project_sheet(grid: Grid) -> bool:
    """A per-project form, by its words: its title, or 项目名称 above an indicator table."""
    cells = _Cells([list(r) for r in grid[:_MAX_ROWS]])
    return _recognise(cells) is not None


def _recognise(cells: _Cells) -> _Indicators | None:
    indicators = _indicator_header(cells)
    if indicators is None:
        return _head_only(cells)
    titled = any(pl.TITLE in w or "项目绩效自评表" in w or "支出绩效自评表" in w
                 for row in cells.words[:10] for w in row)
    named = cells.find(pl.NAME.words, 0, indicators.header) is not None
    return indicators if titled or named else None


def _head_only(cells: _Cells) -> _Indicators | None:
    """A copy cut before its indicator table (published pages often are): still a per-project
    form when it has the form's title, 项目名称 and a funds block; its table is empty."""
    end = len(cells.words)
    titled = any(pl.TITLE in w for row in cells.words[:10] for w in row)
    if titled and cells.find(pl.NAME.words, 0, end) is not None \
            and _funds_header(cells, end) is not None:
        return _Indicators(end, {})
    return None


# A date (填报日期：2022年8月10日) names the year the form was filled in, not the one evaluated.
_DATE = re.compile(r"填报|日期|(19|20)\d\d\s*年\s*\d{1,2}\s*月")


class FormYear(NamedTuple):
    year: int
    date: str = ""  # where the year was inferred from a date: that date as printed
    cell: str = ""  # and its cell


def form_year(grid: Grid) -> FormYear | None:
    """The budget year of a per-project form, from its （2021年度） line or its title; failing
    those, the year before the one it was filled in (a self-evaluation looks back on last
    year's budget: 填报日期 2022年2月 → 2021), with the date it was inferred from."""
    dated: FormYear | None = None
    for r, row in enumerate(grid[:6]):
        for c, value in enumerate(row):
            text = cell_text(value)
            year = pl.year_from_line(text)
            if year is None:
                continue
            if _DATE.search(text) is None:
                return FormYear(year)
            dated = dated or FormYear(year - 1, " ".join(text.split()), cell_address(r, c))
    return dated


def project_from_grid(grid: Grid, source: str = "", *, ours: bool = False,
                      log: ImportSummary | None = None) -> Project | None:
    """Read a per-project form; None when the grid is not one.

    ``ours`` (a sheet evaldesk wrote, as its metadata says) reads exactly what was written: texts
    untrimmed, indicator rows that hold nothing but their category kept (an indicator added but
    not yet filled in), 不适用 only where the 得分 cell says so. Another's sheet is read as a
    reviewer reads it: texts trimmed, empty template rows dropped, an indicator whose cells all
    say 不适用 is not applicable.
    """
    cells = _Cells([list(r) for r in grid[:_MAX_ROWS]], exact=ours, log=None if ours else log,
                   sheet=source)
    indicators = _recognise(cells)
    if indicators is None:
        return None
    project = Project()
    for key in indicators.columns:
        # A two-row header's headings stand in either of its rows.
        cells.heading(*indicators.heading_cell(key, cells),
                      f"指标表的「{_plain(pl.INDICATOR_COLUMN_BY_KEY[key].label)}」")
    for c, word in enumerate(cells.words[indicators.header] if indicators.columns else ()):
        if not word or c in indicators.columns.values():
            continue
        if not ours and _known_unread_column(cells, indicators.header, c):
            continue
        if c < indicators.columns.get("level1", 0) and ("绩效目标" in word or "绩效指标" in word):
            # Hubei's 年度绩效目标1（80分） stands merged down beside the indicators: the block's
            # title, holding no values of its own.
            if not ours:
                cells.heading(indicators.header, c, "指标区的标题（本栏没有数值）")
            continue
        if "绩效指标" not in word and not label_matches(word, (pl.INDICATORS_LABEL, "绩效指标")):
            cells.note(EntryKind.UNPLACED, indicators.header, c, cells.text(indicators.header, c),
                       "指标表中没有对应的栏目，该列内容未导入")
    below = indicators.sub_header
    for c, word in enumerate(cells.words[below] if below is not None else ()):
        if word and c not in indicators.columns.values():
            assert below is not None
            cells.note(EntryKind.UNPLACED, below, c, cells.text(below, c),
                       "指标表中没有对应的栏目，该列内容未导入")
    funds_header = _funds_header(cells, indicators.header)
    top = funds_header if funds_header is not None else indicators.header
    for fields in pl.HEADER_ROWS:
        for item in fields:
            text = _labelled(cells, item, 0, top)
            if text is not None:
                setattr(project, item.key, text)
                found = cells.find(item.words, 0, top)
                if found is not None:
                    cells.heading(*found, f"「{item.label}」")
    if not ours:
        if not project.name:
            _name_from_title(cells, top, project)
        if not project.implementer and cells.find((pl.UNIT_NAME,), 0, top) is not None:
            project.implementer = project.name  # a 部门整体 form evaluates the unit it names
        head_total = _labelled(cells, pl.HEAD_TOTAL, 0, top)
        # Only a figure: a 自评得分 heading over a column of the funds block is no total.
        if head_total and _points(head_total) is not None:
            project.total_score_printed = _points(head_total)
            found = cells.find(pl.HEAD_TOTAL.words, 0, top) or _inline_cell(cells, pl.HEAD_TOTAL, top)
            label = cells.text(*found) if found else pl.HEAD_TOTAL.label
            project.headings["total_score"] = _INLINE.sub(r"\1", label)
            cells.note(EntryKind.HEADING, found[0] if found else 0, found[1] if found else None,
                       label, "「总分」（表头中的自评得分）")
    if funds_header is not None:
        _read_funds(cells, funds_header, indicators.header, project, source)
    elif indicators.checklist and not ours:
        _read_amount_lines(cells, indicators, project)
    elif not ours:
        _read_funds_by_source(cells, indicators.header, project)
    # Sichuan puts 项目年度目标 / 年度目标完成情况 above the funds block, MoF below it.
    _read_goal(cells, 0, indicators.header, project)
    if not ours:
        _read_scoring_sheet(cells, 0, indicators.header, project)
    end = _read_indicators(cells, indicators, project, ours)
    _read_closing(cells, end, indicators, project)
    if not ours:
        _note_printed_form(cells, funds_header, indicators, end, project)
    return project


_TITLE_NAME = re.compile(r"^(.+?项目)(?:支出)?绩效(?:目标)?自评表")
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d年度?")


def _name_from_title(cells: _Cells, stop: int, project: Project) -> None:
    """A form whose 项目名称 cell is empty (or unreadable in a copy), or that has none (a transfer
    checklist: 「彭水自治县2024年度中央对地方转移支付计划生育服务项目绩效自评表」), but whose title
    names the project (「马铃薯…推广项目绩效目标自评表」): the title's name, said in the summary. A
    title that names only a kind of form (「2020年度项目支出绩效自评表」, …预算项目绩效自评表) names
    no project."""
    for r in range(min(stop, 3, len(cells.raw))):
        for c in range(len(cells.raw[r])):
            text = cells.text(r, c)
            match = _TITLE_NAME.match(re.sub(r"\s+", "", text))
            if match is None:
                continue
            name = match.group(1)
            plain = _YEAR_PREFIX.sub("", name)
            if len(plain) <= 2 or plain.endswith(("预算项目", "部门项目", "支出项目")):
                return
            project.name = name
            cells.note(EntryKind.HEADING, r, c, text, f"「项目名称」（表中未填或没有此栏，取自标题：{name}）")
            return


# A funds block laid out by source in columns, its figures in the row below (湖北 广水):
# 项目资金来源 | 中央(万元) | 省、地(万元) | 本级(万元) | 其他(万元) | 合计(万元) | 执行数(万元) | 执行率.
_SOURCE_LEVEL_WORDS = ("中央", "省、地", "省地", "省", "省级", "市", "市级", "地", "县", "县级",
                       "本级", *pl.FISCAL_ROW.words)
_SOURCE_TOTAL_WORDS = ("合计", "小计", "资金合计", "预算合计", "预算数")


def _read_funds_by_source(cells: _Cells, stop: int, project: Project) -> None:
    labels = (*pl.FUNDS_LABEL_WORDS, "项目资金来源", "资金来源")
    for r in range(min(stop, len(cells.words)) - 1):
        words = cells.words[r]
        if not any(w and label_matches(w, labels) for w in words):
            continue
        columns: dict[str, int] = {}
        sources: list[tuple[int, str]] = []
        for c, word in enumerate(words):
            if not word or label_matches(word, labels):
                continue
            if "budget" not in columns and label_matches(word, _SOURCE_TOTAL_WORDS):
                columns["budget"] = c
            elif "actual" not in columns and label_matches(word, pl.FUND_COLUMN_BY_KEY["actual"].words):
                columns["actual"] = c
            elif "rate" not in columns and label_matches(word, pl.FUND_COLUMN_BY_KEY["rate"].words):
                columns["rate"] = c
            elif label_matches(word, _SOURCE_LEVEL_WORDS):
                sources.append((c, "general"))
            elif label_matches(word, pl.OTHER_ROW.words):
                sources.append((c, "non_fiscal"))
        if "budget" not in columns or "actual" not in columns:
            continue
        below = r + 1
        for key, c in columns.items():
            project.headings[key] = cells.text(r, c)
            meaning = {"budget": "全年预算数（合计）", "actual": "全年执行数", "rate": "执行率"}[key]
            cells.heading(r, c, f"资金表的「{meaning}」")
        for c, part in sources:
            cells.heading(r, c, f"资金来源「{_PART_NAMES[part]}」（按列分列，数字在下一行）")
        # Sources split the budget only: 执行数 stands in one column, nowhere to split it.
        project.headings["sources"] = "、".join(cells.text(r, c) for c, _part in sources)
        project.headings.setdefault("funds", cells.text(r, next(
            c for c, w in enumerate(words) if w and label_matches(w, labels))))
        for side, c in (("budget", columns["budget"]), ("actual", columns["actual"])):
            try:
                amount, _unit = parse_money(cells.value(below, c))
            except NotANumber:
                project.bad_values[f"{side}.total"] = cells.text(below, c)
                continue
            getattr(project, side).total_entered = amount
        for c, part in sources:
            try:
                amount, _unit = parse_money(cells.value(below, c))
            except NotANumber:
                project.bad_values[f"budget.{part}"] = cells.text(below, c)
                continue
            if amount is not None:
                funds = project.budget
                setattr(funds, part, (getattr(funds, part) or Decimal(0)) + amount)
        for funds in (project.budget, project.actual):
            if funds.total_entered is not None and funds.total_entered == funds.total_computed:
                funds.total_entered = None
        if "rate" in columns:
            try:
                project.rate_printed = parse_rate(cells.value(below, columns["rate"]))
            except NotANumber:
                project.bad_values["rate"] = cells.text(below, columns["rate"])
        _settle_rate(project)
        return


# A scoring sheet of the older framework above the indicator table (湖北 广水): 项目权重 |
# 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据, rows 项目决策 2分 / 项目管理 13分.
_SHEET_ITEM_WORDS = ("评价内容", "评价要点", "考核内容")
_SHEET_CRITERIA_WORDS = ("评价标准及依据", "评价标准", "评分标准", "评分标准及依据")
_SHEET_REVIEW_WORDS = ("复核分", "复核得分", "审核评分", "财政审核评分")


def _known_unread_column(cells: _Cells, row: int, col: int) -> bool:
    """A column the clerk does not fill and evaldesk need not read (复核分: the finance bureau's;
    评价标准: the template's printed criteria): said as such, not as a column left unplaced."""
    word = cells.words[row][col]
    if label_matches(word, _SHEET_REVIEW_WORDS):
        cells.heading(row, col, "财政复核用栏，单位不填，未读入")
    elif label_matches(word, _SHEET_CRITERIA_WORDS):
        cells.heading(row, col, "评分标准（模板印制的说明），未读入")
    else:
        return False
    return True


def _read_scoring_sheet(cells: _Cells, start: int, stop: int, project: Project) -> None:
    weight_words = pl.INDICATOR_COLUMN_BY_KEY["weight"].words
    score_words = pl.INDICATOR_COLUMN_BY_KEY["score"].words
    for r in range(start, min(stop, len(cells.words))):
        words = cells.words[r]
        item = next((c for c, w in enumerate(words) if w and label_matches(w, _SHEET_ITEM_WORDS)),
                    None)
        weight = next((c for c, w in enumerate(words) if w and label_matches(w, weight_words)), None)
        score = next((c for c, w in enumerate(words) if w and label_matches(w, score_words)), None)
        if item is None or weight is None or score is None:
            continue
        group_col = next((c for c in range(item) if words[c]), None)
        cells.heading(r, item, "决策/管理评分表的「三级指标」（评价内容）")
        cells.heading(r, weight, "决策/管理评分表的「分值」")
        cells.heading(r, score, "决策/管理评分表的「得分」")
        for c, w in enumerate(words):
            if w:
                _known_unread_column(cells, r, c)
        label = ""
        for row in range(r + 1, min(stop, len(cells.words))):
            own = cells.text(row, group_col) if group_col is not None else ""
            label = own or label
            group = _level1(fold(label))
            name = cells.text(row, item)
            if group not in PROCESS_GROUPS or not name:
                return
            if own and group_col is not None:
                cells.heading(row, group_col, f"一级指标「{group}」（按评价标准评分的一组，计入总分）")
            _note_group_heading(project, group, label)
            indicator = Indicator(category=_first_in(group), name=name)
            for part, col in (("weight", weight), ("score", score)):
                number = _points(cells.value(row, col))
                if number is None and cells.text(row, col):
                    project.bad_values[pl.indicator_key(len(project.indicators), part)] = \
                        cells.text(row, col)
                setattr(indicator, part, number)
            project.indicators.append(indicator)
        return


def _note_group_heading(project: Project, group: str, text: str) -> None:
    """A level-1 group's heading as printed, points and all (项目管理（25分）, 项目决策 2 分):
    the province's layout shows in them, and messages name the group as the form does."""
    project.headings.setdefault(f"level1.{group}", re.sub(r"\s+", "", text))


# --- reading: a checklist's title and amount lines -----------------------------------------------

_WORD_CHARS = re.compile(r"[^\w]")


def _amount_total(text: str) -> tuple[str, str] | None:
    """The side a checklist's total line states and its total word as printed
    (「…合计(万元) 年度预算资金总额):」 → budget, 年度预算资金总额), or None."""
    plain = _WORD_CHARS.sub("", fold(text))
    for total in pl.AMOUNT_TOTAL_WORDS:
        if plain.endswith(total):
            return ("actual" if "执行" in total else "budget"), total
    return None


def _read_amount_lines(cells: _Cells, table: _Indicators, project: Project) -> None:
    """A checklist's amounts, written as label | figure lines in its record:

        计划生育转移支付资金合计(万元) 年度预算资金总额): | 1084.25
        其中:中央补助 | 668.00   市级资金 | 343.00   本级资金(包括结转结余) | 73.25
        农村部分计划生育家庭奖励扶助制度补助资金(万元)
        年度预算资金总额: | 763.00   其中:中央补助 | 502.00 …

    The first total is the project's, the lines under it its parts; each later fund (named by the
    line above its total) is a block of its own, kept with its total. The sum checks are the
    rules'; none of these rows is an indicator (``table.amount_rows``)."""
    fund_words = pl.FISCAL_ROW.words + pl.CARRYOVER_ROW.words + pl.OTHER_ROW.words
    block: str | None = None  # None until the project's own total is read
    current = "budget"  # the side of the last total: its lines' figures are of that side
    waiting = ""  # a fund's name, read on its own line above its total
    for r in range(table.first, len(cells.raw)):
        for c, word in enumerate(cells.words[r]):
            if not word or c in (table.columns.get("level1"), table.columns.get("level2"),
                                 table.columns.get("name")):
                continue
            total = _amount_total(word)
            figure = _figure_right_of(cells, r, c)
            amount = None
            if figure is not None:
                amount, _unit = parse_money(cells.value(r, figure))
            if amount is None:
                if total is not None or (block is not None and (
                        label_matches(word, fund_words) or heading_key(word) in ("其中", ""))):
                    table.amount_rows.add(r)  # a line of the amounts left empty: 不适用
                    if total is not None:
                        cells.note(EntryKind.NOT_APPLICABLE, r, c, cells.text(r, c),
                                   "资金行无金额，按不适用处理")
                elif _FUND_NAME.search(word):
                    waiting = _line_label(_FUND_NAME.sub("", cells.text(r, c)))
                    if block is not None:
                        table.amount_rows.add(r)
                continue
            label = cells.text(r, c)
            if total is not None:
                current, word_printed = total
                table.amount_rows.add(r)
                if block is None:
                    block = ""
                    funds: Funds = getattr(project, current)
                    funds.total_entered = amount
                    project.headings.setdefault(current, word_printed)
                    cells.heading(r, c, f"「{pl.FUND_COLUMN_BY_KEY[current].label}」（资金合计）")
                else:
                    block = waiting or _line_label(label)
                    line = FundLine(word_printed, block, total=True, cell=cell_address(r, c))
                    setattr(line, current, amount)
                    project.fund_lines.append(line)
                    cells.heading(r, c, f"「{block}」的{word_printed}（逐项核对）")
                waiting = ""
            elif block is not None and label_matches(word, fund_words):
                table.amount_rows.add(r)
                line = FundLine(_line_label(label), block, cell=cell_address(r, c))
                setattr(line, current, amount)
                project.fund_lines.append(line)
                cells.heading(r, c, f"资金行「{line.name}」（按级次分列，逐项核对）")


# A fund's name on a line of its own, closed by the unit of its amounts: 「…补助资金(万元)」.
_FUND_NAME = re.compile(r"\s*[(（](?:万元|元|亿元)[)）]\s*$")


# --- reading: what another's form printed for the reviewer's checks -------------------------------

_FUNDS_REASON_WORDS = ("原因", "偏差原因", "偏差原因分析", "未完成原因", "差异原因", "原因分析")


def _note_printed_form(cells: _Cells, funds_header: int | None, table: _Indicators, end: int,
                       project: Project) -> None:
    """The headings another's form printed (so messages use them and its province can be told)
    and the figures a reviewer checks that our records do not hold otherwise: the funds row's
    分值/权重 and 得分, the full marks beside 总分, the funds block's 原因. Our own sheets print
    the profile's figures, so they are not read back as printed."""
    headings = project.headings
    for r in range(max(0, (funds_header or 0)), min(table.header + 1, len(cells.raw))):
        for c in range(len(cells.raw[r])):
            text = cells.text(r, c)
            word = cells.words[r][c]
            if "绩效指标" in word and "indicators" not in headings:
                headings["indicators"] = text
            elif r == table.header:
                # The indicator block's own label beside its header (湖北's template, used in
                # 云南 保山: 「年度绩效目标 (80分)」) names the table, not a goal block: a goal's
                # label stands above its text, never in the indicator header's row.
                continue
            elif label_matches(word, pl.GOAL.words):
                headings["goal"] = text
            elif label_matches(word, pl.GOAL_LABEL_WORDS):
                headings.setdefault("goal", text)
            elif label_matches(word, pl.COMPLETION.words):
                headings.setdefault("completion", text)
    # Sichuan prints 项目年度目标 / 年度目标完成情况 above the funds block: their headings too.
    for r in range(min(funds_header or 0, len(cells.raw))):
        for c in range(len(cells.raw[r])):
            word = cells.words[r][c]
            if word and label_matches(word, pl.GOAL.words):
                headings.setdefault("goal", cells.text(r, c))
            elif word and label_matches(word, pl.COMPLETION.words):
                headings.setdefault("completion", cells.text(r, c))
    for key in table.columns:
        headings[f"indicator.{key}"] = cells.text(*table.heading_cell(key, cells))
    if "funds.row" in headings:
        # The rate's 分值/得分 stood in the indicator table (宁夏: 预算执行率 under 项目管理).
        for key, column in (("points", "weight"), ("score", "score")):
            if f"indicator.{column}" in headings:
                headings[key] = headings[f"indicator.{column}"]
    found = cells.find(pl.TOTAL_WORDS, end)
    if found is not None:
        r, c = found
        headings["total_score"] = cells.text(r, c)
        weight_col = table.columns.get("weight")
        if weight_col is not None and weight_col > c:
            project.total_points_printed = _points(cells.value(r, weight_col))
    for item in pl.CLOSING_ROWS:
        place = cells.find(item.words, end)
        if place is not None:
            headings[item.key] = cells.text(*place)


def _points(value: object) -> Decimal | None:
    """A printed 分值 or 得分: "10", 10.0, "10分"."""
    return _number_or_none(value.strip().removesuffix("分") if isinstance(value, str) else value)


def _note_funds_printed(cells: _Cells, header: int, columns: dict[str, int],
                        rows: list[tuple[int, int, pl.FundRow]], project: Project) -> None:
    """The funds block as another's form printed it, for the checks and their messages: its
    headings, the 分值/权重 and 得分 of its total row, the 原因 beside it."""
    headings = project.headings
    for key, c in columns.items():
        headings[key] = cells.text(header, c)
    money = [columns[k] for k in pl.MONEY_SIDES if k in columns]
    words = cells.words[header]
    reason_col = next((c for c, word in enumerate(words) if c > max(money, default=0) and word
                       and c not in columns.values() and label_matches(word, _FUNDS_REASON_WORDS)),
                      None)
    if reason_col is not None:
        headings["reason"] = cells.text(header, reason_col)
        cells.heading(header, reason_col, "资金表的「原因」（预算调整、执行偏差的说明）")
    for r in range(max(0, header - 2), header + 1):
        for c, word in enumerate(cells.words[r]):
            beside = r == header and c < min(money, default=0)
            if "预算执行情况" in word or (beside and label_matches(word, pl.FUNDS_LABEL_WORDS)):
                headings.setdefault("funds", cells.text(r, c))
    labels: dict[str, list[str]] = {}
    reasons: list[str] = []
    for r, label_col, fund_row in rows:
        labels.setdefault(fund_row.part, []).append(cells.text(r, label_col))
        if fund_row is pl.TOTAL_ROW and project.execution_weight_printed is None:
            if "points" in columns:
                project.execution_weight_printed = _points(cells.value(r, columns["points"]))
            if "score" in columns:
                project.execution_score_printed = _points(cells.value(r, columns["score"]))
        if reason_col is not None and cells.text(r, reason_col):
            reasons.append(cells.text(r, reason_col))
    for part, names in labels.items():
        # One row per source names it; rows added into one source are named together.
        headings[f"row.{part}" if len(names) == 1 else f"rows.{part}"] = "、".join(names)
    project.funds_reason = "\n".join(reasons)


# --- reading: the funds block --------------------------------------------------------------------


def _funds_header(cells: _Cells, stop: int) -> int | None:
    money = [pl.FUND_COLUMN_BY_KEY[k] for k in pl.MONEY_SIDES]
    for r in range(min(stop, len(cells.words))):
        hits = sum(1 for column in money
                   if any(w and label_matches(w, column.words) for w in cells.words[r]))
        if hits >= 2:
            return r
    return None


def _in_yuan(cells: _Cells, first: int, last: int) -> bool:
    """Amounts in 元: the funds label says （元） or a 单位 line above says 元, not 万元."""
    for r in range(min(last + 1, len(cells.words))):
        for word in cells.words[r]:
            if not word:
                continue
            if re.search(r"单位:元$|^\(?单位:元\)?$", word) or (
                    r >= first and re.search(r"^项目资金.*\(元\)$", word)):
                return True
    return False


@dataclass
class _Contribution:
    label: str
    amount: Decimal


def _read_funds(cells: _Cells, header: int, stop: int, project: Project, source: str) -> None:
    columns: dict[str, int] = {}
    # The row labels' own heading may read like a money column (Sichuan: 年度预算数（万元） over
    # 总额, 财政资金 …): a column holding the fund rows' labels is never a column of figures.
    fund_words = tuple(w for row in pl.FUND_ROWS for w in row.words)
    labels = {c for r in range(header + 1, min(stop, len(cells.words)))
              for c, word in enumerate(cells.words[r]) if word and label_matches(word, fund_words)}
    for exact in (True, False):
        for column in pl.FUND_COLUMNS:
            if column.key in columns:
                continue
            words = (column.label,) if exact else column.words
            for c, word in enumerate(cells.words[header]):
                if word and c not in labels and c not in columns.values() and label_matches(
                        word, words):
                    columns[column.key] = c
                    break
    for key, col in columns.items():
        cells.heading(header, col, f"资金表的「{pl.FUND_COLUMN_BY_KEY[key].label}」")
    money_cols = [columns[k] for k in pl.MONEY_SIDES if k in columns]
    if not money_cols and _read_paired_funds(cells, header, stop, project, source):
        return
    if not money_cols:
        # Not a block of columns, nor of label | figure pairs: said, never a crash.
        cells.note(EntryKind.UNPLACED, header, None, "、".join(w for w in cells.words[header] if w),
                   "资金表的栏目无法识别，预算数、执行数未读入，请核对")
        project.import_notes.append(ImportNote(
            IMPORT_UNKNOWN_ROW, "budget.total",
            f"{_where(source)}第 {header + 1} 行的资金表无法识别（栏目与数字交错排列），"
            "预算数、执行数未读入，请核对"))
        return
    first_value = min(money_cols)
    in_yuan = _in_yuan(cells, header, stop)
    if in_yuan:
        project.headings["unit"] = "元"  # the amounts' printed precision (rules.amount_cap)
    contributions: dict[tuple[str, str], list[_Contribution]] = {}
    rate_raw: object = None
    source_rates: list[tuple[int, object]] = []
    printed_rows: list[tuple[int, int, pl.FundRow]] = []
    by_use = any(word and label_matches(word, pl.USE_ROW_WORDS)
                 for r in range(header + 1, min(stop, len(cells.words)))
                 for word in cells.words[r][:first_value])
    for r in range(header + 1, stop):
        row_words = cells.words[r]
        label_col = next((c for c in range(min(first_value, len(row_words)) - 1, -1, -1)
                          if row_words[c]), None)
        if label_col is None:
            continue
        word = cells.words[r][label_col]
        if by_use and label_matches(word, (*pl.USE_ROW_WORDS, *pl.OTHER_USE_WORDS)):
            _read_fund_line(cells, r, label_col, columns, project, in_yuan)
            continue
        fund_row = next((row for row in pl.FUND_ROWS if label_matches(word, row.words)), None)
        if fund_row is None:
            if label_matches(word, pl.GOAL_LABEL_WORDS) or label_matches(
                    word, (pl.GOAL.label, *pl.GOAL.synonyms)):
                break
            figures = [cells.text(r, c) for c in money_cols if cells.text(r, c)]
            if figures and not label_matches(word, pl.FUNDS_LABEL_WORDS):
                cells.note(EntryKind.UNPLACED, r, label_col, cells.text(r, label_col),
                           f"不是可识别的资金来源，其金额（{'、'.join(figures)}）未计入")
                project.import_notes.append(ImportNote(
                    IMPORT_UNKNOWN_ROW, "budget.total",
                    f"{_where(source)}资金行「{cells.text(r, label_col)}」（{'、'.join(figures)}）"
                    "不是可识别的资金来源，未计入，请核对"))
            continue
        label = cells.text(r, label_col)
        printed_rows.append((r, label_col, fund_row))
        meaning = _PART_NAMES[fund_row.part] if fund_row.part != "total" else "资金总额（合计）"
        cells.heading(r, label_col, f"资金行「{meaning}」")
        for side in pl.MONEY_SIDES:
            if side not in columns:
                continue
            raw = cells.value(r, columns[side])
            key = f"{side}.{fund_row.part}"
            try:
                amount, unit = parse_money(raw, sheet_in_yuan=in_yuan)
            except NotANumber:
                project.bad_values[key] = cells.text(r, columns[side])
                continue
            if amount is None:
                continue
            if unit or in_yuan:
                cells.note(EntryKind.CONVERTED, r, columns[side], cells.text(r, columns[side]),
                           f"{amount} 万元" + (f"（单元格写明「{unit}」）" if unit else
                                                "（表中单位为元，已换算为万元）"))
            contributions.setdefault((side, fund_row.part), []).append(_Contribution(label, amount))
        if fund_row is pl.TOTAL_ROW and "rate" in columns and rate_raw is None:
            rate_raw = cells.value(r, columns["rate"])
        elif "rate" in columns and cells.text(r, columns["rate"]):
            source_rates.append((r, cells.value(r, columns["rate"])))
    _store_funds(project, source, contributions)
    if not cells.exact:
        _note_funds_printed(cells, header, columns, printed_rows, project)
    if (rate_raw is None or _is_dash(rate_raw)) and len(source_rates) == 1 and not cells.exact:
        # The total row prints no rate and one source row does (宁夏 原州: 年度资金总额 300 |
        # blank | blank, 自治区补助 300万元 | 259.45万元 | 86.5%): the only rate on the form.
        r, rate_raw = source_rates[0]
        cells.heading(r, columns["rate"], "资金表的「执行率」（印在资金来源行，合计行未印）")
    _store_rate(cells, project, rate_raw)
    if "budget" not in columns and "initial" in columns:
        # A form with 年初预算数（A） and 全年执行数（B） only: A is the budget the rate is of.
        project.budget = dataclasses.replace(project.initial)
        for key, text in list(project.bad_values.items()):
            if key.startswith("initial."):
                project.bad_values["budget." + key.removeprefix("initial.")] = text
    _settle_rate(project)


_RATE_WORDS = (*pl.FUND_COLUMN_BY_KEY["rate"].words, *pl.RATE_PROGRESS_WORDS)


def _figure_right_of(cells: _Cells, r: int, c: int) -> int | None:
    """The column of a label's figure: the next filled cell to its right, unless that is
    another label (a text that is no amount)."""
    for k in range(c + 1, len(cells.raw[r]) if r < len(cells.raw) else 0):
        if not cells.words[r][k]:
            continue
        try:
            parse_money(cells.value(r, k))
        except NotANumber:
            return None
        return k
    return None


def _read_paired_funds(cells: _Cells, header: int, stop: int, project: Project,
                       source: str) -> bool:
    """Labels and their figures side by side (the Hebei budget system's export):

        预算数 | 6.84 | 到位数 | 6.84 | 执行数 | | 6.84 | 100.00
        其中:财政资金 | 6.84 | 其中:财政资金 | 6.84 | 其中:财政资金 | | 6.84
        其他 | 0.00 | 其他 | 0.00 | 其他 | | 0.00

    The header row holds each side's total, each label's figure the next filled cell right of
    it; the rows below keep the labels' columns and name the fund rows. A 执行率 / 预算执行进度
    heading above the header row (or in it) gives the rate. False when the row is not so."""
    sides: dict[int, str] = {}
    for c, word in enumerate(cells.words[header]):
        side = next((k for k in pl.MONEY_SIDES
                     if word and label_matches(word, pl.FUND_COLUMN_BY_KEY[k].words)), None)
        if side is not None and side not in sides.values() \
                and _figure_right_of(cells, header, c) is not None:
            sides[c] = side
    if len(sides) < 2:
        return False
    in_yuan = _in_yuan(cells, header, stop)
    if in_yuan:
        project.headings["unit"] = "元"  # the amounts' printed precision (rules.amount_cap)
    contributions: dict[tuple[str, str], list[_Contribution]] = {}
    for c, side in sides.items():
        project.headings[side] = cells.text(header, c)
        cells.heading(header, c, f"资金表的「{pl.FUND_COLUMN_BY_KEY[side].label}」（其右为金额）")
    for c, word in enumerate(cells.words[header]):
        if word and c not in sides and _figure_right_of(cells, header, c) is not None \
                and _number_or_none(cells.value(header, c)) is None:
            cells.note(EntryKind.UNPLACED, header, c, cells.text(header, c),
                       "资金表中没有对应的栏目（仅供参考），未导入")
    for r in range(header, min(stop, len(cells.raw))):
        if r > header and cells.words[r] and cells.words[r][0]:
            break  # the next section (三、目标完成情况) starts in the first column
        placed = False
        for c, side in sides.items():
            word = cells.words[r][c] if c < len(cells.words[r]) else ""
            fund_row = pl.TOTAL_ROW if r == header else next(
                (row for row in pl.FUND_ROWS if word and label_matches(word, row.words)), None)
            figure = _figure_right_of(cells, r, c)
            if fund_row is None or figure is None:
                continue
            placed = True
            amount, unit = parse_money(cells.value(r, figure), sheet_in_yuan=in_yuan)
            if amount is None:
                continue
            if unit or in_yuan:
                cells.note(EntryKind.CONVERTED, r, figure, cells.text(r, figure), f"{amount} 万元")
            if r > header:
                project.headings.setdefault(f"row.{fund_row.part}", cells.text(r, c))
                cells.heading(r, c, f"资金行「{_PART_NAMES[fund_row.part]}」")
            contributions.setdefault((side, fund_row.part), []).append(
                _Contribution(_line_label(cells.text(r, c)), amount))
        if not placed:
            break
    _store_funds(project, source, contributions)
    for r in (header - 1, header):
        found = next(((r, c) for c, word in enumerate(cells.words[r] if r >= 0 else ())
                      if word and label_matches(word, _RATE_WORDS)), None)
        if found is None:
            continue
        r, c = found
        at = c if r < header else _figure_right_of(cells, header, c)
        if at is None:
            continue
        project.headings["rate"] = cells.text(r, c)
        cells.heading(r, c, "资金表的「执行率」")
        text = cells.text(header, at)
        # 预算执行进度(%) | 100.00: the heading carries the percent sign.
        percent = "%" in cells.words[r][c] and text and not text.endswith(("%", "％"))
        _store_rate(cells, project, text + "%" if percent else cells.value(header, at))
        break
    for r in range(max(0, header - 1), header + 1):
        first = next((c for c, word in enumerate(cells.words[r]) if word), None)
        if first is not None and first < min(sides) and "预算执行情况" in cells.words[r][first]:
            project.headings.setdefault("funds", cells.text(r, first))
    _settle_rate(project)
    return True


def _store_funds(project: Project, source: str,
                 contributions: dict[tuple[str, str], list[_Contribution]]) -> None:
    """The figures read, by (side, part), into the project's funds: rows that fall into one
    source are added, and the clerk is told which."""
    for side in pl.MONEY_SIDES:
        funds: Funds = getattr(project, side)
        total: Decimal | None = None
        for part in ("total", "general", "carryover", "non_fiscal"):
            found = contributions.get((side, part), [])
            if not found:
                continue
            amount = sum((f.amount for f in found), Decimal(0))
            if part == "total":
                total = amount
            else:
                setattr(funds, part, amount)
            if sum(1 for f in found if f.amount) > 1:  # zeros added in change nothing
                parts = " + ".join(f"{f.label} {f.amount}" for f in found)
                project.import_notes.append(ImportNote(
                    IMPORT_FUNDS_JOINED, f"{side}.{part}",
                    f"{_where(source)}{pl.FUND_COLUMN_BY_KEY[side].label}：{parts} "
                    f"合并为{_PART_NAMES[part]} {amount}", "warning"))
        if total is not None and total != funds.total_computed:
            funds.total_entered = total


def _store_rate(cells: _Cells, project: Project, rate_raw: object) -> None:
    try:
        if _is_dash(rate_raw):
            project.rate_printed = None
        elif cells.exact and isinstance(rate_raw, (int, float)):
            # Ours is a fraction in a percent-formatted cell, even an absurd 1100 % (which
            # parse_rate would take for a percentage written without its sign).
            project.rate_printed = fraction_rate(rate_raw)
        else:
            project.rate_printed = parse_rate(rate_raw)
    except NotANumber:
        project.bad_values["rate"] = cell_text(rate_raw).strip()


_ROW_PREFIX = re.compile(r"^\s*其中\s*[:：]?\s*")


def _line_label(text: str) -> str:
    """A funds line's label as messages name it: 「其中:中央补助」 is 中央补助, 「年度资金总额:」
    is 年度资金总额."""
    return " ".join(_ROW_PREFIX.sub("", text).split()).rstrip(":：")


def _read_fund_line(cells: _Cells, r: int, label_col: int, columns: dict[str, int],
                    project: Project, in_yuan: bool) -> None:
    """A row of a block split by use (基本支出 / 项目支出): a line of its own, with its own
    figures and its own 分值 / 得分; an empty one is 不适用."""
    line = FundLine(_line_label(cells.text(r, label_col)), cell=cell_address(r, label_col))
    for side in pl.MONEY_SIDES:
        if side not in columns:
            continue
        try:
            amount, unit = parse_money(cells.value(r, columns[side]), sheet_in_yuan=in_yuan)
        except NotANumber:
            project.bad_values[line_key(line, side)] = cells.text(r, columns[side])
            continue
        if amount is not None and (unit or in_yuan):
            cells.note(EntryKind.CONVERTED, r, columns[side], cells.text(r, columns[side]),
                       f"{amount} 万元")
        setattr(line, side, amount)
    if "budget" not in columns:
        line.budget = line.initial  # 年初预算数（A） is the budget its rate is of
    for part in ("points", "score"):
        if part in columns:
            setattr(line, part, _points(cells.value(r, columns[part])))
    if line.initial is None and line.budget is None and line.actual is None:
        cells.note(EntryKind.NOT_APPLICABLE, r, label_col, line.label, "资金行无金额，按不适用处理")
        return
    cells.heading(r, label_col, f"资金行「{line.label}」（按用途分列的一行，逐行核对，不计入资金来源）")
    project.fund_lines.append(line)


_PART_NAMES = {"total": "合计", "general": "一般公共预算", "carryover": "上年结转资金",
               "non_fiscal": "非财政资金"}
_FLOAT_NOISE = Decimal("1e-12")


def _is_dash(value: object) -> bool:
    return isinstance(value, str) and fold(value) in ("", "-", "—", "/", "--", "——")


def _settle_rate(project: Project) -> None:
    """A rate cell equal to the computed rate (within a double's precision) is not 'printed'."""
    printed, computed = project.rate_printed, project.rate
    # Relative: a double holds about 16 significant digits, so an (absurd) rate of 22928.67
    # written as one is 1e-12 off in absolute terms.
    if printed is not None and computed is not None \
            and abs(printed - computed) <= _FLOAT_NOISE * max(Decimal(1), abs(computed)):
        project.rate_printed = None


def _plain(label: str) -> str:
    return label.replace("\n", "")


def _where(source: str) -> str:
    return f"工作表「{source}」" if source else ""


# --- reading: goal, indicators, closing ------------------------------------------------------------


def _read_goal(cells: _Cells, start: int, stop: int, project: Project) -> None:
    goal_words = pl.GOAL.words
    completion_words = pl.COMPLETION.words
    for r in range(start, stop):
        row = cells.words[r]
        goal_col = next((c for c, w in enumerate(row) if w and label_matches(w, goal_words)), None)
        done_cols = [c for c, w in enumerate(row) if w and label_matches(w, completion_words)]
        if goal_col is None and done_cols:
            # The central 转移支付 form heads the goal's text 总体目标, a word that elsewhere
            # labels the whole block: beside a completion heading further right it is the goal's.
            goal_col = next((c for c, w in enumerate(row) if w and c < done_cols[-1]
                             and label_matches(w, pl.GOAL_LABEL_WORDS)), None)
        # The block's own label may say 年度目标完成情况 too (Sichuan): the heading is the one
        # beside the goal's, right of it where there is one.
        done_col = next((c for c in done_cols if goal_col is not None and c > goal_col),
                        done_cols[0] if done_cols else None)
        if goal_col is None or done_col is None or r + 1 >= len(cells.raw):
            continue
        left, right = sorted((goal_col, done_col))
        firsts: list[str] = []
        seconds: list[str] = []
        for below in _goal_rows(cells, r + 1, stop, left):
            width = len(cells.raw[below])
            firsts.append(next((cells.text(below, c) for c in range(left, right)
                                if cells.text(below, c)), ""))
            seconds.append(next((cells.text(below, c) for c in range(right, width)
                                 if cells.text(below, c)), ""))
        first, second = _joined(firsts), _joined(seconds)
        project.goal, project.completion = (first, second) if goal_col < done_col else (second, first)
        if not cells.exact:
            # The heading over the text, not a block label that says 目标完成情况 too (河北:
            # 三、目标完成情况 | 年度预期目标 | 具体完成情况).
            project.headings["completion"] = cells.text(r, done_col)
        cells.heading(r, goal_col, "「年初绩效目标」")
        cells.heading(r, done_col, "「绩效目标整体完成情况」")
        return
    # The two headings one above the other, each with its text to its right (宁夏 银川:
    # 年初设定目标 | 保障学校正常工作运行 over 年度总体目标完成情况 | …): each heading's own text.
    for r in range(start, stop):
        label_col = next((c for c, w in enumerate(cells.words[r])
                          if w and label_matches(w, goal_words)), None)
        if label_col is None:
            continue
        done_row = next((b for b in range(r + 1, min(r + 3, stop, len(cells.words)))
                      if label_col < len(cells.words[b]) and cells.words[b][label_col]
                      and label_matches(cells.words[b][label_col], completion_words)), None)
        if done_row is None:
            continue
        project.goal = _value_after(cells, r, label_col)
        project.completion = _value_after(cells, done_row, label_col)
        cells.heading(r, label_col, "「年初绩效目标」")
        cells.heading(done_row, label_col, "「绩效目标整体完成情况」")
        return
    # No 预期目标 | 实际完成情况 headings: the texts beside 年度总体目标.
    found = cells.find(pl.GOAL_LABEL_WORDS, start, stop)
    if found is not None:
        r, c = found
        texts = [cells.text(r, k) for k in range(c + 1, len(cells.raw[r])) if cells.text(r, k)]
        if texts:
            cells.heading(r, c, "「年初绩效目标」")
            project.goal = texts[0]
            project.completion = texts[1] if len(texts) > 1 else ""


def _joined(texts: list[str]) -> str:
    return "\n".join(t for t in texts if t)


def _goal_rows(cells: _Cells, first: int, stop: int, left: int) -> Iterator[int]:
    """The rows of goal text under 预期目标 | 实际完成情况: the first always, and each row after
    it that goes on in the same columns (the Hebei system prints a goal per row) — nothing left
    of them, no heading in them — up to the next block."""
    yield first
    for r in range(first + 1, min(stop, len(cells.words))):
        words = cells.words[r]
        filled = [c for c, w in enumerate(words) if w]
        if not filled or filled[0] < left or any(
                label_matches(w, _BLOCK_WORDS) for w in words if w):
            return
        yield r


_END_WORDS: tuple[str, ...] = (*pl.TOTAL_WORDS, *pl.GRADE_WORDS, *pl.REMARKS_WORDS,
                               *(w for f in (*pl.CLOSING_ROWS, *pl.SIGNATURE_ROW) for w in f.words))
_LEVEL1_WORDS = {OUTPUT: (OUTPUT, "产出", "项目产出", "产出目标"),
                 # The Hebei budget system's word for 效益指标.
                 BENEFIT: (BENEFIT, "效益", "项目效益", "效益目标", "效果指标", "效果"),
                 SATISFACTION: (SATISFACTION, "满意度", "满意度目标"),
                 DECISION: (DECISION, "决策", "项目决策指标"),
                 MANAGEMENT: (MANAGEMENT, "管理", "项目管理指标", "过程", "项目过程")}
# Points printed after a group's name without brackets: 「项目决策 2 分」, 「产出指标40分」.
_TRAILING_POINTS = re.compile(r"\d+(?:\.\d+)?分$")


def _is_end(words: list[str], table: _Indicators) -> bool:
    """The row after the table: 总分, 自评等级, 评价结论 … standing left of the 三级指标 column
    (an indicator named 合计 further right does not end it)."""
    limit = table.columns.get("name", len(words))
    first = next(((c, w) for c, w in enumerate(words) if w), None)
    if first is None or first[0] >= limit:
        return False
    word = first[1]
    return label_matches(word, _END_WORDS) or any(word.startswith(fold(w) + ":") for w in _END_WORDS)


def _level1(text: str) -> str | None:
    """The level-1 group a cell names, its points aside; a cell naming two levels at once
    (「项目绩效 85分 产出指标 40分」) names the inner one, its last."""
    for candidate in (text, _TRAILING_POINTS.sub("", text)):
        for level1, words in _LEVEL1_WORDS.items():
            if label_matches(candidate, words):
                return level1
    bare = re.sub(r"\d+(?:\.\d+)?分|[(（][^()（）]*[)）]", "", text)
    ends = [(len(w), level1) for level1, words in _LEVEL1_WORDS.items() for w in words
            if len(w) > 2 and bare.endswith(w)]
    return max(ends)[1] if ends else None


_LEVEL2 = {fold(c.level2): c.key for c in CATEGORIES}
_LEVEL2.update({fold(c.level2.removesuffix("指标")): c.key for c in CATEGORIES})
_LEVEL2.update({"满意度": "satisfaction", "满意度指标": "satisfaction", "服务对象满意度": "satisfaction",
                "社会公众或服务对象满意度指标": "satisfaction", "可持续影响": "sustainable",
                "可持续发展指标": "sustainable",
                # Hubei's short 二级 (襄阳 c11) names the group by its quality, as 时效 / 成本 do.
                "可持续性": "sustainable", "可持续性指标": "sustainable",
                # Hubei's exec20 form (黄石市图书馆 d03) names the ecological group 环境效益.
                "环境效益": "ecological", "环境效益指标": "ecological"})


def _category(level1: str, level2: str) -> str | None:
    key = _LEVEL2.get(level2)
    if key is None and level2:
        key = next((k for word, k in _LEVEL2.items() if level2.startswith(word)), None)
    if key is None and level2 in CATEGORY_BY_LEVEL2:
        key = CATEGORY_BY_LEVEL2[level2].key
    return key


def _first_in(level1: str) -> str:
    return next(c.key for c in CATEGORIES if c.level1 == level1)


def _comparator(text: str) -> tuple[Comparator | None, bool]:
    """指标性质 as a comparator; the flag says the text meant something we could not read."""
    if not text:
        return None, False
    folded = fold(text)
    for candidate in (text, folded, folded.removesuffix("指标"), folded.removesuffix("性")):
        comparator = parse_comparator(candidate)
        if comparator is not None:
            return comparator, False
    return None, folded not in ("定量", "定量指标")


def _read_indicators(cells: _Cells, table: _Indicators, project: Project, ours: bool) -> int:
    """Reads the rows under the indicator header; returns the first row after the table."""
    cols = table.columns
    level1 = level2 = ""
    level2_row = -1
    # The indicators read under each 二级 heading (by the heading's row), for a table with no
    # 分值 column whose 二级 headings print their points.
    under: dict[int, list[int]] = {}
    # Weighted rows that may have breakdown lines under them (see _Breakdown).
    parents: list[_Breakdown] = []
    opened: _Breakdown | None = None
    row_of: dict[int, int] = {}  # each indicator's row
    r = table.first
    while r < len(cells.raw):
        words = cells.words[r]
        if _is_end(words, table):
            break
        own1 = cells.text(r, cols["level1"]) if "level1" in cols else ""
        own2 = cells.text(r, cols["level2"]) if "level2" in cols else ""
        if own2:
            level2_row = r
        if own1 and fold(own1) != fold(level1):
            level1 = own1
            level2 = own2  # a new level-1 group: its level 2 does not carry over from the last
            group = _level1(fold(own1))
            if group is not None and not ours:
                _note_group_heading(project, group, own1)
                if group in PROCESS_GROUPS:
                    cells.heading(r, cols["level1"], f"一级指标「{group}」（按评价标准评分的一组，计入总分）")
        elif own2:
            level2 = own2
        if not ours and label_matches(fold(level1), _EXECUTION_ROW_WORDS):
            _read_execution_level1_row(cells, r, cols, project)
            r += 1
            continue
        if r in table.amount_rows:
            r += 1
            continue
        texts = {key: cells.text(r, col) for key, col in cols.items()
                 if key not in ("level1", "level2")}
        before = len(project.indicators)
        _read_indicator(project, texts, {k: cells.value(r, c) for k, c in cols.items()},
                        fold(level1), fold(level2), ours, r, cells, checklist=table.checklist)
        if len(project.indicators) > before and not ours and "weight" in cols:
            opened = _take_breakdown_line(project, opened, r, level2_row)
            if opened is not None and opened.index != before:
                r += 1
                continue
            if opened is not None:
                parents.append(opened)
        if len(project.indicators) > before and level2_row >= 0:
            under.setdefault(level2_row, []).append(before)
        if len(project.indicators) > before:
            row_of[before] = r
        r += 1
    if not ours and "weight" not in cols and "level2" in cols:
        _weights_from_level2_points(cells, cols["level2"], under, project)
    for parent in parents:
        _settle_breakdown(cells, cols.get("name"), project, parent)
    if not ours:
        _fold_numbered_items(cells, cols.get("name"), project, row_of)
    return r


# 「一、示范区建立」 over 「1、水稻侧深施肥…」「2、…」: a numbered heading and its numbered items.
_HEADING_NUMBER = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_ITEM_NUMBER = re.compile(r"^\d+[、.．]")


def _fold_numbered_items(cells: _Cells, name_col: int | None, project: Project,
                         row_of: dict[int, int]) -> None:
    """Numbered items scored beside their numbered heading (云南 隆阳: 「一、示范区建立 ≧20000亩
    20000亩 15.0」 over 「1、… 5.0」「2、… 5.0」「3、… 5.0」): when the items' scores add up to the
    heading's, they break it down, and counted beside it every point would be counted twice. The
    heading, with its own target, actual and score, is the indicator; the items are said in the
    summary and not read as indicators of their own. Items whose scores do not add up to the
    heading's are left as read: nothing says which figure is right."""
    indicators = project.indicators
    drop: set[int] = set()
    k = 0
    while k < len(indicators):
        head = indicators[k]
        items: list[int] = []
        if head.applicable and head.score is not None and _HEADING_NUMBER.match(fold(head.name)):
            j = k + 1
            while j < len(indicators) and indicators[j].category == head.category \
                    and indicators[j].applicable and indicators[j].score is not None \
                    and _ITEM_NUMBER.match(fold(indicators[j].name)) \
                    and row_of.get(j) == row_of.get(j - 1, -2) + 1:
                items.append(j)
                j += 1
        scores = [indicators[j].score for j in items]
        if len(items) >= 2 and sum(s for s in scores if s is not None) == head.score:
            drop.update(items)
            rows = "、".join(str(row_of[j] + 1) for j in items)
            added = " + ".join(f"{s.normalize():f}" for s in scores if s is not None)
            cells.note(EntryKind.CONVERTED, row_of[k], name_col, head.name,
                       f"第 {rows} 行是指标「{head.name}」的分项（得分 {added} = "
                       f"{head.score.normalize():f}），不作为单独指标读入，以免重复计分")
            k = items[-1] + 1
            continue
        k += 1
    if drop:
        _drop_indicators(project, drop)


def _drop_indicators(project: Project, drop: set[int]) -> None:
    """Takes indicators off the list, with what was recorded for them, and renumbers what was
    recorded for the ones after (bad values and import notes are keyed by position)."""
    new_index: dict[int, int] = {}
    kept: list[Indicator] = []
    for k, indicator in enumerate(project.indicators):
        if k not in drop:
            new_index[k] = len(kept)
            kept.append(indicator)
    project.indicators[:] = kept

    def moved(key: str) -> str | None:
        if not key.startswith("indicator:"):
            return key
        index, dot, part = key.removeprefix("indicator:").partition(".")
        if not index.isdigit():
            return key
        at = new_index.get(int(index))
        return None if at is None else f"indicator:{at}{dot}{part}"

    values = {}
    for key, text in project.bad_values.items():
        at = moved(key)
        if at is not None:
            values[at] = text
    project.bad_values = values
    notes = []
    for note in project.import_notes:
        at = moved(note.field)
        if at is not None:
            notes.append(dataclasses.replace(note, field=at))
    project.import_notes[:] = notes


@dataclass
class _Breakdown:
    """A weighted indicator row and the rows under it that break it down: rows of the same 二级
    with a name and a target or actual but no 分值 / 得分 of their own (安徽 萧县: 「★补助家畜家禽
    养殖数量 | 10 | | | 10」 over 「猪养殖数量 | | 80头 | 80头」 …, or 「其中桃树种植面积」 under a
    ★ row that prints its own total). They are parts of that indicator, not indicators: counted
    as such they would be weightless indicators, and the weighted row one with empty results."""

    index: int  # the weighted row's indicator
    row: int
    level2_row: int
    composed: bool  # its own target and actual are empty: they come from its lines
    last: int  # the last row taken (a breakdown line stands directly under the one before)
    lines: list[tuple[int, Indicator]] = field(default_factory=list)


_SUBTOTAL_PREFIX = re.compile(r"^其中[:：]?")


def _take_breakdown_line(project: Project, opened: _Breakdown | None, row: int,
                         level2_row: int) -> _Breakdown | None:
    """The indicator just read (the last one): taken off the list as a line of the open
    breakdown when it is one (the open breakdown is returned), else the breakdown it may open
    (None when it opens none)."""
    index = len(project.indicators) - 1
    indicator = project.indicators[index]
    if opened is not None and row == opened.last + 1 and level2_row == opened.level2_row \
            and indicator.applicable and indicator.weight is None and indicator.score is None \
            and indicator.name and (indicator.target or indicator.actual) \
            and (opened.composed or _SUBTOTAL_PREFIX.match(fold(indicator.name))):
        project.indicators.pop()
        prefix = pl.indicator_key(index, "")
        project.import_notes[:] = [n for n in project.import_notes
                                   if not n.field.startswith(prefix)]
        for key in [k for k in project.bad_values if k.startswith(prefix)]:
            del project.bad_values[key]
        opened.lines.append((row, indicator))
        opened.last = row
        return opened
    if indicator.applicable and indicator.weight is not None and indicator.name:
        return _Breakdown(index, row, level2_row,
                          not indicator.target and not indicator.actual, row)
    return None


def _settle_breakdown(cells: _Cells, name_col: int | None, project: Project,
                      parent: _Breakdown) -> None:
    """A weighted row with its figures in its lines gets them composed, each line by its name
    (「梨树种植面积 6亩；桃种植面积 1亩」), so it is judged met when every line is and a save keeps
    them readable; the summary says which rows were read as whose lines."""
    if not parent.lines:
        return
    indicator = project.indicators[parent.index]
    if parent.composed:
        for part in ("target", "actual"):
            setattr(indicator, part, "；".join(
                f"{line.name} {getattr(line, part)}".strip() for _, line in parent.lines))
        if not indicator.reason:
            indicator.reason = "；".join(line.reason for _, line in parent.lines if line.reason)
    rows = "、".join(str(row + 1) for row, _ in parent.lines)
    names = "、".join(line.name for _, line in parent.lines)
    how = ("其年度指标值、实际值由各分项合成（分项以「；」分隔）" if parent.composed
           else "该指标按其自身所填的年度指标值、实际值判断")
    cells.note(EntryKind.CONVERTED, parent.row, name_col, indicator.name,
               f"第 {rows} 行（{names}）无分值、得分，是指标「{indicator.name}」的分项，"
               f"不作为单独指标读入；{how}")


_PRINTED_POINTS = re.compile(r"(\d+(?:\.\d+)?)分\)?$")


def _weights_from_level2_points(cells: _Cells, col: int, under: dict[int, list[int]],
                                project: Project) -> None:
    """A table with no 分值 column whose 二级 headings print their points (湖北 广水: 「数量指标
    15 分」, the template saying 「15 分÷三级指标个数」): each indicator under the heading gets an
    equal share, when the points divide exactly to the cent; said in the summary."""
    for row, members in under.items():
        match = _PRINTED_POINTS.search(fold(cells.text(row, col)))
        applicable = [k for k in members if project.indicators[k].applicable]
        if match is None or not applicable:
            continue
        points = Decimal(match.group(1))
        share = points / len(applicable)
        if share != share.quantize(Decimal("0.01")):
            continue  # 10 ÷ 3: no equal split the form could print; left for the clerk
        for k in applicable:
            project.indicators[k].weight = share
        cells.note(EntryKind.CONVERTED, row, col, cells.text(row, col),
                   f"表中无分值栏：二级指标所印 {points} 分由 {len(applicable)} 个三级指标平分，"
                   f"每个 {share.normalize():f} 分")


# The funds row standing in the indicator table as a 一级 of its own (the Hebei budget system's
# last row: 预算执行率 | 预算执行率 | … | 权重 | 得分).
_EXECUTION_ROW_WORDS = ("预算执行率", "预算资金执行率", "资金执行率")


def _read_execution_level1_row(cells: _Cells, r: int, cols: dict[str, int],
                               project: Project) -> None:
    """Its 分值 and 得分 are the funds row's, judged as such; it is no indicator (the row of
    项目管理 that holds the rate in the older framework is _read_execution_row's)."""
    label = cells.text(r, cols["level1"])
    cells.heading(r, cols["level1"], "预算执行率行（资金的分值、得分），不作为指标读入")
    for part, key, attribute in (("weight", "points", "execution_weight_printed"),
                                 ("score", "score", "execution_score_printed")):
        col = cols.get(part)
        number = _points(cells.value(r, col)) if col is not None else None
        if number is None or getattr(project, attribute) is not None:
            continue
        setattr(project, attribute, number)
        project.headings.setdefault(key, project.headings.get(f"indicator.{part}", ""))
        project.headings.setdefault("funds", label)


def _read_indicator(project: Project, texts: dict[str, str], raw: dict[str, object], level1: str,
                    level2: str, ours: bool, row: int, cells: _Cells | None = None, *,
                    checklist: bool = False) -> None:
    if not ours and isinstance(raw.get("reason"), (int, float)) and not raw["reason"]:
        texts = {**texts, "reason": ""}  # a 0 left by a formula over an empty reason
    filled = {k: v for k, v in texts.items() if v.strip()}
    if not filled and not (ours and level2):
        if level2 and cells is not None:
            cells.note(EntryKind.NOT_APPLICABLE, row, None, "（空行）",
                       f"{level2}：整行空白、无分值，按不适用处理（未读入指标）")
        return
    placeholder = not ours and _is_placeholder(filled)
    if placeholder:
        if cells is not None:
            cells.note(EntryKind.NOT_APPLICABLE, row, None, filled["name"],
                       f"{level2 or level1}：模板的占位行（无指标值、无分值），按不适用读入")
        texts = dict.fromkeys(texts, "")
    category = _category(level1, level2)
    group = _level1(level1)
    if group in PROCESS_GROUPS:
        # 项目决策/项目管理: their 二级 (项目目标, 投入管理 …) are the framework's own.
        category = _first_in(group)
        if not ours and fold(texts.get("name", "")) in _EXECUTION_ROW_NAMES:
            _read_execution_row(project, texts, raw, row, cells)
            return
    elif group == BENEFIT and category is not None and _category_group(category) == SATISFACTION:
        group = SATISFACTION  # the older framework files 满意度 under 效益 (宁夏: 项目效益（35分）)
    if category is None or (group is not None and _category_group(category) != group):
        if group is None and category is None:
            if not ours and filled and all(is_not_applicable_mark(v) for v in filled.values()):
                if cells is not None:
                    cells.note(EntryKind.NOT_APPLICABLE, row, None, "、".join(filled.values()),
                               "各栏只有不适用标记，按不适用处理（未读入指标）")
                return
            if filled and not ours and not level1 and not level2 and not placeholder:
                # No 一级/二级 label above the row at all (a copy that lost the merged labels,
                # 山西 稷山 c03): the MoF table opens with 产出指标 / 数量指标, so the rows before
                # any label are read as those, and each is said so the clerk can check it.
                category = _first_in(OUTPUT)
                project.import_notes.append(ImportNote(
                    IMPORT_UNKNOWN_INDICATOR, f"ind.{category}.content",
                    f"第 {row + 1} 行的指标没有一级/二级指标，已按表首的产出指标/数量指标读入，请核对",
                    "warning"))
                if cells is not None:
                    cells.note(EntryKind.UNPLACED, row, None, "、".join(filled.values()),
                               "没有一级/二级指标，按表首的产出指标/数量指标读入")
            elif filled and checklist:
                # A checklist's own items (项目预算管理 / 资金投入 …) score nothing and are no
                # performance indicator: listed for the clerk, not reported one by one.
                if cells is not None:
                    cells.note(EntryKind.UNPLACED, row, None, "、".join(filled.values()),
                               f"清单式自评表的「{level1}」「{level2}」项（不评分），未作为绩效指标读入")
                return
            elif filled:
                if cells is not None:
                    cells.note(EntryKind.UNPLACED, row, None, "、".join(filled.values()),
                               f"不属于可识别的一级/二级指标（「{level1}」「{level2}」），未读入")
                project.import_notes.append(ImportNote(
                    IMPORT_UNKNOWN_INDICATOR, "ind.quantity.content",
                    f"第 {row + 1} 行的指标（{'、'.join(filled.values())}）不属于可识别的一级/二级指标"
                    f"（「{level1}」「{level2}」），未读入，请核对"))
                return
            else:
                return
        if category is None or (group is not None and _category_group(category) != group):
            assert group is not None
            category = _first_in(group)
            if level2:
                project.import_notes.append(ImportNote(
                    IMPORT_UNKNOWN_INDICATOR, f"ind.{category}.content",
                    f"第 {row + 1} 行的二级指标「{level2}」不是标准名称，已归入"
                    f"{group}下的第一类，请核对", "warning"))
    index = len(project.indicators)
    indicator = Indicator(category=category, name=texts.get("name", ""),
                          target=texts.get("target", ""), unit=texts.get("unit", ""),
                          actual=texts.get("actual", ""), reason=texts.get("reason", ""))
    comparator, unreadable = _comparator(texts.get("comparator", ""))
    unreadable = unreadable and not is_not_applicable_mark(texts.get("comparator", ""))
    indicator.comparator = comparator
    if unreadable:
        project.import_notes.append(ImportNote(
            IMPORT_COMPARATOR, pl.indicator_key(index, "comparator"),
            f"第 {row + 1} 行的指标性质「{texts['comparator']}」无法识别（应为 ≥、≤、= 或 定性），"
            "已按年度指标值判断", "warning"))
    score_text = fold(texts.get("score", ""))
    if score_text == NOT_APPLICABLE or placeholder:
        indicator.applicable = False
    elif not ours and all(is_not_applicable_mark(v) for v in filled.values()):
        # Another's way of writing 不适用: "/", "—", "无" or 不适用 in every cell of the row.
        indicator.applicable = False
        indicator.name = indicator.target = indicator.actual = indicator.unit = ""
        indicator.reason = ""
        marks = "、".join(sorted({v.strip() for v in filled.values()}))
        if cells is not None:
            cells.note(EntryKind.NOT_APPLICABLE, row, None, marks,
                       f"{level2 or level1}：各栏只有「{marks}」，按不适用指标读入")
    for part in ("weight", "score"):
        value = raw.get(part)
        if part == "score" and not indicator.applicable:
            continue
        if isinstance(value, str) and is_not_applicable_mark(value):
            continue
        number = value.strip().removesuffix("分") if isinstance(value, str) else value  # 10分 is 10
        try:
            setattr(indicator, part, parse_amount(number))
        except NotANumber:
            project.bad_values[pl.indicator_key(index, part)] = texts[part]
    project.indicators.append(indicator)


_EXECUTION_ROW_NAMES = frozenset({"预算执行率", "资金执行率", "预算资金执行率", "执行率",
                                  "预算执行情况"})


def _read_execution_row(project: Project, texts: dict[str, str], raw: dict[str, object],
                        row: int, cells: _Cells | None) -> None:
    """The 预算执行率 row of 项目管理 (宁夏: 投入管理 | 预算执行率 | 10 | — | 100% | 9) is the
    funds row's 分值 and 得分 in the older framework: read as those, judged as those (FUNDS_SCORE
    against the amounts), not as an indicator."""
    name = texts.get("name", "")
    project.execution_weight_printed = _points(raw.get("weight"))
    project.execution_score_printed = _points(raw.get("score"))
    project.headings["funds"] = project.headings["funds.row"] = name
    for key in ("points", "score"):
        project.headings.pop(key, None)  # the funds block's own, if any: this row's are the table's
    if cells is not None:
        col = next((c for c in range(len(cells.raw[row])) if cells.text(row, c) == name), None)
        cells.note(EntryKind.HEADING, row, col, name,
                   "资金执行情况：其分值、得分作为预算执行率的分值、得分读入（不作为指标）")


def _category_group(category: str) -> str:
    return next(c.level1 for c in CATEGORIES if c.key == category)


def _read_closing(cells: _Cells, start: int, table: _Indicators, project: Project) -> None:
    found = cells.find(pl.TOTAL_WORDS, start)
    if found is not None:
        r, c = found
        # The total stands under 得分 (beside the full marks under 分值); a form without a 得分
        # column gets the row's last number.
        score_col = table.columns.get("score")
        total: object = None
        if score_col is not None and score_col > c:
            total = cells.value(r, score_col)
        if _points(total) is None:
            # Not under 得分: the row's last number, never the full marks under 分值/权重 (a
            # total left blank is not the 100 printed beside it).
            weight_col = table.columns.get("weight")
            numbers = [v for k, v in enumerate(cells.raw[r][c + 1:], c + 1)
                       if k != weight_col and _points(v) is not None]
            total = numbers[-1] if numbers else None
        project.total_score_printed = _points(total)  # "99.55分" is 99.55
        cells.heading(r, c, "「总分」")
    grade = _labelled(cells, pl.LabelledField("grade_printed", pl.GRADE_LABEL, pl.Span(0, 0),
                                              pl.Span(0, 0), pl.GRADE_WORDS[1:]), start, None)
    if grade:
        project.grade_printed = grade
    for item in (*pl.CLOSING_ROWS, *pl.SIGNATURE_ROW):
        text = _labelled(cells, item, start, None)
        if text is not None:
            setattr(project, item.key, text)
            found = cells.find(item.words, start)
            if found is not None:
                cells.heading(*found, f"「{item.label}」")


_PLACEHOLDER = re.compile(r"^(?:指标\s*\d*\s*[:：]?|[.。…·、\s]+)$")


def _is_placeholder(filled: dict[str, str]) -> bool:
    """A template's 「指标2」 / 「……」 row left as printed: a name and nothing else."""
    return set(filled) == {"name"} and bool(_PLACEHOLDER.match(filled["name"].strip()))


def _number_or_none(value: object) -> Decimal | None:
    if isinstance(value, str):
        value = value.strip().removesuffix("分")  # 总分 「99.55分」
    try:
        return parse_amount(value)
    except NotANumber:
        return None


# --- reading: our own sheets, and a workbook's sheets together -------------------------------------


def settle_own_sheet(project: Project, meta: ProjectMeta, profile: ScoringProfile,
                     sides: tuple[str, ...] = pl.MONEY_SIDES) -> None:
    """Turn what our own sheet printed back into the records it was written from.

    The 得分 column shows the score in force; a score is kept as typed where the record says it
    was typed, or where the cell no longer shows the computed score (someone typed it in Excel).
    总分 and 自评等级 show the computed figures; the printed ones recorded come back where the
    cell still shows the computed figure. 本年财政拨款 shows 一般公共预算 + 政府性基金; the
    recorded split comes back for ``sides`` whose sources were read from the sheet alone.
    """
    shown = [i.score for i in project.indicators]
    for k, indicator in enumerate(project.indicators):
        indicator.score = meta.typed.get(k) if not indicator.applicable else (
            shown[k] if k in meta.typed else None)
    computed = score_project(project, profile)
    for k, indicator in enumerate(project.indicators):
        if indicator.applicable and k not in meta.typed and shown[k] is not None \
                and shown[k] != computed.indicators[k].computed:
            indicator.score = shown[k]
    score = score_project(project, profile)
    total, grade_ = project.total_score_printed, project.grade_printed
    project.total_score_printed = meta.total_score_printed if total is None or \
        total == score.total_capped else total
    project.grade_printed = meta.grade_printed if grade_ in ("", score.grade) else grade_
    for side, values in meta.split.items():
        funds: Funds = getattr(project, side)
        if side in sides and f"{side}.general" not in project.bad_values:
            _restore_split(funds, *values)


def _restore_split(funds: Funds, general: Decimal | None, fund: Decimal | None,
                   fiscal: Decimal | None, total: Decimal | None) -> None:
    """Put back the sources behind 本年财政拨款 when the sheet still shows what they showed.

    The check replays the reading: the recorded side shows a 财政拨款 and a 合计; read from the
    sheet those become 一般公共预算 and (where it is not their sum) an entered 合计. If that is
    what was read, nothing was edited and the record holds; otherwise the sheet wins.
    """
    recorded = Funds(general, fund, funds.non_fiscal, total, fiscal, funds.carryover)
    shown_fiscal, shown_total = recorded.fiscal, recorded.total
    as_read = Funds(shown_fiscal, None, funds.non_fiscal, carryover=funds.carryover)
    read_total = None if shown_total == as_read.total_computed else shown_total
    if (funds.general, funds.fund, funds.fiscal_entered, funds.total_entered) == (
            shown_fiscal, None, None, read_total):
        funds.general, funds.fund, funds.fiscal_entered, funds.total_entered = \
            general, fund, fiscal, total


def merge_project(target: Project, sheet: Project, source: str) -> None:
    """Give a summary row (``target``) what its per-project sheet holds and the summary cannot.

    The summary stays the source of 一般公共预算, 政府性基金, 非财政资金, their totals and the
    rate; the sheet adds 上年结转资金, 年初预算数, an entered 财政拨款, the indicators in full and
    the family-B fields. Where the two disagree the clerk is told; nothing is dropped silently.
    """
    for key in ("code", "authority", "implementer", "conclusion", "project_lead",
                "finance_lead", "total_score_printed", "grade_printed"):
        setattr(target, key, getattr(sheet, key))
    for key in ("goal", "completion", "problems", "rectification"):
        if not getattr(target, key) and getattr(sheet, key):
            setattr(target, key, getattr(sheet, key))
    target.initial = sheet.initial
    for key, text in sheet.bad_values.items():
        if key.startswith(("initial.", "indicator:")) or key.endswith(".carryover"):
            target.bad_values[key] = text
    for side in ("budget", "actual"):
        ours: Funds = getattr(target, side)
        theirs: Funds = getattr(sheet, side)
        shown_before = ours.total  # 合计 as the summary showed it
        ours.carryover = theirs.carryover
        if shown_before is not None:
            # Entered or not is judged again now that 上年结转资金 is part of the sum.
            ours.total_entered = None if shown_before == ours.total_computed else shown_before
        if theirs.general is not None and theirs.general != ours.fiscal_computed:
            ours.fiscal_entered = theirs.general
        if theirs.total is not None and shown_before is not None and theirs.total != shown_before:
            target.import_notes.append(ImportNote(
                IMPORT_SHEETS_DISAGREE, f"{side}.total",
                f"工作表「{source}」的{pl.FUND_COLUMN_BY_KEY[side].label} {theirs.total} 与汇总表 "
                f"{shown_before} 不一致，已采用汇总表，请核对"))
    if sheet.indicators or not target.indicators:
        _note_indicator_disagreement(target, sheet, source)
        target.indicators = sheet.indicators
    target.import_notes.extend(sheet.import_notes)


def _note_indicator_disagreement(target: Project, sheet: Project, source: str) -> None:
    for key, _group in SUMMARY_CATEGORIES:
        for part in ("content", "actual"):
            summary = summary_text(target.indicators_in(key), part)
            detailed = summary_text(sheet.indicators_in(key), part)
            if summary and summary != detailed:
                target.import_notes.append(ImportNote(
                    IMPORT_SHEETS_DISAGREE, f"ind.{key}.{part}",
                    f"汇总表的「{summary[:30]}」与工作表「{source}」的指标不一致，已采用工作表，请核对"))
                return


_SEQ_IN_NAME = re.compile(r"^\s*(\d+|[（(][一二三四五六七八九十\d]+[)）])[\s._、-]")


def _seq_from_sheet(name: str) -> str:
    match = _SEQ_IN_NAME.match(name)
    return match.group(1) if match else ""


@dataclass
class SheetGrid:
    name: str
    grid: Grid


def complete_report(report: Report | None, sheets: Sequence[SheetGrid]) -> Report | None:
    """A workbook's per-project sheets (and our metadata) read into its report.

    With a summary (``report``), each sheet is matched to its row by the metadata, else by 序号
    (from the sheet's name) and 项目名称; a sheet with no row becomes a project of its own, with a
    note. Without a summary, the report is built from the sheets alone, in sheet order (None when
    there are none). Sheets that are not per-project forms are ignored.
    """
    metadata: Metadata | None = None
    forms: list[tuple[str, Project, ProjectMeta | None]] = []
    for sheet in sheets:
        if sheet.name == METADATA_SHEET:
            metadata = read_metadata(sheet.grid) or metadata
    profile = _profile(metadata)
    log = report.import_summary if report is not None else None
    if log is None and metadata is None:
        log = ImportSummary()
    variants: list[tuple[str, str]] = []
    for sheet in sheets:
        if sheet.name == METADATA_SHEET:
            continue
        meta = metadata.for_sheet(sheet.name) if metadata is not None else None
        project = project_from_grid(sheet.grid, sheet.name, ours=meta is not None, log=log)
        if project is not None:
            forms.append((sheet.name, project, meta))
            if meta is None:
                variants.append(form_variant(sheet.grid))
    if report is None:
        if not forms:
            return None
        name, found = next(((s.name, y) for s in sheets if s.name != METADATA_SHEET
                            and (y := form_year(s.grid)) is not None), ("", None))
        report = Report(year=found.year if found is not None else None)
        if found is not None and found.date and log is not None:
            log.add(EntryKind.CONVERTED, name, found.cell, found.date,
                    f"表中未写年度，按填报日期推定为 {found.year} 年度（请核对）")
        authorities = {p.authority for _, p, _ in forms if p.authority}
        report.department = authorities.pop() if len(authorities) == 1 else ""
        settled: set[int] = set()
        for number, (name, project, meta) in enumerate(forms, 1):
            project.seq = meta.seq if meta is not None else _seq_from_sheet(name) or str(number)
            project.department = project.implementer or project.authority
            if meta is not None:
                settle_own_sheet(project, meta, profile)
                settled.add(project.uid)
            report.projects.append(project)
    else:
        settled = _merge_all(report, forms, profile)
    if metadata is not None:
        apply_metadata(metadata, report, settled=settled)
        _restore_states(metadata, report, settled)
    if metadata is not None:
        report.import_summary = None  # our own file: nothing to explain
        report.profile = profile.name
    elif log is not None and variants:
        read = forms_read(variants)
        log.layout = f"{log.layout}；{read}" if log.layout else read
        report.import_summary = log
    return report


# Words only a variant's form prints, in the order they are told apart: the kind of form it
# is (a 部门整体 or 转移支付 form is not a 项目支出 one, and the clerk should read so), its layout,
# headings it prints (compared as headings are) and fragments found inside a cell (where the
# telling words stand in what a heading would drop as a note: 得分（20分*执行率）, 项目决策 2 分).
_VARIANTS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("转移支付绩效自评表", "清单式，无分值、得分，不评分",
     ("指标解释", "自评内容", "需提供的支撑材料"), ()),
    ("部门整体支出绩效自评表", "资金按用途分列", ("部门整体支出绩效自评表",), ()),
    ("项目支出绩效自评表", "河北预算管理系统导出式", ("预算执行进度", "单项指标折算得分", "权重占比"), ()),
    # 宁夏's city form and 湖北's county sheet score 决策 and 管理 beside 产出 and 效益.
    ("项目支出绩效自评表", "项目决策、项目管理、产出、效益四类指标", (), ("项目决策", "项目管理")),
    ("项目支出绩效自评表", "执行率20分、绩效目标80分，湖北等", (), ("20分*执行率", "20分×执行率")),
    ("转移支付绩效自评表", "财政部转移支付式", ("中央主管部门",), ("转移支付(项目)名称",)),
    ("项目支出绩效自评表", "四川式", ("调整后预算数", "财政专户管理资金", "预算执行数", "项目年度目标",
                                   "年度目标完成情况"), ()),
    ("项目支出绩效自评表", "财政部旧版式", ("年初设定目标", "全年实际值", "年度总体目标完成情况综述",
                                     "未完成原因及拟采取的改进措施"), ()),
    ("项目支出绩效自评表", "财政部式加指标性质、度量单位，云南等", ("指标性质", "度量单位"), ()),
)


def form_variant(grid: Grid) -> tuple[str, str]:
    """The kind of another's form and its layout family, in words, from the words it prints."""
    cells = _Cells([list(r) for r in grid[:_MAX_ROWS]])
    for kind, name, headings, fragments in _VARIANTS:
        if (headings and cells.find(headings) is not None) \
                or any(f in word for f in fragments for row in cells.words for word in row):
            return kind, name
    return "项目支出绩效自评表", "财政部式"


def forms_read(variants: list[tuple[str, str]]) -> str:
    """「项目支出绩效自评表 2 张（四川式、财政部式）」: each kind of form read, with its layouts."""
    parts = []
    for kind in dict.fromkeys(k for k, _ in variants):
        names = dict.fromkeys(n for k, n in variants if k == kind)
        count = sum(1 for k, _ in variants if k == kind)
        parts.append(f"{kind} {count} 张（{'、'.join(names)}）")
    return "；".join(parts)


def _restore_states(metadata: Metadata, report: Report, settled: set[int]) -> None:
    """Projects saved without their sheet get their whole record back from the metadata, while
    their summary row still shows what that record shows (a row edited in Excel keeps the edit,
    and the clerk is told the details recorded with it were not used)."""
    for uid, meta in match_projects(metadata, report.projects).items():
        if meta.state is None or uid in settled:
            continue
        project = report.project_by_uid(uid)
        assert project is not None
        try:
            recorded = project_from_state(meta.state)
        except StateError:
            continue
        _settle_rate(project)
        if all(get_value(recorded, c.key) == get_value(project, c.key) for c in SUMMARY_COLUMNS):
            notes = project.import_notes
            for item in dataclasses.fields(Project):
                if item.compare:
                    setattr(project, item.name, getattr(recorded, item.name))
            project.import_notes = notes
        else:
            project.import_notes.append(ImportNote(
                IMPORT_SHEETS_DISAGREE, "name",
                "汇总表中本项目的内容已在其他软件中修改，保存时记录的详细内容（各项指标的分值、"
                "得分、年初预算数等）未采用，请核对", "warning"))


def _profile(metadata: Metadata | None) -> ScoringProfile:
    if metadata is None:
        return DEFAULT_PROFILE
    try:
        return get_profile(metadata.profile)
    except KeyError:
        return DEFAULT_PROFILE


def _merge_all(report: Report, forms: list[tuple[str, Project, ProjectMeta | None]],
               profile: ScoringProfile) -> set[int]:
    settled: set[int] = set()
    taken: set[int] = set()
    for name, sheet_project, meta in forms:
        target = _match(report, name, sheet_project, meta, taken)
        if target is None:
            sheet_project.seq = meta.seq if meta is not None else _seq_from_sheet(name)
            sheet_project.department = sheet_project.implementer or sheet_project.authority
            sheet_project.import_notes.append(ImportNote(
                IMPORT_SHEET_ONLY, "name",
                f"工作表「{name}」的项目在汇总表中没有对应的行，已作为新项目读入，请核对", "warning"))
            report.projects.append(sheet_project)
            continue
        taken.add(target.uid)
        merge_project(target, sheet_project, name)
        if meta is not None:
            # The summary gave 一般公共预算 and 政府性基金 of the budget and the actuals.
            settle_own_sheet(target, meta, profile, sides=("initial",))
            settled.add(target.uid)
    return settled


def _match(report: Report, name: str, project: Project, meta: ProjectMeta | None,
           taken: set[int]) -> Project | None:
    projects = [p for p in report.projects if p.uid not in taken]
    if meta is not None:
        if 0 <= meta.index < len(report.projects):
            candidate = report.projects[meta.index]
            if candidate.uid not in taken and (candidate.seq, candidate.name) == (meta.seq, meta.name):
                return candidate
        for candidate in projects:
            if (candidate.seq, candidate.name) == (meta.seq, meta.name):
                return candidate
    same_name = [p for p in projects if fold(p.name) == fold(project.name)]
    if len(same_name) == 1:
        return same_name[0]
    seq = _seq_from_sheet(name)
    return next((p for p in same_name if p.seq == seq), None) if seq else None


def sheets_of(book: Any, skip: set[int], max_cells: int) -> Iterator[SheetGrid]:
    """The grids of a calamine workbook's sheets, except ``skip`` and sheets too large to be a
    per-project form (the summary reader has already refused the absurd ones)."""
    for index, name in enumerate(book.sheet_names):
        if index in skip:
            continue
        sheet = book.get_sheet_by_index(index)
        if sheet.height * sheet.width > max_cells or sheet.height > _MAX_ROWS:
            continue
        rows: list[list[object]] = sheet.to_python(skip_empty_area=False)
        if rows:
            yield SheetGrid(name, rows)
