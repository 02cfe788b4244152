"""Validation: what a finance bureau's reviewer would send back, found as the clerk types.

Every finding has a stable code, a severity, the project and field it concerns and a message in
Chinese with the numbers in it. ``check_project`` looks at one project alone (cheap enough to run
on every keystroke); ``Checker`` keeps the findings of a whole report and re-checks one project at a
time, including the one rule that looks across projects (the same goal text on two projects).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from evaldesk.core.layout import COLUMN_INDEX, SUMMARY_COLUMNS
from evaldesk.core.money import AMOUNT_HALF_CENT, format_rate, half_unit
from evaldesk.core.records import (
    BENEFIT,
    CATEGORIES,
    OUTPUT,
    SATISFACTION,
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

LOW_RATE = Decimal("0.9")
RATE_HALF_UNIT = Decimal("0.00005")  # ±0.005 percentage points: a rate printed to 0.01 %
_ZERO = Decimal(0)

_HEADERS = {c.key: c.header.replace("其中: ", "") for c in SUMMARY_COLUMNS}
_PART_NAMES = {"general": "一般公共预算", "fund": "政府性基金", "non_fiscal": "非财政资金",
               "carryover": "上年结转资金"}
_SIDE_NAMES = {"budget": "预算", "actual": "实际支出", "initial": "年初预算"}

# What people write in 问题 when there is nothing to say; it explains nothing.
_NO_REASON = frozenset({"", "无", "无。", "没有", "暂无", "/", "-", "—", "--", "无问题", "不适用"})
_HUNDRED_PERCENT = re.compile(r"^\s*100(\.0+)?\s*[%％]\s*$")
_TEMPLATE = re.compile(r"请填写|请输入|填写说明|填报说明|（示例）|\(示例\)|^例[:：]|XXX|×××|＊＊", re.M)

# Substrings every template pattern contains: plain `in` tests rule out most texts far faster
# than the regular expression can.
_TEMPLATE_CLUES = ("请", "说明", "例", "XXX", "×××", "＊＊")
_TEMPLATE_HEAD = 40
_TEXT_FIELDS_FOR_TEMPLATE = ("name", "goal", "completion", "problems", "rectification")
_template_texts = operator.attrgetter(*_TEXT_FIELDS_FOR_TEMPLATE)


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


def field_label(key: str) -> str:
    """The heading a clerk sees for a field key: "项目年度预算金额/合计", "年初绩效目标",
    "第 3 个指标/分值" (indicator fields of the per-project form are keyed by position)."""
    label = _HEADERS.get(key) or _OTHER_LABELS.get(key)
    if label:
        return label
    if key.startswith("indicator:"):
        index, _, part = key.removeprefix("indicator:").partition(".")
        if index.isdigit():
            return f"第 {int(index) + 1} 个指标/{_INDICATOR_PARTS.get(part, part)}"
    return key


def _num(value: Decimal | None) -> str:
    return "空" if value is None else f"{value:f}"


def _amount_tolerance(value: Decimal) -> Decimal:
    """How far a printed amount may be from the unrounded one behind it.

    Zero is exact (nobody rounds a real amount to 0.00 in these tables). Otherwise half a unit of
    the last digit written, never more than half a cent of a 万元 as the form prints.
    """
    if not value:
        return _ZERO
    return min(AMOUNT_HALF_CENT, half_unit(value))


def rate_is_consistent(printed: Decimal, actual: Decimal, budget: Decimal) -> bool:
    """Could ``printed`` be the rate of amounts that print as ``actual`` / ``budget``?

    Rates are usually computed from unrounded amounts (in 元) and then printed; each printed
    amount stands for an interval ±half a unit, and the printed rate for ±0.005 percentage points.
    The printed rate is right when its interval meets the interval of quotients (domain.md).
    """
    tol_a, tol_b = _amount_tolerance(actual), _amount_tolerance(budget)
    low_budget = budget - tol_b
    if low_budget <= 0:
        return True  # a budget of a cent or less: any rate can be printed
    lowest = (actual - tol_a) / (budget + tol_b)
    highest = (actual + tol_a) / low_budget
    return printed + RATE_HALF_UNIT >= lowest and printed - RATE_HALF_UNIT <= highest


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


def _shown_total(funds: Funds) -> Decimal | None:
    # Funds.total, inlined: this runs for every project on every full check.
    if funds.total_entered is not None:
        return funds.total_entered
    general, fund, non_fiscal = funds.general, funds.fund, funds.non_fiscal
    if funds.carryover is not None:
        return funds.total_computed
    if general is None and fund is None and non_fiscal is None:
        return None
    return (general or _ZERO) + (fund or _ZERO) + (non_fiscal or _ZERO)


def _check_funds(found: list[Finding], uid: int, side: str, funds: Funds) -> None:
    general, fund, non_fiscal, carryover = funds.general, funds.fund, funds.non_fiscal, \
        funds.carryover
    if (general is not None and general < 0) or (fund is not None and fund < 0) or (
            non_fiscal is not None and non_fiscal < 0) or (carryover is not None and carryover < 0):
        for part, value in (("general", general), ("fund", fund), ("non_fiscal", non_fiscal),
                            ("carryover", carryover)):
            if value is not None and value < 0:
                found.append(Finding(NEGATIVE_AMOUNT, Severity.ERROR, uid, f"{side}.{part}",
                                     f"{_SIDE_NAMES[side]}{_PART_NAMES[part]} {_num(value)} 为负数"))
    entered = funds.total_entered
    if entered is not None:
        if general is None and fund is None and non_fiscal is None and carryover is None:
            found.append(Finding(SOURCES_MISSING, Severity.WARNING, uid, f"{side}.general",
                                 f"{_SIDE_NAMES[side]}合计 {_num(entered)} 未按资金来源"
                                 "（一般公共预算、政府性基金、非财政资金）分列"))
        elif not _sum_is_consistent(entered, (general, fund, non_fiscal, carryover)):
            extra = "" if carryover is None else f" + 上年结转资金 {_num(carryover)}"
            found.append(Finding(TOTAL_NOT_SUM, Severity.ERROR, uid, f"{side}.total",
                                 f"{_SIDE_NAMES[side]}合计 {_num(entered)} ≠ 一般公共预算 "
                                 f"{_num(general)} + 政府性基金 {_num(fund)} + 非财政资金 "
                                 f"{_num(non_fiscal)}{extra}（应为 {_num(funds.total_computed)}）"))
    fiscal = funds.fiscal_entered
    if fiscal is not None and (general is not None or fund is not None) \
            and not _sum_is_consistent(fiscal, (general, fund)):
        found.append(Finding(FISCAL_NOT_SUM, Severity.ERROR, uid, f"{side}.fiscal",
                             f"{_SIDE_NAMES[side]}财政拨款 {_num(fiscal)} ≠ 一般公共预算 "
                             f"{_num(general)} + 政府性基金 {_num(fund)}"))


def _check_rate(found: list[Finding], project: Project) -> None:
    uid = project.uid
    budget, actual = project.budget, project.actual
    budget_total, actual_total = _shown_total(budget), _shown_total(actual)
    if budget_total is None:
        if "budget.total" not in project.bad_values:
            found.append(Finding(REQUIRED, Severity.ERROR, uid, "budget.total",
                                 "未填项目年度预算金额"))
        return
    if actual_total is None:
        if "actual.total" not in project.bad_values:
            found.append(Finding(REQUIRED, Severity.ERROR, uid, "actual.total", "未填实际支出金额"))
        return
    if budget_total == 0:
        if actual_total > 0:
            found.append(Finding(SPENT_WITHOUT_BUDGET, Severity.ERROR, uid, "actual.total",
                                 f"预算为 0，实际支出却有 {_num(actual_total)}，执行率无从计算"))
        elif project.rate_printed:
            found.append(Finding(RATE_WITHOUT_BUDGET, Severity.ERROR, uid, "rate",
                                 "预算与支出均为 0，执行率应为「—」，"
                                 f"表中为 {format_rate(project.rate_printed)}"))
        return
    overspent = actual_total > budget_total
    for spent, planned in ((actual.general, budget.general), (actual.fund, budget.fund),
                           (actual.non_fiscal, budget.non_fiscal)):
        if spent is not None and planned is not None and spent > planned:
            overspent = True
    if overspent or actual.carryover is not None or budget.general is None \
            or budget.fund is None or budget.non_fiscal is None:
        _check_overspent(found, uid, actual, budget, actual_total, budget_total)
    _check_rate_figures(found, project, actual_total, budget_total)


def _check_overspent(found: list[Finding], uid: int, actual: Funds, budget: Funds,
                     actual_total: Decimal, budget_total: Decimal) -> None:
    for part, spent, planned in (
        ("general", actual.general, budget.general),
        ("fund", actual.fund, budget.fund),
        ("non_fiscal", actual.non_fiscal, budget.non_fiscal),
        ("carryover", actual.carryover, budget.carryover),
        ("total", actual_total, budget_total),
    ):
        if spent is not None and spent > 0 and spent > (planned or _ZERO):
            name = "合计" if part == "total" else _PART_NAMES[part]
            found.append(Finding(OVERSPENT, Severity.ERROR, uid, f"actual.{part}",
                                 f"实际支出{name} {_num(spent)} 超过预算{name} {_num(planned)}"))


def _check_rate_figures(found: list[Finding], project: Project, actual_total: Decimal,
                        budget_total: Decimal) -> None:
    uid = project.uid
    rate = actual_total / budget_total
    printed = project.rate_printed
    if printed is not None and abs(rate - printed) > RATE_HALF_UNIT and not rate_is_consistent(
            printed, actual_total, budget_total):
        found.append(Finding(RATE_MISMATCH, Severity.ERROR, uid, "rate",
                             f"执行率 {format_rate(printed)} ≠ 实际支出 {_num(actual_total)} ÷ "
                             f"预算 {_num(budget_total)} = {format_rate(rate)}"))
    if rate < LOW_RATE:
        if not states_a_reason(project.problems):
            found.append(Finding(LOW_RATE_NO_REASON, Severity.WARNING, uid, "problems",
                                 f"执行率 {format_rate(rate)} 低于 90%，须在「项目执行中存在的问题」"
                                 "中说明原因（不能为空或「无」）"))
        if _HUNDRED_PERCENT.match(project.completion):
            found.append(Finding(COMPLETION_VS_RATE, Severity.WARNING, uid, "completion",
                                 f"执行率只有 {format_rate(rate)}，绩效目标整体完成情况却为 "
                                 f"{project.completion.strip()}，请核实"))


# Each 一级指标 group as a bit: a project's groups are one integer, not a set built per check.
_GROUP_BITS = {OUTPUT: 1, BENEFIT: 2, SATISFACTION: 4}
_CATEGORY_BIT = {c.key: _GROUP_BITS[c.level1] for c in CATEGORIES}
_ALL_GROUPS = 7


def _check_indicators(found: list[Finding], project: Project) -> None:
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
    if not present & _GROUP_BITS[SATISFACTION]:
        found.append(Finding(NO_SATISFACTION_INDICATOR, Severity.ERROR, uid,
                             "ind.satisfaction.content", "缺少服务对象满意度指标"))


def _check_template_text(found: list[Finding], project: Project) -> None:
    # A template's instructions fill the cell from its start ("请填写…", "例：…"), so the head of
    # each text is enough, and one search over the heads; only a hit (rare) looks field by field.
    heads = [text[:_TEMPLATE_HEAD] for text in _template_texts(project)]
    joined = "\n".join(heads)
    for clue in _TEMPLATE_CLUES:
        if clue in joined:
            break
    else:
        return
    if not _TEMPLATE.search(joined):
        return
    for key, value in zip(_TEXT_FIELDS_FOR_TEMPLATE, heads, strict=True):
        if _TEMPLATE.search(value):
            found.append(Finding(TEMPLATE_TEXT, Severity.WARNING, project.uid, key,
                                 f"「{field_label(key)}」中还留着模板的说明文字，请替换为实际内容"))


def check_project(project: Project) -> list[Finding]:
    """Every rule that needs only this project, in column order."""
    uid = project.uid
    found: list[Finding] = []
    if project.bad_values:
        for key, text in project.bad_values.items():
            found.append(Finding(NOT_A_NUMBER, Severity.ERROR, uid, key,
                                 f"{field_label(key)}应为数字，表中为「{text}」"))
    if not project.name or project.name.isspace():
        found.append(Finding(REQUIRED, Severity.ERROR, uid, "name", "未填项目名称"))
    _check_funds(found, uid, "budget", project.budget)
    _check_funds(found, uid, "actual", project.actual)
    if project.initial.total_entered is not None:
        _check_funds(found, uid, "initial", project.initial)
    _check_rate(found, project)
    if not project.goal or project.goal.isspace():
        found.append(Finding(REQUIRED, Severity.ERROR, uid, "goal", "未填年初绩效目标"))
    _check_indicators(found, project)
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
                 extra: Callable[[Project], list[Finding]] | None = None) -> None:
        """``extra`` adds rules from above this module (scoring under a profile) per project."""
        self.report = report
        self._extra = extra
        self._own: dict[int, list[Finding]] = {}
        self._goal_of: dict[int, str] = {}
        self._by_goal: dict[str, set[int]] = {}
        self.check_all()

    def _check(self, project: Project) -> list[Finding]:
        found = check_project(project)
        if self._extra is not None:
            more = self._extra(project)
            if more:
                found = sorted([*found, *more], key=_column_order)
        return found

    def check_all(self) -> None:
        check = check_project if self._extra is None else self._check
        projects = self.report.projects
        self._own = {p.uid: check(p) for p in projects}
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
