"""THE official summary layout (family A, 预算项目绩效自评表): columns, header words and spans,
number formats, the lines above and below the table.

The table model, the header view, the xlsx reader and writer, the text importer and the printer all
read it from here; no other file spells the 30 columns out again.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from evaldesk.core.records import CATEGORY_BY_KEY


class Kind(StrEnum):
    SEQ = "seq"
    TEXT = "text"  # short text: names, departments
    LONG_TEXT = "long_text"  # paragraphs: goals, indicator contents, problems
    AMOUNT = "amount"  # Decimal in the report's unit, printed with two decimals
    RATE = "rate"  # Decimal fraction, printed as a percentage with two decimals


@dataclass(frozen=True)
class Column:
    key: str  # a field key (see evaldesk.core.fields)
    path: tuple[str, ...]  # header words from the top header row down; shorter paths span down
    kind: Kind
    width: float  # in Excel character units; the printer and the window scale from it

    @property
    def header(self) -> str:
        """The column's full heading in one line, for messages and mapping dialogs."""
        return "/".join(self.path)

    @property
    def is_numeric(self) -> bool:
        return self.kind in (Kind.AMOUNT, Kind.RATE)

    @property
    def computed(self) -> bool:
        """True for cells the program derives (合计, 执行率): shown, checked, and filled in."""
        return self.key.endswith(".total") or self.key == "rate"


HEADER_ROWS = 3

BUDGET = "项目年度预算金额"
ACTUAL = "实际支出金额"
FISCAL = "其中: 财政拨款"
OUTPUT_GOALS = "产出目标"
BENEFIT_GOALS = "效益目标"
SATISFACTION_GOALS = "满意度指标"
CONTENT = "年度指标内容"
DONE = "完成情况"

# The indicator categories the summary table has columns for, in the form's order.
SUMMARY_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("quantity", OUTPUT_GOALS),
    ("quality", OUTPUT_GOALS),
    ("timeliness", OUTPUT_GOALS),
    ("economic", BENEFIT_GOALS),
    ("social", BENEFIT_GOALS),
    ("ecological", BENEFIT_GOALS),
    ("satisfaction", SATISFACTION_GOALS),
)


def _funds(side: str, prefix: str) -> list[Column]:
    return [
        Column(f"{prefix}.total", (side, "合计"), Kind.AMOUNT, 10),
        Column(f"{prefix}.general", (side, FISCAL, "一般公共预算"), Kind.AMOUNT, 10),
        Column(f"{prefix}.fund", (side, FISCAL, "政府性基金"), Kind.AMOUNT, 9),
        Column(f"{prefix}.non_fiscal", (side, "非财政资金"), Kind.AMOUNT, 9),
    ]


def _indicator_columns() -> list[Column]:
    columns: list[Column] = []
    for key, group in SUMMARY_CATEGORIES:
        level2 = CATEGORY_BY_KEY[key].level2
        columns.append(Column(f"ind.{key}.content", (group, level2, CONTENT), Kind.LONG_TEXT, 20))
        columns.append(Column(f"ind.{key}.actual", (group, level2, DONE), Kind.LONG_TEXT, 10))
    return columns


SUMMARY_COLUMNS: tuple[Column, ...] = (
    Column("seq", ("序号",), Kind.SEQ, 5),
    Column("department", ("部门名称",), Kind.TEXT, 10),
    Column("name", ("项目名称",), Kind.TEXT, 16),
    *_funds(BUDGET, "budget"),
    *_funds(ACTUAL, "actual"),
    Column("rate", ("预算支出执行率",), Kind.RATE, 9),
    Column("goal", ("年初绩效目标",), Kind.LONG_TEXT, 36),
    Column("completion", ("绩效目标整体完成情况",), Kind.LONG_TEXT, 10),
    *_indicator_columns(),
    Column("problems", ("项目执行中存在的问题",), Kind.LONG_TEXT, 16),
    Column("rectification", ("整改情况",), Kind.LONG_TEXT, 14),
)

