from __future__ import annotations

from decimal import Decimal as D

from evaldesk.core.merge import merge_reports
from evaldesk.core.records import Funds, Project, Report


def dept_report(name: str, *projects: tuple[str, str, str]) -> Report:
    return Report(year=2021, department=name, projects=[
        Project(seq="1", name=p, budget=Funds(general=D(b)), actual=Funds(general=D(a)))
        for p, b, a in projects])


def test_merge_renumbers_keeps_departments_and_adds_up() -> None:
    a = dept_report("区信访局", ("信访事务", "129.22", "125.64"), ("培训", "6.76", "6.01"))
    b = dept_report("区教育局", ("校舍维修", "100", "90.5"))
    result = merge_reports([("a.xlsx", a), ("b.xlsx", b)], department="龙岗区财政局")
    merged = result.report
    assert [p.seq for p in merged.projects] == ["1", "2", "3"]
    assert [p.department for p in merged.projects] == ["区信访局", "区信访局", "区教育局"]
    assert merged.year == 2021 and "汇总" in merged.shown_title
    assert merged.budget_total() == a.budget_total() + b.budget_total() == D("235.98")
    assert merged.actual_total() == D("222.15")
    assert result.department_totals() == {"区信访局": (D("135.98"), D("131.65")),
                                           "区教育局": (D("100"), D("90.5"))}
    assert result.duplicates == []
    # the inputs are untouched and identities are new
    assert a.projects[1].seq == "1"
    assert {p.uid for p in merged.projects}.isdisjoint({p.uid for p in a.projects})


def test_duplicates_and_mixed_years_are_reported() -> None:
    a = dept_report("区信访局", ("信访事务", "1", "1"))
    b = dept_report("区信访局", ("信访 事务", "1", "1"))
    b.year = 2020
    result = merge_reports([("a.xlsx", a), ("b.xlsx", b)])
    assert result.duplicates == [("区信访局", "信访事务", ["a.xlsx", "b.xlsx"])]
    assert result.years == {2020, 2021} and result.report.year is None
