"""Reading a spending export of the budget system (预算管理一体化系统) or accounting software.

Such a table has one row per project, or per funding line of a project, and columns like 项目编码,
项目名称, 资金性质, 年初预算数, 调整预算数 / 全年预算数, 支出数 / 执行数 — sometimes split by source
under a two-row header (全年预算数 over 一般公共预算, 政府性基金 …) or flattened into one heading
(支出数-一般公共预算). Amounts are in 元 or 万元, said in a heading（元）or a 单位 line above the
table. Headings are recognised by their words, not by position: the systems of different
provinces order and name them differently.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from evaldesk.core.fill import PARTS, ExportRow, SideAmounts
from evaldesk.core.money import NotANumber, canonical, parse_amount
from evaldesk.io.errors import ReadError
from evaldesk.io.grid import cell_text

# Normalised words (NFKC, no spaces), longest first where one contains another.
_MEASURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Best first: where a system prints both 全年预算数 and 调整预算数, the latter may be the
    # adjustment alone, so it ranks below every spelling of the full-year budget.
    ("budget", ("全年预算数", "全年预算", "调整后预算数", "调整后预算", "年度预算数", "年度预算",
                "预算总额", "预算金额", "预算数", "批复数", "调整预算数", "预算")),
    ("initial", ("年初预算数", "年初预算", "年初批复数", "年初安排数", "年初数")),
    ("actual", ("实际支出数", "实际支出", "全年执行数", "执行数", "支出数", "支出金额", "累计支出",
                "决算数", "已支出", "支出")),
)
_PART_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("general", ("一般公共预算", "公共预算", "一般预算")),
    ("fund", ("政府性基金预算", "政府性基金")),
    ("non_fiscal", ("财政专户管理资金", "财政专户", "单位资金", "其他资金", "非财政资金", "非财政拨款",
                    "自有资金", "事业收入")),
)
_CODE_WORDS = ("项目编码", "项目代码", "项目编号", "项目id")
_NAME_WORDS = ("项目名称", "项目")
_SOURCE_WORDS = ("资金性质", "资金来源", "资金类型", "经费来源", "预算来源", "资金类别")
# Columns that carry amounts but are not what the report holds.
_IGNORED = ("执行率", "执行进度", "进度", "结余", "余额", "差额", "比例", "占比", "序号", "单位编码",
            "单位名称", "预算单位", "部门", "备注", "功能科目", "经济科目", "指标文号", "预算调整数",
            "调整数", "项目名称", "项目编码", "项目代码")
_TOTAL_WORDS = ("合计", "总计", "小计", "累计")
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*(万元|元)")
_UNIT_NOTE = re.compile(r"[(（]\s*(万元|元)\s*[)）]")
_HEADER_SEARCH = 30


@dataclass
class ExportColumn:
    col: int
    heading: str  # as printed, header rows joined with "/"
    side: str  # initial | budget | actual
    part: str | None  # a source, or None for the side's total


@dataclass
class ExportTable:
    source: str
    sheet: str
    unit: str  # of the amounts in the file: "元" or "万元"
    unit_stated: bool  # False: nothing in the file said, 元 was assumed
    rows: list[ExportRow]
    columns: list[ExportColumn]
    code_heading: str | None
    name_heading: str
    source_heading: str | None  # a per-row 资金性质 column
    skipped: list[str] = field(default_factory=list)  # rows not taken, with the reason


def _norm(value: object) -> str:
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", cell_text(value))).lower()


def _without_notes(text: str) -> str:
    # 全年预算数（元） and 支出数(A) name the same thing as 全年预算数 and 支出数.
    return re.sub(r"\([^)]*\)", "", text)


def _measure(text: str) -> tuple[str, int] | None:
    """(side, rank): which figure a heading holds, and how plainly it says so (0 best)."""
    text = _without_notes(text)
    if any(word in text for word in _IGNORED):
        return None
    # 一般公共预算 names a source, not a budget figure: 支出数/一般公共预算 is spending.
    for _, words in _PART_WORDS:
        for word in words:
            text = text.replace(word, "")
    # 年初 first: "年初预算数" also contains "预算数".
    for side, words in (_MEASURES[1], _MEASURES[0], _MEASURES[2]):
        for rank, word in enumerate(words):
            if word in text:
                return side, rank
    return None


def _part(text: str) -> str | None:
    found = _source_word(text)
    return found[0] if found else None


def _source_word(text: str) -> tuple[str, str] | None:
    """(part, the word that said so): 财政专户管理资金 and 单位资金 are both 非财政资金."""
    for part, words in _PART_WORDS:
        for word in words:
            if word in text:
                return part, word
    return None


def _is_one_of(text: str, words: Sequence[str]) -> bool:
    text = _without_notes(text)
    return any(text == w or text.endswith(w) for w in words)


def read_export(path: Path, *, unit: str | None = None) -> ExportTable:
    """The export's rows; ``unit`` overrides what the file says (or the 元 assumed)."""
    path = Path(path)
    suffix = path.suffix.lower()
    grids: list[tuple[str, list[list[object]]]]
    if suffix in (".csv", ".txt", ".tsv", ".tab"):
        from evaldesk.io.read_text import read_text_grid

        grids = [("", [list(r) for r in read_text_grid(path)])]
    else:
        from evaldesk.io.read_xlsx import sheet_grids

        grids = [(name, list(rows)) for name, rows in sheet_grids(path)]
    for name, rows in grids:
        table = export_from_grid(rows, str(path), name, unit=unit)
        if table is not None:
            return table
    raise ReadError(
        path, "找不到执行数据的表头：应有「项目名称」（或「项目编码」）和「预算数」「支出数」等列")


