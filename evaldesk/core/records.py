"""The report and what it holds: projects, funding lines, indicators.

Plain dataclasses with Decimal money; no Qt, no file formats. Derived values (合计, 财政拨款,
执行率) are computed here and never stored twice: what a file *printed* for them is kept beside
(``total_entered``, ``rate_printed``) so that a finding can show both and nothing is lost.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from evaldesk.core.import_summary import ImportSummary

_uids = itertools.count(1)


def _next_uid() -> int:
    return next(_uids)


class Comparator(StrEnum):
    """指标性质: how an actual value is compared with its target."""

    GE = "≥"
    LE = "≤"
    EQ = "="
    QUALITATIVE = "定性"


_COMPARATOR_SPELLINGS: dict[str, Comparator] = {
    "≥": Comparator.GE, ">=": Comparator.GE, "＞＝": Comparator.GE, "≧": Comparator.GE,
    ">": Comparator.GE, "＞": Comparator.GE, "正向": Comparator.GE,
    "≤": Comparator.LE, "<=": Comparator.LE, "＜＝": Comparator.LE, "≦": Comparator.LE,
    "<": Comparator.LE, "＜": Comparator.LE, "反向": Comparator.LE,
    "=": Comparator.EQ, "＝": Comparator.EQ, "\ufe66": Comparator.EQ, "==": Comparator.EQ,
    # U+2550, a box-drawing double line: what some bureaus' software types for = (云南 永德).
    "\u2550": Comparator.EQ,
    "定性": Comparator.QUALITATIVE,
}


def parse_comparator(text: str | None) -> Comparator | None:
    """≥, >=, ＞＝, ≧, Sichuan's U+FE66 ``﹦`` and the box-drawing ``═`` all mean what a reviewer
    reads them as."""
    if text is None:
        return None
    key = re.sub(r"\s+", "", text)
    if not key:
        return None
    return _COMPARATOR_SPELLINGS.get(key)


@dataclass(frozen=True)
class Category:
    """An indicator category: 一级 (level1) and 二级 (level2) of the MoF indicator tree."""

    key: str
    level1: str
    level2: str


OUTPUT = "产出指标"
BENEFIT = "效益指标"
SATISFACTION = "满意度指标"
# The older four-part framework (宁夏, 湖北's counties) scores how a project was decided on and
# run beside what it produced: 项目决策 (目标, 立项 …) and 项目管理 (投入, 财务, 实施 …). Their rows
# are weighted and scored like indicators, with the reviewer's criteria in place of a target.
DECISION = "项目决策"
MANAGEMENT = "项目管理"
PROCESS_GROUPS = (DECISION, MANAGEMENT)

CATEGORIES: tuple[Category, ...] = (
    Category("quantity", OUTPUT, "数量指标"),
    Category("quality", OUTPUT, "质量指标"),
    Category("timeliness", OUTPUT, "时效指标"),
    Category("cost", OUTPUT, "成本指标"),
    Category("economic", BENEFIT, "经济效益指标"),
    Category("social", BENEFIT, "社会效益指标"),
    Category("ecological", BENEFIT, "生态效益指标"),
    Category("sustainable", BENEFIT, "可持续影响指标"),
    Category("satisfaction", SATISFACTION, "服务对象满意度指标"),
    # Last, so that the MoF categories keep their order (and the summary table its columns):
    # the framework's own 二级 (项目目标, 投入管理 …) vary by province and are not kept apart.
    Category("decision", DECISION, DECISION),
    Category("management", MANAGEMENT, MANAGEMENT),
)
CATEGORY_BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}
CATEGORY_BY_LEVEL2: dict[str, Category] = {c.level2: c for c in CATEGORIES}

NOT_APPLICABLE = "不适用"


@dataclass
class Indicator:
    """One performance indicator (三级指标) with its target and what was achieved."""

    category: str  # a key of CATEGORY_BY_KEY
    name: str = ""
    target: str = ""  # 年度指标值, as written ("20", "≥95%", "15个工作日内")
    comparator: Comparator | None = None
    unit: str = ""
    actual: str = ""  # 实际完成值 / 完成情况, as written
    weight: Decimal | None = None  # 分值 / 权重
    score: Decimal | None = None  # 得分 typed by hand or printed; None = computed by the profile
    reason: str = ""  # 偏差原因分析及改进措施
    applicable: bool = True

    @property
    def level1(self) -> str:
        return CATEGORY_BY_KEY[self.category].level1

    @property
    def level2(self) -> str:
        return CATEGORY_BY_KEY[self.category].level2

    @property
    def is_process(self) -> bool:
        """A 项目决策/项目管理 row: scored by the reviewer's criteria, not from target and actual."""
        return self.level1 in PROCESS_GROUPS


