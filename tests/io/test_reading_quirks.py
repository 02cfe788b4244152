"""Reading what clerks actually have: headings by meaning (flattened and two-row headers, notes in
brackets), amounts with their unit in the cell, rates in any printed precision, 不适用 markers,
legacy .xls doubles, the Sichuan and older MoF wordings of the per-project form, and the import
summary that shows the clerk what was read.

The per-project grids below are built to cover a layout (labelled as such); the published forms
are in tests/data/real/ and tests/io/test_real_forms.py."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from evaldesk.cli import main
from evaldesk.core.import_summary import EntryKind, ImportSummary, cell_address
from evaldesk.core.layout import SUMMARY_COLUMNS, heading_key, path_matches
from evaldesk.core.money import NotANumber, parse_amount, parse_money, parse_rate
from evaldesk.core.records import Comparator, Funds, Project
from evaldesk.core.rules import RATE_MISMATCH, check_project
from evaldesk.core.serialize import decimal_str
from evaldesk.io import read_report
from evaldesk.io.grid import inspect_grid, report_from_grid
from evaldesk.io.project_sheets import is_not_applicable_mark, project_from_grid

DATA = Path(__file__).resolve().parents[1] / "data"
N = None

# --- headings by meaning -------------------------------------------------------------------------

FLAT_HEADER = [
    "序号", "部门名称", "项目名称", "预算合计", "预算一般公共预算", "预算政府性基金", "预算非财政资金",
    "实际支出合计", "实际支出一般公共预算", "实际支出政府性基金", "实际支出非财政资金", "预算支出执行率",
    "年初绩效目标", "绩效目标整体完成情况", "数量指标年度指标内容", "数量指标完成情况",
    "质量指标年度指标内容", "质量指标完成情况", "时效指标年度指标内容", "时效指标完成情况",
    "经济效益指标年度指标内容", "经济效益指标完成情况", "社会效益指标年度指标内容",
    "社会效益指标完成情况", "生态效益指标年度指标内容", "生态效益指标完成情况",
    "服务对象满意度指标年度指标内容", "服务对象满意度指标完成情况", "项目执行中存在的问题", "整改情况",
]
ROW = ["1", "区信访局", "信访维稳经费", "150", "150", N, N, "125.25", "125.25", N, N, "83.50%",
       "办理群众来信来访", "基本完成", "办理信访件≥100件", "120件", "办结率≥95%", "97%", "按期办结",
       "按期", N, N, "化解矛盾纠纷", "化解 30 件", N, N, "群众满意度≥90%", "93%",
       "部分经费年底才到位", "加快支付进度"]


def test_each_flattened_heading_names_its_own_column_first() -> None:
    for heading, column in zip(FLAT_HEADER, SUMMARY_COLUMNS, strict=True):
        first = next(c for c in SUMMARY_COLUMNS if path_matches((heading,), c.path))
        assert first.key == column.key, heading


def test_flattened_one_row_header_reads_every_column_without_a_mapping() -> None:
    grid = [["2021年度区信访局预算项目绩效自评表"], ["单位: 万元"], FLAT_HEADER, ROW]
    info = inspect_grid(grid, "flat.csv")
    assert set(info.matched) == {c.key for c in SUMMARY_COLUMNS}  # the dialog is pre-filled
    report = report_from_grid(grid, "flat.csv")
    project = report.projects[0]
    assert project.budget.general == Decimal(150) and project.actual.total == Decimal("125.25")
    assert project.rate_printed is None  # 83.50 % is the computed rate: nothing printed apart
    assert [i.category for i in project.indicators] == [
        "quantity", "quality", "timeliness", "social", "satisfaction"]
    assert project.problems == "部分经费年底才到位" and project.rectification == "加快支付进度"
    assert report.import_notes == []
    summary = report.import_summary
    assert summary is not None and summary.layout == "汇总表（按表头文字识别）"
    headings = {e.text: e.meaning for e in summary.of_kind(EntryKind.HEADING)}
    assert headings["实际支出一般公共预算"] == "「实际支出金额/财政拨款/一般公共预算」"
    assert len(headings) == 30 and summary.of_kind(EntryKind.UNPLACED) == []


def test_two_row_header_with_notes_in_brackets_and_an_unknown_column() -> None:
    top = ["序号", "项目名称", "项目年度预算金额（万元）", N, "实际支出金额(万元)", N,
           "预算支出执行率（B/A）", "年初绩效目标", "备注"]
    lower = [N, N, "合计", "一般公共预算", "合计", "一般公共预算", N, N, N]
    row = ["1", "培训", "10", "10", "9.5", "9.5", "95.00%", "培训 100 人", "已审"]
    report = report_from_grid([top, lower, row], "two.csv")
    project = report.projects[0]
    assert (project.budget.total, project.actual.general) == (Decimal(10), Decimal("9.5"))
    assert project.goal == "培训 100 人"
    summary = report.import_summary
    assert summary is not None
    unplaced = summary.of_kind(EntryKind.UNPLACED)
    assert [(e.cell, e.text) for e in unplaced] == [("I1", "备注")]
    assert [n.code for n in report.import_notes] == ["IMPORT_UNMATCHED"]  # its data is named


@pytest.mark.parametrize(("text", "key"), [
    ("项目年度预算金额（万元）", "项目年度预算金额"),
    ("执行率(B/A)", "执行率"),
    ("预算执行情况（10分）", "预算执行情况"),
    ("其中：财政拨款", "其中财政拨款"),
    ("全年预算数（Ａ）", "全年预算数"),
    (" 实际支出 / 合计 ", "实际支出合计"),
])
def test_heading_key_drops_notes_width_spaces_and_punctuation(text: str, key: str) -> None:
    assert heading_key(text) == key


# --- values as people write them ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "wan"), [
    ("150万", "150"), ("150万元", "150"), ("1,500,000元", "150"), ("1.5亿", "15000"),
    ("1.5亿元", "15000"), ("１５０．５", "150.5"), ("12,345.67", "12345.67"), ("125.25万", "125.25"),
    ("3千元", "0.3"), (" 7 万 ", "7"),
])
def test_amounts_with_a_unit_in_the_cell_convert_exactly_to_wan(text: str, wan: str) -> None:
    assert parse_amount(text) == Decimal(wan)


def test_a_unit_in_the_cell_wins_over_the_sheets() -> None:
    assert parse_money("150万", sheet_in_yuan=True) == (Decimal(150), "万")
    assert parse_money("1500000", sheet_in_yuan=True) == (Decimal(150), "")
    assert parse_money("1,500,000元") == (Decimal(150), "元")
    with pytest.raises(NotANumber):
        parse_amount("万元")
    with pytest.raises(NotANumber):
        parse_amount("约150万")


def test_summary_row_with_unit_suffixes_is_read_and_the_conversion_shown() -> None:
    row = [*ROW]
    row[3], row[4], row[7], row[8] = "150万", "150万元", "1,252,500元", "125.25万"
    report = report_from_grid([FLAT_HEADER, row], "units.csv")
    project = report.projects[0]
    assert project.bad_values == {}
    assert (project.budget.total, project.actual.total) == (Decimal(150), Decimal("125.25"))
    summary = report.import_summary
    assert summary is not None
    assert sorted((e.cell, e.text, e.meaning) for e in summary.of_kind(EntryKind.CONVERTED)) == [
        ("D2", "150万", "150 万元"), ("E2", "150万元", "150 万元"),
        ("H2", "1,252,500元", "125.25 万元"), ("I2", "125.25万", "125.25 万元"),
    ]


@pytest.mark.parametrize(("text", "rate", "places"), [
    ("86%", "0.86", 0), ("86.2%", "0.862", 1), ("86.20%", "0.8620", 2), ("0.862", "0.862", 1),
    ("８６．２０％", "0.8620", 2), ("98.13", "0.9813", 2),
])
def test_rates_keep_the_digits_they_were_printed_with(text: str, rate: str, places: int) -> None:
    parsed = parse_rate(text)
    assert parsed is not None and str(parsed) == rate
    exponent = parsed.as_tuple().exponent
    assert isinstance(exponent, int) and -exponent - 2 == places


def _rate_findings(printed: str, actual: str, budget: str) -> list[str]:
    project = Project(name="设备购置", budget=Funds(Decimal(budget)), actual=Funds(Decimal(actual)),
                      rate_printed=parse_rate(printed), problems="采购延后")
    return [f.code for f in check_project(project) if f.code == RATE_MISMATCH]


def test_a_rate_is_judged_within_its_own_printed_precision() -> None:
    assert _rate_findings("86%", "37.24", "43.2") == []  # 86.20 % rounds to 86 %
    assert _rate_findings("86.2%", "37.24", "43.2") == []
    assert _rate_findings("87%", "37.24", "43.2") == [RATE_MISMATCH]
    assert _rate_findings("86.30%", "37.24", "43.2") == [RATE_MISMATCH]
    # A workbook number (display unknown) counts as printed to 0.01 %.
    project = Project(budget=Funds(Decimal("43.2")), actual=Funds(Decimal("37.24")),
                      rate_printed=parse_rate(0.86), problems="采购延后")
    assert [f.code for f in check_project(project) if f.code == RATE_MISMATCH] == [RATE_MISMATCH]


@pytest.mark.parametrize("mark", ["/", "／", "—", "-", "无", "N/A", "n/a", "不适用", "——"])
def test_not_applicable_marks(mark: str) -> None:
    assert is_not_applicable_mark(mark)


@pytest.mark.parametrize("text", ["", "0", "无偏差", "100%"])
def test_not_applicable_marks_are_only_those(text: str) -> None:
    assert not is_not_applicable_mark(text)


def test_legacy_xls_doubles_are_read_as_excel_shows_them() -> None:
    report = read_report(DATA / "legacy_float_noise.xls")
    project = report.projects[0]
    # The file stores 0.9901000000000001 and 99.50000000000001.
    assert project.rate_printed == Decimal("0.9901")
    assert decimal_str(project.rate_printed) == "0.9901"
    assert decimal_str(project.actual.general) == "99.5"
    assert parse_amount(0.1 + 0.2) == Decimal("0.3")


# --- per-project forms in the provincial wordings (built to cover the layouts) -------------------

# Sichuan 项目支出绩效自评表 as the issue describes it; amounts typed with their unit.
SICHUAN = [
    ["项目支出绩效自评表", N, N, N, N, N, N, N, N, N, N],
    ["（2021年度）", N, N, N, N, N, N, N, N, N, N],
    ["项目基本情况", "项目名称", "乡村道路养护", N, N, N, N, N, N, N, N],
    [N, "主管部门", "某县交通运输局", N, N, "实施单位", "某县公路养护中心", N, N, N, N],
    ["预算执行情况（10分）", N, "年初预算", "调整后预算数", "预算执行数", "权重", "执行率", "得分", "原因",
     N, N],
    [N, "总额", "150万", "150万元", "125.25万", 10, "83.5%", 8.35, "部分路段延至次年施工", N, N],
    [N, "其中：财政资金", 150, 150, 125.25, "—", "—", "—", N, N, N],
    [N, "财政专户管理资金", N, N, N, "—", "—", "—", N, N, N],
    [N, "单位资金", N, N, N, "—", "—", "—", N, N, N],
    [N, "其他资金", N, N, N, "—", "—", "—", N, N, N],
    ["年度目标完成情况", "项目年度目标", N, N, N, "年度目标完成情况", N, N, N, N, N],
    [N, "养护农村公路 266 公里", N, N, N, "养护农村公路 266 公里", N, N, N, N, N],
    ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位",
     "实际完成值", "权重", "得分", "偏差原因分析及改进措施"],
    [N, "产出指标", "数量指标", "养护里程", "≥", 266, "公里", 266, 30, 30, N],
    [N, N, "质量指标", "路况优良率", "≥", 80, "%", 85, 30, 30, N],
    [N, "效益指标", "社会效益指标", "群众出行条件", "定性", "改善", N, "改善", 20, 20, N],
    [N, N, "生态效益指标", "/", "/", "/", "/", "/", "/", "/", "/"],
    [N, "满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 95, 10, 10, N],
    ["总分", N, N, N, N, N, N, N, 100, 98.35, N],
]


def test_sichuan_form_is_read_block_by_block() -> None:
    log = ImportSummary("sichuan.xlsx")
    project = project_from_grid(SICHUAN, "四川", log=log)
    assert project is not None
    assert (project.name, project.authority, project.implementer) == (
        "乡村道路养护", "某县交通运输局", "某县公路养护中心")
    assert project.initial.total == project.budget.total == Decimal(150)
    assert project.actual.total == Decimal("125.25")
    assert project.bad_values == {}
    assert project.rate_printed is None  # 83.5 % is 125.25 / 150 exactly
    assert project.goal == project.completion == "养护农村公路 266 公里"
    assert [(i.category, i.applicable) for i in project.indicators] == [
        ("quantity", True), ("quality", True), ("social", True), ("ecological", False),
        ("satisfaction", True)]
    assert project.total_score_printed == Decimal("98.35")
    assert project.import_notes == []  # the "/" row is 不适用, not an unreadable comparator
    headings = {e.cell: e.meaning for e in log.of_kind(EntryKind.HEADING)}
    assert headings["D5"] == "资金表的「全年预算数」" and headings["B11"] == "「年初绩效目标」"
    assert headings["F11"] == "「绩效目标整体完成情况」" and headings["I13"] == "指标表的「分值」"
    assert [e.cell for e in log.of_kind(EntryKind.CONVERTED)] == ["C6", "D6", "E6"]
    assert [e.meaning for e in log.of_kind(EntryKind.NOT_APPLICABLE)] == [
        "生态效益指标：各栏只有「/」，按不适用指标读入"]


# The older MoF wording, its indicator columns in their own order.
OLD_MOF = [
    ["项目支出绩效自评表", N, N, N, N, N, N, N, N],
    ["（2019年度）", N, N, N, N, N, N, N, N],
    ["项目名称", "农村饮水安全巩固提升", N, N, N, N, N, N, N],
    ["主管部门", "某县水务局", N, N, "实施单位", "某县水务局", N, N, N],
    ["项目资金（万元）", N, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N],
    [N, "年度资金总额", 500, 500, 480, 10, "96%", 9.6, N],
    [N, "其中：当年财政拨款", 500, 500, 480, "—", "—", "—", N],
    [N, "上年结转资金", N, N, N, "—", "—", "—", N],
    [N, "其他资金", N, N, N, "—", "—", "—", N],
    ["年度总体目标", "年初设定目标", N, N, N, "年度总体目标完成情况综述", N, N, N],
    [N, "新建供水管网 12 公里", N, N, N, "建成供水管网 12 公里", N, N, N],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
     "未完成原因及拟采取的改进措施"],
    [N, "产出指标", "数量指标", "新建管网长度", 50, "≥12公里", "12公里", 50, N],
    [N, "效益指标", "社会效益指标", "受益人口", 30, "≥5000人", "5200人", 30, N],
    [N, "满意度指标", "服务对象满意度指标", "受益群众满意度", 10, "≥90%", "92%", 10, N],
    ["总分", N, N, N, 100, N, N, 99.6, N],
]


def test_older_mof_wording_reads_the_actuals_and_the_goal() -> None:
    log = ImportSummary("old.xlsx")
    project = project_from_grid(OLD_MOF, "旧版", log=log)
    assert project is not None
    assert project.goal == "新建供水管网 12 公里"
    assert project.completion == "建成供水管网 12 公里"
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("新建管网长度", "≥12公里", "12公里", Decimal(50), Decimal(50)),
        ("受益人口", "≥5000人", "5200人", Decimal(30), Decimal(30)),
        ("受益群众满意度", "≥90%", "92%", Decimal(10), Decimal(10)),
    ]
    assert project.rate_printed is None and project.total_score_printed == Decimal("99.6")
    meanings = {e.text: e.meaning for e in log.of_kind(EntryKind.HEADING)}
    assert meanings["全年实际值"] == "指标表的「实际完成值」"
    assert meanings["未完成原因及拟采取的改进措施"] == "指标表的「偏差原因分析及改进措施」"
    assert log.of_kind(EntryKind.UNPLACED) == []


def test_a_form_in_yuan_keeps_its_amounts_precision() -> None:
    # The same form printed in 元 to the cent (上海 普陀, d01): its amounts come in as 万元 and
    # the form is marked as printed in 元, so a rate is judged against amounts exact to 0.005 元.
    grid = [list(row) for row in OLD_MOF]
    grid[4][0] = "项目资金（元）"
    grid[5][2:5] = ["5000000.00", "5000000.00", "4800000.00"]
    grid[6][2:5] = ["5000000.00", "5000000.00", "4800000.00"]
    project = project_from_grid(grid, "元")
    assert project is not None
    assert project.budget.total == Decimal(500) and project.actual.total == Decimal(480)
    assert project.headings["unit"] == "元"
    own = project_from_grid(OLD_MOF, "万元")
    assert own is not None and "unit" not in own.headings


# Built to cover a layout (the Yunnan variant as 永德 prints it, c09): 一级…三级指标 merged down
# beside 年度指标值 spanning 指标性质 / 指标值 / 度量单位 in the row BELOW, comparators typed as ≧
# and the box-drawing ═, and a closing 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 row.
YUNNAN_SUB_HEADER = [
    ["项目支出绩效自评表", N, N, N, N, N, N, N, N, N, N],
    ["项目名称", "营养改善计划", N, N, N, N, N, N, N, N, N],
    ["项目资金（万元）", N, N, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N, N],
    [N, "年度资金总额", N, 10, 10, 10, 10, "100%", 10, N, N],
    ["年度总体目标", "预期目标", N, N, N, N, "实际完成情况", N, N, N, N],
    [N, "改善学生体质", N, N, N, N, "改善了学生体质", N, N, N, N],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", N, N, "实际完成值", "分值", "得分",
     "偏差原因分析及改进措施"],
    [N, N, N, N, "指标性质", "指标值", "度量单位", N, N, N, N],
    [N, "产出指标", "数量指标", "受助人数", "≧", "735", "人次", "735", 50, 50, N],
    [N, "效益指标", "社会效益指标", "政策知晓率", "\u2550", "100", "%", "98%", 30, 26, N],
    [N, "满意度指标", "服务对象满意度指标", "学生满意度", "≧", "95", "%", "100%", 10, 10, N],
    ["其他需要说明事项", "无", N, N, N, N, "总分", N, 100, 96, "优"],
]


def test_a_sub_header_below_gives_its_columns_and_a_remarks_row_ends_the_table() -> None:
    log = ImportSummary("yunnan.xlsx")
    project = project_from_grid(YUNNAN_SUB_HEADER, "云南", log=log)
    assert project is not None
    assert [(i.name, i.comparator, i.target, i.unit, i.actual) for i in project.indicators] == [
        ("受助人数", Comparator.GE, "735", "人次", "735"),
        ("政策知晓率", Comparator.EQ, "100", "%", "98%"),
        ("学生满意度", Comparator.GE, "95", "%", "100%"),
    ]
    assert project.total_score_printed == Decimal(96)
    assert project.total_points_printed == Decimal(100)
    assert project.import_notes == []
    meanings = {e.cell: e.meaning for e in log.of_kind(EntryKind.HEADING)}
    assert meanings["F8"] == "指标表的「年度指标值」"
    assert meanings["G8"] == "指标表的「度量单位」"
    assert log.of_kind(EntryKind.UNPLACED) == []


@pytest.mark.parametrize("level2", ["可持续性", "可持续性指标", "可持续影响"])
def test_short_sustainability_headings_are_the_sustainable_group(level2: str) -> None:
    grid = [list(r) for r in OLD_MOF]
    grid[13][2] = level2  # 湖北 (襄阳) writes 可持续性 under 效益指标
    project = project_from_grid(grid, "旧版")
    assert project is not None
    assert [i.category for i in project.indicators] == ["quantity", "sustainable", "satisfaction"]
    assert project.import_notes == []


@pytest.mark.parametrize("level2", ["环境效益", "环境效益指标"])
def test_environmental_benefit_is_the_ecological_group(level2: str) -> None:
    grid = [list(r) for r in OLD_MOF]
    grid[13][2] = level2  # 湖北 (黄石) writes 环境效益 for 生态效益
    project = project_from_grid(grid, "旧版")
    assert project is not None
    assert [i.category for i in project.indicators] == ["quantity", "ecological", "satisfaction"]
    assert project.import_notes == []


# Built to cover a layout (湖北's 项目自评表 as 云南 保山 uses it, c06): no goal block; the
# indicator block's label 年度绩效目标 (80分) stands in its header row.
HUBEI_EXEC20 = [
    ["2022年度项目支出绩效自评表", N, N, N, N, N, N],
    ["项目名称", "化肥减量增效", N, N, N, N, N],
    ["预算执行情况(万元) (20分)", N, N, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
    [N, "年度财政资金总额", N, "100", "100", "100%", "20"],
    ["年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    [N, "产出指标", "数量指标", "示范区面积", "≧20000亩", "20000亩", "40"],
]


def test_the_indicator_blocks_own_label_is_no_goal_heading() -> None:
    project = project_from_grid(HUBEI_EXEC20, "湖北")
    assert project is not None
    assert "goal" not in project.headings and project.goal == ""
    assert "goal" not in {f.field for f in check_project(project)}


def test_fund_rows_split_by_level_are_all_fiscal_money() -> None:
    grid = [list(r) for r in OLD_MOF]
    # 湖南's county form (c02) splits the money by level, not by kind.
    grid[6] = [N, "其中：中央、省、市补助", 300, 300, 280, "—", "—", "—", N]
    grid[7] = [N, "县级资金", 200, 200, 200, "—", "—", "—", N]
    project = project_from_grid(grid, "湖南")
    assert project is not None
    assert (project.budget.general, project.actual.general) == (Decimal(500), Decimal(480))
    assert [n.code for n in project.import_notes] == ["IMPORT_FUNDS_JOINED"] * 3
    codes = {f.code for f in check_project(project)}
    assert not codes & {"SOURCES_MISSING", "TOTAL_NOT_SUM", "IMPORT_UNKNOWN_ROW"}


def test_rows_before_any_group_label_are_read_as_the_tables_first_group_and_said() -> None:
    grid = [list(r) for r in OLD_MOF]
    grid[12][1] = grid[12][2] = N  # the copy lost the merged 产出指标 / 数量指标 (山西 c03)
    project = project_from_grid(grid, "旧版")
    assert project is not None
    assert [(i.name, i.category) for i in project.indicators] == [
        ("新建管网长度", "quantity"), ("受益人口", "social"), ("受益群众满意度", "satisfaction")]
    [note] = project.import_notes
    assert note.code == "IMPORT_UNKNOWN_INDICATOR" and "第 13 行" in note.message
    # A label the reader does not know is not guessed at: that row is left out, and said.
    # (项目管理 is known: the older framework's group, tests/io/test_frameworks.py.)
    grid[12][1], grid[12][2] = "工作任务", "资金投入"
    project = project_from_grid(grid, "旧版")
    assert project is not None
    assert [i.name for i in project.indicators] == ["受益人口", "受益群众满意度"]
    assert [n.code for n in project.import_notes] == ["IMPORT_UNKNOWN_INDICATOR"]


def test_an_unknown_fund_row_is_reported_with_its_cell() -> None:
    grid = [list(r) for r in OLD_MOF]
    # (基本支出 would be a line of a block split by use: tests/io/test_odd_layouts.py)
    grid[7] = [N, "银行贷款", 20, 20, 20, "—", "—", "—", N]
    log = ImportSummary("x")
    project = project_from_grid(grid, "旧版", log=log)
    assert project is not None
    [entry] = log.of_kind(EntryKind.UNPLACED)
    assert (entry.sheet, entry.cell, entry.text) == ("旧版", "B8", "银行贷款")
    assert [n.code for n in project.import_notes] == ["IMPORT_UNKNOWN_ROW"]


def test_cell_address() -> None:
    assert [cell_address(0, 0), cell_address(3, 1), cell_address(9, 26)] == ["A1", "B4", "AA10"]


# --- --explain -----------------------------------------------------------------------------------


def _write_form(tmp_path: Path, grid: list[list[object]], name: str) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = name
    for row in grid:
        sheet.append(list(row))
    path = tmp_path / f"{name}.xlsx"
    book.save(path)
    return path


def test_check_explain_prints_the_import_summary(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = _write_form(tmp_path, SICHUAN, "四川")
    main(["check", "--explain", str(path)])
    out = capsys.readouterr().out
    assert "识别为：项目支出绩效自评表 1 张（四川式）" in out
    assert "四川!D5  “调整后预算数” -> 资金表的「全年预算数」" in out
    assert "四川!C6  “150万” -> 150 万元（单元格写明「万」）" in out
    out.encode("gbk")  # a Chinese Windows console prints every character


def test_dump_explain_adds_the_summary_to_the_json(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import json

    path = _write_form(tmp_path, OLD_MOF, "旧版")
    assert main(["dump", "--explain", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    summary = data["import_summary"]
    assert summary["layout"] == "项目支出绩效自评表 1 张（财政部旧版式）"
    assert {"kind": "heading", "sheet": "旧版", "cell": "G12", "text": "全年实际值",
            "meaning": "指标表的「实际完成值」"} in summary["entries"]


def test_explain_of_our_own_file_says_there_is_nothing_to_explain(
        tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "ours.xlsx"
    main(["convert", str(seed_path), str(out_path)])
    capsys.readouterr()
    main(["check", "--explain", str(out_path)])
    assert "本文件为 evaldesk 自己的格式" in capsys.readouterr().out


def test_check_output_survives_a_gbk_redirect(tmp_path: Path) -> None:
    path = _write_form(tmp_path, SICHUAN, "四川")
    done = subprocess.run([sys.executable, "-m", "evaldesk", "check", "--explain", str(path)],
                          capture_output=True, env={"PYTHONIOENCODING": "gbk", "PATH": ""},
                          check=False, timeout=120)
    assert done.returncode in (0, 1), done.stderr.decode("gbk", "replace")
    assert "调整后预算数".encode("gbk") in done.stdout


def test_check_reads_excels_csv_of_a_flattened_header(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # Excel's "CSV (逗号分隔)" on a Chinese Windows: GBK, the header flattened into one row.
    path = tmp_path / "汇总表.csv"
    lines = [",".join(FLAT_HEADER), ",".join("" if v is None else v for v in ROW)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    code = main(["check", "--explain", str(path)])
    out = capsys.readouterr().out
    assert code in (0, 1)  # read (2 would be "cannot read")
    assert "识别为：汇总表（按表头文字识别）" in out
    assert "“实际支出一般公共预算” -> 「实际支出金额/财政拨款/一般公共预算」" in out
    assert "未能归位（未导入或需核对）（0）" in out


# Built to cover a layout (a county's self-evaluation of a 中央对地方转移支付, as 四川 炉霍 d04
# publishes it): its own words for the name, the authority and the unit, the money split into the
# central and the local share, and the goal's text headed 总体目标 beside 全年实际完成情况.
TRANSFER_REGIONAL = [
    ["(2021年度)", N, N, N, N, N],
    ["转移支付(项目)名称", "重大传染病防治项目", N, N, N, N],
    ["中央主管部门", "国家卫生健康委", N, N, N, N],
    ["地方主管部门", "州卫生健康委", N, "资金使用单位", "县卫生健康局", N],
    ["项目资金(万元)", N, "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A)", N],
    [N, "年度资金总额:", "100", "90", "90%", N],
    [N, "其中:中央财政资金", "80", "72", "90%", N],
    [N, "地方资金", "20", "18", "90%", N],
    ["总体目标完成情况", "总体目标", N, N, "全年实际完成情况", N],
    [N, "完成适龄儿童常规接种", N, N, "已完成常规接种", N],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值"],
    [N, "产出指标", "数量指标", "接种人数", "≥100人", "120人"],
]


def test_a_transfer_form_gives_its_name_units_shares_and_goal() -> None:
    project = project_from_grid(TRANSFER_REGIONAL, "转移支付")
    assert project is not None
    assert project.name == "重大传染病防治项目"
    assert (project.authority, project.implementer) == ("州卫生健康委", "县卫生健康局")
    assert (project.budget.general, project.actual.general) == (Decimal(100), Decimal(90))
    assert project.budget.total_computed == Decimal(100)
    assert (project.goal, project.completion) == ("完成适龄儿童常规接种", "已完成常规接种")
    assert [n.code for n in project.import_notes] == ["IMPORT_FUNDS_JOINED"] * 2


REAL_FORMS = Path(__file__).resolve().parents[1] / "data" / "real"


@pytest.mark.parametrize(("stem", "cell", "meaning"), [
    # Hubei's 年度绩效目标1（80分）, merged down beside 一级指标: the block's title, not a column.
    ("a07_hubei_huangshi_sponge", "A9", "指标区的标题（本栏没有数值）"),
    ("c06_yunnan_longyang_huafei", "A9", "指标区的标题（本栏没有数值）"),
    # The transfer-payment form's actual column and Shandong's reason column.
    ("d04_sichuan_luhuo_chuanranbing", "F12", "指标表的「实际完成值」"),
    ("b03_shandong_licheng_wenhuaguan", "H12", "指标表的「偏差原因分析及改进措施」"),
])
def test_headings_beside_the_indicators_are_placed(stem: str, cell: str, meaning: str) -> None:
    summary = read_report(REAL_FORMS / f"{stem}.xlsx").import_summary
    assert summary is not None
    placed = {e.cell: e.meaning for e in summary.of_kind(EntryKind.HEADING)}
    assert placed[cell] == meaning
    assert cell not in {e.cell for e in summary.of_kind(EntryKind.UNPLACED)}


def test_a_forms_year_is_its_own_and_else_the_year_before_it_was_filled_in() -> None:
    from evaldesk.io.project_sheets import FormYear, form_year

    titled: list[list[object]] = [["2022年度项目支出绩效自评表"], ["填报日期:2023年3月20日"]]
    assert form_year(titled) == FormYear(2022)
    # 广水 (c12) prints no year, only when it was filled in: it looks back on 2021.
    dated: list[list[object]] = [["广水市财政预算支出项目绩效目标自评表"],
                                 ["填报日期:2022 年 8 月 10", "自评总分: 95"]]
    assert form_year(dated) == (2021, "填报日期:2022 年 8 月 10", "A2")
    assert form_year([["项目支出绩效自评表"]]) is None


def test_an_inferred_year_is_said_in_the_import_summary() -> None:
    report = read_report(REAL_FORMS / "c12_hubei_guangshui_xiangcun.xlsx")
    assert report.year == 2021
    assert report.import_summary is not None
    [entry] = [e for e in report.import_summary.of_kind(EntryKind.CONVERTED) if e.cell == "A2"]
    assert entry.meaning == "表中未写年度，按填报日期推定为 2021 年度（请核对）"


def test_a_unit_note_beside_a_label_is_not_its_value() -> None:
    # 历城 (b03): 「主管部门（盖章）：」 on the signature line with 「单位：万元」 beside it; the
    # department is printed again in the form.
    report = read_report(REAL_FORMS / "b03_shandong_licheng_wenhuaguan.xlsx")
    assert report.projects[0].authority == "济南市历城区文化和旅游局"
    assert report.department == "济南市历城区文化和旅游局"
