"""Scoring profiles: every figure below was worked out by hand from the rules in domain.md."""

from __future__ import annotations

import dataclasses
import itertools
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evaldesk.core.records import BENEFIT, OUTPUT, SATISFACTION, Comparator, Funds, Indicator, Project
from evaldesk.core.rules import Finding, Severity
from evaldesk.core.scoring import (
    DEFAULT_PROFILE,
    NOT_NUMERIC_INDICATOR,
    OVERSHOOT_NO_REASON,
    PROFILES,
    QUALITATIVE_UNGRADED,
    SCORE_ABOVE_WEIGHT,
    SCORE_NO_REASON,
    WEIGHTS_NOT_GROUP_POINTS,
    NegativeFormula,
    QualitativeGrade,
    Quantity,
    ScoringProfile,
    effective_weights,
    execution_score,
    get_profile,
    grade,
    indicator_comparator,
    indicator_score,
    infer_comparator,
    parse_quantity,
    qualitative_grade,
    rate_cap,
    score_project,
    score_report,
    scoring_findings,
    total_score,
)
from evaldesk.io.read_text import read_text

D = Decimal
MOF = PROFILES["mof"]
LINEAR = PROFILES["linear"]


def ind(category: str, name: str, target: str, actual: str, weight: str | None,
        *, score: str | None = None, reason: str = "", applicable: bool = True,
        comparator: Comparator | None = None) -> Indicator:
    return Indicator(category=category, name=name, target=target, actual=actual,
                     weight=None if weight is None else D(weight),
                     score=None if score is None else D(score), reason=reason,
                     applicable=applicable, comparator=comparator)


def project(indicators: list[Indicator], budget: str = "100", actual: str = "100") -> Project:
    return Project(name="信访宣传", goal="提升群众满意度",
                   budget=Funds(general=D(budget)), actual=Funds(general=D(actual)),
                   indicators=indicators)


def full_marks(**weights: str) -> list[Indicator]:
    """A well-formed form where every indicator meets its target: 产出 50, 效益 30, 满意度 10."""
    w = {"quantity": "50", "social": "30", "satisfaction": "10", **weights}
    return [
        ind("quantity", "接待来访群众", "≥1000人次", "1200人次", w["quantity"], reason="群众来访增多"),
        ind("social", "信访秩序", "有效维护", "有效维护", w["social"]),
        ind("satisfaction", "来访群众满意度", "≥90%", "95%", w["satisfaction"]),
    ]


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


# --- profiles ------------------------------------------------------------------------------------


def test_profiles_add_up_to_100() -> None:
    assert set(PROFILES) >= {"mof", "hebei", "exec20", "capped", "regroup"}
    for profile in PROFILES.values():
        assert profile.full_marks == 100, profile.name
    assert PROFILES["exec20"].points_for(OUTPUT) == 40
    assert DEFAULT_PROFILE.points_for(BENEFIT) == 30
    assert DEFAULT_PROFILE.points_for(SATISFACTION) == 10


def test_get_profile_names_the_choices() -> None:
    assert get_profile("hebei") is PROFILES["hebei"]
    with pytest.raises(KeyError, match=r"mof.*hebei.*exec20"):
        get_profile("shanghai")


def test_qualitative_fractions_must_lie_in_the_mof_ranges() -> None:
    with pytest.raises(ValueError, match="部分达成"):
        ScoringProfile("bad", "坏方案", partial=D("0.85"))
    assert ScoringProfile("ok", "方案", achieved=D("0.9"), not_achieved=D(0)).achieved == D("0.9")


# --- execution -----------------------------------------------------------------------------------


def test_execution_score_by_profile() -> None:
    assert execution_score(D("0.862"), MOF) == D("8.62")
    assert execution_score(D("0.862"), PROFILES["hebei"]) == D(9)
    assert execution_score(D("0.849"), PROFILES["hebei"]) == D(8)
    assert execution_score(D("0.862"), PROFILES["exec20"]) == D("17.24")
    # 89.94 / 91.66 (the seed's row): 9.8124… printed to the cent.
    assert execution_score(D("89.94") / D("91.66"), MOF) == D("9.81")
    assert execution_score(D("1.05"), MOF) == D(10)  # min(rate, 100 %)
    assert execution_score(None, MOF) is None


