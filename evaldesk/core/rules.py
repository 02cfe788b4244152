"""Validation: what a finance bureau's reviewer would send back, found as the clerk types.

Every finding has a stable code, a severity, the project and field it concerns and a message in
Chinese with the numbers in it. ``check_project`` looks at one project alone (cheap enough to run
on every keystroke); ``Checker`` keeps the findings of a whole report and re-checks one project at a
time, including the one rule that looks across projects (the same goal text on two projects).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import filterfalse

from evaldesk.core.layout import COLUMN_INDEX, SUMMARY_CATEGORIES, SUMMARY_COLUMNS
from evaldesk.core.money import AMOUNT_HALF_CENT, format_rate, half_unit
from evaldesk.core.records import (
    BENEFIT,
    CATEGORIES,
    CATEGORY_BY_KEY,
    OUTPUT,
    SATISFACTION,
    FundLine,
    Funds,
    Project,
    Report,
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    project_uid: int | None  # None: the report as a whole
    field: str  # a field key ("budget.total", "goal", …); "" for the project as a whole
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


# Stable codes: tools and the finance bureau's scripts may rely on them.
TOTAL_NOT_SUM = "TOTAL_NOT_SUM"
FISCAL_NOT_SUM = "FISCAL_NOT_SUM"
SOURCES_MISSING = "SOURCES_MISSING"
NEGATIVE_AMOUNT = "NEGATIVE_AMOUNT"
NOT_A_NUMBER = "NOT_A_NUMBER"
OVERSPENT = "OVERSPENT"
SPENT_WITHOUT_BUDGET = "SPENT_WITHOUT_BUDGET"
RATE_MISMATCH = "RATE_MISMATCH"
RATE_WITHOUT_BUDGET = "RATE_WITHOUT_BUDGET"
LOW_RATE_NO_REASON = "LOW_RATE_NO_REASON"
COMPLETION_VS_RATE = "COMPLETION_VS_RATE"
REQUIRED = "REQUIRED"
NO_OUTPUT_INDICATOR = "NO_OUTPUT_INDICATOR"
NO_BENEFIT_INDICATOR = "NO_BENEFIT_INDICATOR"
NO_SATISFACTION_INDICATOR = "NO_SATISFACTION_INDICATOR"
TEMPLATE_TEXT = "TEMPLATE_TEXT"
DUPLICATE_GOAL = "DUPLICATE_GOAL"
CARRIED_OVER = "CARRIED_OVER"
EMPTY_INDICATOR_PAIR = "EMPTY_INDICATOR_PAIR"
# The readers' note for indicator cells of a row that could not be placed with certainty.
IMPORT_UNPLACED = "IMPORT_UNPLACED"
BUDGET_ADJUSTED_NO_REASON = "BUDGET_ADJUSTED_NO_REASON"
COMPLETION_REPEATS_GOAL = "COMPLETION_REPEATS_GOAL"
GOAL_NOT_STATED = "GOAL_NOT_STATED"
GOAL_OTHER_YEAR = "GOAL_OTHER_YEAR"

LOW_RATE = Decimal("0.9")
RATE_HALF_UNIT = Decimal("0.00005")  # ±0.005 percentage points: a rate printed to 0.01 %
_ZERO = Decimal(0)

_HEADERS = {c.key: c.header.replace("其中: ", "") for c in SUMMARY_COLUMNS}
_PART_NAMES = {"general": "一般公共预算", "fund": "政府性基金", "non_fiscal": "非财政资金",
               "carryover": "上年结转资金", "total": "合计", "fiscal": "财政拨款"}
_SIDE_NAMES = {"budget": "预算", "actual": "实际支出", "initial": "年初预算数"}
# A bracketed note at the end of a printed heading: 全年预算数（A）, 执行率(B/A), 权重（10分）.
_HEADING_NOTE = re.compile(r"\s*[（(][^（()）]*[)）]\s*$")

# What people write in 问题 when there is nothing to say; it explains nothing.
_NO_REASON = frozenset({"", "无", "无。", "没有", "暂无", "/", "／", "-", "—", "--", "无问题", "不适用"})
_HUNDRED_PERCENT = re.compile(r"^\s*100(\.0+)?\s*[%％]\s*$")

# Instructions templates print in the cells (MoF and provincial forms): a request to the clerk
# (请填写…, 此处填写…), a word limit in brackets (（200字以内）), an instruction that opens with
# what to compare against and then says what to do (对照年度目标，说明…; 结合自评情况，对…进行
# 描述), placeholders (XXX, ×××). A clerk's own sentence says what happened ("对照年度目标，全部
# 完成", "请示报告按时报送", "已进行了分析"), and none of these match it.
# Each pattern behind the literal that every text it matches contains: a plain `in` test rules
# out nearly every text long before a regular expression would (this runs for every project on
# every full check). The openings (对照年度目标，说明… at the start of a cell) are tried only on
# texts that begin like one.
_TEMPLATE_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("请", re.compile(r"请(?:填写|填报|输入|根据|结合|对照|按照|简要|简述|说明|列明|描述|概述|注明|"
                     r"选择|如实|在此|逐项)")),
    ("填", re.compile(r"(?:此处|在此|须|需|应)(?:如实|认真|据实|逐项)?填(?:写|报)|填(?:写|报|表)说明"
                     r"|无(?:则|的)?(?:请)?填[“\"「『]?无")),
    ("字", re.compile(r"[（(][^（()）\n]{0,12}?[0-9０-９一二三四五六七八九十百千]+\s*字"
                     r"(?:以内|以下|左右|内)?\s*[)）]|字以内")),
    ("例", re.compile(r"[（(]\s*(?:示例|例|样例)\s*[)）]")),
    ("进行", re.compile(r"对[^。\n]{1,20}进行(?:简要|具体|详细)?(?:说明|描述|阐述|分析|总结)"
                      r"(?:[（(。]|$)", re.M)),
    ("XX", re.compile(r"XX(?![A-Za-z])")),
    ("ＸＸ", re.compile("ＸＸ")),
    ("××", re.compile("××")),
    ("＊＊", re.compile("＊＊")),
)
_TEMPLATE_OPENING = re.compile(
    r"\s*(?:(?:例|例如|示例)\s*[:：]"
    r"|(?:对照|结合|根据|按照|围绕)[^，。,；;\n]{1,20}[，,]\s*(?:简要|逐项|逐条|具体|如实|重点)?"
    r"(?:说明|描述|阐述|分析|填写|列明|概述|总结|列出)"
    r"|(?:简要|简述|详细|逐条|逐项)(?:说明|描述|阐述|概述|分析|列出|填写))")
_OPENINGS = ("\n例", "\n示例", "\n对照", "\n结合", "\n根据", "\n按照", "\n围绕", "\n简", "\n详细",
             "\n逐")
_project_texts = operator.attrgetter("name", "goal", "completion", "funds_reason", "problems",
                                     "rectification", "conclusion")
# An indicator's free text is its 偏差原因 (_check_template_text scans it): its name, target and
# actual are short values, where a template leaves placeholders (「指标1」, read as 不适用), not
# instructions. Scanning them too would double the time of a full check for nothing found.
_TEXT_FIELDS_FOR_TEMPLATE = ("name", "goal", "completion", "funds_reason", "problems",
                             "rectification", "conclusion")


_INDICATOR_PARTS = {"name": "三级指标", "target": "年度指标值", "actual": "实际完成值",
                    "weight": "分值", "score": "得分", "reason": "偏差原因分析及改进措施",
                    "unit": "度量单位", "comparator": "指标性质"}
_OTHER_LABELS = {"code": "项目编码", "authority": "主管部门", "implementer": "实施单位",
                 "conclusion": "评价结论", "project_lead": "项目负责人", "finance_lead": "财务负责人",
                 "initial.total": "年初预算数/合计", "budget.carryover": "全年预算数/上年结转资金",
                 "actual.carryover": "全年执行数/上年结转资金", "budget.fiscal": "预算/财政拨款",
                 "actual.fiscal": "实际支出/财政拨款"}


def states_a_reason(text: str) -> bool:
    """Whether a 问题 / 偏差原因 text explains anything («无», «/» and the like do not)."""
    return text.strip() not in _NO_REASON


def heading(project: Project | None, key: str, default: str) -> str:
    """What the project's own form printed for ``key`` (without its bracketed note), else
    ``default``: 调整后预算数 where a Sichuan form says so, 全年预算数 where the MoF form does."""
    if project is not None:
        printed = project.headings.get(key, "")
        plain = _HEADING_NOTE.sub("", " ".join(printed.split()))
        if plain:
            return plain
    return default


def side_name(project: Project | None, side: str) -> str:
    """A money column as the clerk's form calls it: 年初预算数, 调整后预算数, 预算执行数 …"""
    if side == "budget" and project is not None and "budget" not in project.headings \
            and "initial" in project.headings:
        side = "initial"  # 年初预算数（A） alone: the budget its rate is of
    return heading(project, side, _SIDE_NAMES[side])


