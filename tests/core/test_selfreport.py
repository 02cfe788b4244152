"""The figures of the drafted 绩效自评报告: the table's own, exact, and honest about what is unknown."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from evaldesk.core.records import Funds, Indicator, Project, Report
from evaldesk.core.rules import LOW_RATE_NO_REASON, Checker
from evaldesk.core.scoring import PROFILES, score_project, scoring_findings
from evaldesk.core.selfreport import CARRYOVER_LABEL, UNSPLIT_LABEL, report_department, summarize
from evaldesk.io.read_text import read_text

D = Decimal


def test_the_seed_summary_holds_the_tables_totals_exactly(seed_path: Path) -> None:
    report = read_text(seed_path)
    s = summarize(report)

    assert (s.year, s.department, s.project_count) == (2021, "龙岗区信访局", 6)
    assert s.title == "2021年度区信访局预算项目绩效自评表"
    assert (s.budget, s.actual) == (D("474.59"), D("463.15"))
    assert s.rate == D("463.15") / D("474.59")
    labels = [line.label for line in s.sources]
    assert labels == ["一般公共预算", "政府性基金", "非财政资金"]
    assert (s.sources[0].budget, s.sources[0].actual) == (D("474.59"), D("463.15"))
    assert (s.fiscal.budget, s.fiscal.actual) == (D("474.59"), D("463.15"))
    assert (s.full, s.on_track, s.no_rate, len(s.low_rate)) == (0, 5, 0, 1)


def test_the_seeds_low_rate_project_is_listed_as_unexplained(seed_path: Path) -> None:
    s = summarize(read_text(seed_path))

    (low,) = s.low_rate
    assert (low.seq, low.name) == ("6", "全区信访业务培训")
    assert (low.budget, low.actual) == (D("6.76"), D("6.01"))
    assert low.rate == D("6.01") / D("6.76")
    # The table says «无»: that is no reason, and the report must not print it as one.
    assert low.reason == "" and not low.explained
    assert s.unexplained_low_rate == (low,)
    assert s.low_rate_budget == D("6.76") and s.low_rate_actual == D("6.01")


def test_open_findings_are_the_checkers_findings(seed_path: Path) -> None:
    report = read_text(seed_path)
    expected = Checker(report, lambda p: scoring_findings(p)).findings()

    s = summarize(report)

    assert [(f.code, f.message) for f in s.findings] == [(f.code, f.message) for f in expected]
    assert (s.errors, s.warnings) == (sum(f.is_error for f in expected),
                                      sum(not f.is_error for f in expected))
    low = next(f for f in s.findings if f.code == LOW_RATE_NO_REASON)
    assert low.project == "6 全区信访业务培训" and low.field == "项目执行中存在的问题"


def test_the_seeds_indicators_are_not_guessed_as_met(seed_path: Path) -> None:
    """The summary table records what was done, not the target: nothing can be called met."""
    s = summarize(read_text(seed_path))

    assert sum(c.met for c in s.categories) == 0
    assert sum(c.short for c in s.categories) == 0
    assert sum(c.unjudged for c in s.categories) == sum(c.set_ for c in s.categories) > 0
    economic = next(c for c in s.categories if c.level2 == "经济效益指标")
    assert (economic.set_, economic.not_applicable) == (0, 6)
    assert not s.is_scored and s.average_score is None


def test_sums_over_many_projects_are_exact_decimals() -> None:
    projects = [Project(seq=str(k), name=f"项目{k}", budget=Funds(D("0.1"), D("0.2"), D("0")),
                        actual=Funds(D("0.1"), D("0.2"), D("0")))
                for k in range(1, 1001)]
    s = summarize(Report(year=2024, department="某局", projects=projects))

    assert s.budget == s.actual == D("300.0")
    assert s.sources[0].budget == D("100.0") and s.sources[1].budget == D("200.0")
    assert s.fiscal.budget == D("300.0")
    assert s.rate == 1 and s.full == 1000


def test_totals_without_their_parts_keep_the_source_table_adding_up() -> None:
    projects = [
        Project(seq="1", name="分列的", budget=Funds(D("10"), None, D("2")),
                actual=Funds(D("9"), None, D("1"))),
        # A total typed without sources, and one from a per-project form with 上年结转资金.
        Project(seq="2", name="只有合计", budget=Funds(total_entered=D("5")),
                actual=Funds(total_entered=D("4.5"))),
        Project(seq="3", name="有结转", budget=Funds(D("3"), carryover=D("1")),
                actual=Funds(D("3"), carryover=D("0.5"))),
    ]
    s = summarize(Report(projects=projects))

    labels = [line.label for line in s.sources]
    assert labels == ["一般公共预算", "政府性基金", "非财政资金", CARRYOVER_LABEL, UNSPLIT_LABEL]
    assert sum(line.budget for line in s.sources) == s.budget == D("21")
    assert sum(line.actual for line in s.sources) == s.actual == D("18")
    unsplit = s.sources[-1]
    assert (unsplit.budget, unsplit.actual) == (D("5"), D("4.5"))


def _scored_project(seq: str, done: str, reason: str = "") -> Project:
    return Project(
        seq=seq, name=f"评分项目{seq}", budget=Funds(D("100"), D("0"), D("0")),
        actual=Funds(D("80"), D("0"), D("0")),
        problems="采购合同年底签订，尾款次年支付", rectification="提前启动采购",
        indicators=[
            Indicator("quantity", name="培训人次", target="≥200人次", actual=done, weight=D(50),
                      reason=reason),
            Indicator("social", name="群众知晓率", target="有效提升", actual="有效提升", weight=D(30)),
            Indicator("satisfaction", name="满意度", target="≥90%", actual="95%", weight=D(10)),
        ])


def test_indicators_with_targets_are_judged_as_scoring_judges_them() -> None:
    report = Report(projects=[_scored_project("1", "200人次"),
                              _scored_project("2", "150人次", reason="疫情停课两月")])
    s = summarize(report)

    quantity = next(c for c in s.categories if c.level2 == "数量指标")
    assert (quantity.set_, quantity.met, quantity.short) == (2, 1, 1)
    (short,) = s.short_indicators
    assert (short.project, short.name, short.target, short.actual, short.reason) == (
        "2 评分项目2", "培训人次", "≥200人次", "150人次", "疫情停课两月")


def test_scores_and_grades_come_from_the_scoring_profile() -> None:
    report = Report(projects=[_scored_project("1", "200人次"), _scored_project("2", "150人次")])
    profile = PROFILES["capped"]

    s = summarize(report, profile)

    expected = [score_project(p, profile) for p in report.projects]
    assert [(p.total, p.grade) for p in s.scored] == [(e.total_capped, e.grade) for e in expected]
    assert s.average_score == sum(e.total_capped for e in expected if e.total_capped) / 2
    assert s.profile_label == profile.label
    assert sum(s.grade_counts().values()) == 2
    # Both spent 80 %: explained in 问题, so listed with their reason and measure.
    assert [p.reason for p in s.low_rate] == ["采购合同年底签订，尾款次年支付"] * 2
    assert [p.rectification for p in s.low_rate] == ["提前启动采购"] * 2


def test_the_reporting_unit_is_the_department_line_or_the_one_department() -> None:
    one = Report(projects=[Project(department="区档案馆"), Project(department="区档案馆 ")])
    many = Report(projects=[Project(department="区档案馆"), Project(department="区审计局")])
    assert report_department(one) == "区档案馆"
    assert report_department(many) == ""
    assert report_department(Report(department="龙岗区", projects=many.projects)) == "龙岗区"
    assert summarize(many).departments == ("区档案馆", "区审计局")


def test_a_report_without_projects_has_no_rate_and_nothing_listed() -> None:
    s = summarize(Report())
    assert (s.project_count, s.budget, s.rate, s.low_rate, s.categories) == (0, 0, None, (), ())
