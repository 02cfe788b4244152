"""Layouts that are not the MoF per-project form, read by their headings and structure: a funds
block split by use (部门整体支出: 基本支出 / 项目支出), a funds block whose labels and figures stand
side by side in one row (the Hebei budget system's export), a sub-header that splits 预期指标值 and
自评得分, and a transfer checklist with no scores whose amounts are label/figure lines.

The grids are small and built to cover each layout (labelled as such); the published forms these
layouts come from are in tests/data/real/ (b01, c07, c04) and tests/io/test_real_forms.py."""

from __future__ import annotations

from decimal import Decimal

from evaldesk.core.import_summary import EntryKind, ImportSummary
from evaldesk.core.records import Project
from evaldesk.core.rules import (
    OVERSPENT,
    SOURCES_MISSING,
    TOTAL_NOT_SUM,
    check_project,
    field_label,
)
from evaldesk.core.scoring import FUNDS_SCORE, scoring_findings
from evaldesk.core.state import project_from_state, project_to_state
from evaldesk.io.project_sheets import form_variant, forms_read, project_from_grid

N = None


def _read(grid: list[list[object]], log: ImportSummary | None = None) -> Project:
    project = project_from_grid(grid, "表", log=log)
    assert project is not None
    return project


def _codes(project: Project) -> list[tuple[str, str]]:
    found = check_project(project) + scoring_findings(project)
    return sorted((f.code, f.field) for f in found)


# --- a funds block split by use ------------------------------------------------------------------

def _by_use(basic: tuple[str, str, str, str], project_row: tuple[str, str, str, str],
            total: tuple[str, str] = ("300", "310")) -> list[list[object]]:
    """SYNTHETIC: a 部门整体支出绩效自评表 head (贵州's layout) with the given 基本支出 and 项目支出
    rows (年初预算数, 全年执行数, 分值, 得分)."""
    return [
        ["部门整体支出绩效自评表", N, N, N, N, N, N],
        ["部门(单位)名称", "某镇人民政府", N, N, N, N, N],
        ["部门(单位)总体资金(万元)", "资金来源", "年初预算数(A)", "全年执行数(B)", "分值(10分)", "得分",
         "得分计算方法"],
        [N, "年度资金总额:", total[0], total[1], "10", "10", "执行率*该指标分值"],
        [N, "基本支出", *basic, N],
        [N, "项目支出", *project_row, N],
        [N, "其他", N, N, N, N, N],
        ["年度总体目标", "年初设定目标", N, N, "年度总体目标完成情况", N, N],
        [N, "履行职能", N, N, "完成", N, N],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值(A)", "全年实际值(B)", "分值"],
        [N, "产出指标", "数量指标", "办件数", "≥100件", "120件", "50"],
    ]


def test_rows_split_by_use_are_lines_of_their_own_not_sources() -> None:
    log = ImportSummary()
    project = _read(_by_use(("200", "180", "10", "9"), ("100", "130", "10", "10")), log)
    assert project.budget.total == project.initial.total == Decimal(300)
    assert project.actual.total == Decimal(310)
    assert (project.budget.general, project.budget.non_fiscal) == (None, None)
    lines = {line.label: line for line in project.fund_lines}
    assert set(lines) == {"基本支出", "项目支出"}  # the empty 其他 is 不适用
    basic = lines["基本支出"]
    assert (basic.initial, basic.budget, basic.actual, basic.points, basic.score) == (
        Decimal(200), Decimal(200), Decimal(180), Decimal(10), Decimal(9))
    assert basic.cell == "B5"
    assert any(e.cell == "B7" for e in log.of_kind(EntryKind.NOT_APPLICABLE))
    codes = _codes(project)
    # Overspent on the total and on 项目支出 (130 > 100); 9 = 10 × 90 % is right; no source split
    # is asked of a form that splits by use.
    assert (OVERSPENT, "actual.total") in codes
    assert (OVERSPENT, "funds.rows.项目支出.actual") in codes
    assert not [c for c in codes if c[0] in (SOURCES_MISSING, FUNDS_SCORE, TOTAL_NOT_SUM)]
    assert not [c for c in codes if c[0].startswith("IMPORT_")]