def part_name(project: Project | None, part: str) -> str:
    """A fund row as the clerk's form calls it: 财政资金, 本年财政拨款, 总额 …"""
    return _ROW_PREFIX.sub("", heading(project, f"row.{part}", _PART_NAMES[part])).rstrip(":：")


# "其中：本年财政拨款" names 本年财政拨款; "年度资金总额：" names 年度资金总额.
_ROW_PREFIX = re.compile(r"^其中\s*[:：]?\s*")


# The figures of a funds line kept as printed (records.FundLine): funds.rows.<line>.<part>.
LINE_PREFIX = "funds.rows."
_LINE_SCORE_NAMES = {"points": "分值", "score": "得分"}
_FIELD_NAMES = {"rate": "执行率", "funds.weight": "分值", "funds.score": "得分",
                "funds_reason": "原因", "total_score": "总分"}


def field_label(key: str, project: Project | None = None) -> str:
    """The heading a clerk sees for a field key: "项目年度预算金额/合计", "年初绩效目标",
    "第 3 个指标/分值" (indicator fields of the per-project form are keyed by position).

    With ``project``, the headings its own form printed win ("调整后预算数/总额"). Never the key
    itself: a key the program does not know is described, not shown.
    """
    headings = project.headings if project is not None else None
    side, _, part = key.partition(".")
    if side in _SIDE_NAMES and part in _PART_NAMES and (headings or key not in _HEADERS):
        return f"{side_name(project, side)}/{part_name(project, part)}"
    if headings and key in ("goal", "completion", "problems", "rectification", "conclusion",
                            "total_score") and key in headings:
        return heading(project, key, key)
    if headings and key in ("rate", "funds_reason", "funds.weight", "funds.score"):
        column = {"rate": "rate", "funds_reason": "reason", "funds.weight": "points",
                  "funds.score": "score"}[key]
        return heading(project, column, _FIELD_NAMES[key])
    label = _HEADERS.get(key) or _OTHER_LABELS.get(key) or _FIELD_NAMES.get(key)
    if label:
        return label
    if key.startswith(LINE_PREFIX):
        name, _, part = key.removeprefix(LINE_PREFIX).rpartition(".")
        if name and part in _SIDE_NAMES:
            return f"{name}/{side_name(project, part)}"
        if name and part in _LINE_SCORE_NAMES:
            return f"{name}/{heading(project, part, _LINE_SCORE_NAMES[part])}"
    if key.startswith("indicator:"):
        index, _, part = key.removeprefix("indicator:").partition(".")
        if index.isdigit():
            name = heading(project, f"indicator.{part}", _INDICATOR_PARTS.get(part, "内容"))
            return f"第 {int(index) + 1} 个指标/{name}"
    return "整个项目" if not key else "其他内容"


def _num(value: Decimal | None) -> str:
    return "空" if value is None else f"{value:f}"


