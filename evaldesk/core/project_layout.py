"""THE per-project form (family B, 项目支出绩效自评表, MoF layout of 财预〔2020〕10号) as data.

The workbook writer draws it from here, the reader finds its blocks by the words defined here
(with the spellings other provinces use), and the printer lays it out from the same cells. No
other file spells out the form's rows, labels or column spans.

The form is eleven columns wide (A–K), sized so that it prints one page wide on A4 portrait:

* A holds the section labels (项目资金（万元）, 年度总体目标, 绩效指标) merged down their blocks;
* the indicator table uses B–K one column per field; the header, funds, goal and closing blocks
  span those same columns in wider merged cells.

Our form is the MoF one plus what Sichuan and Yunnan add (指标性质 and 度量单位 columns; 评价结论,
存在问题, 整改情况, 项目负责人 and 财务负责人 at the end) so that every field of a project has a
visible cell: a comparator or unit kept only in a hidden place would be lost the first time a
clerk edits the sheet in Excel.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from evaldesk.core.layout import heading_key
from evaldesk.core.records import (
    BENEFIT,
    DECISION,
    MANAGEMENT,
    NOT_APPLICABLE,
    OUTPUT,
    SATISFACTION,
    Funds,
    Project,
)
from evaldesk.core.scoring import DEFAULT_PROFILE, ProjectScore, ScoringProfile, score_project

TITLE = "项目支出绩效自评表"
YEAR_LINE = "（{year}年度）"
BLANK_YEAR_LINE = "（　　年度）"

# Excel character units per column; they add up to about the printable width of A4 portrait at
# 10 pt (the sheet is also set to fit one page wide, so a wider font only scales it a little).
COLUMN_WIDTHS: tuple[float, ...] = (9, 8, 9, 14, 5, 10, 6, 10, 6, 7, 16)
COLUMNS = len(COLUMN_WIDTHS)
LAST_COL = COLUMNS - 1

AMOUNT_FORMAT = "0.00"
RATE_FORMAT = "0.00%"
SCORE_FORMAT = "0.00"


@dataclass(frozen=True)
class Span:
    """A run of columns one (merged) cell covers, first..last inclusive."""

    first: int
    last: int

    @property
    def width(self) -> float:
        return sum(COLUMN_WIDTHS[self.first : self.last + 1])


@dataclass(frozen=True)
class LabelledField:
    """A label cell and the value cell beside it (项目名称 | the name)."""

    key: str  # a Project attribute
    label: str
    label_span: Span
    value_span: Span
    synonyms: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


# --- the header block ----------------------------------------------------------------------------

# A 部门整体支出 form evaluates the unit itself: its 部门(单位)名称 stands where 项目名称 would.
# A county's self-evaluation of a 中央对地方转移支付 names it 转移支付(项目)名称, its own (not the
# central) authority 地方主管部门 and itself 资金使用单位.
UNIT_NAME = "部门(单位)名称"  # a 部门整体 form's name: the unit it evaluates, also its 实施单位
NAME = LabelledField("name", "项目名称", Span(0, 1), Span(2, LAST_COL),
                     (UNIT_NAME, "专项资金名称", "转移支付(项目)名称"))
AUTHORITY = LabelledField("authority", "主管部门", Span(0, 1), Span(2, 5),
                          ("主管单位", "主管部门名称", "预算部门", "主管部门及代码", "地方主管部门",
                           # a county's own authority: 湖南 县级主管部门, 宁夏 市县主管部门 (not
                           # the 自治区主管部门 above it), 湖北 项目主管单位
                           "县级主管部门", "市县主管部门", "项目主管单位"))
IMPLEMENTER = LabelledField("implementer", "实施单位", Span(6, 7), Span(8, LAST_COL),
                            ("项目实施单位", "实施单位名称", "项目单位", "实施单位及代码", "资金使用单位"))
CODE = LabelledField("code", "项目编码", Span(0, 1), Span(2, LAST_COL),
                     ("项目代码", "项目编号"))
# Rows in order; a row holds one or two fields.
HEADER_ROWS: tuple[tuple[LabelledField, ...], ...] = ((NAME,), (AUTHORITY, IMPLEMENTER), (CODE,))

# --- the funds block -----------------------------------------------------------------------------

FUNDS_LABEL = "项目资金\n（万元）"
FUNDS_LABEL_WORDS = ("项目资金", "资金情况", "项目资金情况", "预算执行情况", "部门(单位)总体资金",
                     "部门总体资金", "资金来源")
FUNDS_ROW_LABEL_SPAN = Span(1, 2)


@dataclass(frozen=True)
class FundColumn:
    """One column of the funds block: a side of the money (年初/全年预算/执行) or the score."""

    key: str  # "initial" | "budget" | "actual" (Project attributes) | "points" | "rate" | "score"
    label: str
    span: Span
    synonyms: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


FUND_COLUMNS: tuple[FundColumn, ...] = (
    FundColumn("initial", "年初预算数", Span(3, 3), ("年初预算", "年初预算金额", "年初预算安排")),
    FundColumn("budget", "全年预算数", Span(4, 5),
               ("全年预算数(A)", "调整后预算数", "调整后预算", "全年预算", "预算数", "年度预算数",
                "调整预算数", "全年预算金额")),
    FundColumn("actual", "全年执行数", Span(6, 7),
               ("全年执行数(B)", "预算执行数", "全年实际执行数", "执行数", "实际执行数", "实际支出数",
                "全年实际支出数", "实际支出")),
    FundColumn("points", "分值", Span(8, 8), ("权重", "分值(10分)")),
    FundColumn("rate", "执行率", Span(9, 9), ("执行率(B/A)", "预算执行率")),
    FundColumn("score", "得分", Span(10, 10)),
)
FUND_COLUMN_BY_KEY = {c.key: c for c in FUND_COLUMNS}
MONEY_SIDES = ("initial", "budget", "actual")
# The rate under another name (the Hebei budget system: 预算执行进度(%)).
RATE_PROGRESS_WORDS = ("预算执行进度", "执行进度", "资金执行率")


@dataclass(frozen=True)
class FundRow:
    """One row of the funds block and the ``Funds`` attribute it is read into.

    ``shows`` is what our form writes: the row's figure as ``fields.get_value`` gives it for
    "<side>.<shows>"; ``part`` is where a figure read from a sheet goes. They differ for
    本年财政拨款, which shows 财政拨款 (一般公共预算 + 政府性基金) and is read into 一般公共预算:
    a per-project sheet does not split the two.
    """

    shows: str
    part: str  # "total" or a Funds source attribute
    label: str
    synonyms: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


TOTAL_ROW = FundRow("total", "total", "年度资金总额", ("资金总额", "合计", "总计", "项目资金总额", "总额",
                                                      "年度资金总额合计"))
FISCAL_ROW = FundRow("fiscal", "general", "其中：本年财政拨款",
                     # Hubei's only funds row is 年度财政资金总额: all of it 财政拨款.
                     ("本年财政拨款", "当年财政拨款", "财政拨款", "财政资金", "本级财政资金",
                      "年度财政资金总额", "财政资金总额",
                      "财政性资金",
                      # Split by level, not by kind (湖南 衡山 c02, 重庆, 宁夏): every level's
                      # money is 财政拨款; the levels are added into it, each said in a note.
                      "中央、省、市补助", "中央省市补助", "中央补助", "中央资金", "省级补助",
                      "省级资金", "自治区补助", "市级补助", "市级资金", "市县资金", "县级资金",
                      "县级补助", "本级资金",
                      # A county's 转移支付 form (四川 炉霍 d04): the central and the local share.
                      "中央财政资金", "地方资金"))
CARRYOVER_ROW = FundRow("carryover", "carryover", "上年结转资金",
                        ("上年结转", "结转资金", "上年结余结转资金"))
OTHER_ROW = FundRow("non_fiscal", "non_fiscal", "其他资金",
                    ("单位资金", "财政专户管理资金", "非财政资金", "自有资金", "其他来源资金", "其他"))
FUND_ROWS: tuple[FundRow, ...] = (TOTAL_ROW, FISCAL_ROW, CARRYOVER_ROW, OTHER_ROW)
# Rows that split the total by what it is spent on, not by where it comes from (部门整体支出绩效
# 自评表: 年度资金总额 / 基本支出 / 项目支出 / 其他): kept as lines of their own, never a source.
# In such a block 「其他」 is the other uses.
USE_ROW_WORDS = ("基本支出", "项目支出", "人员经费", "公用经费", "人员支出", "公用支出",
                 "基本支出人员经费", "基本支出公用经费")
OTHER_USE_WORDS = ("其他", "其他支出")
FUND_ROW_BY_SHOWS = {r.shows: r for r in FUND_ROWS}

# --- 年度总体目标 ----------------------------------------------------------------------------------

GOAL_LABEL = "年度总体\n目标"
GOAL_LABEL_WORDS = ("年度总体目标", "总体目标", "年度目标", "绩效目标", "项目年度目标")
# Here the label stands above its text and both cover ``value_span`` (column A holds 年度总体目标).
GOAL = LabelledField("goal", "预期目标", Span(1, 5), Span(1, 5),
                     ("年度预期目标", "年初绩效目标", "预期绩效目标", "项目年度目标", "年初设定目标",
                      "年度绩效目标", "年度目标"))
COMPLETION = LabelledField("completion", "实际完成情况", Span(6, LAST_COL), Span(6, LAST_COL),
                           ("绩效目标整体完成情况", "实际完成", "完成情况", "目标完成情况",
                            "年度目标完成情况", "年度总体目标完成情况", "年度总体目标完成情况综述",
                            "总体目标完成情况", "全年目标实际完成情况", "全年实际完成情况",
                            "具体完成情况"))

# --- the indicator table -------------------------------------------------------------------------
# A line break in a heading is where print should break it; readers compare folded words
# (``fold`` drops all white space), so "指标\n性质" is read as 指标性质 wherever it stands.

INDICATORS_LABEL = "绩效指标"


@dataclass(frozen=True)
class IndicatorColumn:
    key: str  # "level1" | "level2" | an Indicator attribute
    label: str
    col: int
    synonyms: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


INDICATOR_COLUMNS: tuple[IndicatorColumn, ...] = (
    IndicatorColumn("level1", "一级指标", 1),
    IndicatorColumn("level2", "二级指标", 2),
    IndicatorColumn("name", "三级指标", 3, ("指标名称", "具体指标", "三级指标名称")),
    IndicatorColumn("comparator", "指标\n性质", 4, ("指标方向", "性质", "运算符号", "符号")),
    IndicatorColumn("target", "年度指标值", 5, ("年度目标值", "指标值", "目标值", "年初目标值",
                                             "预期指标值", "计划值", "年初指标值")),
    IndicatorColumn("unit", "度量单位", 6, ("计量单位", "单位")),
    IndicatorColumn("actual", "实际完成值", 7, ("实际完成值(B)", "完成值", "实际完成情况", "实际值",
                                             "完成情况", "全年实际值", "全年完成值",
                                             "实际完成指标值", "年终完成值", "单项指标实际完成值",
                                             "全年实际完成值")),
    # The Hebei budget system splits 自评得分 into 单项指标得分 (out of 100) · 权重占比(%) ·
    # 单项指标折算得分: the share and the converted score are this form's 分值 and 得分.
    IndicatorColumn("weight", "分值", 8, ("权重", "指标分值", "权重(分值)", "参考分值", "权重占比")),
    IndicatorColumn("score", "得分", 9, ("自评得分", "实际得分", "自评分", "单项指标折算得分",
                                       "折算得分")),
    IndicatorColumn("reason", "偏差原因分析\n及改进措施", 10,
                    ("偏差原因分析及改进措施", "偏差原因分析", "偏差原因", "未完成原因分析",
                     "未完成原因和改进措施", "原因分析及改进措施", "未完成原因及拟采取的改进措施",
                     "偏差原因及改进措施", "未完成原因及改进措施", "未完成原因分析及改进措施",
                     "未完成原因", "原因", "备注")),
)
INDICATOR_COLUMN_BY_KEY = {c.key: c for c in INDICATOR_COLUMNS}
# Headings of indicator columns a reader recognises and does not keep (the Hebei system's
# 单项指标得分 out of 100 and its 完成/未完成 column, a checklist's 指标解释): they make a heading
# row what it is, and the import summary lists them as not imported.
INDICATOR_OTHER_HEADINGS = ("单项指标得分", "单项指标完成情况", "指标解释", "记录", "自评内容",
                            "需提供的支撑材料", "支撑材料")
# The central transfer-payment checklist (中央对地方转移支付 项目绩效自评表): 指标解释, a 记录 of
# 自评内容 / 完成情况 and the 支撑材料 to supply, no 分值 and no 得分 — a form that is not scored.
CHECKLIST_WORDS = ("指标解释", "自评内容", "需提供的支撑材料", "支撑材料")
# A line of its amounts ends with what it totals (「…资金合计(万元) 年度预算资金总额):」).
AMOUNT_TOTAL_WORDS = ("年度预算资金总额", "预算资金总额", "年度资金总额", "资金总额", "年度执行资金总额",
                      "执行资金总额")

# --- the closing block ---------------------------------------------------------------------------

TOTAL_LABEL = "总分"
TOTAL_LABEL_SPAN = Span(0, 7)
FULL_MARKS_COL = 8  # beside 总分: the full marks (100)
TOTAL_SCORE_COL = 9
GRADE_LABEL = "自评等级"
GRADE_SPAN = Span(8, LAST_COL)
TOTAL_WORDS = ("总分", "合计", "总计", "综合得分", "自评总分")
GRADE_WORDS = ("自评等级", "评价等级", "等级", "绩效等级", "自评结果")
# The free remark row some provinces close the table with (云南: 其他需要说明事项 | 无 | 总分 …):
# it ends the indicator table like 总分 does; nothing in it is an indicator.
REMARKS_WORDS = ("其他需要说明事项", "其他需要说明的事项", "其他需要说明的问题", "其他说明事项")

CONCLUSION = LabelledField("conclusion", "评价结论", Span(0, 1), Span(2, LAST_COL),
                           ("自评结论", "综合评价结论", "总体评价"))
PROBLEMS = LabelledField("problems", "存在问题", Span(0, 1), Span(2, LAST_COL),
                         ("存在的问题", "项目执行中存在的问题", "主要问题"))
RECTIFICATION = LabelledField("rectification", "整改情况", Span(0, 1), Span(2, LAST_COL),
                              ("改进措施", "整改措施", "整改情况及改进措施", "改进意见", "下一步改进措施"))
CLOSING_ROWS: tuple[LabelledField, ...] = (CONCLUSION, PROBLEMS, RECTIFICATION)
PROJECT_LEAD = LabelledField("project_lead", "项目负责人", Span(0, 1), Span(2, 4))
FINANCE_LEAD = LabelledField("finance_lead", "财务负责人", Span(5, 6), Span(7, LAST_COL))
SIGNATURE_ROW: tuple[LabelledField, ...] = (PROJECT_LEAD, FINANCE_LEAD)

# The self-evaluation's total printed in the form's head rather than in a 总分 row (宁夏 银川:
# 自评得分 | 98 beside 实施单位; 原州: 项目总得分 above the form; 广水: 「自评总分: 95」). Read
# only; our form prints 总分 at the end.
HEAD_TOTAL = LabelledField("total_score_printed", "自评总分", Span(0, 0), Span(0, 0),
                           ("自评得分", "项目总得分", "总得分", "自评总得分"))

# Every label that may stand left of a value: a value search stops at the next one.
LABELLED_FIELDS: tuple[LabelledField, ...] = (
    *(f for row in HEADER_ROWS for f in row), *CLOSING_ROWS, *SIGNATURE_ROW, HEAD_TOTAL,
)


# --- the row plan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowPlan:
    """Where each block of one project's sheet starts (0-based rows).

    Each position is worked out once per plan (a form asks for them a few hundred times)."""

    indicator_rows: int  # rows of the indicator table below its header

    title: int = 0
    year: int = 1
    header: int = 2  # first of len(HEADER_ROWS) rows

    @functools.cached_property
    def funds_header(self) -> int:
        return self.header + len(HEADER_ROWS)

    @functools.cached_property
    def fund_rows(self) -> int:
        return self.funds_header + 1  # first of len(FUND_ROWS) rows

    @functools.cached_property
    def goal_header(self) -> int:
        return self.fund_rows + len(FUND_ROWS)

    @functools.cached_property
    def goal_text(self) -> int:
        return self.goal_header + 1

    @functools.cached_property
    def indicator_header(self) -> int:
        return self.goal_text + 1

    @functools.cached_property
    def first_indicator(self) -> int:
        return self.indicator_header + 1

    @functools.cached_property
    def total(self) -> int:
        return self.first_indicator + self.indicator_rows

    @functools.cached_property
    def grade(self) -> int:
        return self.total + 1

    @functools.cached_property
    def closing(self) -> int:
        return self.grade + 1  # first of len(CLOSING_ROWS) rows

    @functools.cached_property
    def signature(self) -> int:
        return self.closing + len(CLOSING_ROWS)

    @functools.cached_property
    def last(self) -> int:
        return self.signature


def year_line(year: int | None) -> str:
    return YEAR_LINE.format(year=year) if year else BLANK_YEAR_LINE


_YEAR_IN_LINE = re.compile(r"(19|20)\d\d(?=\s*年)")


def year_from_line(text: str) -> int | None:
    match = _YEAR_IN_LINE.search(text)
    return int(match.group()) if match else None


_SPACES = re.compile(r"[\s\u3000]+")


def fold(text: str) -> str:
    """Words compared as a reader reads them: no spaces, full-width forms folded (（）：→ ():)."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def _key(word: str) -> str:
    return heading_key(word).removeprefix("其中")