def test_project_execution_uses_the_amounts() -> None:
    result = score_project(project(full_marks(), budget="100", actual="86.2"), PROFILES["hebei"])
    assert result.rate == D("0.862")
    assert result.execution == D(9)
    assert result.total == D(99)  # 9 + 50 + 30 + 10


# --- quantitative indicators ----------------------------------------------------------------------


def test_positive_indicator_below_target_scores_in_proportion() -> None:
    i = ind("quantity", "培训人次", "≥100人次", "80人次", "10")
    assert indicator_score(i, MOF) == D("8.00")
    i.actual = "100人次"
    assert indicator_score(i, MOF) == D(10)
    i.actual = "150人次"
    assert indicator_score(i, MOF) == D(10)  # capped at the weight


def test_negative_indicator_above_target_both_formulas() -> None:
    i = ind("timeliness", "办结时限", "≤10个工作日", "12个工作日", "10")
    assert indicator_score(i, MOF) == D("8.33")  # 10 × 10 / 12
    assert indicator_score(i, LINEAR) == D("8.00")  # 10 × (1 − 2 / 10)
    i.actual = "25个工作日"
    assert indicator_score(i, MOF) == D("4.00")  # 10 × 10 / 25
    assert indicator_score(i, LINEAR) == D(0)  # past twice the target: nothing, never negative
    i.actual = "20个工作日"
    assert indicator_score(i, LINEAR) == D(0)
    i.actual = "8个工作日"
    assert indicator_score(i, MOF) == D(10)


def test_equal_indicator_loses_points_either_way() -> None:
    i = ind("quantity", "建设站点", "=10个", "8个", "10")
    assert indicator_score(i, MOF) == D("8.00")
    i.actual = "12个"
    assert indicator_score(i, MOF) == D("8.33")  # 10 × 10 / 12
    assert indicator_score(i, LINEAR) == D("8.00")  # 10 × (1 − 2 / 10)


def test_zero_targets_do_not_divide() -> None:
    assert indicator_score(ind("quality", "安全事故", "≤0起", "2起", "5"), MOF) == D(0)
    assert indicator_score(ind("quality", "安全事故", "≤0起", "0起", "5"), MOF) == D(5)
    assert indicator_score(ind("quantity", "新增", "≥0个", "0个", "5"), MOF) == D(5)


def test_written_comparator_wins_over_the_text() -> None:
    i = ind("cost", "成本", "12万元", "15万元", "10", comparator=Comparator.LE)
    assert indicator_comparator(i) is Comparator.LE
    assert indicator_score(i, MOF) == D("8.00")  # 10 × 12 / 15
    i.comparator = None
    assert indicator_comparator(i) is Comparator.GE  # a bare number is a target to reach
    assert indicator_score(i, MOF) == D(10)


def test_non_numeric_quantitative_cannot_be_scored() -> None:
    assert indicator_score(ind("quality", "合格率", "≥95%", "已完成", "10"), MOF) is None
    i = ind("quality", "合格率", "按时完成", "100%", "10", comparator=Comparator.GE)
    assert indicator_score(i, MOF) is None
    assert indicator_score(ind("quality", "合格率", "≥95%", "98%", None), MOF) is None


@pytest.mark.parametrize(("text", "quantity", "comparator"), [
    ("≥95%", Quantity(D(95), "%"), Comparator.GE),
    ("20件", Quantity(D(20), "件"), None),
    ("100%", Quantity(D(100), "%"), None),
    ("15个工作日内", Quantity(D(15), "个工作日"), Comparator.LE),
    ("98.5", Quantity(D("98.5"), ""), None),
    ("不低于95％", Quantity(D(95), "%"), Comparator.GE),
    ("不少于1,200人次", Quantity(D(1200), "人次"), Comparator.GE),
    ("95%以上", Quantity(D(95), "%"), Comparator.GE),
    ("不高于3%", Quantity(D(3), "%"), Comparator.LE),
    ("不超过5次", Quantity(D(5), "次"), Comparator.LE),
    ("30天以内", Quantity(D(30), "天"), Comparator.LE),
    ("＞＝90", Quantity(D(90), ""), Comparator.GE),
    ("﹦3个", Quantity(D(3), "个"), Comparator.EQ),
    ("≤ 15 天", Quantity(D(15), "天"), Comparator.LE),
    ("年内完成100人次", Quantity(D(100), "人次"), None),  # 年内 is not "within 100"
    ("有效提升", None, None),
    ("2021年12月底前", None, Comparator.LE),  # a deadline: no quantity, so scored as qualitative
    ("12月底前", None, Comparator.LE),
    ("第3季度", None, None),
    ("3-5人", None, None),
    ("", None, None),
])
def test_reading_targets(text: str, quantity: Quantity | None, comparator: Comparator | None) -> None:
    assert parse_quantity(text) == quantity
    assert infer_comparator(text) is comparator