def _amount_tolerance(value: Decimal, cap: Decimal = AMOUNT_HALF_CENT) -> Decimal:
    """How far a printed amount may be from the unrounded one behind it.

    Zero is exact (nobody rounds a real amount to 0.00 in these tables). Otherwise half a unit of
    the last digit written, never more than half a cent of the unit the form prints in (``cap``:
    0.005 万元, or 0.005 元 for a form in 元).
    """
    if not value:
        return _ZERO
    return min(cap, half_unit(value))


# Half a cent of a 元, in 万元: what an amount a form printed in 元 (to the cent) may be off by.
YUAN_HALF_CENT = Decimal("0.0000005")


def amount_cap(project: Project) -> Decimal:
    """The widest rounding of the project's printed amounts. A form in 元 printed them to the
    cent of a 元: read into 万元 they lose their trailing zeros (250000.00 元 → 25 万元), and
    judged as if printed to 0.01 万元 they would accept rates the form could not have printed."""
    return YUAN_HALF_CENT if project.headings.get("unit") == "元" else AMOUNT_HALF_CENT


def rate_tolerance(printed: Decimal) -> Decimal:
    """Half a unit of the printed rate's last digit, never less than 0.005 percentage points:
    a form that prints "86%" is right for any rate that rounds to it (readers keep the digits as
    printed, so 86% is 0.86 and 86.20% is 0.8620)."""
    return max(RATE_HALF_UNIT, half_unit(printed))


def rate_is_consistent(printed: Decimal, actual: Decimal, budget: Decimal,
                       half: Decimal | None = None, cap: Decimal = AMOUNT_HALF_CENT) -> bool:
    """Could ``printed`` be the rate of amounts that print as ``actual`` / ``budget``?

    Rates are usually computed from unrounded amounts (in 元) and then printed; each printed
    amount stands for an interval ±half a unit, and the printed rate for ±``half`` (0.005
    percentage points for a rate printed to 0.01 %, 0.5 for "86%"). The printed rate is right when
    its interval meets the interval of quotients (domain.md).
    """
    low, high = rate_interval(actual, budget, cap)
    if half is None:
        half = rate_tolerance(printed)
    return printed + half >= low and printed - half <= high


def rate_interval(actual: Decimal, budget: Decimal,
                  cap: Decimal = AMOUNT_HALF_CENT) -> tuple[Decimal, Decimal]:
    """The lowest and highest rate that amounts printing as ``actual`` / ``budget`` can have
    (``cap``: see amount_cap)."""
    tol_a, tol_b = _amount_tolerance(actual, cap), _amount_tolerance(budget, cap)
    low_budget = budget - tol_b
    if low_budget <= 0:
        return _ZERO, Decimal("Infinity")  # a budget of a cent or less: any rate can be printed
    return (actual - tol_a) / (budget + tol_b), (actual + tol_a) / low_budget


def format_printed_rate(printed: Decimal) -> str:
    """A printed rate with the digits the form printed: 86%, 86.20%, 98.13%."""
    return f"{printed.scaleb(2):f}%"


def _sum_is_consistent(total: Decimal, parts: Iterable[Decimal | None]) -> bool:
    """A printed total equals the sum of printed parts up to their rounding.

    Each nonzero figure may be off by half a cent, so the gap must be *strictly* less than the
    sum of those halves: with one nonzero part the two must be equal (the same amount rounded the
    same way), with two or three a 0.01 gap can be honest rounding.
    """
    gap = total
    slack = _amount_tolerance(total)
    for part in parts:
        if part is not None:
            gap -= part
            slack += _amount_tolerance(part)
    return abs(gap) < slack if slack else gap == 0


def judged_total(funds: Funds) -> Decimal | None:
    """The total a reviewer divides by: the one the form shows, except a 0 printed beside
    sources that are filled in (a total row never filled; TOTAL_NOT_SUM says so), where the
    sources are the evidence."""
    return _shown_total(funds)


def _shown_total(funds: Funds) -> Decimal | None:
    # Funds.total, inlined: this runs for every project on every full check.
    entered = funds.total_entered
    if entered is not None and (entered or not (funds.general or funds.fund or funds.non_fiscal
                                                or funds.carryover)):
        return entered
    general, fund, non_fiscal = funds.general, funds.fund, funds.non_fiscal
    if funds.carryover is not None:
        return funds.total_computed
    if general is None and fund is None and non_fiscal is None:
        return None
    return (general or _ZERO) + (fund or _ZERO) + (non_fiscal or _ZERO)


def _check_funds(found: list[Finding], project: Project, side: str, funds: Funds) -> None:
    uid = project.uid
    general, fund, non_fiscal, carryover = funds.general, funds.fund, funds.non_fiscal, \
        funds.carryover
    if (general is not None and general < 0) or (fund is not None and fund < 0) or (
            non_fiscal is not None and non_fiscal < 0) or (carryover is not None and carryover < 0):
        for part, value in (("general", general), ("fund", fund), ("non_fiscal", non_fiscal),
                            ("carryover", carryover)):
            if value is not None and value < 0:
                found.append(Finding(NEGATIVE_AMOUNT, Severity.ERROR, uid, f"{side}.{part}",
                                     f"{_money(project, side, part)} {_num(value)} 为负数"))
    entered = funds.total_entered
    if entered is not None:
        if general is None and fund is None and non_fiscal is None and carryover is None:
            if _total_row_only(project) or (side != "budget" and "sources" in project.headings):
                return  # nowhere on the form to split it (宁夏 银川: 年度资金总额 alone)
            if any(not line.block for line in project.fund_lines):
                # A block split by use (基本支出 / 项目支出) breaks the total down its own way:
                # its lines are added up instead (_check_fund_lines), no source split is asked.
                return
            found.append(Finding(SOURCES_MISSING, Severity.WARNING, uid, f"{side}.general",
                                 f"{_money(project, side, 'total')} {_num(entered)} 未按资金来源"
                                 "（一般公共预算、政府性基金、非财政资金）分列"))
        elif not _sum_is_consistent(entered, (general, fund, non_fiscal, carryover)):
            # A per-project form names the rows it printed; the summary all three sources.
            parts = " + ".join(f"{part_name(project, part)} {_num(value)}" for part, value in (
                ("general", general), ("fund", fund), ("non_fiscal", non_fiscal),
                ("carryover", carryover)) if value is not None or (
                    part != "carryover" and not project.headings))
            found.append(Finding(TOTAL_NOT_SUM, Severity.ERROR, uid, f"{side}.total",
                                 f"{_money(project, side, 'total')} {_num(entered)} ≠ {parts}"
                                 f"（应为 {_num(funds.total_computed)}）"))
    fiscal = funds.fiscal_entered
    if fiscal is not None and (general is not None or fund is not None) \
            and not _sum_is_consistent(fiscal, (general, fund)):
        found.append(Finding(FISCAL_NOT_SUM, Severity.ERROR, uid, f"{side}.fiscal",
                             f"{_money(project, side, 'fiscal')} {_num(fiscal)} ≠ "
                             f"{part_name(project, 'general')} {_num(general)} + "
                             f"{part_name(project, 'fund')} {_num(fund)}"))


