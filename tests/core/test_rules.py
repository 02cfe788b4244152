from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaldesk.core import rules
from evaldesk.core.fields import set_value
from evaldesk.core.records import Funds, Indicator, Project, Report
from evaldesk.core.rules import Checker, Severity, check_project, rate_is_consistent


def good_project(**changes: object) -> Project:
    """A project a reviewer would accept, to break one thing at a time."""
    project = Project(
        seq="1", department="区信访局", name="办公设备购置",
        budget=Funds(general=D("91.66"), fund=D("0"), non_fiscal=D("0")),
        actual=Funds(general=D("89.94"), fund=D("0"), non_fiscal=D("0")),
        rate_printed=D("0.9813"), goal="做好信访维稳工作", completion="100%",
        indicators=[
            Indicator("quantity", name="购置办公设备数量", actual="20件"),
            Indicator("social", name="提升工作效率", actual="100%"),
            Indicator("satisfaction", name="使用人员满意度", actual="100%"),
        ],
        problems="无",
    )
    for key, value in changes.items():
        setattr(project, key, value)
    return project


def codes(project: Project) -> list[str]:
    return [f.code for f in check_project(project)]


def test_a_good_project_has_no_findings() -> None:
    assert check_project(good_project()) == []


@pytest.mark.parametrize(
    ("actual", "budget", "printed"),
    # The seed's three rates printed 0.01 % off the quotient of the printed amounts: all correct.
    [("89.94", "91.66", "0.9813"), ("32.51", "34.26", "0.9488"), ("159.19", "162.33", "0.9806"),
     # and its three exact ones
     ("49.86", "50.36", "0.9901"), ("125.64", "129.22", "0.9723"), ("6.01", "6.76", "0.8891")],
)
def test_seed_rates_lie_inside_the_rounding_interval(actual: str, budget: str, printed: str) -> None:
    assert rate_is_consistent(D(printed), D(actual), D(budget))


def test_a_rate_outside_the_interval_is_an_error_with_both_figures() -> None:
    assert not rate_is_consistent(D("0.9815"), D("89.94"), D("91.66"))
    project = good_project(rate_printed=D("0.9815"))
    (finding,) = [f for f in check_project(project) if f.code == rules.RATE_MISMATCH]
    assert finding.severity is Severity.ERROR and finding.field == "rate"
    assert "98.15%" in finding.message and "98.12%" in finding.message
    assert "89.94" in finding.message and "91.66" in finding.message


def test_total_not_the_sum_names_every_figure() -> None:
    project = good_project()
    project.budget = Funds(general=D("90.00"), fund=D("0"), non_fiscal=D("0"),
                           total_entered=D("91.66"))
    (finding,) = [f for f in check_project(project) if f.code == rules.TOTAL_NOT_SUM]
    assert finding.field == "budget.total"
    assert finding.message.startswith(
        "预算合计 91.66 ≠ 一般公共预算 90.00 + 政府性基金 0 + 非财政资金 0")


def test_a_cent_of_rounding_between_two_nonzero_parts_is_honest() -> None:
    # 10.004 + 20.004 = 30.008: printed 10.00 + 20.00 and a total of 30.01.
    project = good_project()
    project.budget = Funds(general=D("10.00"), fund=D("20.00"), non_fiscal=D("0"),
                           total_entered=D("30.01"))
    project.actual = Funds(general=D("10.00"), fund=D("20.00"), non_fiscal=D("0"))
    project.rate_printed = None
    assert rules.TOTAL_NOT_SUM not in codes(project)
    # With a single nonzero part the total must equal it exactly.
    project.budget = Funds(general=D("30.00"), fund=D("0"), non_fiscal=D("0"),
                           total_entered=D("30.01"))
    assert rules.TOTAL_NOT_SUM in codes(project)


def test_actual_above_budget_per_line_and_total() -> None:
    project = good_project(rate_printed=None)
    project.actual = Funds(general=D("92.00"), fund=D("0"), non_fiscal=D("1.00"))
    found = {(f.code, f.field) for f in check_project(project)}
    assert (rules.OVERSPENT, "actual.general") in found
    assert (rules.OVERSPENT, "actual.non_fiscal") in found
    assert (rules.OVERSPENT, "actual.total") in found


def test_budget_zero_no_rate_and_spending_without_budget() -> None:
    project = good_project(rate_printed=None)
    project.budget = Funds(general=D("0"), fund=D("0"), non_fiscal=D("0"))
    project.actual = Funds(general=D("0"), fund=D("0"), non_fiscal=D("0"))
    assert project.rate is None
    assert codes(project) == []
    project.actual.general = D("5")
    assert rules.SPENT_WITHOUT_BUDGET in codes(project)
    project.actual.general = D("0")
    project.rate_printed = D("0")
    assert codes(project) == []  # 0 % beside zero amounts is not worth a finding
    project.rate_printed = D("1")
    assert rules.RATE_WITHOUT_BUDGET in codes(project)