@functools.lru_cache(maxsize=1024)
def _folded_words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_key(w) for w in words)


# A reader asks this of every cell for every field; sheets repeat their words, so it is cached.
@functools.lru_cache(maxsize=65536)
def label_matches(cell: str, words: tuple[str, ...]) -> bool:
    """A cell names a field, compared as the summary's headings are (``heading_key``): exactly,
    or as "其中:…", whatever its punctuation, spaces and bracketed notes ("全年预算数(A)",
    "项目资金（万元）", "预算执行情况（10分）", "年度资金总额:")."""
    text = _key(cell)
    return bool(text) and text in _folded_words(words)


# --- one project's form, cell by cell ----------------------------------------------------------------


class CellKind(StrEnum):
    """What a cell is, so a writer or printer can choose its look once per kind."""

    TITLE = "title"
    SUBTITLE = "subtitle"  # the （2021年度） line
    SECTION = "section"  # column A: 项目资金（万元）, 年度总体目标, 绩效指标 (bold, centred)
    HEADING = "heading"  # a column heading (bold, centred)
    LABEL = "label"  # a row label (年度资金总额, 项目名称 …), centred
    TEXT = "text"  # wrapped text, left
    CENTER = "center"  # short text, centred (指标性质, 度量单位, targets, grades, "—")
    AMOUNT = "amount"  # Decimal in 万元, two decimals
    RATE = "rate"  # Decimal fraction as a percentage
    SCORE = "score"  # Decimal points, two decimals
    POINTS = "points"  # a weight or full marks: Decimal points as written (10, 2.5)