def _total_row_only(project: Project) -> bool:
    """Another's per-project form whose funds block printed a total row and no source rows."""
    rows = [key for key in project.headings if key.startswith(("row.", "rows."))]
    return bool(rows) and all(key.endswith(".total") for key in rows)


def line_key(line: FundLine, part: str) -> str:
    """The field key of a figure on a funds line: funds.rows.基本支出.actual."""
    return f"{LINE_PREFIX}{line.name}.{part}"


def _line_sides(project: Project) -> tuple[str, ...]:
    # A form with 年初预算数 alone has its lines' budget copied from it: judged once.
    if "initial" in project.headings and "budget" in project.headings:
        return ("initial", "budget", "actual")
    return ("budget", "actual")


def _check_fund_lines(found: list[Finding], project: Project) -> None:
    """Lines kept as printed: each block's total is the sum of its lines, and no line spends
    more than it was given (its own 执行数 against its own 预算数)."""
    blocks: dict[str, list[FundLine]] = {}
    for line in project.fund_lines:
        blocks.setdefault(line.block, []).append(line)
    uid = project.uid
    for block, lines in blocks.items():
        parts = [line for line in lines if not line.total]
        own = next((line for line in lines if line.total), None)
        for side in _line_sides(project):
            figures = [getattr(line, side) for line in parts]
            if not parts or all(f is None for f in figures):
                continue
            if block:
                if own is None or getattr(own, side) is None:
                    continue
                total, field, name = getattr(own, side), line_key(own, side), \
                    f"{block}：{own.label}"
            else:
                funds: Funds = getattr(project, side)
                total = _shown_total(funds)
                if total is None or any(p is not None for p in funds.parts()):
                    # Lines beside source rows are a second breakdown, not the whole of it.
                    continue
                field, name = f"{side}.total", _money(project, side, "total")
            if _sum_is_consistent(total, figures):
                continue
            added = sum((f for f in figures if f is not None), _ZERO)
            listed = " + ".join(f"{line.label} {_num(getattr(line, side))}" for line in parts
                                if getattr(line, side) is not None)
            found.append(Finding(TOTAL_NOT_SUM, Severity.ERROR, uid, field,
                                 f"{name} {_num(total)} ≠ {listed}（应为 {_num(added)}）"))
        budget_name = side_name(project, "budget")
        for line in lines:
            spent, planned = line.actual, line.budget
            if spent is not None and planned is not None and spent > 0 and spent > planned:
                found.append(Finding(OVERSPENT, Severity.ERROR, uid, line_key(line, "actual"),
                                     f"{line.name}的{side_name(project, 'actual')} {_num(spent)} "
                                     f"超过{budget_name} {_num(planned)}"))
    _check_fund_totals(found, project)


def _check_fund_totals(found: list[Finding], project: Project) -> None:
    """Funds listed under the project's total, each with a total of its own (a checklist's
    奖励扶助资金 763.00 and 特别扶助资金 321.25 under 合计 1084.25): together they are the total."""
    owns = [line for line in project.fund_lines if line.total and line.block]
    for side in _line_sides(project):
        figures = [getattr(line, side) for line in owns]
        total = _shown_total(getattr(project, side))
        if total is None or sum(1 for f in figures if f is not None) < 2 \
                or _sum_is_consistent(total, figures):
            continue
        listed = " + ".join(f"{line.block} {_num(getattr(line, side))}" for line in owns
                            if getattr(line, side) is not None)
        added = sum((f for f in figures if f is not None), _ZERO)
        found.append(Finding(TOTAL_NOT_SUM, Severity.ERROR, project.uid, f"{side}.total",
                             f"{_money(project, side, 'total')} {_num(total)} ≠ {listed}"
                             f"（应为 {_num(added)}）"))
    _check_fund_columns(found, project)


def _check_fund_columns(found: list[Finding], project: Project) -> None:
    """Each source of the project's own lines is the sum of the same source across the funds
    listed under it (a checklist's 市级资金 343.00 against 奖励扶助 208.00 + 特别扶助 136.00): the
    blocks are checked down, this checks across."""
    own = [line for line in project.fund_lines if not line.block and not line.total]
    listed = [line for line in project.fund_lines if line.block and not line.total]
    if not own or not listed:
        return
    for line in own:
        same = [other for other in listed if other.label == line.label]
        for side in _line_sides(project):
            total = getattr(line, side)
            figures = [getattr(other, side) for other in same]
            if total is None or sum(1 for f in figures if f is not None) < 2 \
                    or _sum_is_consistent(total, figures):
                continue
            parts = " + ".join(f"{other.block} {_num(getattr(other, side))}" for other in same
                               if getattr(other, side) is not None)
            added = sum((f for f in figures if f is not None), _ZERO)
            found.append(Finding(TOTAL_NOT_SUM, Severity.ERROR, project.uid, line_key(line, side),
                                 f"{line.label} {_num(total)} ≠ {parts}（应为 {_num(added)}）"))


def _money(project: Project, side: str, part: str) -> str:
    """One figure of the funds by the form's own words: 预算合计 on the summary table,
    全年预算数（年度资金总额） on a per-project form."""
    if project.headings:
        column, row = side_name(project, side), part_name(project, part)
        # A form that spells the column 合计 (广水: 合计（万元）) needs it said once.
        return column if column == row else f"{column}（{row}）"
    return f"{_SIDE_NAMES[side]}{_PART_NAMES[part]}"