@dataclass
class Funds:
    """One side (budget or actual) of a project's money, in the report's unit.

    The three sources are what a clerk fills; 财政拨款 and 合计 are sums of them. ``*_entered`` hold
    a total that was typed or printed and differs from the sum (None: follow the sum).
    """

    general: Decimal | None = None  # 一般公共预算 (the per-project form's 本年财政拨款)
    fund: Decimal | None = None  # 政府性基金
    non_fiscal: Decimal | None = None  # 非财政资金 (the per-project form's 其他资金)
    total_entered: Decimal | None = None
    fiscal_entered: Decimal | None = None
    # 上年结转资金: a source only the per-project form (family B) has; part of 合计 when present.
    carryover: Decimal | None = None

    def parts(self) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
        return (self.general, self.fund, self.non_fiscal, self.carryover)

    @property
    def fiscal_computed(self) -> Decimal | None:
        return _sum_or_none(self.general, self.fund)

    @property
    def total_computed(self) -> Decimal | None:
        return _sum_or_none(self.general, self.fund, self.non_fiscal, self.carryover)

    @property
    def fiscal(self) -> Decimal | None:
        """财政拨款 as the form shows it: the entered figure if there is one, else the sum."""
        return self.fiscal_entered if self.fiscal_entered is not None else self.fiscal_computed

    @property
    def total(self) -> Decimal | None:
        """合计 as the form shows it: the entered figure if there is one, else the sum."""
        return self.total_entered if self.total_entered is not None else self.total_computed


def _sum_or_none(*values: Decimal | None) -> Decimal | None:
    # Every rate and check asks for these sums, thousands of times in a large report: a plain
    # loop, without building a list. Starting from 0 as sum() would keeps the digits the same.
    total = _ZERO
    present = False
    for value in values:
        if value is not None:
            total += value
            present = True
    return total if present else None


_ZERO = Decimal(0)


@dataclass
class FundLine:
    """A line of another's funds block that is neither its total nor one of the three sources,
    kept as printed so that a reviewer's checks can judge it line by line:

    * a block split by use (部门整体支出: 年度资金总额 = 基本支出 + 项目支出), where each line has
      its own 年初预算数 / 全年执行数 and often its own 分值 / 得分;
    * a fund of its own listed under the project's total (a transfer checklist: 年度预算资金总额 of
      奖励扶助资金, with 其中:中央补助 / 市级资金 / 本级资金 below it), named by ``block``.

    ``block`` is "" for a line of the project's own funds (their total is the project's), else the
    fund the line belongs to; ``total`` marks that fund's own total line.
    """

    label: str  # as printed, without 其中: or a closing colon
    block: str = ""
    total: bool = False
    initial: Decimal | None = None
    budget: Decimal | None = None
    actual: Decimal | None = None
    points: Decimal | None = None  # the line's printed 分值
    score: Decimal | None = None  # the line's printed 得分
    cell: str = ""  # where its label stands ("B6")

    @property
    def name(self) -> str:
        """The line in a field key and a message: 基本支出, 特别扶助资金/中央补助, and a fund's
        own total by the fund: 特别扶助资金."""
        if self.total:
            return self.block or self.label
        return f"{self.block}/{self.label}" if self.block else self.label


@dataclass(frozen=True)
class PreviousYear:
    """Last year's figures of a project, kept by a rollover so the clerk sees what moved."""

    year: int | None
    budget: Decimal | None
    actual: Decimal | None
    rate: Decimal | None


@dataclass
class ImportNote:
    """Something a reader could not do with certainty, kept on the project until a clerk acts."""

    code: str
    field: str
    message: str
    severity: str = "warning"