class FormCell(NamedTuple):
    """One (possibly merged) cell of a project's form. A text where a number belongs (a bad
    value kept verbatim, "不适用", "—") is a ``str`` in a numeric kind.

    A named tuple rather than a frozen dataclass: a form has some 150 cells, made afresh for
    every per-project sheet written and every form printed, and a tuple is made in a third of
    the time."""

    row: int
    col: int
    last_row: int
    last_col: int
    value: str | Decimal | None
    kind: CellKind

    @property
    def width(self) -> float:
        return Span(self.col, self.last_col).width


@dataclass(frozen=True)
class IndicatorRow:
    """A row of the indicator table: an indicator (by index) or an empty row for a group the
    project has no indicator in, so that the printed form shows where one belongs."""

    level1: str
    level2: str  # "" for an empty group row
    index: int | None


NOT_SCORED = "—"  # 分值/执行率/得分 of the funds rows other than 年度资金总额, as the MoF form prints


def indicator_rows(project: Project) -> list[IndicatorRow]:
    """The project's indicators in their own order, with a row for each missing level-1 group
    slotted where the form's order puts it (项目决策/项目管理 rows, which only the older
    framework has, come first and are never added empty)."""
    groups = [DECISION, MANAGEMENT, OUTPUT, BENEFIT, SATISFACTION]
    present = {i.level1 for i in project.indicators}
    missing = [g for g in groups[2:] if g not in present]
    rows: list[IndicatorRow] = []
    for k, indicator in enumerate(project.indicators):
        order = groups.index(indicator.level1)
        while missing and groups.index(missing[0]) < order:
            rows.append(IndicatorRow(missing.pop(0), "", None))
        rows.append(IndicatorRow(indicator.level1, indicator.level2, k))
    rows.extend(IndicatorRow(g, "", None) for g in missing)
    return rows