def _money_name(project: Project, side: str) -> str:
    """The money column as a whole: the summary's heading, or the per-project form's own."""
    if project.headings:
        return side_name(project, side)
    return {"budget": "项目年度预算金额", "actual": "实际支出金额"}[side]


def _check_rate(found: list[Finding], project: Project) -> None:
    uid = project.uid
    budget, actual = project.budget, project.actual
    budget_total, actual_total = _shown_total(budget), _shown_total(actual)
    if budget_total is None:
        if "budget.total" not in project.bad_values and not any(
                k.startswith("budget.") for k in project.bad_values):
            found.append(Finding(REQUIRED, Severity.ERROR, uid, "budget.total",
                                 f"未填{_money_name(project, 'budget')}"))
        return
    if actual_total is None:
        if not any(k.startswith("actual.") for k in project.bad_values):
            found.append(Finding(REQUIRED, Severity.ERROR, uid, "actual.total",
                                 f"未填{_money_name(project, 'actual')}"))
        return
    if budget_total == 0:
        if actual_total > 0:
            found.append(Finding(SPENT_WITHOUT_BUDGET, Severity.ERROR, uid, "actual.total",
                                 f"{side_name(project, 'budget')}为 0，"
                                 f"{side_name(project, 'actual')}却有 {_num(actual_total)}，"
                                 "执行率无从计算"))
        elif project.rate_printed:
            found.append(Finding(RATE_WITHOUT_BUDGET, Severity.ERROR, uid, "rate",
                                 f"{side_name(project, 'budget')}与{side_name(project, 'actual')}"
                                 "均为 0，执行率应为「—」，表中为 "
                                 f"{format_printed_rate(project.rate_printed)}"))
        return
    overspent = actual_total > budget_total
    for spent, planned in ((actual.general, budget.general), (actual.fund, budget.fund),
                           (actual.non_fiscal, budget.non_fiscal)):
        if spent is not None and planned is not None and spent > planned:
            overspent = True
    if overspent or actual.carryover is not None or budget.general is None \
            or budget.fund is None or budget.non_fiscal is None:
        _check_overspent(found, project, actual_total, budget_total)
    _check_rate_figures(found, project, actual_total, budget_total)


def _check_overspent(found: list[Finding], project: Project, actual_total: Decimal,
                     budget_total: Decimal) -> None:
    actual, budget = project.actual, project.budget
    for part, spent, planned in (
        ("general", actual.general, budget.general),
        ("fund", actual.fund, budget.fund),
        ("non_fiscal", actual.non_fiscal, budget.non_fiscal),
        ("carryover", actual.carryover, budget.carryover),
        ("total", actual_total, budget_total),
    ):
        if spent is not None and spent > 0 and spent > (planned or _ZERO):
            found.append(Finding(OVERSPENT, Severity.ERROR, project.uid, f"actual.{part}",
                                 f"{_money(project, 'actual', part)} {_num(spent)} 超过"
                                 f"{_money(project, 'budget', part)} {_num(planned)}"))


def _has_reason(text: str) -> bool:
    """Words that explain something: not 无, not the form's printed note, not its template's
    instructions left in the cell."""
    return text.strip() not in _NO_REASON and not _PRINTED_NOTE.search(text) \
        and not is_template_text(text)


# The note Sichuan's system prints in the funds block's 原因 cell of every form ("1.预算执行率=预算
# 执行数/调整后预算数…3.其他资金包括:社会投入资金、银行贷款"): the form's, not a reason.
_PRINTED_NOTE = re.compile(r"预算执行率\s*[=＝]|其他资金包括")


def _reason_place(project: Project) -> str:
    """Where a form asks for the reason behind its figures: the funds block's 原因 column where
    it has one (Sichuan), else 项目执行中存在的问题 (or the form's own word for it)."""
    headings = project.headings
    if "reason" in headings:
        return heading(project, "reason", "原因")
    if headings and "problems" not in headings and "indicator.reason" in headings:
        # A form with neither (Hebei's, the older MoF one): its indicators' 偏差原因 column.
        return heading(project, "indicator.reason", "偏差原因分析及改进措施")
    return heading(project, "problems", "项目执行中存在的问题")


def _low_rate_explained(project: Project) -> bool:
    if _has_reason(project.problems) or _has_reason(project.funds_reason):
        return True
    # A form with no 问题 field and no 原因 column (Hebei's MoF form): the reviewer reads the
    # indicators' 偏差原因, where such a form puts it.
    headings = project.headings
    return bool(headings) and "problems" not in headings and "reason" not in headings and any(
        _has_reason(i.reason) and not i.reason.strip().isdigit() for i in project.indicators)


def _reason_field(project: Project) -> str:
    """The field a low rate's finding stands on: the cell where its reason goes, or the rate
    itself where the form has no one place for it."""
    headings = project.headings
    if "reason" in headings:
        return "funds_reason"
    if headings and "problems" not in headings:
        return "rate"
    return "problems"


def _check_rate_figures(found: list[Finding], project: Project, actual_total: Decimal,
                        budget_total: Decimal) -> None:
    uid = project.uid
    rate = actual_total / budget_total
    printed = project.rate_printed
    # Nearly every printed rate is within 0.005 points of the amounts' rate: only the others ask
    # what precision the form printed it to.
    if printed is not None and abs(rate - printed) > RATE_HALF_UNIT:
        half = rate_tolerance(printed)
        if abs(rate - printed) > half and not rate_is_consistent(
                printed, actual_total, budget_total, half, amount_cap(project)):
            found.append(Finding(RATE_MISMATCH, Severity.ERROR, uid, "rate",
                                 f"{heading(project, 'rate', '执行率')} "
                                 f"{format_printed_rate(printed)} ≠ "
                                 f"{side_name(project, 'actual')} {_num(actual_total)} ÷ "
                                 f"{side_name(project, 'budget')} {_num(budget_total)} = "
                                 f"{format_rate(rate)}"))
    if rate < LOW_RATE:
        if not _low_rate_explained(project):
            found.append(Finding(LOW_RATE_NO_REASON, Severity.WARNING, uid, _reason_field(project),
                                 f"执行率 {format_rate(rate)} 低于 90%，须在「{_reason_place(project)}」"
                                 "中说明原因（不能为空或「无」）"))
        if _HUNDRED_PERCENT.match(project.completion):
            found.append(Finding(COMPLETION_VS_RATE, Severity.WARNING, uid, "completion",
                                 f"执行率只有 {format_rate(rate)}，"
                                 f"{heading(project, 'completion', '绩效目标整体完成情况')}却为 "
                                 f"{project.completion.strip()}，请核实"))