@dataclass
class Project:
    seq: str = ""  # 序号 as written ("1", "（一）")
    department: str = ""  # 部门名称
    name: str = ""  # 项目名称
    code: str = ""  # 项目编码 (some provinces)
    budget: Funds = field(default_factory=Funds)  # 项目年度预算金额
    actual: Funds = field(default_factory=Funds)  # 实际支出金额
    rate_printed: Decimal | None = None  # 预算支出执行率 as the file printed it (a fraction)
    # The per-project form (family B) only: 主管部门, 实施单位, 年初预算数 per source.
    authority: str = ""
    implementer: str = ""
    initial: Funds = field(default_factory=Funds)
    goal: str = ""  # 年初绩效目标
    completion: str = ""  # 绩效目标整体完成情况
    indicators: list[Indicator] = field(default_factory=list)
    problems: str = ""  # 项目执行中存在的问题
    rectification: str = ""  # 整改情况 / 改进措施
    conclusion: str = ""  # 评价结论 (Sichuan/Yunnan per-project forms)
    project_lead: str = ""  # 项目负责人
    finance_lead: str = ""  # 财务负责人
    total_score_printed: Decimal | None = None  # 总分 as a per-project sheet printed it
    # Another's per-project form only (ours prints the profile's figures): the funds row's
    # 分值/权重 and 得分, and the full marks printed beside 总分 (under 分值).
    execution_weight_printed: Decimal | None = None
    execution_score_printed: Decimal | None = None
    total_points_printed: Decimal | None = None
    funds_reason: str = ""  # the funds block's 原因 / 偏差原因 cell (Sichuan, Yunnan)
    # The headings a form printed, by field key ("budget" → "调整后预算数", "points" → "权重",
    # "indicators" → "绩效指标（90分）"): messages name what the clerk sees, and the layout tells
    # which province's rules the form follows.
    headings: dict[str, str] = field(default_factory=dict)
    grade_printed: str = ""  # 自评等级 as printed
    # Cells that held text where a number belongs: field key → the text, kept verbatim.
    bad_values: dict[str, str] = field(default_factory=dict)
    import_notes: list[ImportNote] = field(default_factory=list)
    # Another's funds block's lines that are no source (split by use, funds listed under the
    # total): judged line by line, never added into a source.
    fund_lines: list[FundLine] = field(default_factory=list)
    # Field keys still holding last year's figures after a rollover, until edited or confirmed.
    carried_over: set[str] = field(default_factory=set)
    previous: PreviousYear | None = None  # last year's totals, after a rollover
    # Identity for the views and the findings store; not part of a project's value.
    uid: int = field(default_factory=_next_uid, compare=False, repr=False)

    @property
    def rate(self) -> Decimal | None:
        """预算支出执行率 computed from the totals; None when there is no rate to speak of.

        Budget 0 (or none) gives no rate: with actual 0 it is "—", with actual > 0 a rule
        reports the error. Never a division by zero.
        """
        budget, actual = self.budget.total, self.actual.total
        if budget is None or actual is None or budget == 0:
            return None
        return actual / budget

    @property
    def rate_shown(self) -> Decimal | None:
        """The rate the form shows: the printed one when the file had it, else the computed."""
        return self.rate_printed if self.rate_printed is not None else self.rate

    def indicators_in(self, category: str) -> list[Indicator]:
        return [i for i in self.indicators if i.category == category]


@dataclass
class Report:
    """One table: a unit's projects for one budget year."""

    year: int | None = None
    title: str = ""
    unit: str = "万元"  # amounts are held in 万元; readers convert 元 exactly
    department: str = ""  # 部门名称(盖章) line
    fill_date: str = ""  # 填报日期
    preparer: str = ""  # 填表人
    phone: str = ""  # 联系电话
    head: str = ""  # 单位负责人
    projects: list[Project] = field(default_factory=list)
    # A merged district summary: a 小计 row under each department's run of projects.
    department_subtotals: bool = False
    # What a reader could not take from the file as a whole (columns it could not match); about
    # the source, not the report's content, so not part of its value.
    import_notes: list[ImportNote] = field(default_factory=list, compare=False)
    # How a file not in evaldesk's own layout was read (None for our own files and new reports).
    import_summary: ImportSummary | None = field(default=None, compare=False)
    # The scoring profile chosen for this report (a name; "" = none chosen: the form's layout
    # proposes one). Saved with the workbook so a Sichuan form saved here reopens under Sichuan's
    # rules; a setting of the report, not part of its content.
    profile: str = field(default="", compare=False)

    def default_title(self) -> str:
        unit = self.department or ""
        year = f"{self.year}年度" if self.year else ""
        return f"{year}{unit}预算项目绩效自评表"

    @property
    def shown_title(self) -> str:
        return self.title or self.default_title()

    def budget_total(self) -> Decimal:
        return sum((p.budget.total or Decimal(0) for p in self.projects), Decimal(0))

    def actual_total(self) -> Decimal:
        return sum((p.actual.total or Decimal(0) for p in self.projects), Decimal(0))

    def overall_rate(self) -> Decimal | None:
        return self.totals()[2]

    def totals(self) -> tuple[Decimal, Decimal, Decimal | None]:
        """(budget, actual, rate) of the whole report, each project summed once."""
        budget, actual = self.budget_total(), self.actual_total()
        return budget, actual, None if budget == 0 else actual / budget

    def project_by_uid(self, uid: int) -> Project | None:
        for project in self.projects:
            if project.uid == uid:
                return project
        return None


_YEAR = re.compile(r"(20\d\d|19\d\d)\s*年")


def year_from_title(title: str) -> int | None:
    match = _YEAR.search(title)
    return int(match.group(1)) if match else None