# --- qualitative indicators ------------------------------------------------------------------------


@pytest.mark.parametrize(("actual", "expected"), [
    ("达成", QualitativeGrade.ACHIEVED),
    ("已完成", QualitativeGrade.ACHIEVED),
    ("完成。", QualitativeGrade.ACHIEVED),
    ("是", QualitativeGrade.ACHIEVED),
    ("部分达成", QualitativeGrade.PARTIAL),
    ("基本完成", QualitativeGrade.PARTIAL),
    ("未完成", QualitativeGrade.NOT_ACHIEVED),
    ("尚未实现", QualitativeGrade.NOT_ACHIEVED),
    ("否", QualitativeGrade.NOT_ACHIEVED),
    ("正在推进", None),
    ("", None),
])
def test_qualitative_words(actual: str, expected: QualitativeGrade | None) -> None:
    assert qualitative_grade(actual) is expected


def test_qualitative_actual_repeating_its_target_is_achieved() -> None:
    assert qualitative_grade("群众获得感增强", "群众获得感增强") is QualitativeGrade.ACHIEVED


def test_qualitative_scores_by_profile() -> None:
    def score(actual: str, profile: ScoringProfile = MOF) -> Decimal | None:
        return indicator_score(ind("social", "社会影响", "明显改善", actual, "10"), profile)

    assert score("已完成") == D(10)  # 达成: the whole weight (range 80–100 %)
    assert score("基本完成") == D("7.00")  # 部分达成: 70 % (range 60–80 %)
    assert score("未完成") == D("3.00")  # 未达成: 30 % (range 0–60 %)
    assert score("正在推进") is None
    assert score("基本完成", ScoringProfile("x", "x", partial=D("0.8"))) == D("8.00")


def test_ungraded_qualitative_asks_for_a_typed_score() -> None:
    p = project(full_marks())
    p.indicators[1].actual = "正在推进"
    found = scoring_findings(p, MOF)
    assert codes(found) == [QUALITATIVE_UNGRADED]
    assert found[0].field == "indicator:1.score"
    assert "正在推进" in found[0].message
    assert score_project(p, MOF).total is None
    p.indicators[1].score = D(25)
    p.indicators[1].reason = "项目跨年度实施"
    assert scoring_findings(p, MOF) == []
    assert score_project(p, MOF).total == D(95)


# --- 不适用 ---------------------------------------------------------------------------------------


def not_applicable_form() -> Project:
    return project([
        ind("quantity", "培训人次", "≥100人次", "80人次", "20", reason="疫情停办两期"),
        ind("quality", "培训合格率", "≥95%", "", "20", applicable=False),
        ind("timeliness", "办结时限", "15个工作日内", "12个工作日", "10"),
        ind("social", "信访秩序", "有效维护", "有效维护", "30"),
        ind("satisfaction", "满意度", "≥90%", "95%", "10"),
    ])