COLUMN_INDEX: dict[str, int] = {c.key: i for i, c in enumerate(SUMMARY_COLUMNS)}
FROZEN_COLUMNS = 3  # 序号, 部门名称, 项目名称 stay put while scrolling right

AMOUNT_FORMAT = "0.00"
RATE_FORMAT = "0.00%"

TITLE_SUFFIX = "预算项目绩效自评表"
UNIT_LABEL = "单位: "
DEPARTMENT_LABEL = "部门名称(盖章): "
TOTAL_ROW_LABEL = "合计"
# The signature block under the table, in print order.
SIGNATURE_FIELDS: tuple[tuple[str, str], ...] = (
    ("head", "单位负责人"),
    ("preparer", "填表人"),
    ("phone", "联系电话"),
    ("fill_date", "填报日期"),
)


@dataclass(frozen=True)
class HeaderCell:
    """One (possibly merged) cell of the three-row header, in header-relative coordinates."""

    row: int
    col: int
    row_span: int
    col_span: int
    text: str


def header_cells(columns: tuple[Column, ...] = SUMMARY_COLUMNS) -> list[HeaderCell]:
    """The merged header as the paper form draws it, derived from the column paths.

    Neighbouring columns that share the same words down to a level share one merged cell at that
    level; a path shorter than the header depth spans down to the bottom row.
    """
    cells: list[HeaderCell] = []
    for level in range(HEADER_ROWS):
        col = 0
        while col < len(columns):
            path = columns[col].path
            if len(path) <= level:
                col += 1
                continue
            end = col + 1
            while end < len(columns) and columns[end].path[: level + 1] == path[: level + 1]:
                end += 1
            row_span = HEADER_ROWS - level if len(path) == level + 1 else 1
            cells.append(HeaderCell(level, col, row_span, end - col, path[level]))
            col = end
    return cells


def unit_line(unit: str) -> str:
    return f"{UNIT_LABEL}{unit}"


def department_line(department: str) -> str:
    return f"{DEPARTMENT_LABEL}{department}"


# --- headings by meaning ---------------------------------------------------------------------------
# The one vocabulary of the summary's headings: for each word of a column's ``path``, the ways
# other tables spell it. Compared as ``heading_key`` folds them, so （万元）, (A), （10分）, spaces,
# full/half width and punctuation never decide a match.

HEADING_SPELLINGS: dict[str, tuple[str, ...]] = {
    "序号": ("序号", "编号"),
    "部门名称": ("部门名称", "单位名称", "预算单位", "部门"),
    "项目名称": ("项目名称", "项目"),
    BUDGET: (BUDGET, "年度预算金额", "预算金额", "全年预算数", "预算数", "年度预算", "预算"),
    ACTUAL: (ACTUAL, "实际支出", "全年执行数", "执行数", "支出金额", "实际执行数", "支出"),
    "合计": ("合计", "小计", "总计"),
    FISCAL: (FISCAL, "财政拨款", "其中财政拨款"),
    "一般公共预算": ("一般公共预算", "一般公共预算拨款", "公共预算"),
    "政府性基金": ("政府性基金", "政府性基金预算", "政府性基金拨款"),
    "非财政资金": ("非财政资金", "非财政拨款", "其他资金"),
    "预算支出执行率": ("预算支出执行率", "预算执行率", "执行率", "支出执行率"),
    "年初绩效目标": ("年初绩效目标", "年度绩效目标", "绩效目标", "年初设定目标"),
    "绩效目标整体完成情况": ("绩效目标整体完成情况", "整体完成情况", "目标完成情况"),
    OUTPUT_GOALS: (OUTPUT_GOALS, "产出指标"),
    BENEFIT_GOALS: (BENEFIT_GOALS, "效益指标"),
    SATISFACTION_GOALS: (SATISFACTION_GOALS, "满意度目标"),
    "数量指标": ("数量指标",),
    "质量指标": ("质量指标",),
    "时效指标": ("时效指标",),
    "经济效益指标": ("经济效益指标",),
    "社会效益指标": ("社会效益指标",),
    "生态效益指标": ("生态效益指标",),
    "服务对象满意度指标": ("服务对象满意度指标", "满意度"),
    CONTENT: (CONTENT, "指标内容", "年度指标值", "年度目标", "内容"),
    DONE: (DONE, "实际完成值", "实际完成情况", "完成值"),
    "项目执行中存在的问题": ("项目执行中存在的问题", "存在的问题", "存在问题", "问题"),
    "整改情况": ("整改情况", "整改措施", "改进措施"),
}

