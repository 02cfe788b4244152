"""Last year's report → this year's (domain.md, "Rolling over to a new year").

What carries over: the project list, departments, goals, indicator names, targets, comparators,
units and weights. What is cleared: actual amounts, completion values, printed rates, scores,
deviation reasons, 问题 and 整改情况. Budget amounts are kept — a clerk usually starts from them —
but marked as last year's until edited or confirmed, so none slips through unchecked.
"""

from __future__ import annotations

import copy
import re

from evaldesk.core.records import Funds, Indicator, PreviousYear, Project, Report

# The budget figures a rollover keeps as they were, each marked until the clerk touches it.
CARRIED_BUDGET_FIELDS = ("budget.general", "budget.fund", "budget.non_fiscal")

def next_year_text(text: str, year: int, new_year: int) -> str:
    """"2021年度区信访局…" → "2022年度区信访局…"; other years in the text are left alone."""
    return re.sub(rf"(?<!\d){year}(?=\s*年)", str(new_year), text)


def _rolled_indicator(indicator: Indicator) -> Indicator:
    return Indicator(
        category=indicator.category,
        name=indicator.name,
        target=indicator.target,
        comparator=indicator.comparator,
        unit=indicator.unit,
        weight=indicator.weight,
        applicable=indicator.applicable,
    )


def _rolled_project(project: Project, year: int | None) -> Project:
    budget = project.budget
    carried = {key for key, value in zip(
        CARRIED_BUDGET_FIELDS, (budget.general, budget.fund, budget.non_fiscal), strict=True)
        if value is not None}
    return Project(
        seq=project.seq,
        department=project.department,
        name=project.name,
        code=project.code,
        budget=Funds(general=budget.general, fund=budget.fund, non_fiscal=budget.non_fiscal,
                     total_entered=budget.total_entered if not carried else None),
        actual=Funds(),
        goal=project.goal,
        indicators=[_rolled_indicator(i) for i in project.indicators],
        bad_values={k: v for k, v in project.bad_values.items() if k.startswith("budget.")},
        carried_over=carried,
        previous=PreviousYear(year, project.budget.total, project.actual.total,
                              project.rate_shown),
    )


def roll_over(report: Report, new_year: int | None = None) -> Report:
    """A new report for ``new_year`` (default: the year after the report's) from last year's."""
    old_year = report.year
    if new_year is None:
        if old_year is None:
            raise ValueError("上年文件中没有年度，请指定新的年度")
        new_year = old_year + 1
    title = report.title
    if title and old_year is not None:
        title = next_year_text(title, old_year, new_year)
    elif title:
        title = ""  # a title without a year cannot be moved on safely; the default is built
    rolled = Report(
        year=new_year,
        title=title,
        unit=report.unit,
        department=report.department,
        head=report.head,
        preparer=report.preparer,
        phone=report.phone,
        projects=[_rolled_project(p, old_year) for p in report.projects],
    )
    return copy.deepcopy(rolled)


def suggested_file_name(name: str, old_year: int | None, new_year: int) -> str:
    """Last year's file name with the year moved on, or the year put in front."""
    if old_year is not None and str(old_year) in name:
        return name.replace(str(old_year), str(new_year))
    return f"{new_year}年度{name}"