def _runs(values: list[str]) -> list[tuple[int, int]]:
    """(first, last) of each run of equal neighbours."""
    runs: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(values) + 1):
        if k == len(values) or values[k] != values[start]:
            runs.append((start, k - 1))
            start = k
    return runs


def fund_value(project: Project, side: str, row: FundRow) -> Decimal | str | None:
    """What a funds cell shows: the figure, or the text that stood where the figure belongs."""
    bad = project.bad_values
    funds: Funds = getattr(project, side)
    if row.shows == "fiscal":
        if f"{side}.fiscal" in bad:
            return bad[f"{side}.fiscal"]
        if f"{side}.general" in bad and funds.fund is None:
            return bad[f"{side}.general"]
        return funds.fiscal
    key = f"{side}.{row.shows}"
    if key in bad:
        return bad[key]
    value: Decimal | None = funds.total if row.shows == "total" else getattr(funds, row.shows)
    return value


def indicator_key(index: int, part: str) -> str:
    """The key of an indicator's cell, as scoring findings and ``Project.bad_values`` use it."""
    return f"indicator:{index}.{part}"


def form_cells(project: Project, year: int | None,
               profile: ScoringProfile = DEFAULT_PROFILE) -> tuple[RowPlan, list[FormCell]]:
    """Every cell of ``project``'s form, filled: amounts as shown, 执行率 and scores computed by
    ``profile`` (the typed score where one was typed), 总分 and 自评等级 computed."""
    rows = indicator_rows(project)
    plan = RowPlan(indicator_rows=len(rows))
    score = score_project(project, profile)
    cells: list[FormCell] = []

    def put(row: int, span: Span, value: str | Decimal | None, kind: CellKind,
            last_row: int | None = None) -> None:
        cells.append(FormCell(row, span.first, row if last_row is None else last_row, span.last,
                              value, kind))

    everything = Span(0, LAST_COL)
    put(plan.title, everything, TITLE, CellKind.TITLE)
    put(plan.year, everything, year_line(year), CellKind.SUBTITLE)
    for offset, fields in enumerate(HEADER_ROWS):
        for item in fields:
            put(plan.header + offset, item.label_span, item.label, CellKind.LABEL)
            put(plan.header + offset, item.value_span, getattr(project, item.key), CellKind.TEXT)

    last_fund_row = plan.fund_rows + len(FUND_ROWS) - 1
    put(plan.funds_header, Span(0, 0), FUNDS_LABEL, CellKind.SECTION, last_fund_row)
    put(plan.funds_header, FUNDS_ROW_LABEL_SPAN, None, CellKind.HEADING)
    for column in FUND_COLUMNS:
        put(plan.funds_header, column.span, column.label, CellKind.HEADING)
    for offset, fund_row in enumerate(FUND_ROWS):
        row = plan.fund_rows + offset
        put(row, FUNDS_ROW_LABEL_SPAN, fund_row.label, CellKind.LABEL)
        for side in MONEY_SIDES:
            put(row, FUND_COLUMN_BY_KEY[side].span, fund_value(project, side, fund_row),
                CellKind.AMOUNT)
        scored = fund_row is TOTAL_ROW
        put(row, FUND_COLUMN_BY_KEY["points"].span,
            profile.execution_points if scored else NOT_SCORED, CellKind.POINTS)
        rate: Decimal | str | None = NOT_SCORED
        if scored:
            rate = project.bad_values.get("rate", project.rate_shown)
        put(row, FUND_COLUMN_BY_KEY["rate"].span, rate, CellKind.RATE)
        put(row, FUND_COLUMN_BY_KEY["score"].span, score.execution if scored else NOT_SCORED,
            CellKind.SCORE)

    put(plan.goal_header, Span(0, 0), GOAL_LABEL, CellKind.SECTION, plan.goal_text)
    for item in (GOAL, COMPLETION):
        put(plan.goal_header, item.label_span, item.label, CellKind.HEADING)
        put(plan.goal_text, item.value_span, getattr(project, item.key), CellKind.TEXT)

    put(plan.indicator_header, Span(0, 0), INDICATORS_LABEL, CellKind.SECTION, plan.total - 1)
    for heading in INDICATOR_COLUMNS:
        put(plan.indicator_header, Span(heading.col, heading.col), heading.label, CellKind.HEADING)
    first_row = plan.first_indicator
    level1_col, level2_col = INDICATOR_COLUMN_BY_KEY["level1"].col, INDICATOR_COLUMN_BY_KEY["level2"].col
    for start, end in _runs([r.level1 for r in rows]):
        put(first_row + start, Span(level1_col, level1_col), rows[start].level1, CellKind.LABEL,
            first_row + end)
    # A level-2 heading merges over its indicators, never across a level-1 boundary.
    keys = [f"{r.level1}/{r.level2}" if r.index is not None else f"#{k}" for k, r in enumerate(rows)]
    for start, end in _runs(keys):
        put(first_row + start, Span(level2_col, level2_col), rows[start].level2 or None,
            CellKind.LABEL, first_row + end)
    for offset, entry in enumerate(rows):
        _indicator_cells(put, first_row + offset, project, entry, score)

    put(plan.total, TOTAL_LABEL_SPAN, TOTAL_LABEL, CellKind.LABEL)
    put(plan.total, Span(FULL_MARKS_COL, FULL_MARKS_COL), profile.full_marks, CellKind.POINTS)
    put(plan.total, Span(TOTAL_SCORE_COL, TOTAL_SCORE_COL), score.total_capped, CellKind.SCORE)
    put(plan.total, Span(TOTAL_SCORE_COL + 1, LAST_COL), None, CellKind.TEXT)
    put(plan.grade, TOTAL_LABEL_SPAN, GRADE_LABEL, CellKind.LABEL)
    put(plan.grade, GRADE_SPAN, score.grade, CellKind.CENTER)
    for offset, item in enumerate(CLOSING_ROWS):
        put(plan.closing + offset, item.label_span, item.label, CellKind.LABEL)
        put(plan.closing + offset, item.value_span, getattr(project, item.key), CellKind.TEXT)
    for item in SIGNATURE_ROW:
        put(plan.signature, item.label_span, item.label, CellKind.LABEL)
        put(plan.signature, item.value_span, getattr(project, item.key), CellKind.CENTER)
    return plan, cells