def test_a_lines_printed_score_is_its_own_points_times_its_own_rate() -> None:
    project = _read(_by_use(("200", "180", "10", "10"), ("100", "100", "10", "10"),
                            total=("300", "280")))
    # (the total's 10 for 93.33 % is wrong too, and said on its own cell)
    found = [f for f in scoring_findings(project) if f.code == FUNDS_SCORE]
    assert [f.field for f in found] == ["funds.score", "funds.rows.基本支出.score"]
    found = found[1:]
    assert "「基本支出」的得分为 10，执行率 90.00%，应为 9" in found[0].message


def test_lines_that_do_not_add_up_to_the_total_are_found() -> None:
    project = _read(_by_use(("200", "180", "10", "9"), ("90", "130", "10", "10")))
    found = [f for f in check_project(project) if f.code == TOTAL_NOT_SUM]
    assert [f.field for f in found] == ["budget.total"]
    assert "300 ≠ 基本支出 200 + 项目支出 90（应为 290）" in found[0].message


def test_fund_lines_keep_through_the_saved_state_and_are_named_in_messages() -> None:
    project = _read(_by_use(("200", "180", "10", "9"), ("100", "130", "10", "10")))
    again = project_from_state(project_to_state(project))
    assert again.fund_lines == project.fund_lines
    assert field_label("funds.rows.项目支出.actual", project) == "项目支出/全年执行数"
    assert field_label("funds.rows.基本支出.score", project) == "基本支出/得分"


# --- the Hebei budget system's export -------------------------------------------------------------

def _hebei_system(execution: tuple[object, object] = (N, N)) -> list[list[object]]:
    """SYNTHETIC: the Hebei budget system's export (河北 成安's layout), amounts and texts made up:
    labels and figures side by side in the funds block, goals one per row, 预期指标值 and 自评得分
    split in a second header row, 「效果指标」 for 效益, the execution row as a 一级 of its own."""
    return [
        ["某县某局2020年度预算项目绩效自评表", N, N, N, N, N, N, N, N, N, N, N, N],
        ["一、基本情况", "项目名称:", "老年人补贴", N, N, "是否为专项资金:", N, N, "实施(主管)单位",
         "某县某局", N, "金额单位: 万元", N],
        ["二、预算执行情况", "预算安排情况(调整后)", N, "资金到位情况", N, "资金执行情况", N, N,
         "预算执行进度(%)", N, N, N, N],
        [N, "预算数", "20.00", "到位数", "20.00", "执行数", N, "18.50", "92.50", N, N, N, N],
        [N, "其中:财政资金", "15.00", "其中:财政资金", "15.00", "其中:财政资金", N, "13.50", N, N, N,
         N, N],
        [N, "其他", "5.00", "其他", "5.00", "其他", N, "5.00", N, N, N, N, N],
        ["三、目标完成情况", "年度预期目标", N, N, N, "具体完成情况", N, N, N, N, "总体完成率(%)", N, N],
        [N, "按月发放补贴", N, N, N, "已按月发放", N, N, N, N, "100.00", N, N],
        [N, "老年人生活改善", N, N, N, "生活得到改善", N, N, N, N, N, N, N],
        ["四、年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", N, N,
         "单项指标实际完成值", "单项指标完成情况", "自评得分", N, N],
        [N, N, N, N, N, "符号", N, "单位(文字描述)", N, N, "单项指标得分", "权重占比(%)",
         "单项指标折算得分"],
        [N, "产出指标", "数量指标", "发放人数", "享受补贴的人数", ">=", "100", "人", "100人", "完成",
         "100.00", "50.00", "50.00"],
        [N, "效果指标", "社会效益指标", "发放率", "补贴发放完成率", ">=", "95", "%(百分比)", "96%", "完成",
         "100.00", "30.00", "20.00"],
        [N, "满意度指标", "服务对象满意度指标", "满意度", "对象的满意程度", ">=", "90", "%(百分比)", "95%",
         "完成", "100.00", "10.00", "10.00"],
        [N, "预算执行率", "预算执行率", N, N, N, N, N, N, N, N, *execution, N],
    ]