_NO_FUNDS = Funds()


def _check_adjusted_budget(found: list[Finding], project: Project) -> None:
    """年初预算 changed during the year (调整后/全年预算 differs) must be explained."""
    if project.initial == _NO_FUNDS:  # the summary table has no 年初预算: nearly every row
        return
    initial, budget = _shown_total(project.initial), _shown_total(project.budget)
    if initial is None or budget is None or initial == budget:
        return
    if _has_reason(project.funds_reason) or _has_reason(project.problems):
        return
    # On the adjusted figure, where a reviewer's eye stops; the message says where the reason goes.
    found.append(Finding(
        BUDGET_ADJUSTED_NO_REASON, Severity.WARNING, project.uid, "budget.total",
        f"{side_name(project, 'initial')} {_num(initial)} 与{side_name(project, 'budget')} "
        f"{_num(budget)} 不同（年中调整了预算），须在「{_reason_place(project)}」中说明调整原因"))


# Each 一级指标 group as a bit: a project's groups are one integer, not a set built per check.
_GROUP_BITS = {OUTPUT: 1, BENEFIT: 2, SATISFACTION: 4}
# 项目决策/项目管理 rows are none of the three groups a project must have.
_CATEGORY_BIT = {c.key: _GROUP_BITS.get(c.level1, 0) for c in CATEGORIES}
_ALL_GROUPS = 7


def _check_indicators(found: list[Finding], project: Project, skip: frozenset[str]) -> None:
    uid = project.uid
    present = 0
    for indicator in project.indicators:
        if indicator.applicable and (indicator.name or indicator.actual):
            present |= _CATEGORY_BIT[indicator.category]
    if present == _ALL_GROUPS:
        return
    if not present & _GROUP_BITS[OUTPUT]:
        found.append(Finding(NO_OUTPUT_INDICATOR, Severity.ERROR, uid, "ind.quantity.content",
                             "至少要有一个产出指标（数量、质量、时效或成本）"))
    if not present & _GROUP_BITS[BENEFIT]:
        found.append(Finding(NO_BENEFIT_INDICATOR, Severity.ERROR, uid, "ind.social.content",
                             "至少要有一个效益指标（经济、社会、生态效益或可持续影响）"))
    if not present & _GROUP_BITS[SATISFACTION] and NO_SATISFACTION_INDICATOR not in skip:
        found.append(Finding(NO_SATISFACTION_INDICATOR, Severity.ERROR, uid,
                             "ind.satisfaction.content", "缺少服务对象满意度指标"))


_SUMMARY_CATEGORY_KEYS = tuple(key for key, _ in SUMMARY_CATEGORIES)
_SUMMARY_CATEGORY_SET = frozenset(_SUMMARY_CATEGORY_KEYS)
_category_of = operator.attrgetter("category")
_applicable_of = operator.attrgetter("applicable")


def _check_empty_pairs(found: list[Finding], project: Project) -> None:
    """A summary row that writes 「不适用」 in its unused categories and leaves another category's
    two cells blank has not been finished (the table has a pair for every category).

    Only a row that uses the convention is asked: one with no 不适用 may simply list what it
    has. Never another's per-project form (it printed its own headings and lists only the rows
    it uses), nor a row whose cells could not be placed (IMPORT_UNPLACED says so already)."""
    if project.headings or not project.indicators:
        return
    # Sets built at C speed, and the common row (every pair has something) leaves first: this
    # runs for every project on every full check.
    used = set(map(_category_of, project.indicators))
    if used.issuperset(_SUMMARY_CATEGORY_KEYS):
        return
    if _SUMMARY_CATEGORY_SET.isdisjoint(
            map(_category_of, filterfalse(_applicable_of, project.indicators))):
        return
    if any(note.code == IMPORT_UNPLACED for note in project.import_notes):
        return
    for key in _SUMMARY_CATEGORY_KEYS:
        if key not in used:
            level2 = CATEGORY_BY_KEY[key].level2
            found.append(Finding(EMPTY_INDICATOR_PAIR, Severity.WARNING, project.uid,
                                 f"ind.{key}.content",
                                 f"「{level2}」的年度指标内容和完成情况都是空的："
                                 "该类指标不适用时请填「不适用」"))


def template_fields(project: Project) -> Iterator[tuple[str, str]]:
    """Every text a clerk writes in, by field key: the project's and each indicator's reason."""
    for key in _TEXT_FIELDS_FOR_TEMPLATE:
        yield key, getattr(project, key)
    for k, indicator in enumerate(project.indicators):
        yield f"indicator:{k}.reason", indicator.reason


def is_template_text(text: str) -> bool:
    """Instructions a template printed for the clerk, not something the clerk wrote."""
    text = text.strip()
    joined = "\n" + text
    return _ANY_CLUE.search(joined) is not None and _has_template_text([text], joined)


# Any clue at all, in one pass of the engine over the joined texts (it skips ahead to the
# characters the clues begin with): most projects stop here.
_ANY_CLUE = re.compile(
    "请[填输根结对按简说列描概注选如在逐]|填|字(?:以内|以下|左右|内)|字\\s*[)）]|例\\s*[)）]"
    "|进行(?:简要|具体|详细)?(?:说明|描述|阐述|分析|总结)|XX|ＸＸ|××|＊＊"
    "|\n(?:示例|例如|例\\s*[:：]|对照|结合|根据|按照|围绕|简要|简述|详细|逐条|逐项)")