def export_from_grid(rows: Sequence[Sequence[object]], source: str, sheet: str = "", *,
                     unit: str | None = None) -> ExportTable | None:
    """``None`` when the grid has no header with a project column and an amount column."""
    for top in range(min(len(rows), _HEADER_SEARCH)):
        words = [_norm(v) for v in rows[top]]
        name_col = next((c for c, w in enumerate(words) if _is_one_of(w, _NAME_WORDS)), None)
        code_col = next((c for c, w in enumerate(words) if _is_one_of(w, _CODE_WORDS)), None)
        if name_col is None and code_col is None:
            continue
        depth = 2 if _is_sub_header(rows, top) else 1
        columns = _amount_columns(rows, top, depth)
        if not columns:
            continue
        return _read_rows(rows, source, sheet, top, depth, name_col, code_col, columns, unit)
    return None


def _is_sub_header(rows: Sequence[Sequence[object]], top: int) -> bool:
    """A second header row: source words under the first, and no amounts."""
    if top + 1 >= len(rows):
        return False
    below = rows[top + 1]
    texts = [_norm(v) for v in below]
    has_parts = sum(1 for t in texts if t and (_part(t) or t in ("合计", "小计")))
    has_numbers = any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in below)
    return has_parts >= 2 and not has_numbers


def _header_texts(rows: Sequence[Sequence[object]], top: int, depth: int) -> list[tuple[str, str]]:
    """Per column: (normalised words, heading as printed). A parent heading merged over its
    children (stored in its first cell only) carries to the right until the next parent."""
    width = max(len(rows[r]) for r in range(top, top + depth))
    out: list[tuple[str, str]] = []
    parent = ""
    for col in range(width):
        first = rows[top][col] if col < len(rows[top]) else None
        first_text = cell_text(first).strip()
        if depth == 2:
            child = rows[top + 1][col] if col < len(rows[top + 1]) else None
            child_text = cell_text(child).strip()
            if first_text:
                parent = first_text
            elif not child_text:
                parent = ""
            printed = "/".join(t for t in (first_text or parent, child_text) if t)
        else:
            printed = first_text
        out.append((_norm(printed), printed))
    return out


