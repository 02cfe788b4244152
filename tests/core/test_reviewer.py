"""The checks a finance bureau's reviewer makes on a per-project form printed by others: the
funds row's 分值 and 得分, 总分 against its parts, a target repeated as the actual, template
instructions left anywhere, a budget adjusted without a reason, a rate judged within its own
printed precision; the Sichuan profile and the province told from the layout. Each check both
ways: the finding where the form is wrong, nothing where it is right."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaldesk.core import rules, scoring
from evaldesk.core.province import propose_from_headings, propose_profile
from evaldesk.core.records import FundLine, Funds, Indicator, Project, Report
from evaldesk.core.rules import check_project, is_template_text
from evaldesk.core.scoring import (
    ACTUAL_REPEATS_TARGET,
    FUNDS_SCORE,
    FUNDS_WEIGHT,
    PROFILES,
    TOTAL_SCORE_NOT_SUM,
    WEIGHTS_NOT_GROUP_POINTS,
    checker_for,
    score_project,
    scoring_findings,
)


def mof_form(**changes: object) -> Project:
    """A per-project form (MoF 2020 layout) a reviewer accepts: 37.24 of 43.2 spent (86.20 %),
    weights 50/30/10, every score printed, 总分 the sum of the printed parts."""
    project = Project(
        seq="1", name="农村饮水安全巩固提升", authority="县水务局", implementer="县水务局",
        initial=Funds(general=D("43.2")),
        budget=Funds(general=D("43.2")),
        actual=Funds(general=D("37.24")),
        rate_printed=D("0.8620"),
        goal="完成12处供水工程维修改造", completion="完成12处",
        indicators=[
            Indicator("quantity", "维修改造供水工程", "≥12处", None, "", "12处", D(30), D(30)),
            Indicator("quality", "工程验收合格率", "100%", None, "", "100%", D(20), D(20)),
            Indicator("social", "受益人口", "≥5000人", None, "", "5200人", D(30), D(30)),
            Indicator("satisfaction", "受益群众满意度", "≥90%", None, "", "95%", D(10), D(10)),
        ],
        problems="部分工程因雨季推迟开工，资金未能全部支付",
        execution_weight_printed=D(10), execution_score_printed=D("8.62"),
        total_score_printed=D("98.62"), total_points_printed=D(100),
    )
    for key, value in changes.items():
        setattr(project, key, value)
    return project


def all_codes(project: Project, profile: str = "mof") -> set[tuple[str, str]]:
    report = Report(projects=[project])
    return {(f.code, f.field) for f in checker_for(report, PROFILES[profile]).findings()}


def test_a_correct_form_gives_nothing() -> None:
    assert all_codes(mof_form()) == set()
    score = score_project(mof_form())
    assert score.total == D("98.62") and score.grade == "优"


# --- the funds row ----------------------------------------------------------------------------


def test_funds_row_weight_must_be_the_profiles_execution_points() -> None:
    found = all_codes(mof_form(execution_weight_printed=D(100)))
    assert (FUNDS_WEIGHT, "funds.weight") in found
    (finding,) = [f for f in scoring_findings(mof_form(execution_weight_printed=D(100)))
                  if f.code == FUNDS_WEIGHT]
    assert "100" in finding.message and "规定为 10" in finding.message
    # Under a 20-point profile the same 10 is the mistake.
    assert (FUNDS_WEIGHT, "funds.weight") in all_codes(mof_form(), "exec20")


def test_funds_row_score_must_be_its_formula() -> None:
    # The case: 分值 100 / 得分 98 for a rate of 83.5 % where it must be 10 / 8.35.
    project = mof_form(actual=Funds(general=D("36.072")), rate_printed=None,
                       execution_weight_printed=D(100), execution_score_printed=D(98))
    found = {code for code, _ in all_codes(project)}
    assert {FUNDS_WEIGHT, FUNDS_SCORE} <= found
    (finding,) = [f for f in scoring_findings(project) if f.code == FUNDS_SCORE]
    assert "应为 8.35" in finding.message


@pytest.mark.parametrize("printed", ["8.62", "8.6", "9", "8.620"])
def test_funds_row_score_is_judged_within_its_printed_precision(printed: str) -> None:
    assert all_codes(mof_form(execution_score_printed=D(printed),
                              total_score_printed=None)) == set()


@pytest.mark.parametrize("printed", ["10", "8.5", "86.2", "8.72"])
def test_funds_row_score_outside_its_precision_is_found(printed: str) -> None:
    found = all_codes(mof_form(execution_score_printed=D(printed), total_score_printed=None))
    assert found == {(FUNDS_SCORE, "funds.score")}


def test_funds_row_score_is_capped_at_the_weight() -> None:
    # Spent more than planned is the rules' error; the score stays 10, not 10.5.
    over = mof_form(actual=Funds(general=D("45.36")), rate_printed=None,
                    execution_score_printed=D(10), total_score_printed=D(100))
    assert not {c for c, _ in all_codes(over)} & {FUNDS_SCORE, TOTAL_SCORE_NOT_SUM}


def test_hebei_rounds_the_execution_score_to_whole_points() -> None:
    assert all_codes(mof_form(execution_score_printed=D(9), total_score_printed=D(99)),
                     "hebei") == set()
    found = all_codes(mof_form(execution_score_printed=D(8), total_score_printed=D(98)), "hebei")
    assert (FUNDS_SCORE, "funds.score") in found


# --- 总分 ---------------------------------------------------------------------------------------


def test_printed_total_must_be_the_sum_of_printed_parts() -> None:
    found = all_codes(mof_form(total_score_printed=D("96.62")))
    assert found == {(TOTAL_SCORE_NOT_SUM, "total_score")}
    (finding,) = [f for f in scoring_findings(mof_form(total_score_printed=D("96.62")))
                  if f.code == TOTAL_SCORE_NOT_SUM]
    assert "96.62" in finding.message and "98.62" in finding.message


def test_a_total_rounded_to_whole_points_is_accepted() -> None:
    assert all_codes(mof_form(total_score_printed=D(99))) == set()


def test_total_is_not_judged_while_a_part_was_not_printed() -> None:
    project = mof_form(total_score_printed=D(50))
    project.indicators[0].score = None
    assert TOTAL_SCORE_NOT_SUM not in {c for c, _ in all_codes(project)}


def test_weights_adding_to_110_under_100_are_found_and_not_graded() -> None:
    project = mof_form(total_score_printed=D("108.62"))
    project.indicators[2].weight = project.indicators[2].score = D(40)  # 效益 40 of 30
    found = all_codes(project)
    assert (WEIGHTS_NOT_GROUP_POINTS, "indicator:2.weight") in found
    score = score_project(project)
    # Not 108.62 (优): a total over weights that do not add up means nothing.
    assert score.total is None and score.grade is None
    assert any("100" in m and "90" in m for m in score.missing)


# --- 不适用 rows ---------------------------------------------------------------------------------


def test_a_not_applicable_row_neither_counts_nor_nulls_the_total() -> None:
    # A "/" row is read from another's form, which printed its headings (so EMPTY_INDICATOR_PAIR,
    # a summary-table rule, does not ask for the categories it has no row for).
    project = mof_form(headings={"goal": "年度总体目标", "indicators": "绩效指标"})
    project.indicators.insert(3, Indicator("ecological", applicable=False))
    assert all_codes(project) == set()
    assert score_project(project).total == D("98.62")


def test_not_applicable_rows_do_not_count_as_indicators() -> None:
    project = mof_form()
    project.indicators[2] = Indicator("social", "/", "/", actual="/", applicable=False)
    assert ("NO_BENEFIT_INDICATOR", "ind.social.content") in all_codes(project)


# --- an actual that repeats its target -----------------------------------------------------------


@pytest.mark.parametrize(("target", "actual"), [
    ("≥266米", "≥266米"), ("266米", "≥266米"), ("≥95%", "≥95%"), ("不低于95%", "不低于95%"),
    ("≤15个工作日", "≤15个工作日"),
])
def test_an_actual_that_only_repeats_its_target_is_a_warning(target: str, actual: str) -> None:
    project = mof_form()
    project.indicators[0] = Indicator("quantity", "新建管网", target, None, "", actual, D(30), D(30))
    found = [f for f in scoring_findings(project) if f.code == ACTUAL_REPEATS_TARGET]
    assert [(f.field, f.severity.value) for f in found] == [("indicator:0.actual", "warning")]
    assert actual in found[0].message


@pytest.mark.parametrize(("target", "actual"), [
    ("≥266米", "266米"), ("≥266米", "280米"), ("≥95%", "≥96%"), ("有效提升", "有效提升"),
    ("100%", "100%"), ("15个工作日内", "15个工作日内"), ("不超过预算", "不超过预算"),
])
def test_a_real_actual_is_not_taken_for_a_repeat(target: str, actual: str) -> None:
    project = mof_form()
    project.indicators[0] = Indicator("quantity", "新建管网", target, None, "", actual, D(30), D(30))
    assert ACTUAL_REPEATS_TARGET not in {f.code for f in scoring_findings(project)}


# --- template instructions -------------------------------------------------------------------------

TEMPLATE_TEXTS = [
    "结合自评情况，对项目实施中存在的问题进行分析（200字以内）",
    "对照年度目标，说明项目完成情况",
    "对照年度绩效目标，逐项说明完成情况。",
    "请填写项目年度绩效目标",
    "（100字以内）",
    "简要说明存在的问题及原因",
    "此处填写整改措施",
    "无则填“无”",
    "XX县XX局",
    "例：完成道路硬化20公里",
    "根据项目实施情况，分析偏差原因（100字以内）",
    "对项目实施中存在的问题进行描述。",
]
REAL_TEXTS = [
    "对照年度目标，全部完成",
    "结合自评情况，项目总体完成较好，存在的主要问题是资金拨付较慢。",
    "根据年初目标，项目已全面完成",
    "请示报告按时报送率100%",
    "完成全年信访接待任务，及时化解矛盾纠纷",
    "已对项目实施情况进行了全面分析，形成自评报告",
    "说明会召开3场，培训人员200人次",
    "按照要求完成了说明书编制",
    "例会召开12次",
    "编写宣传材料3000字",
    "无",
    "部分路段工期延误",
]


@pytest.mark.parametrize("text", TEMPLATE_TEXTS)
def test_template_instructions_are_found(text: str) -> None:
    assert is_template_text(text)


@pytest.mark.parametrize("text", REAL_TEXTS)
def test_a_clerks_own_sentence_is_not_template_text(text: str) -> None:
    assert not is_template_text(text)


@pytest.mark.parametrize("key", ["goal", "completion", "problems", "rectification", "conclusion",
                                 "funds_reason"])
def test_template_text_is_found_in_any_text_of_the_project(key: str) -> None:
    project = mof_form(**{key: "结合自评情况，对项目实施中存在的问题进行分析（200字以内）"})
    found = [f for f in check_project(project) if f.code == rules.TEMPLATE_TEXT]
    assert [f.field for f in found] == [key]
    assert "200字以内" in found[0].message


def test_template_text_in_an_indicators_cells() -> None:
    project = mof_form()
    project.indicators[1].reason = "对照年度目标，说明偏差原因"
    found = [f.field for f in check_project(project) if f.code == rules.TEMPLATE_TEXT]
    assert found == ["indicator:1.reason"]


# --- a budget adjusted during the year ------------------------------------------------------------


def test_an_adjusted_budget_needs_a_reason() -> None:
    project = mof_form(initial=Funds(general=D(40)), problems="")
    found = [f for f in check_project(project) if f.code == rules.BUDGET_ADJUSTED_NO_REASON]
    assert [(f.field, f.severity.value) for f in found] == [("budget.total", "warning")]
    assert "「项目执行中存在的问题」" in found[0].message
    assert "40" in found[0].message and "43.2" in found[0].message


def test_an_adjusted_budget_with_a_reason_or_unchanged_is_accepted() -> None:
    assert rules.BUDGET_ADJUSTED_NO_REASON not in {
        f.code for f in check_project(mof_form(initial=Funds(general=D(40))))}
    explained = mof_form(initial=Funds(general=D(40)), problems="", funds_reason="年中追加预算3.2万元")
    explained.headings["reason"] = "原因"
    assert rules.BUDGET_ADJUSTED_NO_REASON not in {f.code for f in check_project(explained)}
    assert rules.BUDGET_ADJUSTED_NO_REASON not in {
        f.code for f in check_project(mof_form(problems=""))}


def test_sichuan_asks_for_the_reason_in_its_own_column() -> None:
    project = mof_form(initial=Funds(general=D(40)), problems="")
    project.headings.update({"initial": "年初预算", "budget": "调整后预算数", "reason": "原因"})
    (finding,) = [f for f in check_project(project) if f.code == rules.BUDGET_ADJUSTED_NO_REASON]
    assert finding.field == "budget.total"
    assert "年初预算 40 与调整后预算数 43.2" in finding.message and "「原因」" in finding.message


# --- a rate in its own printed precision -----------------------------------------------------------


def test_a_whole_percent_rate_is_judged_within_its_precision() -> None:
    # 37.24 / 43.2 = 86.20 %: "86%" is right, as a reviewer reads it.
    assert rules.RATE_MISMATCH not in {f.code for f in check_project(mof_form(rate_printed=D("0.86")))}
    # For 85.4 % it is not.
    wrong = mof_form(actual=Funds(general=D("36.89")), rate_printed=D("0.86"),
                     execution_score_printed=D("8.54"), total_score_printed=D("98.54"))
    (finding,) = [f for f in check_project(wrong) if f.code == rules.RATE_MISMATCH]
    assert "86%" in finding.message and "85.39%" in finding.message


def test_a_rate_printed_to_two_decimals_keeps_its_precision() -> None:
    assert rules.RATE_MISMATCH in {f.code for f in check_project(mof_form(rate_printed=D("0.8600")))}


def test_amounts_printed_in_yuan_keep_their_precision() -> None:
    # 215457.6 元 of 250000.00 元 is 86.18 %. Read into 万元 the budget is 25: judged as if printed
    # to 0.01 万元 (±50 元), 86.19 % would pass; printed to the cent of a 元, it cannot.
    def form(unit: str | None) -> Project:
        project = mof_form(budget=Funds(general=D(25)), initial=Funds(general=D(25)),
                           actual=Funds(general=D("21.54576")), rate_printed=D("0.8619"),
                           execution_score_printed=D("8.62"), total_score_printed=D("98.62"))
        if unit is not None:
            project.headings["unit"] = unit
        return project

    assert rules.RATE_MISMATCH not in {f.code for f in check_project(form(None))}
    (finding,) = [f for f in check_project(form("元")) if f.code == rules.RATE_MISMATCH]
    assert "86.19%" in finding.message and "86.18%" in finding.message
    # The rate it does print to the cent is right, and its 得分 8.62 too.
    right = form("元")
    right.rate_printed = D("0.8618")
    codes = {f.code for f in check_project(right)} | {f.code for f in scoring_findings(right)}
    assert rules.RATE_MISMATCH not in codes and FUNDS_SCORE not in codes


def test_a_goal_that_is_only_a_figure_or_the_name_is_sent_back() -> None:
    # 河北 廊坊 (a03): 「43.2」; 山西 稷山 (c03) and 云南 丽江 (a06): the project's name, or part of it.
    for goal, what in (("43.2", "一个数字"), ("农村饮水安全巩固提升", "项目名称"),
                       ("饮水安全", "项目名称")):
        project = mof_form(goal=goal)
        project.headings.update({"goal": "预期目标"})
        (finding,) = [f for f in check_project(project) if f.code == rules.GOAL_NOT_STATED]
        assert finding.field == "goal" and f"「预期目标」只写了{what}" in finding.message
    # A goal in words, however short, is a goal.
    for goal in ("完成12处供水工程维修改造", "维修12处", "农村饮水安全巩固提升12处"):
        assert rules.GOAL_NOT_STATED not in {f.code for f in check_project(mof_form(goal=goal))}


def test_a_goal_naming_only_earlier_years_is_asked_about() -> None:
    # 四川 大英 (a09): a 2023 form whose goal plans 「2022年…」.
    report = Report(projects=[mof_form(goal="2022年完成12处供水工程维修改造")], year=2023)
    (finding,) = [f for f in rules.Checker(report).findings() if f.code == rules.GOAL_OTHER_YEAR]
    assert finding.field == "goal" and "2022 年（本表为 2023 年度）" in finding.message
    # This year's goal, one naming this year beside last, or a report with no year: no finding.
    for goal, year in (("2023年完成12处", 2023), ("巩固2022年成果，2023年完成12处", 2023),
                       ("2022年完成12处", None)):
        fine = Report(projects=[mof_form(goal=goal)], year=year)
        assert rules.GOAL_OTHER_YEAR not in {f.code for f in rules.Checker(fine).findings()}


def test_a_completion_that_repeats_its_goal_is_sent_back() -> None:
    # Word for word, whatever the spacing and punctuation (四川 炉霍, 安徽 萧县 publish such).
    project = mof_form(goal="完成12处供水工程维修改造。", completion="完成 12 处供水工程维修改造")
    project.headings.update({"goal": "年初设定目标", "completion": "年度总体目标完成情况综述"})
    (finding,) = [f for f in check_project(project) if f.code == rules.COMPLETION_REPEATS_GOAL]
    assert finding.field == "completion" and finding.severity is rules.Severity.WARNING
    assert "「年度总体目标完成情况综述」与「年初设定目标」一字不差" in finding.message
    # A completion that says what was done, even in the goal's words, is fine.
    for completion in ("完成12处", "已完成12处供水工程维修改造，受益3000人", ""):
        done = mof_form(goal="完成12处供水工程维修改造", completion=completion)
        assert rules.COMPLETION_REPEATS_GOAL not in {f.code for f in check_project(done)}


def test_full_marks_for_a_missed_target_are_sent_back() -> None:
    # 安徽 濉溪 (d02): ≤5300元/户 with 5830元/户, scored the full 10; the formula gives 9.09.
    capped = Indicator("quality", "扶贫临时救助标准", "≤5300元/户", actual="5830元/户",
                       weight=D(10), score=D(10), reason="物价上涨")
    project = mof_form()
    project.indicators.append(capped)
    project.headings.update({"indicator.actual": "全年实际值", "indicator.score": "得分"})
    (finding,) = [f for f in scoring_findings(project) if f.code == scoring.FULL_SCORE_TARGET_MISSED]
    assert finding.field == f"indicator:{len(project.indicators) - 1}.score"
    assert "全年实际值「5830元/户」" in finding.message and "应为 9.09" in finding.message
    # Met, scored below full marks, or full marks a whole-point form may print for 4.84: fine.
    for actual, score in (("5200元/户", "10"), ("5830元/户", "9.09"), ("5830元/户", "8")):
        fine = mof_form()
        fine.indicators.append(Indicator("quality", "标准", "≤5300元/户", actual=actual,
                                         weight=D(10), score=D(score), reason="物价上涨"))
        assert scoring.FULL_SCORE_TARGET_MISSED not in {f.code for f in scoring_findings(fine)}
    rounded = mof_form()
    rounded.indicators.append(Indicator("quantity", "人数", "≥4754人", actual="4604人",
                                        weight=D(5), score=D(5), reason="自然减员"))
    assert scoring.FULL_SCORE_TARGET_MISSED not in {f.code for f in scoring_findings(rounded)}


def test_a_score_above_what_the_result_earns_is_sent_back() -> None:
    # 山西 稷山 (c03): 3224 of 3807 people, scored 1.9 of 2; the proportion gives 1.69.
    project = mof_form()
    project.indicators.append(Indicator("quantity", "高血压规范管理数", "3807人", actual="3224人",
                                        weight=D(2), score=D("1.9"), reason="随访不到位"))
    project.headings.update({"indicator.actual": "实际完成值", "indicator.score": "得分"})
    (finding,) = [f for f in scoring_findings(project) if f.code == scoring.SCORE_ABOVE_RESULT]
    assert finding.field == f"indicator:{len(project.indicators) - 1}.score"
    assert finding.severity is rules.Severity.WARNING
    assert "得分 1.9 高于按完成程度计算的 1.69" in finding.message
    # At or below the formula, within the score's printing (1.7 printed for 1.69), full marks
    # (FULL_SCORE_TARGET_MISSED's), a met target, or a qualitative grade: not this finding.
    for target, actual, score in (("3807人", "3224人", "1.69"), ("3807人", "3224人", "1.5"),
                                  ("3807人", "3224人", "1.7"), ("3807人", "3224人", "2"),
                                  ("3807人", "3900人", "1.9"), ("按时", "基本按时", "1.9")):
        fine = mof_form()
        fine.indicators.append(Indicator("quantity", "人数", target, actual=actual,
                                         weight=D(2), score=D(score), reason="说明"))
        assert scoring.SCORE_ABOVE_RESULT not in {f.code for f in scoring_findings(fine)}, \
            (target, actual, score)


def test_a_source_is_checked_across_the_funds_listed_under_the_total() -> None:
    # 重庆 彭水 (c04): 市级资金 343 in the project's lines, 208 + 136 = 344 in its two funds.
    def checklist(city: str) -> Project:
        project = Project(name="计划生育服务项目", goal="g", budget=Funds(total_entered=D("1084.25")))
        project.headings.update({"budget": "年度预算资金总额"})
        project.fund_lines = [
            FundLine("中央补助", budget=D(668)), FundLine("市级资金", budget=D(city)),
            FundLine("本级资金", budget=D("73.25")),
            FundLine("年度预算资金总额", "奖励扶助", total=True, budget=D(763)),
            FundLine("中央补助", "奖励扶助", budget=D(502)),
            FundLine("市级资金", "奖励扶助", budget=D(208)),
            FundLine("本级资金", "奖励扶助", budget=D(53)),
            FundLine("年度预算资金总额", "特别扶助", total=True, budget=D("321.25")),
            FundLine("中央补助", "特别扶助", budget=D(166)),
            FundLine("市级资金", "特别扶助", budget=D(135)),
            FundLine("本级资金", "特别扶助", budget=D("20.25")),
        ]
        return project

    assert rules.TOTAL_NOT_SUM not in {f.code for f in check_project(checklist("343"))}
    # 342 is wrong both ways: down (the project's own lines against its total) and across.
    found = {f.field: f.message for f in check_project(checklist("342"))
             if f.code == rules.TOTAL_NOT_SUM}
    assert set(found) == {"budget.total", "funds.rows.市级资金.budget"}
    assert "市级资金 342 ≠ 奖励扶助 208 + 特别扶助 135（应为 343）" in found["funds.rows.市级资金.budget"]


# --- messages in the form's own words ---------------------------------------------------------------


def test_messages_name_the_forms_own_headings() -> None:
    project = mof_form(actual=Funds(general=D(50)), rate_printed=None,
                       execution_score_printed=D(10), total_score_printed=D(100))
    project.headings.update({"budget": "调整后预算数", "actual": "预算执行数", "row.total": "总额",
                             "row.general": "财政资金"})
    messages = [f.message for f in check_project(project) if f.code == rules.OVERSPENT]
    assert messages and all("预算执行数" in m and "调整后预算数" in m for m in messages)
    assert rules.field_label("actual.general", project) == "预算执行数/财政资金"
    assert rules.field_label("initial.general") == "年初预算数/一般公共预算"


# --- the Sichuan profile and the province from the layout -------------------------------------------


def sichuan_form() -> Project:
    project = mof_form(execution_weight_printed=D(10))
    # Free weights over 90 points, no 满意度 indicator.
    project.indicators = [
        Indicator("quantity", "维修改造供水工程", "≥12处", None, "", "12处", D(40), D(40)),
        Indicator("quality", "工程验收合格率", "100%", None, "", "100%", D(25), D(25)),
        Indicator("social", "受益人口", "≥5000人", None, "", "5200人", D(25), D(25)),
    ]
    project.headings.update({"budget": "调整后预算数", "actual": "预算执行数",
                             "rows.non_fiscal": "财政专户管理资金、单位资金、其他资金",
                             "indicators": "绩效指标（90分）", "funds": "预算执行情况（10分）"})
    return project


def test_sichuan_weights_are_free_and_no_satisfaction_is_required() -> None:
    assert all_codes(sichuan_form(), "sichuan") == set()
    assert score_project(sichuan_form(), PROFILES["sichuan"]).total == D("98.62")
    under_mof = {c for c, _ in all_codes(sichuan_form(), "mof")}
    assert {"NO_SATISFACTION_INDICATOR", WEIGHTS_NOT_GROUP_POINTS} <= under_mof


def test_sichuan_weights_must_still_add_up_to_90() -> None:
    project = sichuan_form()
    project.indicators[0].weight = D(50)
    found = [f for f in scoring_findings(project, PROFILES["sichuan"])
             if f.code == WEIGHTS_NOT_GROUP_POINTS]
    assert len(found) == 1 and "100" in found[0].message and "90" in found[0].message
    assert "绩效指标" in found[0].message


def test_the_province_is_told_from_the_layout() -> None:
    proposal = propose_profile(Report(projects=[sichuan_form()]))
    assert proposal.profile == "sichuan" and proposal.recognised
    assert "财政专户管理资金" in "、".join(proposal.evidence)
    assert propose_from_headings(["绩效指标（90分）"]).profile == "sichuan"
    assert propose_from_headings(["绩效指标(90 分)"]).profile == "sichuan"


@pytest.mark.parametrize("headings", [
    [], ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    ["调整后预算数"],  # one shared clue alone is not enough
])
def test_a_mof_form_stays_mof(headings: list[str]) -> None:
    assert propose_from_headings(headings).profile == scoring.DEFAULT_PROFILE.name


def test_sichuans_printed_note_in_the_reason_cell_is_no_reason() -> None:
    note = "1.预算执行率=预算执行数/调整后预算数，2.…，3.其他资金包括:社会投入资金、银行贷款."
    project = mof_form(initial=Funds(general=D(40)), problems="", funds_reason=note)
    project.headings["reason"] = "原因"
    assert rules.BUDGET_ADJUSTED_NO_REASON in {f.code for f in check_project(project)}
    assert not is_template_text(note)


def test_another_forms_empty_score_cells_are_required() -> None:
    project = mof_form(execution_score_printed=None, total_score_printed=None)
    project.indicators[0].score = None
    project.headings.update({"indicator.score": "得分", "score": "得分", "total_score": "合计"})
    found = [(f.code, f.field) for f in scoring_findings(project)]
    assert found.count(("REQUIRED", "indicator:0.score")) == 1
    assert ("REQUIRED", "funds.score") in found and ("REQUIRED", "total_score") in found
    messages = [f.message for f in scoring_findings(project) if f.field == "total_score"]
    assert messages == ["「合计」行未填得分"]
    # Our own forms (no printed headings) have computed scores: nothing is asked.
    project.headings.clear()
    assert "REQUIRED" not in {f.code for f in scoring_findings(project)}


def test_an_empty_actual_is_required_not_non_numeric() -> None:
    project = mof_form()
    project.indicators[0].actual = ""
    found = {(f.code, f.field) for f in scoring_findings(project)}
    assert ("REQUIRED", "indicator:0.actual") in found
    assert "NOT_NUMERIC_INDICATOR" not in {c for c, _ in found}


@pytest.mark.parametrize(("headings", "places", "profile"), [
    ({"score": ["得分（20分*执行率）"], "funds": ["预算执行情况（万元）（20分）"]}, [], "exec20"),
    ({"indicator.weight": ["分值（20分）"]}, [], "mof"),  # 20 points of an indicator group
    ({"budget": ["全年预算数"]}, ["廊坊市机关事务管理局"], "hebei"),
    ({"budget": ["全年预算数"]}, ["成都市某局"], "mof"),
])
def test_hubei_and_hebei_forms_are_told(headings: dict[str, list[str]], places: list[str],
                                       profile: str) -> None:
    project = mof_form(authority=places[0] if places else "某县水务局")
    project.headings = {key: texts[0] for key, texts in headings.items()}
    assert propose_profile(Report(projects=[project])).profile == profile


def test_a_low_rate_on_a_form_without_a_problems_field() -> None:
    # The older MoF wording: no 问题 row, reasons go in each indicator's column.
    project = mof_form(problems="")
    project.headings.update({"indicator.reason": "未完成原因及拟采取的改进措施", "budget": "全年预算数"})
    (finding,) = [f for f in check_project(project) if f.code == rules.LOW_RATE_NO_REASON]
    assert finding.field == "rate" and "「未完成原因及拟采取的改进措施」" in finding.message
    project.indicators[0].reason = "工程尾款按合同于次年支付"
    assert rules.LOW_RATE_NO_REASON not in {f.code for f in check_project(project)}
    project.indicators[0].reason = "0"  # what some forms print in an unused reason cell
    assert rules.LOW_RATE_NO_REASON in {f.code for f in check_project(project)}


def test_template_text_left_in_问题_explains_nothing() -> None:
    project = mof_form(initial=Funds(general=D(40)),
                       problems="结合自评情况,分析存在的问题及原因。(200字以内)")
    codes = {f.code for f in check_project(project)}
    assert {rules.BUDGET_ADJUSTED_NO_REASON, rules.LOW_RATE_NO_REASON, rules.TEMPLATE_TEXT} <= codes


def test_sichuans_printed_note_is_not_reported_as_template_text() -> None:
    note = ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
            "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.")
    project = mof_form(funds_reason=note)
    assert rules.TEMPLATE_TEXT not in {f.code for f in check_project(project)}