def test_labels_and_figures_side_by_side_are_a_funds_block() -> None:
    log = ImportSummary()
    project = _read(_hebei_system(), log)
    assert project.name == "老年人补贴"
    assert (project.budget.total, project.budget.general, project.budget.non_fiscal) == (
        Decimal("20.00"), Decimal("15.00"), Decimal("5.00"))
    assert (project.actual.total, project.actual.general) == (Decimal("18.50"), Decimal("13.50"))
    assert project.initial.total is None  # 到位数 is no side of the money: listed, not read
    assert project.rate == Decimal("0.925") and project.rate_printed is None  # 92.50 (%)
    assert project.headings["budget"] == "预算数" and project.headings["rate"] == "预算执行进度(%)"
    assert any(e.text == "到位数" for e in log.of_kind(EntryKind.UNPLACED))
    assert not [n for n in project.import_notes if n.code.startswith("IMPORT_")]


def test_a_percent_heading_gives_a_bare_rate_its_sign() -> None:
    grid = _hebei_system()
    grid[3][8] = "95.00"  # 18.50 / 20.00 is 92.50 %: the printed 95.00 (%) is not it
    project = _read(grid)
    assert project.rate_printed == Decimal("0.9500")


def test_goal_rows_one_per_line_are_one_goal() -> None:
    project = _read(_hebei_system())
    assert project.goal == "按月发放补贴\n老年人生活改善"
    assert project.completion == "已按月发放\n生活得到改善"


def test_a_sub_header_splits_the_target_and_the_self_score() -> None:
    log = ImportSummary()
    project = _read(_hebei_system(), log)
    first, benefit, satisfaction = project.indicators
    # 符号 | (value) | 单位 under 预期指标值; 权重占比 and 折算得分 under 自评得分; the explanation
    # under 「指标分值」 is no weight.
    assert (first.comparator and first.comparator.value, first.target, first.unit, first.actual) == (
        "≥", "100", "人", "100人")
    assert (first.weight, first.score) == (Decimal("50.00"), Decimal("50.00"))
    assert benefit.level1 == "效益指标" and benefit.level2 == "社会效益指标"  # 效果指标
    assert satisfaction.level1 == "满意度指标"
    unplaced = {e.text for e in log.of_kind(EntryKind.UNPLACED)}
    assert {"指标分值", "单项指标完成情况", "单项指标得分"} <= unplaced
    assert project.headings["indicator.target"] == "预期指标值"
    codes = _codes(project)
    # 发放率 met its target yet scored 20 of 30, and the form has no column for a reason: the
    # finding stands on the score and names the form's own headings.
    assert codes == [("SCORE_NO_REASON", "indicator:1.score")]
    [finding] = [f for f in scoring_findings(project) if f.code == "SCORE_NO_REASON"]
    assert "单项指标折算得分 20 低于权重占比 30，须说明原因" in finding.message


def test_the_execution_rows_points_and_score_are_the_funds_rows() -> None:
    project = _read(_hebei_system(("10.00", "8.00")))
    assert len(project.indicators) == 3  # not an indicator
    assert (project.execution_weight_printed, project.execution_score_printed) == (
        Decimal("10.00"), Decimal("8.00"))
    # 10 × 92.50 % = 9.25 (9 as a Hebei whole point): 8 is neither.
    assert [f.field for f in scoring_findings(project) if f.code == FUNDS_SCORE] == ["funds.score"]


# --- a transfer checklist that scores nothing -----------------------------------------------------