def test_not_applicable_rescaled_over_all_indicators() -> None:
    p = not_applicable_form()
    # The 20 points spread over the 70 applicable ones: ×90/70. 25.714 12.857 38.571 12.857 cut
    # to the cent give 89.98; the two cents left go to the largest remainders (the 12.857s).
    assert effective_weights(p, MOF) == [D("25.71"), D(0), D("12.86"), D("38.57"), D("12.86")]
    result = score_project(p, MOF)
    assert [s.score for s in result.indicators] == [D("20.57"), None, D("12.86"), D("38.57"),
                                                    D("12.86")]  # 25.71 × 0.8 = 20.568
    assert [g.score for g in result.groups] == [D("33.43"), D("38.57"), D("12.86")]
    assert [g.weight for g in result.groups] == [D("38.57"), D("38.57"), D("12.86")]
    assert result.total == D("94.86")  # 10 + 33.43 + 38.57 + 12.86
    assert result.grade == "优"


def test_not_applicable_regrouped_within_its_level1_group() -> None:
    p = not_applicable_form()
    # 产出 keeps its 50 on the two applicable ones: ×50/30 → 33.333 16.667 → 33.33 16.67.
    regroup = PROFILES["regroup"]
    assert effective_weights(p, regroup) == [D("33.33"), D(0), D("16.67"), D(30), D(10)]
    result = score_project(p, regroup)
    assert result.indicators[0].score == D("26.66")  # 33.33 × 0.8 = 26.664
    assert result.group(OUTPUT).score == D("43.33")
    assert result.total == D("93.33")  # 10 + 26.66 + 16.67 + 30 + 10


def test_regroup_of_a_whole_group_spreads_over_the_rest() -> None:
    indicators = full_marks()
    indicators[2].applicable = False
    p = project(indicators)
    # 满意度 has nobody left: its 10 go to 50 and 30 in proportion, 56.25 and 33.75.
    assert effective_weights(p, PROFILES["regroup"]) == [D("56.25"), D("33.75"), D(0)]
    assert score_project(p, PROFILES["regroup"]).total == D(100)


def test_points_moved_by_hand_are_not_moved_again() -> None:
    indicators = [*full_marks(quantity="40"),
                  ind("quality", "合格率", "≥95%", "", None, applicable=False)]
    indicators[0].weight = D(50)
    p = project(indicators)
    assert effective_weights(p, MOF) == [D(50), D(30), D(10), None]
    assert scoring_findings(p, MOF) == []


@given(st.sets(st.integers(min_value=1, max_value=8999), min_size=1, max_size=11),
       st.integers(min_value=0, max_value=11))
def test_rescaled_full_marks_always_total_exactly_90(cuts: set[int], dropped: int) -> None:
    """Whatever the weights (in cents, adding up to 90), the applicable ones share exactly 90, so a
    form that meets every target scores 100, not 99.99 or 100.01."""
    bounds = [0, *sorted(cuts), 9000]
    cents = [high - low for low, high in itertools.pairwise(bounds)]
    dropped %= len(cents)
    indicators = [ind("quantity", f"指标{k}", "≥1", "1", None, applicable=k != dropped)
                  for k in range(len(cents))]
    for indicator, c in zip(indicators, cents, strict=True):
        indicator.weight = D(c) / 100
    weights = effective_weights(project(indicators), MOF)
    assert sum((w or D(0) for w in weights), D(0)) == D(90)
    assert weights[dropped] == 0
    result = score_project(project(indicators), MOF)
    assert result.total == D(100)


# --- totals, caps, grades ----------------------------------------------------------------------


def test_total_capped_by_execution_rate() -> None:
    indicators = full_marks()
    indicators[2].score = D("7.5")
    indicators[2].reason = "个别群众对办理时限不满意"
    p = project(indicators, budget="100", actual="75")
    capped = score_project(p, PROFILES["capped"])
    assert capped.execution == D("7.50")
    assert capped.total == D(95)  # 7.5 + 50 + 30 + 7.5
    assert capped.cap == D(89)
    assert capped.total_capped == D(89)
    assert capped.grade == "良"
    uncapped = score_project(p, MOF)
    assert (uncapped.cap, uncapped.total_capped, uncapped.grade) == (None, D(95), "优")
    assert total_score(p, PROFILES["capped"]) == D(89)


@pytest.mark.parametrize(("rate", "cap"), [
    ("0.80", None), ("0.7999", "89"), ("0.75", "89"), ("0.70", "89"), ("0.6999", "79"),
    ("0.65", "79"), ("0.60", "79"), ("0.55", "69"), ("0.50", "69"), ("0.45", "59"), ("0", "59"),
])
def test_rate_caps(rate: str, cap: str | None) -> None:
    assert rate_cap(D(rate), PROFILES["capped"]) == (None if cap is None else D(cap))
    assert rate_cap(D(rate), MOF) is None