def _indicator_cells(put: Callable[[int, Span, str | Decimal | None, CellKind], None], row: int,
                     project: Project, entry: IndicatorRow, score: ProjectScore) -> None:
    def at(key: str) -> Span:
        col = INDICATOR_COLUMN_BY_KEY[key].col
        return Span(col, col)

    if entry.index is None:
        for key in ("name", "comparator", "target", "unit", "actual", "weight", "score", "reason"):
            put(row, at(key), None, CellKind.TEXT)
        return
    indicator = project.indicators[entry.index]
    bad = project.bad_values
    put(row, at("name"), indicator.name, CellKind.TEXT)
    comparator = indicator.comparator.value if indicator.comparator is not None else ""
    put(row, at("comparator"), comparator, CellKind.CENTER)
    put(row, at("target"), indicator.target, CellKind.CENTER)
    put(row, at("unit"), indicator.unit, CellKind.CENTER)
    put(row, at("actual"), indicator.actual, CellKind.TEXT)
    put(row, at("weight"), bad.get(indicator_key(entry.index, "weight"), indicator.weight),
        CellKind.POINTS)
    shown: Decimal | str | None
    if not indicator.applicable:
        shown = NOT_APPLICABLE
    else:
        shown = bad.get(indicator_key(entry.index, "score"), score.indicators[entry.index].score)
    put(row, at("score"), shown, CellKind.SCORE)
    put(row, at("reason"), indicator.reason, CellKind.TEXT)
