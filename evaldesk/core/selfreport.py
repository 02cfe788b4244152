"""What the 绩效自评报告 says in figures: one Qt-free summary of a report, for any writer.

A finance bureau asks, beside the self-evaluation table, for a written report (项目支出绩效自评报告)
in a set outline: 基本情况, 绩效自评工作开展情况, 预算执行情况, 绩效目标完成情况, 自评结论,
存在的问题及原因, 下一步改进措施, 自评结果应用及公开情况. Its figures are the table's figures; a
clerk who copies them into Word by hand mistypes some and has to redo them all when one amount
changes. ``summarize`` computes every figure the report states, from the same totals, rates,
scores and findings the window and the check command use, so the draft and the table can never
disagree. Writers (``evaldesk.io.write_docx``) only lay the figures out.

Nothing here is worded for the clerk's own judgement (the background of a project, the causes of a
problem beyond what the table says): those are left for the writer to mark as places to fill in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from evaldesk.core.layout import COLUMN_INDEX, SUMMARY_COLUMNS
from evaldesk.core.records import CATEGORIES, Funds, Indicator, Project, Report
from evaldesk.core.rules import LOW_RATE, Checker, Finding, field_label, states_a_reason
from evaldesk.core.scoring import (
    DEFAULT_PROFILE,
    ONE,
    ScoringProfile,
    indicator_score,
    is_scored,
    project_rate,
    score_project,
    scoring_findings,
)

_ZERO = Decimal(0)

CARRYOVER_LABEL = "上年结转资金"
UNSPLIT_LABEL = "未按来源分列"


def _source_label(part: str) -> str:
    """一般公共预算 / 政府性基金 / 非财政资金, as the summary layout heads the columns."""
    return SUMMARY_COLUMNS[COLUMN_INDEX[f"budget.{part}"]].path[-1]


@dataclass(frozen=True)
class SourceLine:
    """One funding source's budget and spending over all projects."""

    label: str
    budget: Decimal
    actual: Decimal

    @property
    def rate(self) -> Decimal | None:
        return None if self.budget == 0 else self.actual / self.budget


@dataclass(frozen=True)
class LowRateProject:
    """A project spent below 90 % of its budget, with what the table says about why."""

    seq: str
    department: str
    name: str
    budget: Decimal | None
    actual: Decimal | None
    rate: Decimal
    reason: str  # 项目执行中存在的问题 as written; "" when it explains nothing
    rectification: str

    @property
    def explained(self) -> bool:
        return bool(self.reason)


@dataclass(frozen=True)
class CategoryCompletion:
    """How the indicators of one 二级指标 category fared over all projects."""

    level1: str
    level2: str
    set_: int  # indicators set (named or with a target), applicable
    not_applicable: int
    met: int  # target given and reached (or a qualitative 达成)
    short: int  # target given and not fully reached
    unjudged: int  # completion written, but no target to compare it with
    unfilled: int  # no completion written


@dataclass(frozen=True)
class ShortIndicator:
    """An indicator that did not reach its target: the report lists each one with its reason."""

    project: str
    level2: str
    name: str
    target: str
    actual: str
    reason: str


@dataclass(frozen=True)
class ScoredProject:
    seq: str
    name: str
    total: Decimal | None  # after the cap; None while a part is missing
    grade: str | None
    missing: tuple[str, ...]


@dataclass(frozen=True)
class OpenFinding:
    """A finding the table still has, as the report lists it: where, what, how serious."""

    project: str  # "序号 项目名称", or "全表"
    field: str
    message: str
    is_error: bool
    code: str


