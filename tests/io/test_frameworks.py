"""The older scoring frameworks of the per-project form: 项目决策 / 项目管理 beside 产出 / 效益,
read and scored as part of the form, their printed points read, and the profiles they need
(``ningxia``, ``ningxia-fund``, ``hubei-county``) recognised from the layout.

Every grid below is built to cover a layout (labelled as such, not a published form); the
published forms are b02, c10 and c12 in tests/data/real/ (tests/io/test_real_forms.py)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from evaldesk.cli import main
from evaldesk.core.import_summary import EntryKind, ImportSummary
from evaldesk.core.province import propose_from_headings, propose_profile
from evaldesk.core.records import DECISION, MANAGEMENT, Project, Report
from evaldesk.core.rules import REQUIRED, SOURCES_MISSING, Finding
from evaldesk.core.scoring import (
    FUNDS_SCORE,
    PROFILES,
    SCORE_NO_REASON,
    TOTAL_SCORE_NOT_SUM,
    WEIGHTS_NOT_GROUP_POINTS,
    ScoringProfile,
    checker_for,
    get_profile,
    score_project,
)
from evaldesk.io.project_sheets import project_from_grid

N = None

# Built to cover a layout: the four-part framework as 宁夏 prints it (银川, b02) — 自评得分 in the
# head, one funds row 年度资金总额, 项目管理（25分） holding 预算执行率, 满意度 inside 项目效益（35分）,
# the template's 「指标2:」 placeholder rows.
FOUR_PART = [
    ["项目支出绩效自评表（2021年）", N, N, N, N, N, N, N],
    ["项目名称", "校舍维修", N, N, "主管部门", "某市教育局", N, N],
    ["实施单位", "某中学", N, "自评得分", "97", "财政审核评分", N, N],
    ["项目资金（万元）", N, "年初预算数", "调整预算数（A）", "全年执行数（B）", "执行率（B/A）", N, N],
    [N, "年度资金总额", "50", "50", "45", "90%", N, N],
    ["年度总体目标", "年初设定目标", "维修校舍 2000 平方米", N, N, N, N, N],
    [N, "年度总体目标完成情况", "已完成", N, N, N, N, N],
    ["一级指标", "二级指标", "三级指标", "参考分值", "指标值（A）", "全年实际值（B）", "得分",
     "未完成原因分析及改进措施"],
    ["项目决策（10分）", "项目目标", "完整性", "5", "—", "目标明确", "5", N],
    [N, "项目立项", "相关性", "5", N, N, "5", N],
    ["项目管理（25分）", "投入管理", "预算执行率", "10", "—", "90%", "9", N],
    [N, "财务管理", "财务管理制度有效性", "8", "—", "制度健全", "8", N],
    [N, "项目实施", "管理制度有效性", "7", "—", "严格执行", "6", N],
    ["项目产出（30分）", "数量指标（20分）", "维修面积", "20", "2000平方米", "2000平方米", "20", N],
    [N, N, "指标2:", N, N, N, N, N],
    [N, "时效指标（10分）", "完成时间", "10", "2021年12月", "2021年12月", "10", N],
    ["项目效益（35分）", "社会效益指标", "改善办学条件", "25", "改善", "改善", "25", N],
    [N, "服务对象满意度指标（10分）", "师生满意度", "10", "≥90%", "95%", "10", N],
]


def _four_part(score: str = "9", total: str = "97") -> list[list[object]]:
    grid = [list(row) for row in FOUR_PART]
    grid[2][4] = total
    grid[10][6] = score
    return grid


def _report(project: Project) -> Report:
    report = Report()
    report.projects.append(project)
    return report


def _findings(project: Project, profile: ScoringProfile) -> list[Finding]:
    """What `check` and the window show for the project under ``profile``."""
    return checker_for(_report(project), profile).for_project(project.uid)


def test_decision_and_management_rows_are_read_and_the_rate_row_is_the_funds_row() -> None:
    log = ImportSummary("ningxia.xlsx")
    project = project_from_grid(_four_part(), "宁夏", log=log)
    assert project is not None
    assert [(i.level1, i.name, i.weight, i.score) for i in project.indicators[:4]] == [
        (DECISION, "完整性", Decimal(5), Decimal(5)),
        (DECISION, "相关性", Decimal(5), Decimal(5)),
        (MANAGEMENT, "财务管理制度有效性", Decimal(8), Decimal(8)),
        (MANAGEMENT, "管理制度有效性", Decimal(7), Decimal(6)),
    ]
    # 预算执行率 (10 / 9) is the funds row's 分值 and 得分, not an indicator.
    assert "预算执行率" not in [i.name for i in project.indicators]
    assert (project.execution_weight_printed, project.execution_score_printed) == (10, 9)
    # 满意度 filed under 项目效益 stays a 满意度 indicator; the 「指标2:」 row is 不适用.
    assert [i.category for i in project.indicators[4:] if i.applicable] == [
        "quantity", "timeliness", "social", "satisfaction"]
    assert project.total_score_printed == Decimal(97)
    # 年初设定目标 above 年度总体目标完成情况, each with its own text to the right.
    assert (project.goal, project.completion) == ("维修校舍 2000 平方米", "已完成")
    assert project.headings["level1.项目管理"] == "项目管理（25分）"
    assert project.headings["level1.效益指标"] == "项目效益（35分）"
    assert project.import_notes == []
    assert any("预算执行率" in e.text for e in log.of_kind(EntryKind.HEADING))
    assert any(e.text == "指标2:" for e in log.of_kind(EntryKind.NOT_APPLICABLE))


def test_the_four_part_layout_proposes_ningxia_and_is_judged_by_it() -> None:
    project = project_from_grid(_four_part(), "宁夏", log=None)
    assert project is not None
    proposal = propose_profile(_report(project))
    assert proposal.profile == "ningxia"
    assert "项目管理（25分）" in proposal.evidence
    profile = get_profile("ningxia")
    assert profile.full_marks == 100
    findings = _findings(project, profile)
    codes = sorted(f.code for f in findings)
    # 6 of 7 on a management row with no reason; every group adds up (管理 15 + the rate's 10,
    # 效益 25 + 满意度 10); 5+5+9+8+6+20+10+25+10 = 98 ≠ the printed 97.
    assert codes == [SCORE_NO_REASON, TOTAL_SCORE_NOT_SUM], findings
    no_reason = next(f for f in findings if f.code == SCORE_NO_REASON)
    assert "项目管理「管理制度有效性」" in no_reason.message
    assert "未完成原因分析及改进措施" in no_reason.message  # the form's own heading
    # A decision row without an actual is judged by its criteria: no «未填实际完成情况».
    assert REQUIRED not in codes
    # One funds row and no source rows on the form: nothing to split, no SOURCES_MISSING.
    assert SOURCES_MISSING not in codes
    result = score_project(project, profile)
    assert result.execution == Decimal(9)  # 10 × 90 %
    assert result.total == Decimal(98)


def test_a_wrong_rate_row_score_and_a_wrong_group_weight_are_found() -> None:
    grid = _four_part(score="10", total="99")
    grid[11][3] = "9"  # 财务管理 9: 管理 16 + 10 of the rate
    project = project_from_grid(grid, "宁夏", log=None)
    assert project is not None
    findings = _findings(project, get_profile("ningxia"))
    by_code = {f.code: f for f in findings}
    assert by_code[FUNDS_SCORE].message.startswith("「预算执行率」的得分为 10，执行率 90.00%，应为 9")
    weights = by_code[WEIGHTS_NOT_GROUP_POINTS].message
    assert weights.startswith("项目管理各指标分值合计 16，应为 15") and "预算执行率 10 分" in weights
    grid[10][3] = "15"  # the rate row weighted 15 where the profile gives it 10
    project = project_from_grid(grid, "宁夏", log=None)
    assert project is not None
    by_code = {f.code: f for f in _findings(project, get_profile("ningxia"))}
    assert by_code["FUNDS_WEIGHT"].message.startswith("「预算执行率」的参考分值为 15")


# Built to cover a layout: 湖北's county form (广水, c12) — 「自评总分: 95」 in the head, funds by
# source in columns with the figures below, a 项目决策/项目管理 scoring sheet above 项目绩效.
COUNTY = [
    ["某市财政预算支出项目绩效目标自评表", N, N, N, N, N, N, N],
    ["填报日期:2022 年 3 月 1 日", N, N, N, N, "自评总分: 93", N, N],
    ["项目名称", "农村公路养护", N, N, "项目主管单位", "某市交通运输局", N, N],
    ["项目资金\n来源", "中央\n(万元)", "省、地\n(万元)", "本级\n(万元)", "其他\n(万元)", "合计\n(万元)",
     "执行数\n(万元)", "执行率"],
    [N, "100", N, "50", N, "150", "120", "80 %"],
    ["项目年度目标", "养护农村公路 200 公里", N, N, N, N, N, N],
    ["项目权重", "评价内容", N, "分值", "自评分", "复核分", "评价标准及依据", N],
    ["项目决策\n2 分", "决策依据", N, "2", "2", N, "有计划或上级文件计 2 分", N],
    ["项目管理\n13 分", "财务制度", N, "5", "5", N, "制度健全计 5 分", N],
    [N, "运行监管", N, "8", "6", N, "有监管记录计 8 分", N],
    ["项目年度目标 1:农村公路养护", N, N, N, N, N, N, N],
    ["一级\n指标", "二级\n指标", "指标名称\n(三级指标)", "年初指\n标值", "年终完\n成值", "自评\n分",
     "复核\n分", "评价标准"],
    ["项目\n绩效\n85 分\n产出\n指标\n40 分", "数量指\n标\n40 分", "养护里程", "200 公里", "200 公里",
     "40", N, "按完成程度计分"],
]


def test_county_funds_by_source_columns_and_its_scoring_sheet_are_read() -> None:
    log = ImportSummary("county.xlsx")
    project = project_from_grid(COUNTY, "县级", log=log)
    assert project is not None
    assert (project.budget.total, project.actual.total) == (150, 120)
    assert project.budget.general == 150  # 中央 100 + 本级 50: 财政拨款 by level
    assert project.rate_printed is None  # 「80 %」 is 120 / 150 exactly
    assert project.total_score_printed == Decimal(93)
    assert project.headings["total_score"] == "自评总分"
    assert [(i.level1, i.name, i.weight, i.score) for i in project.indicators] == [
        (DECISION, "决策依据", Decimal(2), Decimal(2)),
        (MANAGEMENT, "财务制度", Decimal(5), Decimal(5)),
        (MANAGEMENT, "运行监管", Decimal(8), Decimal(6)),
        # No 分值 column: the 二级 heading's printed 40 分, for its one indicator.
        ("产出指标", "养护里程", Decimal(40), Decimal(40)),
    ]
    [shared] = log.of_kind(EntryKind.CONVERTED)
    assert shared.cell == "B13" and "40 分由 1 个三级指标平分" in shared.meaning
    meanings = {e.text: e.meaning for e in log.of_kind(EntryKind.HEADING)}
    assert meanings["复核分"].startswith("财政复核用栏")
    # The indicator table's own 复核分 / 评价标准 are said the same way, not as left unplaced.
    assert meanings["复核\n分"].startswith("财政复核用栏") and log.of_kind(EntryKind.UNPLACED) == []
    assert meanings["合计\n(万元)"] == "资金表的「全年预算数（合计）」"
    proposal = propose_profile(_report(project))
    assert proposal.profile == "hubei-county"
    findings = _findings(project, get_profile("hubei-county"))
    codes = [f.code for f in findings]
    assert SCORE_NO_REASON in codes  # 运行监管 6 of 8
    # The budget is split by source; 执行数 is one column with nowhere to split it.
    assert SOURCES_MISSING not in codes
    # No execution score under this profile: the rate is printed, never scored.
    assert score_project(project, get_profile("hubei-county")).execution == 0


# Built to cover a layout: 宁夏's 自治区 fund form (原州, c10) — 项目总得分 above the form, the
# 项目名称 cell empty beside a compound label, the rate printed in a source row, 产出(40分) /
# 效益(40分) / 满意度(20分) and no execution score.
FUND_FORM = [
    ["农田灌溉改造项目绩效目标自评表(2022年度)", N, N, N, N, N, N, N, N],
    ["项目总得分", "100分", N, N, N, N, N, N, N],
    ["项目名称", N, N, N, "项目实施单位/项目负责人", "某县水务中心/张某", N, N, N],
    ["资金情况(万元)", N, N, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", N, N, N],
    [N, "年度资金总额", N, "200", N, N, N, N, N],
    [N, "其中", "中央补助", N, N, N, N, N, N],
    [N, N, "自治区补助", "200万元", "190万元", "95%", N, N, N],
    ["年度总体目标", "改造灌溉渠道 30 公里", N, N, N, N, N, N, N],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
     "未完成原因及改进措施"],
    [N, "产出指标(40分)", "数量指标", "改造渠道", "40", "30公里", "30公里", "40", N],
    [N, "效益指标(40分)", "经济效益指标", "亩均增收", "40", "≥100元", "120元", "40", N],
    [N, "满意度指标(20分)", "服务对象满意度指标", "农户满意度", "20", "≥90%", "96%", "20", N],
]


def test_fund_form_names_the_project_from_its_title_and_takes_the_rate_from_the_source_row(
) -> None:
    project = project_from_grid(FUND_FORM, "专项", log=ImportSummary("fund.xlsx"))
    assert project is not None
    assert project.name == "农田灌溉改造项目"
    assert project.implementer == "某县水务中心"  # its half of 项目实施单位/项目负责人
    assert (project.budget.total, project.actual.total) == (200, 190)
    assert project.rate_printed is None  # 95 % = 190 / 200
    assert project.total_score_printed == Decimal(100)
    assert propose_profile(_report(project)).profile == "ningxia-fund"
    profile = get_profile("ningxia-fund")
    assert _findings(project, profile) == []
    assert score_project(project, profile).total == Decimal(100)


def test_a_rate_printed_in_a_source_row_is_judged_when_the_amounts_disagree() -> None:
    grid = [list(row) for row in FUND_FORM]
    grid[6][5] = "86.5%"  # 190 / 200 is 95 %
    project = project_from_grid(grid, "专项", log=None)
    assert project is not None and project.rate_printed == Decimal("0.865")


@pytest.mark.parametrize("title", ["2020年度项目支出绩效自评表", "项目支出绩效自评表",
                                   "2021年度部门预算项目绩效自评表"])
def test_a_generic_title_names_no_project(title: str) -> None:
    grid = [list(row) for row in FUND_FORM]
    grid[0][0] = title
    project = project_from_grid(grid, "专项", log=None)
    assert project is not None and project.name == ""


def test_the_new_profiles_make_100_points_and_mof_layouts_are_not_taken_for_them() -> None:
    for name in ("ningxia", "ningxia-fund", "hubei-county"):
        assert PROFILES[name].full_marks == 100, name
    # MoF's and Hubei's exec20 headings propose neither.
    assert propose_from_headings({"level1.产出指标": ["产出指标（50分）"],
                                  "level1.效益指标": ["效益指标（30分）"]}).profile == "mof"
    assert propose_from_headings({"funds": ["得分（20分*执行率）"],
                                  "level1.产出指标": ["产出指标（40分）"]}).profile == "exec20"


def test_check_takes_the_new_profiles_by_name(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "four_part.csv"
    path.write_text("\n".join(",".join("" if v is None else str(v) for v in row)
                              for row in FOUR_PART), encoding="utf-8")
    for name in ("ningxia", "ningxia-fund", "hubei-county"):
        main(["check", "--json", "--profile", name, str(path)])
        assert isinstance(json.loads(capsys.readouterr().out), list)


def test_a_form_with_source_rows_left_empty_is_still_asked_to_split_its_total() -> None:
    # Built to cover a layout: the MoF funds block, its 本年财政拨款 / 其他资金 rows printed but
    # left blank under a filled 年度资金总额. Unlike 银川's lone total row, there is a place.
    grid = [list(row) for row in FOUR_PART[:5]] + [
        [N, "其中：本年财政拨款", N, N, N, N, N, N],
        [N, "其他资金", N, N, N, N, N, N],
    ] + [list(row) for row in FOUR_PART[5:]]
    project = project_from_grid(grid, "宁夏", log=None)
    assert project is not None
    codes = [f.code for f in _findings(project, get_profile("ningxia"))]
    assert codes.count(SOURCES_MISSING) == 3  # 年初预算数, 调整预算数, 全年执行数


def test_a_head_total_is_the_indicators_sum_where_the_rate_earns_no_points() -> None:
    grid = [list(row) for row in FUND_FORM]
    grid[1][1] = "99分"  # 40 + 40 + 20 = 100
    project = project_from_grid(grid, "专项", log=None)
    assert project is not None
    [finding] = _findings(project, get_profile("ningxia-fund"))
    assert finding.code == TOTAL_SCORE_NOT_SUM
    assert finding.message == "项目总得分 99 不等于各项得分之和 100"


def test_printed_level2_points_are_shared_only_when_they_divide_exactly() -> None:
    grid = [list(row) for row in COUNTY] + [
        [N, N, "养护桥梁", "5 座", "5 座", "20", N, N],
    ]
    grid[12][1] = "数量指\n标\n40 分"
    two = project_from_grid(grid, "县级", log=None)
    assert two is not None
    assert [i.weight for i in two.indicators[3:]] == [Decimal(20), Decimal(20)]
    grid[12][1] = "数量指标 10 分"
    grid.append([N, N, "养护涵洞", "8 道", "8 道", N, N, N])
    three = project_from_grid(grid, "县级", log=None)
    assert three is not None
    assert [i.weight for i in three.indicators[3:]] == [None, None, None]  # 10 ÷ 3


def test_a_head_total_label_without_a_figure_is_no_total() -> None:
    grid = _four_part()
    grid[2][4] = N  # 自评得分 | (blank) | 财政审核评分
    project = project_from_grid(grid, "宁夏", log=None)
    assert project is not None
    assert project.total_score_printed is None and "total_score" not in project.headings