def _has_template_text(texts: list[str], joined: str | None = None) -> bool:
    if joined is None:
        joined = "\n" + "\n".join(texts)
        if _ANY_CLUE.search(joined) is None:
            return False
    for clue, pattern in _TEMPLATE_PARTS:
        if clue in joined and pattern.search(joined) is not None:
            return True
    return any(opening in joined for opening in _OPENINGS) and any(
        _TEMPLATE_OPENING.match(text) is not None for text in texts
        if text[:1] in _OPENING_CHARS)


_OPENING_CHARS = frozenset("例示对结根按围简详逐")


def _check_template_text(found: list[Finding], project: Project) -> None:
    # Gathered at C speed (attrgetter, join), the indicators' reasons only where there are any
    # (a summary row has none): this runs for every project on every full check.
    joined = "\n" + "\n".join(_project_texts(project))
    reasons = [i.reason for i in project.indicators if i.reason]
    if reasons:
        joined += "\n" + "\n".join(reasons)
    if _ANY_CLUE.search(joined) is None:
        return
    if not _has_template_text(joined.split("\n")[1:], joined):
        return
    for key, value in template_fields(project):
        # The note Sichuan prints in 原因 on every form is the form's, not a cell left unfilled.
        if value and is_template_text(value) and not _PRINTED_NOTE.search(value):
            found.append(Finding(TEMPLATE_TEXT, Severity.WARNING, project.uid, key,
                                 f"「{field_label(key, project)}」中还留着模板的说明文字"
                                 f"「{_excerpt(value)}」，请替换为实际内容"))