def _checklist(special: str = "50.00") -> list[list[object]]:
    """SYNTHETIC: a 中央对地方转移支付 checklist (重庆 彭水's layout), names and amounts made up:
    指标名称 / 指标解释 / 记录 (自评内容 · 完成情况), no 分值 or 得分, the project named in the title
    and its amounts written as label | figure lines in the record."""
    return [
        ["某县2024年度中央对地方转移支付某某服务项目绩效自评表", N, N, N, N, N, N, N],
        ["指标名称", N, N, "指标解释", "记录", N, "未完成原因及改进措施", "需提供的支撑材料"],
        ["一级指标", "二级指标", "三级指标", N, "自评内容", "完成情况", N, N],
        ["名称", "名称", "名称", N, N, N, N, N],
        ["项目预算管理", "资金投入", "预算编制科学性", "预算编制符合要求", "测算标准(文字描述)", "已完成", N,
         "测算材料"],
        [N, N, "预算资金安排", "本年度资金预算安排情况。", N, N, N, N],
        [N, N, N, N, "某某资金合计(万元) 年度预算资金总额):", "150.00", N, N],
        [N, N, N, N, "其中:中央补助", "100.00", N, N],
        [N, N, N, N, "本级资金(包括结转结余)", "50.00", N, N],
        [N, N, N, N, "其中:", N, N, N],
        [N, N, N, N, "甲类补助资金(万元)", N, N, N],
        [N, N, N, N, "年度预算资金总额:", "100.00", N, N],
        [N, N, N, N, "其中:中央补助", "70.00", N, N],
        [N, N, N, N, "本级资金(包括结转结余)", "30.00", N, N],
        [N, N, N, N, "乙类补助资金(万元)", N, N, N],
        [N, N, N, N, "年度预算资金总额:", special, N, N],
        [N, N, N, N, "其中:中央补助", "30.00", N, N],
        [N, N, N, N, "本级资金(包括结转结余)", "20.00", N, N],
        [N, N, N, N, "丙类补助资金(万元)", N, N, N],
        [N, N, N, N, "年度预算资金总额:", N, N, N],
        [N, N, N, N, "其中:中央补助", N, N, N],
    ]


def test_a_checklist_is_read_as_a_form_that_scores_nothing() -> None:
    log = ImportSummary()
    project = _read(_checklist(), log)
    assert project.name == "某县2024年度中央对地方转移支付某某服务项目"
    assert project.budget.total == Decimal(150) and project.actual.total is None
    assert project.indicators == []  # its management items are no performance indicator
    lines = {line.name: line for line in project.fund_lines}
    assert lines["中央补助"].budget == Decimal(100)
    assert lines["甲类补助资金"].total and lines["甲类补助资金"].budget == Decimal(100)
    assert lines["乙类补助资金/本级资金(包括结转结余)"].budget == Decimal(20)
    assert not [k for k in lines if k.startswith("丙类")]  # empty: 不适用
    assert any("清单式" in e.meaning for e in log.of_kind(EntryKind.UNPLACED))
    codes = _codes(project)
    # Every sum holds: 150 = 100 + 50 = 甲 100 + 乙 50; nothing is scored, no source split asked.
    assert [c for c in codes if not c[0].startswith("NO_") and c[1] != "actual.total"] == []


def test_a_checklists_fund_that_does_not_add_up_is_found_on_its_own_total() -> None:
    project = _read(_checklist(special="51.00"))
    found = [f for f in check_project(project) if f.code == TOTAL_NOT_SUM]
    # 乙 51 ≠ 30 + 20, and 甲 100 + 乙 51 ≠ 合计 150.
    assert sorted(f.field for f in found) == ["budget.total", "funds.rows.乙类补助资金.budget"]
    own = next(f for f in found if f.field.startswith("funds."))
    assert own.message == ("乙类补助资金：年度预算资金总额 51 ≠ 中央补助 30 + "
                           "本级资金(包括结转结余) 20（应为 50）")
    assert field_label(own.field, project) == "乙类补助资金/年度预算资金总额"


def test_a_title_that_names_only_a_kind_of_form_is_no_project_name() -> None:
    grid = _checklist()
    grid[0][0] = "某县民政局2020年度预算项目绩效自评表"
    assert _read(grid).name == ""


def test_each_layout_is_named_in_the_import_summary() -> None:
    assert form_variant(_by_use(("200", "180", "10", "9"), ("100", "130", "10", "10"))) \
        == ("部门整体支出绩效自评表", "资金按用途分列")
    assert form_variant(_hebei_system()) == ("项目支出绩效自评表", "河北预算管理系统导出式")
    assert form_variant(_checklist()) == ("转移支付绩效自评表", "清单式，无分值、得分，不评分")


def test_forms_of_several_kinds_are_counted_by_kind() -> None:
    assert forms_read([("项目支出绩效自评表", "四川式"), ("项目支出绩效自评表", "财政部式"),
                       ("部门整体支出绩效自评表", "资金按用途分列"),
                       ("项目支出绩效自评表", "四川式")]) \
        == "项目支出绩效自评表 3 张（四川式、财政部式）；部门整体支出绩效自评表 1 张（资金按用途分列）"