def test_cap_above_the_total_changes_nothing() -> None:
    p = project(full_marks(), budget="100", actual="75")
    p.indicators[0].score = D(30)
    p.indicators[0].reason = "部分培训取消"
    result = score_project(p, PROFILES["capped"])
    assert result.total == D("77.50")
    assert result.total_capped == D("77.50")
    assert result.grade == "中"


@pytest.mark.parametrize(("total", "expected"), [
    ("100", "优"), ("90", "优"), ("89.99", "良"), ("80", "良"), ("79.99", "中"), ("60", "中"),
    ("59.99", "差"), ("0", "差"),
])
def test_grade_boundaries(total: str, expected: str) -> None:
    assert grade(D(total)) == expected


def test_exec20_profile_totals_100() -> None:
    p = project(full_marks(quantity="40"), budget="100", actual="86.2")
    result = score_project(p, PROFILES["exec20"])
    assert result.execution == D("17.24")
    assert result.total == D("97.24")  # 17.24 + 40 + 30 + 10
    assert scoring_findings(p, PROFILES["exec20"]) == []
    assert codes(scoring_findings(p, MOF)) == [WEIGHTS_NOT_GROUP_POINTS]


def test_no_rate_no_total() -> None:
    p = project(full_marks(), budget="0", actual="0")
    result = score_project(p, MOF)
    assert result.execution is None
    assert result.total is None
    assert result.grade is None
    assert result.missing == ("预算执行率",)


def test_seed_summary_table_is_not_scored(seed_path: Path) -> None:
    report = read_text(seed_path)
    scores = score_report(report, MOF)
    assert [scores[p.uid].execution for p in report.projects] == [
        D("9.81"), D("9.90"), D("9.72"), D("9.49"), D("9.81"), D("8.89")]
    assert all(not s.scored and s.total is None for s in scores.values())
    assert all(scoring_findings(p, MOF) == [] for p in report.projects)


def test_summary_row_is_not_scored() -> None:
    """The summary table has no weights: no total and no scoring findings, whatever its text."""
    p = project([ind("quantity", "信访件办理", "按时办结", "已完成", None),
                 ind("social", "", "", "", None, applicable=False)])
    result = score_project(p, MOF)
    assert not result.scored
    assert result.total is None
    assert result.execution == D(10)
    assert scoring_findings(p, MOF) == []


# --- typed scores -------------------------------------------------------------------------------


def test_typed_score_overrides_and_is_still_checked() -> None:
    p = project(full_marks())
    p.indicators[1].score = D(27)
    result = score_project(p, MOF)
    social = result.indicators[1]
    assert (social.computed, social.typed, social.score, social.overridden) == (D(30), D(27), D(27),
                                                                                 True)
    assert not result.indicators[0].overridden
    assert result.total == D(97)
    found = scoring_findings(p, MOF)
    assert found == [Finding(SCORE_NO_REASON, Severity.WARNING, p.uid, "indicator:1.reason",
                             "社会效益指标「信访秩序」得分 27 低于分值 30，"
                             "须在「偏差原因分析及改进措施」中说明原因")]
    p.indicators[1].reason = "无"
    assert codes(scoring_findings(p, MOF)) == [SCORE_NO_REASON]  # 无 explains nothing
    p.indicators[1].reason = "部分矛盾纠纷化解周期较长"
    assert scoring_findings(p, MOF) == []


def test_typed_score_above_weight() -> None:
    p = project(full_marks())
    p.indicators[2].score = D(12)
    found = scoring_findings(p, MOF)
    assert codes(found) == [SCORE_ABOVE_WEIGHT]
    assert found[0].severity is Severity.ERROR
    assert found[0].field == "indicator:2.score"
    assert "得分 12 超过分值 10" in found[0].message