def _excerpt(text: str, length: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"


_NOT_WORD = re.compile(r"[\W_]+")


_FIGURE = re.compile(r"[\d.,，。%％万元]+")


def _check_goal_stated(found: list[Finding], project: Project) -> None:
    """A goal that is only a figure (河北 廊坊: 预期目标 「43.2」) or only the project's name (云南
    丽江, 山西 稷山) states no goal: a reviewer asks for it in words."""
    goal = project.goal.strip()
    # A goal longer than the name is neither: most projects leave here.
    if not goal or (len(goal) > len(project.name) + 2 and len(goal) > 12):
        return
    words = _NOT_WORD.sub("", goal)
    if not words:
        return
    if _FIGURE.fullmatch(goal):
        what = "一个数字"
    elif words in _NOT_WORD.sub("", project.name):
        what = "项目名称"
    else:
        return
    found.append(Finding(
        GOAL_NOT_STATED, Severity.WARNING, project.uid, "goal",
        f"「{heading(project, 'goal', '年初绩效目标')}」只写了{what}（「{_excerpt(goal)}」），"
        "没有写明要达到的目标：请写明做什么、做多少、达到什么效果"))


_GOAL_YEAR = re.compile(r"(20\d\d)\s*年")


def _check_goal_year(found: list[Finding], project: Project, year: int) -> None:
    """A goal that names only years before the report's (四川 大英 a09: a 2023 form whose goal
    plans 「2022年…」) is most likely last year's goal carried over unchanged."""
    years = {int(y) for y in _GOAL_YEAR.findall(project.goal)}
    if years and max(years) < year:
        named = "、".join(str(y) for y in sorted(years))
        found.append(Finding(
            GOAL_OTHER_YEAR, Severity.WARNING, project.uid, "goal",
            f"「{heading(project, 'goal', '年初绩效目标')}」写的是 {named} 年（本表为 {year} 年度）："
            "是否沿用了上年的目标？请按本年目标填写"))


def _check_completion_repeats_goal(found: list[Finding], project: Project) -> None:
    """A completion that only repeats the goal, word for word, says what was to be done, not
    what was done: a reviewer sends it back (published forms do it: 云南 永德, 四川 炉霍, 安徽 萧县)."""
    goal, completion = project.goal.strip(), project.completion.strip()
    # Most completions differ at once (in their first character, or in length beyond what
    # spacing and punctuation account for): the normalising below only for the others.
    if not goal or not completion or goal[:1] != completion[:1] \
            or abs(len(goal) - len(completion)) > 4 + len(goal) // 5:
        return
    words = _NOT_WORD.sub("", goal)
    if words and words == _NOT_WORD.sub("", completion):
        found.append(Finding(
            COMPLETION_REPEATS_GOAL, Severity.WARNING, project.uid, "completion",
            f"「{heading(project, 'completion', '绩效目标整体完成情况')}」与"
            f"「{heading(project, 'goal', '年初绩效目标')}」一字不差：应写实际完成了什么"
            "（数量、进度、效果），而不是重复目标"))


def check_project(project: Project, skip: frozenset[str] = frozenset(),
                  year: int | None = None) -> list[Finding]:
    """Every rule that needs only this project (and the report's year), in column order.

    ``skip`` holds codes the scoring profile in force does not require (Sichuan's forms need no
    满意度 indicator).
    """
    uid = project.uid
    found: list[Finding] = []
    if project.bad_values:
        for key, text in project.bad_values.items():
            found.append(Finding(NOT_A_NUMBER, Severity.ERROR, uid, key,
                                 f"「{field_label(key, project)}」应为数字，表中为「{text}」"))
    if not project.name or project.name.isspace():
        found.append(Finding(REQUIRED, Severity.ERROR, uid, "name", "未填项目名称"))
    _check_funds(found, project, "budget", project.budget)
    _check_funds(found, project, "actual", project.actual)
    if project.initial.total_entered is not None:
        _check_funds(found, project, "initial", project.initial)
    _check_rate(found, project)
    if project.fund_lines:
        _check_fund_lines(found, project)
    _check_adjusted_budget(found, project)
    # A form printed without a goal block (Hubei's 项目自评表) cannot be asked for one.
    has_goal_field = not project.headings or "goal" in project.headings
    if (not project.goal or project.goal.isspace()) and has_goal_field:
        found.append(Finding(REQUIRED, Severity.ERROR, uid, "goal",
                             f"未填{heading(project, 'goal', '年初绩效目标')}"))
    _check_goal_stated(found, project)
    if year is not None and "20" in project.goal:
        _check_goal_year(found, project, year)
    _check_completion_repeats_goal(found, project)
    _check_indicators(found, project, skip)
    _check_empty_pairs(found, project)
    _check_template_text(found, project)
    if project.carried_over:
        names = "、".join(field_label(k).split("/")[-1] for k in sorted(project.carried_over))
        found.append(Finding(CARRIED_OVER, Severity.WARNING, uid, "budget.total",
                             f"预算金额（{names}）仍是上年数据，请按本年预算修改或确认"))
    for note in project.import_notes or ():
        found.append(Finding(note.code, Severity(note.severity), uid, note.field, note.message))
    if len(found) > 1:
        found.sort(key=_column_order)
    return found


def _column_order(finding: Finding) -> int:
    return COLUMN_INDEX.get(finding.field, len(COLUMN_INDEX))


def goal_key(goal: str) -> str:
    """Goal texts compare without regard to spacing (str.split knows the ideographic space)."""
    return "".join(goal.split())


class Checker:
    """The findings of one report, kept current one project at a time.

    ``check_all`` once after opening; then ``recheck(project)`` after each edit returns the uids
    whose findings changed (the edited project, and the projects that shared or now share its
    goal text), so a view repaints only those rows.
    """

    def __init__(self, report: Report,
                 extra: Callable[[Project], list[Finding]] | None = None,
                 skip: frozenset[str] = frozenset()) -> None:
        """``extra`` adds rules from above this module (scoring under a profile) per project;
        ``skip`` holds codes the profile does not require."""
        self.report = report
        self._extra = extra
        self._skip = skip
        self._own: dict[int, list[Finding]] = {}
        self._goal_of: dict[int, str] = {}
        self._by_goal: dict[str, set[int]] = {}
        self.check_all()

    def _check(self, project: Project) -> list[Finding]:
        found = check_project(project, self._skip, self.report.year)
        if self._extra is not None:
            more = self._extra(project)
            if more:
                found = sorted([*found, *more], key=_column_order)
        return found

    def check_all(self) -> None:
        projects = self.report.projects
        if self._extra is None and not self._skip:
            year = self.report.year
            self._own = {p.uid: check_project(p, year=year) for p in projects}
        else:
            self._own = {p.uid: self._check(p) for p in projects}
        # The goal index in bulk: a set only for a goal text seen before (a duplicate).
        self._goal_of = {p.uid: goal_key(p.goal) for p in projects}
        by_goal: dict[str, set[int]] = {}
        for uid, key in self._goal_of.items():
            if key:
                sharers = by_goal.get(key)
                if sharers is None:
                    by_goal[key] = {uid}
                else:
                    sharers.add(uid)
        self._by_goal = by_goal

    def _index_goal(self, project: Project) -> None:
        key = goal_key(project.goal)
        self._goal_of[project.uid] = key
        if key:
            self._by_goal.setdefault(key, set()).add(project.uid)

    def _unindex_goal(self, uid: int) -> set[int]:
        key = self._goal_of.pop(uid, "")
        sharers = self._by_goal.get(key)
        if not sharers:
            return set()
        sharers.discard(uid)
        if not sharers:
            del self._by_goal[key]
        return set(sharers)

    def recheck(self, project: Project) -> set[int]:
        """Re-run the rules for one project after an edit; returns the uids to repaint."""
        changed = {project.uid}
        self._own[project.uid] = self._check(project)
        if goal_key(project.goal) != self._goal_of.get(project.uid):
            changed |= self._unindex_goal(project.uid)
            self._index_goal(project)
            changed |= self._by_goal.get(self._goal_of[project.uid], set())
        return changed

    def forget(self, uid: int) -> set[int]:
        """A project left the report; returns the uids whose findings changed with it."""
        self._own.pop(uid, None)
        return self._unindex_goal(uid)

    def add(self, project: Project) -> set[int]:
        """A project joined the report (insert, paste, undo of a delete)."""
        self._own[project.uid] = self._check(project)
        self._index_goal(project)
        return set(self._by_goal.get(self._goal_of[project.uid], set())) | {project.uid}

    def for_project(self, uid: int) -> list[Finding]:
        own = self._own.get(uid, [])
        key = self._goal_of.get(uid, "")
        sharers = self._by_goal.get(key) if key else None
        if not sharers or len(sharers) < 2:
            return own
        return [*own, self._duplicate_finding(uid, sharers)]

    def _duplicate_finding(self, uid: int, sharers: set[int]) -> Finding:
        others = [p for p in self.report.projects if p.uid in sharers and p.uid != uid]
        named = "、".join(f"{p.seq or '?'}「{p.name}」" for p in others[:3])
        more = f"等 {len(others)} 个项目" if len(others) > 3 else ""
        return Finding(DUPLICATE_GOAL, Severity.WARNING, uid, "goal",
                       f"年初绩效目标与项目 {named}{more}完全相同，可能是复制粘贴时漏改")

    def report_findings(self) -> list[Finding]:
        """Findings about the report as a whole (project_uid None)."""
        return [Finding(n.code, Severity(n.severity), None, n.field, n.message)
                for n in self.report.import_notes]

    def findings(self) -> list[Finding]:
        """All findings: the report's own first, then the projects' in the report's order."""
        shared = {uid for uids in self._by_goal.values() if len(uids) > 1 for uid in uids}
        own = self._own
        result: list[Finding] = self.report_findings()
        for project in self.report.projects:
            uid = project.uid
            if uid in shared:
                result.extend(self.for_project(uid))
            else:
                result.extend(own.get(uid, ()))
        return result

    def counts(self) -> tuple[int, int]:
        """(errors, warnings) over the whole report."""
        errors = warnings = 0
        for finding in self.findings():  # the report's own notes are few; projects dominate
            if finding.is_error:
                errors += 1
            else:
                warnings += 1
        return errors, warnings


def check_report(report: Report) -> list[Finding]:
    return Checker(report).findings()