@pytest.mark.parametrize("problems", ["", "无", " 无 ", "/", "没有"])
def test_low_rate_needs_a_reason(problems: str) -> None:
    project = good_project(rate_printed=None, problems=problems)
    project.actual.general = D("6.01")
    project.budget.general = D("6.76")
    found = [f for f in check_project(project) if f.code == rules.LOW_RATE_NO_REASON]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "88.91%" in found[0].message
    project.problems = "部分培训因疫情延期，已于次年一季度补办"
    assert rules.LOW_RATE_NO_REASON not in codes(project)


def test_full_completion_beside_a_low_rate_is_suspicious() -> None:
    project = good_project(rate_printed=None, problems="采购延期")
    project.actual.general = D("50")
    assert rules.COMPLETION_VS_RATE in codes(project)
    project.completion = "85%"
    assert rules.COMPLETION_VS_RATE not in codes(project)


def test_required_fields() -> None:
    project = Project()
    found = {(f.code, f.field) for f in check_project(project)}
    assert (rules.REQUIRED, "name") in found
    assert (rules.REQUIRED, "goal") in found
    assert (rules.REQUIRED, "budget.total") in found
    assert (rules.NO_OUTPUT_INDICATOR, "ind.quantity.content") in found
    assert (rules.NO_BENEFIT_INDICATOR, "ind.social.content") in found
    assert (rules.NO_SATISFACTION_INDICATOR, "ind.satisfaction.content") in found
    assert all(f.severity is Severity.ERROR for f in check_project(project))


def test_not_applicable_indicators_do_not_count() -> None:
    project = good_project()
    project.indicators[1] = Indicator("social", applicable=False)
    assert rules.NO_BENEFIT_INDICATOR in codes(project)


def test_text_where_a_number_belongs_is_kept_and_reported() -> None:
    project = good_project()
    project.bad_values["budget.fund"] = "见附件"
    (finding,) = [f for f in check_project(project) if f.code == rules.NOT_A_NUMBER]
    assert finding.field == "budget.fund" and "见附件" in finding.message


def test_template_text_left_in_a_cell() -> None:
    project = good_project(goal="请填写本项目的年度绩效目标")
    assert rules.TEMPLATE_TEXT in codes(project)


def test_findings_come_in_column_order() -> None:
    project = Project(name="x")
    fields = [f.field for f in check_project(project)]
    assert fields.index("budget.total") < fields.index("goal") < fields.index(
        "ind.satisfaction.content")


def _report(*projects: Project) -> Report:
    return Report(year=2021, projects=list(projects))


def test_duplicate_goals_across_projects_and_one_project_rechecks() -> None:
    a, b, c = good_project(seq="1"), good_project(seq="2", name="信访事务"), good_project(seq="3")
    c.goal = "别的目标"
    checker = Checker(_report(a, b, c))
    assert [f.code for f in checker.for_project(a.uid)] == [rules.DUPLICATE_GOAL]
    assert "信访事务" in checker.for_project(a.uid)[0].message
    assert checker.for_project(c.uid) == []
    # Editing b's goal clears a's finding too: recheck names both rows to repaint.
    set_value(b, "goal", "新的目标")
    assert checker.recheck(b) == {a.uid, b.uid}
    assert checker.for_project(a.uid) == [] and checker.for_project(b.uid) == []
    # Typing c's goal to equal b's makes both duplicates.
    set_value(c, "goal", " 新的 目标")
    assert checker.recheck(c) == {b.uid, c.uid}
    assert checker.counts() == (0, 2)


def test_an_edit_that_leaves_the_goal_alone_repaints_one_row() -> None:
    a, b = good_project(), good_project()
    checker = Checker(_report(a, b))
    set_value(a, "budget.general", "95")
    assert checker.recheck(a) == {a.uid}


def test_forget_and_add_keep_the_goal_index() -> None:
    a, b = good_project(), good_project()
    report = _report(a, b)
    checker = Checker(report)
    report.projects.remove(b)
    assert checker.forget(b.uid) == {a.uid}
    assert checker.findings() == []
    report.projects.append(b)
    assert checker.add(b) == {a.uid, b.uid}
    assert len(checker.findings()) == 2


def test_field_labels_for_every_kind_of_key() -> None:
    assert rules.field_label("budget.total") == "项目年度预算金额/合计"
    assert rules.field_label("indicator:2.weight") == "第 3 个指标/分值"
    assert rules.field_label("implementer") == "实施单位"
    # A key the program does not know is described, never shown to the clerk.
    assert rules.field_label("something.else") == "其他内容"