def _amount_columns(rows: Sequence[Sequence[object]], top: int, depth: int) -> list[ExportColumn]:
    best: dict[tuple[str, str | None], tuple[int, ExportColumn]] = {}
    for col, (words, printed) in enumerate(_header_texts(rows, top, depth)):
        if not words or _is_one_of(words, _SOURCE_WORDS):
            continue
        measure = _measure(words)
        if measure is None:
            continue
        side, rank = measure
        source = _source_word(_without_notes(words))
        column = ExportColumn(col, printed, side, source[0] if source else None)
        # Two headings for one figure (全年预算数 beside 调整预算数): the plainer one counts.
        # 财政专户管理资金 beside 单位资金 are two figures of one source, both kept and added.
        key = (side, source[1] if source else None)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, column)
    return sorted((column for _, column in best.values()), key=lambda c: c.col)


def _unit_of(rows: Sequence[Sequence[object]], top: int, depth: int,
             columns: Sequence[ExportColumn]) -> tuple[str, bool]:
    for column in columns:
        note = _UNIT_NOTE.search(unicodedata.normalize("NFKC", column.heading))
        if note:
            return note.group(1), True
    for r in range(top + depth):
        for value in rows[r]:
            found = _UNIT_LINE.search(unicodedata.normalize("NFKC", cell_text(value)))
            if found:
                return found.group(1), True
    return "元", False


def _read_rows(rows: Sequence[Sequence[object]], source: str, sheet: str, top: int, depth: int,
               name_col: int | None, code_col: int | None, columns: list[ExportColumn],
               unit: str | None) -> ExportTable:
    file_unit, stated = _unit_of(rows, top, depth, columns)
    if unit is not None:
        file_unit, stated = unit, True
    header = _header_texts(rows, top, depth)
    source_col = next((c for c, (w, _) in enumerate(header) if _is_one_of(w, _SOURCE_WORDS)), None)
    table = ExportTable(
        source, sheet, file_unit, stated, [], columns,
        header[code_col][1] if code_col is not None else None,
        header[name_col][1] if name_col is not None else "",
        header[source_col][1] if source_col is not None else None,
    )
    for index in range(top + depth, len(rows)):
        row = rows[index]
        line = index + 1

        def text(col: int | None, row: Sequence[object] = row) -> str:
            return cell_text(row[col]).strip() if col is not None and col < len(row) else ""

        name, code = text(name_col), text(code_col)
        if not name and not code:
            continue
        if any(_without_notes(_norm(v)) in _TOTAL_WORDS for v in row[:max(c.col for c in columns)]):
            table.skipped.append(f"第 {line} 行：合计行，不是项目")
            continue
        part_of_row = _part(_norm(text(source_col))) if source_col is not None else None
        if source_col is not None and text(source_col) and part_of_row is None:
            table.skipped.append(f"第 {line} 行：资金性质「{text(source_col)}」无法归入一般公共预算、"
                                 "政府性基金或非财政资金，未导入")
            continue
        export_row = ExportRow(line, code, name)
        try:
            for column in columns:
                raw = row[column.col] if column.col < len(row) else None
                amount = parse_amount(raw)
                if amount is None:
                    continue
                if file_unit == "元":
                    amount = canonical(amount.scaleb(-4))  # exact: 元 → 万元 is a shift
                amounts = export_row.sides.setdefault(column.side, SideAmounts())
                part = column.part or part_of_row
                if part is None:
                    amounts.total = amount if amounts.total is None else amounts.total + amount
                else:
                    amounts.parts[part] = amounts.parts.get(part, Decimal(0)) + amount
        except NotANumber as error:
            table.skipped.append(f"第 {line} 行「{name or code}」：{error}，未导入")
            continue
        if export_row.sides:
            table.rows.append(export_row)
        else:
            table.skipped.append(f"第 {line} 行「{name or code}」：没有金额")
    return table


__all__ = ["PARTS", "ExportColumn", "ExportTable", "export_from_grid", "read_export"]