def test_computed_score_below_weight_needs_a_reason() -> None:
    p = project(full_marks())
    p.indicators[0].actual = "800人次"
    p.indicators[0].reason = ""
    found = scoring_findings(p, MOF)
    assert codes(found) == [SCORE_NO_REASON]
    assert "得分 40 低于分值 50" in found[0].message  # 50 × 800 / 1000


def test_score_against_a_rescaled_weight_says_so() -> None:
    p = not_applicable_form()
    p.indicators[3].score = D(30)  # full marks by the written weight, short of the rescaled 38.57
    found = scoring_findings(p, MOF)
    assert codes(found) == [SCORE_NO_REASON]
    assert "得分 30 低于分值 38.57（已含不适用指标转入的分值）" in found[0].message


# --- other checks -----------------------------------------------------------------------------


def test_weights_not_adding_up_to_group_points() -> None:
    p = project(full_marks(social="25"))
    found = scoring_findings(p, MOF)
    assert codes(found) == [WEIGHTS_NOT_GROUP_POINTS]
    assert found[0].severity is Severity.ERROR
    assert found[0].field == "indicator:1.weight"
    assert found[0].message == "效益指标各指标分值合计 25，应为 30"


def test_unweighted_indicator_is_named_in_the_weights_finding() -> None:
    p = project([*full_marks(quantity="40"), ind("quality", "合格率", "≥95%", "98%", None)])
    found = scoring_findings(p, MOF)
    assert codes(found) == [WEIGHTS_NOT_GROUP_POINTS]
    assert found[0].field == "indicator:3.weight"
    assert found[0].message == "产出指标各指标分值合计 40，应为 50（1 个指标未填分值）"
    assert score_project(p, MOF).missing == ("质量指标「合格率」",)


def test_not_numeric_quantitative_indicator() -> None:
    p = project(full_marks())
    p.indicators[2].actual = "大部分满意"
    found = scoring_findings(p, MOF)
    assert codes(found) == [NOT_NUMERIC_INDICATOR]
    assert found[0].field == "indicator:2.actual"
    assert found[0].message == ("服务对象满意度指标「来访群众满意度」为定量指标（≥），"
                                "实际完成值「大部分满意」不是数值")
    assert score_project(p, MOF).total is None

    p = project(full_marks())
    p.indicators[0].comparator = Comparator.GE
    p.indicators[0].target = "按时完成"
    found = scoring_findings(p, MOF)
    assert codes(found) == [NOT_NUMERIC_INDICATOR]
    assert found[0].field == "indicator:0.target"


def test_overshoot_needs_a_reason() -> None:
    p = project(full_marks())
    p.indicators[0].actual = "1300人次"  # 30 % over 1000
    p.indicators[0].reason = ""
    found = scoring_findings(p, MOF)
    assert codes(found) == [OVERSHOOT_NO_REASON]
    assert found[0].severity is Severity.WARNING
    assert "实际完成值 1300人次 超出年度指标值 1000人次 达 30.00%" in found[0].message
    p.indicators[0].actual = "1299人次"
    assert scoring_findings(p, MOF) == []
    p.indicators[0].actual = "2000人次"
    p.indicators[0].reason = "年末集中接访"
    assert scoring_findings(p, MOF) == []


def test_doing_better_than_a_ceiling_is_not_an_overshoot() -> None:
    p = project([*full_marks(quantity="40"),
                 ind("timeliness", "办结时限", "15个工作日内", "5个工作日", "10")])
    assert scoring_findings(p, MOF) == []


def test_findings_come_in_indicator_order() -> None:
    p = project(full_marks(social="25"))
    p.indicators[0].reason = ""
    p.indicators[0].actual = "500人次"
    p.indicators[2].score = D(11)
    assert [(f.field, f.code) for f in scoring_findings(p, MOF)] == [
        ("indicator:0.reason", SCORE_NO_REASON),
        ("indicator:1.weight", WEIGHTS_NOT_GROUP_POINTS),
        ("indicator:2.score", SCORE_ABOVE_WEIGHT),
    ]


def test_linear_profile_changes_only_the_negative_formula() -> None:
    assert LINEAR.negative_formula is NegativeFormula.LINEAR
    assert dataclasses.replace(LINEAR, name="mof", label=MOF.label,
                               negative_formula=NegativeFormula.RATIO) == MOF