# Bracketed notes anywhere (（万元）, (A), （10分）, （B/A）, 【必填】) and the punctuation people
# put between words (其中：, 预算-合计, 实际支出/合计, 数量指标·完成情况).
_NOTES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
# A numbered heading: "1.项目年度目标完成情况", "一、", "(二)" (the brackets are gone by then).
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．]\s*(?=\D)")
_NOISE = re.compile(r"[\s:;,.、/\\|_\-—–·•*＊'\"“”‘’]+")


@functools.lru_cache(maxsize=8192)
def heading_key(text: str) -> str:
    """A heading as compared: NFKC (full width → half), no notes in brackets, no spaces or
    punctuation. "项目年度预算金额（万元）" and "项目年度预算金额" are the same key."""
    text = unicodedata.normalize("NFKC", text)
    previous = None
    while previous != text:  # nested notes: (B/A(%))
        previous, text = text, _NOTES.sub("", text)
    return _NOISE.sub("", _ENUMERATOR.sub("", text))


@functools.lru_cache(maxsize=256)
def _spellings(word: str) -> tuple[str, ...]:
    spellings = HEADING_SPELLINGS.get(word) or next(
        (v for k, v in HEADING_SPELLINGS.items() if heading_key(k) == heading_key(word)), (word,))
    # Longest first, so a flattened heading takes the fullest spelling it starts with.
    return tuple(sorted({heading_key(s) for s in spellings}, key=len, reverse=True))


@functools.lru_cache(maxsize=65536)
def heading_matches(text: str, word: str) -> bool:
    """A file's heading (any spelling, any notes) stands for ``word`` of a column's path."""
    key = heading_key(text)
    spellings = _spellings(word)
    if not key:
        return False
    if key in spellings:
        return True
    # "年初绩效目标（必填）" is the goal; "绩效目标整体完成情况" starts like it but is a heading of
    # its own, and a spelling of another heading is never taken for this one by its start.
    return key not in _exact_words() and any(len(s) >= 4 and key.startswith(s) for s in spellings)


@functools.lru_cache(maxsize=1)
def _exact_words() -> frozenset[str]:
    return frozenset(heading_key(s) for spellings in HEADING_SPELLINGS.values() for s in spellings)


_GOAL_GROUPS = frozenset(group for _, group in SUMMARY_CATEGORIES)
_OPTIONAL_LEVELS = frozenset({FISCAL, *_GOAL_GROUPS})


def path_matches(path: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """A file's heading path (top to bottom) fits a column's path.

    The 其中: 财政拨款 level and the 产出目标/效益目标 level may be absent (two-row headers); a
    heading with no breakdown under 预算金额 is its 合计; and a header flattened into one row
    ("预算合计", "实际支出一般公共预算", "数量指标年度指标内容") is its levels' words run together."""
    keys = tuple(heading_key(p) for p in path)
    if len(keys) == 1 and len(wanted) == 2 and wanted[1] == "合计" and keys[0] in _spellings(
            wanted[0]):
        return True
    return _levels_match(keys, wanted)


@functools.lru_cache(maxsize=65536)
def _levels_match(path: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    if not wanted:
        return not path
    word = wanted[0]
    if word in _OPTIONAL_LEVELS and _levels_match(path, wanted[1:]):
        return True
    if not path:
        return False
    head, rest = path[0], path[1:]
    if heading_matches(head, word) and _levels_match(rest, wanted[1:]):
        return True
    # A flattened heading: this level's spelling, then the next levels' words in the same cell.
    return any(head.startswith(spelling) and len(head) > len(spelling)
               and _levels_match((head[len(spelling):], *rest), wanted[1:])
               for spelling in _spellings(word))
