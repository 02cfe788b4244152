"""Many departments' reports into one (a finance bureau's district summary).

Projects keep their 部门名称 (filled from the file's 部门名称(盖章) line where the row left it
empty) and are renumbered; what could not be merged cleanly is listed, never dropped: files that
could not be read are the caller's to report, duplicate projects and mixed years are found here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal

from evaldesk.core.records import Project, Report


@dataclass
class MergeResult:
    report: Report
    duplicates: list[tuple[str, str, list[str]]] = field(default_factory=list)
    """(部门名称, 项目名称, the sources it appears in) for each project found more than once."""
    years: set[int] = field(default_factory=set)

    def department_totals(self) -> dict[str, tuple[Decimal, Decimal]]:
        """部门名称 → (budget total, actual total), in the order departments first appear."""
        totals: dict[str, tuple[Decimal, Decimal]] = {}
        for project in self.report.projects:
            budget, actual = totals.get(project.department, (Decimal(0), Decimal(0)))
            totals[project.department] = (budget + (project.budget.total or 0),
                                          actual + (project.actual.total or 0))
        return totals


def _key(project: Project) -> tuple[str, str]:
    return ("".join(project.department.split()), "".join(project.name.split()))


def merge_reports(sources: list[tuple[str, Report]], *, department: str = "",
                  title: str = "") -> MergeResult:
    """Merge ``(source name, report)`` pairs in the order given.

    Each department's projects end up together (departments in the order they first appear,
    projects in file order within one), so a department that sent two files gets one run of
    rows and one 小计 in the written summary.
    """
    years = {r.year for _, r in sources if r.year is not None}
    year = next(iter(years)) if len(years) == 1 else None
    merged = Report(year=year, title=title, department=department, department_subtotals=True)
    seen: dict[tuple[str, str], list[str]] = {}
    for source, report in sources:
        for original in report.projects:
            project = copy.deepcopy(original)
            project.uid = Project().uid  # a new identity: the same project may come twice
            if not project.department.strip():
                project.department = report.department
            merged.projects.append(project)
            seen.setdefault(_key(project), []).append(source)
    first_seen: dict[str, int] = {}
    for project in merged.projects:
        first_seen.setdefault(project.department, len(first_seen))
    merged.projects.sort(key=lambda p: first_seen[p.department])  # stable: file order kept
    for number, project in enumerate(merged.projects, 1):
        project.seq = str(number)
    duplicates = [(dept, name, where) for (dept, name), where in seen.items()
                  if len(where) > 1 and name]
    if not title:
        merged.title = merged.default_title().replace("预算项目绩效自评表", "预算项目绩效自评汇总表")
    return MergeResult(merged, duplicates, years)