@dataclass(frozen=True)
class SelfReportSummary:
    year: int | None
    department: str  # 部门名称(盖章), else the one department of all projects
    title: str  # of the table the report is drafted from
    unit: str
    project_count: int
    departments: tuple[str, ...]
    budget: Decimal
    actual: Decimal
    rate: Decimal | None
    sources: tuple[SourceLine, ...]
    fiscal: SourceLine  # 财政拨款 = 一般公共预算 + 政府性基金
    # Projects by execution rate: ≥ 100 %, 90–100 %, below 90 %, and without a rate.
    full: int
    on_track: int
    no_rate: int
    low_rate: tuple[LowRateProject, ...]
    categories: tuple[CategoryCompletion, ...]
    short_indicators: tuple[ShortIndicator, ...]
    profile_label: str
    scored: tuple[ScoredProject, ...]  # only the projects with weights or scores
    findings: tuple[OpenFinding, ...]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    @property
    def unexplained_low_rate(self) -> tuple[LowRateProject, ...]:
        return tuple(p for p in self.low_rate if not p.explained)

    @property
    def is_scored(self) -> bool:
        return bool(self.scored)

    @property
    def totals_known(self) -> tuple[ScoredProject, ...]:
        return tuple(s for s in self.scored if s.total is not None)

    @property
    def average_score(self) -> Decimal | None:
        """The mean of the totals that can be computed, unrounded (the writer rounds)."""
        known = self.totals_known
        if not known:
            return None
        return sum((s.total for s in known if s.total is not None), _ZERO) / len(known)

    def grade_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for s in self.totals_known:
            if s.grade:
                counts[s.grade] = counts.get(s.grade, 0) + 1
        return counts

    @property
    def low_rate_budget(self) -> Decimal:
        return sum((p.budget or _ZERO for p in self.low_rate), _ZERO)

    @property
    def low_rate_actual(self) -> Decimal:
        return sum((p.actual or _ZERO for p in self.low_rate), _ZERO)


def _meaningful(text: str) -> str:
    """The text, or "" when it explains nothing: the report then says the reason is not stated
    rather than print «无» as if it were one."""
    return text.strip() if states_a_reason(text) else ""


def _sum(values: Iterable[Decimal | None]) -> Decimal:
    total = _ZERO
    for value in values:
        if value is not None:
            total += value
    return total


def _sources(projects: list[Project], budget: Decimal, actual: Decimal) -> tuple[SourceLine, ...]:
    """The sources in the summary's column order, and what the totals hold beyond them.

    A total typed without its parts (or one that does not add up) leaves a difference: shown as
    its own line, so the lines of the report's table add up to the totals it states.
    """
    def line(label: str, get: Callable[[Funds], Decimal | None]) -> SourceLine:
        return SourceLine(label, _sum(get(p.budget) for p in projects),
                          _sum(get(p.actual) for p in projects))

    lines = [line(_source_label("general"), lambda f: f.general),
             line(_source_label("fund"), lambda f: f.fund),
             line(_source_label("non_fiscal"), lambda f: f.non_fiscal)]
    carry = line(CARRYOVER_LABEL, lambda f: f.carryover)
    if carry.budget or carry.actual:
        lines.append(carry)
    rest_budget = budget - _sum(s.budget for s in lines)
    rest_actual = actual - _sum(s.actual for s in lines)
    if rest_budget or rest_actual:
        lines.append(SourceLine(UNSPLIT_LABEL, rest_budget, rest_actual))
    return tuple(lines)


def _is_set(indicator: Indicator) -> bool:
    return bool(indicator.name.strip() or indicator.target.strip())


def _categories(projects: list[Project], profile: ScoringProfile
                ) -> tuple[tuple[CategoryCompletion, ...], tuple[ShortIndicator, ...]]:
    """Indicator completion per category, judged as the scoring judges it (weight 1 = share met).

    Only an indicator with a target can be met or missed; the summary table records what was
    done without the target, and such an indicator is counted as 'no target to compare with',
    never guessed as met.
    """
    counts = {c.key: [0, 0, 0, 0, 0, 0] for c in CATEGORIES}
    short: list[ShortIndicator] = []
    for project in projects:
        for indicator in project.indicators:
            row = counts[indicator.category]
            if not indicator.applicable:
                row[1] += 1
                continue
            if not _is_set(indicator) and not indicator.actual.strip():
                continue
            row[0] += 1
            if not indicator.actual.strip():
                row[5] += 1
            elif not indicator.target.strip():
                row[4] += 1
            else:
                share = indicator_score(indicator, profile, ONE)
                if share is None:
                    row[4] += 1
                elif share >= ONE:
                    row[2] += 1
                else:
                    row[3] += 1
                    short.append(ShortIndicator(
                        _project_label(project), indicator.level2, indicator.name.strip(),
                        indicator.target.strip(), indicator.actual.strip(),
                        _meaningful(indicator.reason)))
    result = tuple(
        CategoryCompletion(c.level1, c.level2, *counts[c.key])
        for c in CATEGORIES if any(counts[c.key])
    )
    return result, tuple(short)


def _project_label(project: Project) -> str:
    seq = project.seq.strip()
    name = project.name.strip() or "（未填项目名称）"
    return f"{seq} {name}" if seq else name


def _open_findings(report: Report, findings: list[Finding]) -> tuple[OpenFinding, ...]:
    by_uid = {p.uid: p for p in report.projects}
    result: list[OpenFinding] = []
    for finding in findings:
        project = by_uid.get(finding.project_uid) if finding.project_uid is not None else None
        result.append(OpenFinding(
            _project_label(project) if project is not None else "全表",
            field_label(finding.field) if finding.field else "",
            finding.message, finding.is_error, finding.code))
    return tuple(result)


def _departments(report: Report) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.department.strip() for p in report.projects
                               if p.department.strip()))


def report_department(report: Report) -> str:
    """Who reports: the 部门名称(盖章) line, else the one department all projects belong to."""
    if report.department.strip():
        return report.department.strip()
    departments = _departments(report)
    return departments[0] if len(departments) == 1 else ""


def summarize(report: Report, profile: ScoringProfile = DEFAULT_PROFILE,
              findings: list[Finding] | None = None) -> SelfReportSummary:
    """Every figure of the draft report, from ``report`` as it stands.

    ``findings`` are the open findings (the window passes its own store's); by default the report
    is checked here the way ``evaldesk check`` checks it, scoring included.
    """
    projects = report.projects
    if findings is None:
        findings = Checker(report, lambda p: scoring_findings(p, profile)).findings()
    budget, actual, rate = report.totals()
    sources = _sources(projects, budget, actual)
    general, fund = sources[0], sources[1]
    fiscal = SourceLine("财政拨款", general.budget + fund.budget, general.actual + fund.actual)

    full = on_track = no_rate = 0
    low: list[LowRateProject] = []
    for project in projects:
        project_rate_ = project_rate(project)
        if project_rate_ is None:
            no_rate += 1
        elif project_rate_ >= ONE:
            full += 1
        elif project_rate_ >= LOW_RATE:
            on_track += 1
        else:
            low.append(LowRateProject(
                project.seq.strip(), project.department.strip(), project.name.strip(),
                project.budget.total, project.actual.total, project_rate_,
                _meaningful(project.problems), _meaningful(project.rectification)))

    categories, short = _categories(projects, profile)
    scored = []
    for project in projects:
        if not is_scored(project):
            continue
        result = score_project(project, profile)
        scored.append(ScoredProject(project.seq.strip(), project.name.strip(),
                                    result.total_capped, result.grade, result.missing))

    departments = _departments(report)
    return SelfReportSummary(
        year=report.year, department=report_department(report), title=report.shown_title,
        unit=report.unit,
        project_count=len(projects), departments=departments,
        budget=budget, actual=actual, rate=rate, sources=sources, fiscal=fiscal,
        full=full, on_track=on_track, no_rate=no_rate, low_rate=tuple(low),
        categories=categories, short_indicators=short, profile_label=profile.label,
        scored=tuple(scored), findings=_open_findings(report, findings),
    )
