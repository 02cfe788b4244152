"""The per-project form (项目支出绩效自评表): our sheets read back into equal records, the summary and
the sheets agree, sheets made by others (MoF and Sichuan layouts) are read as a reviewer reads them,
and the printed sheet fits A4 portrait."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from evaldesk.core import project_layout as pl
from evaldesk.core.fields import summary_text
from evaldesk.core.layout import COLUMN_INDEX, SUMMARY_CATEGORIES
from evaldesk.core.money import canonical
from evaldesk.core.records import (
    CATEGORIES,
    Comparator,
    Funds,
    Indicator,
    Project,
    Report,
)
from evaldesk.core.rules import TOTAL_NOT_SUM, check_project
from evaldesk.core.scoring import DEFAULT_PROFILE, SCORE_NO_REASON, score_project, scoring_findings
from evaldesk.io import project_sheets
from evaldesk.io.metadata import MAGIC, project_meta, read_metadata
from evaldesk.io.metadata import SHEET_NAME as METADATA_SHEET
from evaldesk.io.project_sheets import (
    IMPORT_FUNDS_JOINED,
    SheetGrid,
    complete_report,
    is_project_sheet,
    project_from_grid,
    settle_own_sheet,
    sheet_name,
    sheets_of,
)
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.write_xlsx import FIRST_DATA_ROW, SHEET_NAME, write_workbook

D = Decimal
LONG = "；".join(f"{i}、加强项目全过程绩效管理，确保资金使用安全、规范、有效，按期完成建设任务"
                for i in range(1, 30))


def _every_category() -> list[Indicator]:
    """One indicator per category, in the form's order, with every comparator and unit kind."""
    return [
        Indicator("quantity", name="购置办公设备数量", target="20", comparator=Comparator.GE, unit="件",
                  actual="18", weight=D(20), reason="供应商延迟交货，已督促补齐"),
        Indicator("quality", name="验收合格率", target="100", comparator=Comparator.EQ, unit="%",
                  actual="100", weight=D(10)),
        Indicator("timeliness", name="配置完成时限", target="15", comparator=Comparator.LE,
                  unit="个工作日", actual="12", weight=D(10)),
        Indicator("cost", name="单台设备成本", target="0.8", comparator=Comparator.LE, unit="万元",
                  actual="0.75", weight=D(10)),
        Indicator("economic", name="节约行政成本", target="5", comparator=Comparator.GE, unit="万元",
                  weight=D(5), applicable=False),
        Indicator("social", name="工作效率", target="有效提升", comparator=Comparator.QUALITATIVE,
                  actual="基本完成", weight=D(10), score=D("7.5"), reason=LONG),
        Indicator("ecological", name="节能产品比例", target="≥80%", actual="85%", weight=D(5)),
        Indicator("sustainable", name="设备使用年限", target="5", comparator=Comparator.GE, unit="年",
                  actual="5", weight=D(10)),
        Indicator("satisfaction", name="使用人员满意度", target="90", comparator=Comparator.GE,
                  unit="%", actual="95", weight=D(10)),
    ]


def family_b_report() -> Report:
    """Projects holding everything the per-project form can get wrong."""
    full = Project(
        seq="1", department="区信访局", name="办公设备购置", code="440307-2021-0001",
        authority="龙岗区信访局", implementer="龙岗区信访局办公室",
        initial=Funds(D("80"), D("5"), D("1.5"), carryover=D("2")),
        budget=Funds(D("91.66"), None, D("2"), carryover=D("3.5")),
        actual=Funds(D("89.94"), None, D("1.5"), carryover=D("3")),
        goal="1、做好特殊防护期间我区信访维稳工作；\n2、通过外出协调，推进化解重点信访案件；",
        completion="基本完成年度目标",
        indicators=_every_category(),
        problems="部分设备延迟交付", rectification="加强合同履约管理", conclusion="项目总体完成较好",
        project_lead="张三", finance_lead="李四",
        total_score_printed=D("88"), grade_printed="良",  # as another file printed them
        carried_over={"budget.general"},
    )
    several = Project(
        seq="2", department="区信访局", name="信访信息系统运维[二期]:*?/\\",
        initial=Funds(D("30"), fiscal_entered=D("31")),  # an entered 财政拨款 that is not the sum
        budget=Funds(D("30"), D("10"), None),
        actual=Funds(D("25"), D("10"), None),
        goal=LONG, completion="已完成",
        indicators=[
            Indicator("quantity", name="系统运维次数", target="12", unit="次", actual="12", weight=D(25)),
            # A weight written in words, kept verbatim; full marks typed although missed.
            Indicator("quantity", name="巡检次数", target="≥24次", actual="20次", score=D(25)),
            Indicator("quantity"),  # added, not yet filled in
            Indicator("social", name="群众来访办理效率", target="提升", actual="明显提升", weight=D(30)),
            Indicator("satisfaction", name="来访群众满意度", target="85", unit="%", actual="88",
                      weight=D(10)),
        ],
        problems="无", rectification="",
        bad_values={"initial.carryover": "见附件", "indicator:1.weight": "二十五"},
    )
    bare = Project(seq="（三）", department="区信访局", name="没有指标的项目",
                   budget=Funds(D("10")), actual=Funds(D("10")))
    return Report(year=2021, title="2021年度区信访局预算项目绩效自评表", department="龙岗区信访局",
                  projects=[full, several, bare])


def _written(tmp_path: Path, report: Report, name: str = "自评表.xlsx") -> Path:
    path = tmp_path / name
    write_workbook(report, path)
    return path


def _differences(expected: Project, actual: Project) -> list[str]:
    return [f"{f.name}: {getattr(expected, f.name)!r} != {getattr(actual, f.name)!r}"
            for f in dataclasses.fields(Project)
            if f.compare and getattr(expected, f.name) != getattr(actual, f.name)]


# --- our own sheets -----------------------------------------------------------------------------


def test_written_workbook_reads_back_equal(tmp_path: Path) -> None:
    report = family_b_report()
    back = read_workbook(_written(tmp_path, report))
    for expected, actual in zip(report.projects, back.projects, strict=True):
        assert _differences(expected, actual) == []
    assert back == report


def test_each_project_has_its_sheet_and_the_record_is_hidden(tmp_path: Path) -> None:
    report = family_b_report()
    book = openpyxl.load_workbook(_written(tmp_path, report))
    names = book.sheetnames
    assert names[0] == SHEET_NAME
    assert names[1:4] == ["1 办公设备购置", "2 信访信息系统运维_二期______", "（三） 没有指标的项目"]
    assert names[-1] == METADATA_SHEET
    assert book[METADATA_SHEET].sheet_state == "hidden"
    assert book[METADATA_SHEET]["A1"].value == MAGIC


def test_typed_and_computed_scores_stay_apart(tmp_path: Path) -> None:
    report = family_b_report()
    back = read_workbook(_written(tmp_path, report))
    social = back.projects[0].indicators[5]
    assert social.score == D("7.5")  # typed
    quantity = back.projects[0].indicators[0]
    assert quantity.score is None  # computed (20 × 18/20 … scaled), shown but not typed
    shown = openpyxl.load_workbook(tmp_path / "自评表.xlsx")["1 办公设备购置"]
    plan = pl.RowPlan(indicator_rows=len(pl.indicator_rows(report.projects[0])))
    score_col = pl.INDICATOR_COLUMN_BY_KEY["score"].col + 1
    computed = score_project(report.projects[0]).indicators[0].score
    assert computed is not None
    assert D(str(shown.cell(plan.first_indicator + 1, score_col).value)) == computed


def test_a_score_typed_in_excel_is_read_as_typed(tmp_path: Path) -> None:
    report = family_b_report()
    path = _written(tmp_path, report)
    book = openpyxl.load_workbook(path)
    sheet = book["1 办公设备购置"]
    plan = pl.RowPlan(indicator_rows=len(pl.indicator_rows(report.projects[0])))
    sheet.cell(plan.first_indicator + 1, pl.INDICATOR_COLUMN_BY_KEY["score"].col + 1).value = 15
    book.save(path)
    back = read_workbook(path)
    assert back.projects[0].indicators[0].score == D(15)
    assert back.projects[0].indicators[1].score is None


def test_computed_figures_are_values_and_text_is_never_a_formula(tmp_path: Path) -> None:
    report = family_b_report()
    project = report.projects[0]
    project.conclusion = "=1+1"
    project.indicators[0].reason = "-5%"
    path = _written(tmp_path, report)
    sheet = openpyxl.load_workbook(path)["1 办公设备购置"]
    values = {cell.value: cell.data_type for row in sheet.iter_rows() for cell in row if cell.value}
    assert values["=1+1"] == "s" and values["-5%"] == "s"
    plan = pl.RowPlan(indicator_rows=len(pl.indicator_rows(project)))
    score = score_project(project)
    total_row = plan.fund_rows + 1
    rate = sheet.cell(total_row, pl.FUND_COLUMN_BY_KEY["rate"].span.first + 1)
    assert rate.data_type == "n" and rate.number_format == pl.RATE_FORMAT
    assert D(str(rate.value)).quantize(D("0.0001")) == project.rate.quantize(D("0.0001"))  # type: ignore[union-attr]
    execution = sheet.cell(total_row, pl.FUND_COLUMN_BY_KEY["score"].span.first + 1).value
    assert D(str(execution)) == score.execution
    assert D(str(sheet.cell(plan.total + 1, pl.TOTAL_SCORE_COL + 1).value)) == score.total_capped
    assert sheet.cell(plan.grade + 1, pl.GRADE_SPAN.first + 1).value == score.grade


def test_summary_cells_and_project_sheets_agree(tmp_path: Path) -> None:
    report = family_b_report()
    book = openpyxl.load_workbook(_written(tmp_path, report))
    summary = book[SHEET_NAME]
    with open(tmp_path / "自评表.xlsx", "rb") as handle:
        grids = {g.name: g.grid for g in sheets_of(CalamineWorkbook.from_filelike(handle), {0}, 10**6)}
    for offset, project in enumerate(report.projects):
        name = book.sheetnames[offset + 1]
        from_sheet = project_from_grid(grids[name], name, ours=True)
        assert from_sheet is not None
        for key, _group in SUMMARY_CATEGORIES:
            for part in ("content", "actual"):
                cell = summary.cell(FIRST_DATA_ROW + offset + 1, COLUMN_INDEX[f"ind.{key}.{part}"] + 1)
                assert (cell.value or "") == summary_text(from_sheet.indicators_in(key), part), \
                    (project.seq, key, part)


def test_print_setup_is_a4_portrait_one_page_wide(tmp_path: Path) -> None:
    report = family_b_report()
    sheet = openpyxl.load_workbook(_written(tmp_path, report))["1 办公设备购置"]
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1)  # 1 is the default, left out of the file
    assert sheet.page_setup.fitToHeight == 0
    assert "&P" in sheet.oddFooter.center.text
    assert sheet.print_title_rows is None
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A1:K1" in merged  # the title across the form
    # The long reason wraps: its row is taller than one line.
    plan = pl.RowPlan(indicator_rows=len(pl.indicator_rows(report.projects[0])))
    assert sheet.row_dimensions[plan.first_indicator + 6].height > 100


def test_a_large_report_saves_the_summary_alone(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_sheets, "PROJECT_SHEETS_LIMIT", 2)
    report = family_b_report()
    path = _written(tmp_path, report)
    assert openpyxl.load_workbook(path).sheetnames == [SHEET_NAME, METADATA_SHEET]
    back = read_workbook(path)
    # Without the sheets the hidden record gives back what the summary row cannot show.
    assert back == report


def test_a_summary_row_edited_elsewhere_keeps_the_edit(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_sheets, "PROJECT_SHEETS_LIMIT", 2)
    report = family_b_report()
    path = _written(tmp_path, report)
    book = openpyxl.load_workbook(path)
    book[SHEET_NAME].cell(FIRST_DATA_ROW + 1, COLUMN_INDEX["goal"] + 1).value = "新的目标"
    book.save(path)
    first = read_workbook(path).projects[0]
    assert first.goal == "新的目标"
    assert first.indicators[0] == Indicator("quantity", name="购置办公设备数量", actual="18")
    assert [n.code for n in first.import_notes] == [project_sheets.IMPORT_SHEETS_DISAGREE]


def test_text_too_long_for_a_cell_stops_the_save(tmp_path: Path) -> None:
    report = family_b_report()
    report.projects[0].indicators[0].reason = "长" * 40000
    with pytest.raises(Exception, match="32767"):
        _written(tmp_path, report)
    assert not (tmp_path / "自评表.xlsx").exists()


# --- sheet names --------------------------------------------------------------------------------


def test_sheet_names_are_short_unique_and_allowed() -> None:
    taken = {SHEET_NAME.casefold()}
    projects = [Project(seq="1", name="项目" * 30), Project(seq="1", name="项目" * 30),
                Project(seq="", name="a[b]c:d*e?f/g\\h"), Project(seq="", name=""),
                Project(seq="", name="History"), Project(seq="", name="ABC"),
                Project(seq="", name="abc"), Project(seq="'", name="'引号'"),
                Project(seq="3", name="表情😀" * 20), Project(seq="", name=SHEET_NAME)]
    names = [sheet_name(p, taken) for p in projects]
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert 0 < len(name.encode("utf-16-le")) // 2 <= 31
        assert not set(name) & set("[]:*?/\\")
        assert not name.startswith("'") and not name.endswith("'")
        assert name.casefold() not in ("history", SHEET_NAME.casefold())
    assert names[0] == "1 " + "项目" * 14 + "项"
    assert names[1].endswith("(2)")
    assert names[2] == "a_b_c_d_e_f_g_h"


def test_projects_with_one_seq_and_name_get_their_own_sheets_back(tmp_path: Path) -> None:
    # Names cut at 31 characters collide; each sheet still finds its own row.
    projects = [Project(seq="1", name="同名项目" * 10, budget=Funds(D(i)), actual=Funds(D(i)),
                        indicators=[Indicator("quantity", name=f"指标{i}", weight=D(i))])
                for i in range(1, 13)]
    report = Report(year=2021, title="2021年度区档案馆预算项目绩效自评表", projects=projects)
    path = _written(tmp_path, report)
    assert openpyxl.load_workbook(path).sheetnames[2].endswith("(2)")
    assert read_workbook(path) == report


# --- the metadata sheet -------------------------------------------------------------------------


def test_damaged_metadata_is_ignored_row_by_row(tmp_path: Path) -> None:
    report = family_b_report()
    path = _written(tmp_path, report)
    book = openpyxl.load_workbook(path)
    meta = book[METADATA_SHEET]
    meta.cell(meta.max_row + 1, 1).value = "project"
    meta.cell(meta.max_row, 2).value = "{not json"
    meta.cell(meta.max_row + 1, 1).value = "project"
    meta.cell(meta.max_row, 2).value = '{"index": "x"}'
    book.save(path)
    assert read_workbook(path) == report


def test_metadata_of_another_kind_is_not_ours() -> None:
    assert read_metadata([["某某软件数据", "1"]]) is None
    assert read_metadata([[MAGIC, "一"]]) is None
    assert read_metadata([]) is None


def test_a_workbook_without_metadata_still_reads(tmp_path: Path) -> None:
    report = family_b_report()
    path = _written(tmp_path, report)
    book = openpyxl.load_workbook(path)
    del book[METADATA_SHEET]
    book.save(path)
    back = read_workbook(path)
    first = back.projects[0]
    # Read as another's file: the printed scores become typed ones, nothing else is lost.
    assert first.indicators[0].score == score_project(report.projects[0]).indicators[0].score
    assert first.initial.general == D(85)  # 本年财政拨款 = 80 + 5, unsplit
    assert first.carried_over == set()
    assert [i.name for i in first.indicators] == [i.name for i in report.projects[0].indicators]
    assert first.import_notes == []


def test_per_project_sheets_alone_make_a_report(tmp_path: Path) -> None:
    report = family_b_report()
    path = _written(tmp_path, report)
    book = openpyxl.load_workbook(path)
    del book[SHEET_NAME]
    book.save(path)
    back = read_workbook(path)
    assert [p.name for p in back.projects] == [p.name for p in report.projects]
    assert [p.seq for p in back.projects] == ["1", "2", "（三）"]
    assert back.year == 2021
    first = back.projects[0]
    assert first.indicators == report.projects[0].indicators
    assert first.budget.total == report.projects[0].budget.total
    assert first.department == "龙岗区信访局办公室"  # the 实施单位


# --- sheets made by others ----------------------------------------------------------------------


def _sichuan_sheet(path: Path) -> Path:
    """A Sichuan-style 项目支出绩效自评表 as a county finance bureau hands it out: 指标性质 with
    U+FE66, 度量单位, 权重 before 实际完成值, 年初预算 / 调整后预算数 / 预算执行数, four fund rows,
    and 评价结论 … 财务负责人 at the end. Cells merged the way the template merges them."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "项目1"
    rows: list[list[object]] = [
        ["项目支出绩效自评表"],
        ["（2022年度）"],
        ["项目名称", None, "乡村道路硬化工程"],
        ["主管部门", None, "某县交通运输局", None, None, None, "实施单位", None, "某县公路养护中心"],
        ["项目资金（万元）", None, None, "年初预算", "调整后预算数", "预算执行数", "权重", "执行率",
         "得分"],
        [None, "年度资金总额", None, 95, 120, 110, 10, "91.67%", 9.17],
        [None, "财政资金", None, 80, 90, 85],
        [None, "财政专户管理资金", None, 0, 10, 10],
        [None, "单位资金", None, 10, 15, 12],
        [None, "其他资金", None, 5, 5, 8],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况"],
        [None, "完成乡村道路硬化20公里", None, None, None, "完成硬化18公里"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
         "实际完成值", "得分", "偏差原因分析及改进措施"],
        [None, "产出指标", "数量指标", "硬化道路里程", "≥", 20, "公里", 20, 18, 18, None],
        [None, None, "质量指标", "验收合格率", "\ufe66", 100, "%", 15, 100, 15, None],
        [None, None, "时效指标", "完工时间", "≤", 12, "月", 10, 11, 10, None],
        [None, None, "成本指标", "每公里造价", "≤", 6, "万元/公里", 5, 5.5, 4.55,
         "材料价格上涨，下一步加强成本控制"],
        [None, "效益指标", "社会效益指标", "群众出行便利度", "定性", "明显改善", None, 20, "明显改善",
         20, None],
        [None, None, "可持续影响指标", "道路使用年限", "≥", 10, "年", 10, 10, 10, None],
        [None, "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", 90, "%", 10, 95, 10, None],
        ["总分", None, None, None, None, None, None, 100, None, 96.72],
        ["评价结论", None, "良好"],
        ["存在问题", None, "部分路段工期延误"],
        ["改进措施", None, "加强施工组织和进度管理"],
        ["项目负责人", None, "王五", None, None, "财务负责人", None, "赵六"],
    ]
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(r, c, value)
    for ref in ("A1:K1", "A2:K2", "C3:K3", "A5:C5", "A6:A10", "B6:C6", "B7:C7", "B8:C8", "B9:C9",
                "B10:C10", "A11:A12", "B11:E11", "F11:K11", "B12:E12", "F12:K12", "A13:A20",
                "B14:B17", "B18:B19", "A21:G21", "A22:B22", "C22:K22"):
        sheet.merge_cells(ref)
    book.save(path)
    return path


def _sichuan_expected() -> Project:
    return Project(
        name="乡村道路硬化工程", authority="某县交通运输局", implementer="某县公路养护中心",
        initial=Funds(D(80), None, D(15)),
        budget=Funds(D(90), None, D(30)),
        actual=Funds(D(85), None, D(30), total_entered=D(110)),  # 85 + 10 + 12 + 8 = 115
        rate_printed=D("0.9167"),
        goal="完成乡村道路硬化20公里", completion="完成硬化18公里",
        indicators=[
            Indicator("quantity", "硬化道路里程", "20", Comparator.GE, "公里", "18", D(20), D(18)),
            Indicator("quality", "验收合格率", "100", Comparator.EQ, "%", "100", D(15), D(15)),
            Indicator("timeliness", "完工时间", "12", Comparator.LE, "月", "11", D(10), D(10)),
            Indicator("cost", "每公里造价", "6", Comparator.LE, "万元/公里", "5.5", D(5), D("4.55"),
                      reason="材料价格上涨，下一步加强成本控制"),
            Indicator("social", "群众出行便利度", "明显改善", Comparator.QUALITATIVE, "", "明显改善",
                      D(20), D(20)),
            Indicator("sustainable", "道路使用年限", "10", Comparator.GE, "年", "10", D(10), D(10)),
            Indicator("satisfaction", "沿线群众满意度", "90", Comparator.GE, "%", "95", D(10), D(10)),
        ],
        problems="部分路段工期延误", rectification="加强施工组织和进度管理", conclusion="良好",
        project_lead="王五", finance_lead="赵六", total_score_printed=D("96.72"),
    )


def test_a_sichuan_sheet_reads_as_a_reviewer_reads_it(tmp_path: Path) -> None:
    back = read_workbook(_sichuan_sheet(tmp_path / "四川.xlsx"))
    assert back.year == 2022
    assert back.department == "某县交通运输局"
    (project,) = back.projects
    expected = _sichuan_expected()
    expected.seq, expected.department = "1", "某县公路养护中心"
    notes = project.import_notes
    project.import_notes = []
    # What the form printed for a reviewer to check, and its own headings for the messages.
    expected.execution_weight_printed, expected.execution_score_printed = D(10), D("9.17")
    expected.total_points_printed = D(100)
    assert {k: project.headings[k] for k in ("budget", "points", "row.general", "indicators",
                                             "indicator.target", "problems")} == {
        "budget": "调整后预算数", "points": "权重", "row.general": "财政资金",
        "indicators": "绩效指标", "indicator.target": "指标值", "problems": "存在问题"}
    assert project.headings["rows.non_fiscal"] == "财政专户管理资金、单位资金、其他资金"
    expected.headings = project.headings
    assert _differences(expected, project) == []
    # 财政专户管理资金, 单位资金 and 其他资金 were added into 非财政资金: each side says so.
    assert [n.code for n in notes] == [IMPORT_FUNDS_JOINED] * 3
    assert "财政专户管理资金 10 + 单位资金 15 + 其他资金 5" in notes[1].message


def test_the_checks_find_what_a_reviewer_would_in_the_sichuan_sheet(tmp_path: Path) -> None:
    (project,) = read_workbook(_sichuan_sheet(tmp_path / "四川.xlsx")).projects
    rules = {(f.code, f.field) for f in check_project(project)}
    assert (TOTAL_NOT_SUM, "actual.total") in rules  # 110 printed, the sources add up to 115
    assert (TOTAL_NOT_SUM, "budget.total") not in rules
    scoring = [(f.code, f.field) for f in scoring_findings(project)]
    # 18 of 20 points for the road length with no reason; the cost indicator gives one.
    assert scoring == [(SCORE_NO_REASON, "indicator:0.reason")]


def test_a_mof_sheet_in_yuan_with_not_applicable_written_in_the_cells() -> None:
    grid: list[list[object]] = [
        ["项目支出绩效自评表"], ["（2021年度）"],
        ["项目名称", "", "社区养老服务"],
        ["主管部门", "", "区民政局", "", "", "", "实施单位", "", "街道办事处"],
        ["项目资金（元）", "", "", "年初预算数", "全年预算数", "", "全年执行数", "", "分值", "执行率",
         "得分"],
        ["", "年度资金总额", "", 1000000, 1234500, "", 1200000, "", 10, "97.21%", 9.72],
        ["", "其中：当年财政拨款", "", 1000000, 1234500, "", 1200000, "", "—", "—", "—"],
        ["", "上年结转资金", "", "", "", "", "", "", "—", "—", "—"],
        ["", "其他资金", "", "", "", "", "", "", "—", "—", "—"],
        ["年度总体目标", "预期目标", "", "", "", "", "实际完成情况"],
        ["", "为300名老人提供居家养老服务", "", "", "", "", "服务老人312名"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
        ["", "产出指标", "数量指标", "服务老人人数", "≥300人", "312人", "50", "50", ""],
        ["", "效益指标", "经济效益指标", "不适用", "不适用", "不适用", "", "", ""],
        ["", "", "社会效益", "老人生活质量", "有所提高", "明显提高", "30", "30", ""],
        ["", "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "约九成", "10分", "", ""],
        ["总分", "", "", "", "", "", "100", "99.72"],
        ["自评等级", "", "", "", "", "", "优"],
    ]
    project = project_from_grid(grid, "养老")
    assert project is not None
    assert project.budget.general == D("123.45")  # 元 → 万元, exactly
    assert project.actual.total == D(120)
    assert project.rate_printed == D("0.9721")
    assert project.indicators[0] == Indicator("quantity", "服务老人人数", "≥300人", None, "", "312人",
                                              D(50), D(50))
    assert project.indicators[1] == Indicator("economic", applicable=False)
    assert project.indicators[2].category == "social"  # 社会效益 without 指标
    assert project.indicators[3].weight == D(10) and project.indicators[3].score is None
    assert (project.total_score_printed, project.grade_printed) == (D("99.72"), "优")
    assert project.import_notes == []


def test_grids_that_are_not_per_project_forms_are_left_alone() -> None:
    summary_header = [["序号", "部门名称", "项目名称", "项目年度预算金额"]]
    assert not is_project_sheet(summary_header)
    assert project_from_grid(summary_header) is None
    assert is_project_sheet(_as_calamine_grid(Project(name="x"), None))
    assert project_from_grid([]) is None
    assert complete_report(None, [SheetGrid("说明", [["填表说明"]])]) is None


def test_every_category_survives_under_its_own_heading() -> None:
    project = Project(name="x", indicators=[Indicator(c.key, name=c.level2 + "的指标") for c in CATEGORIES])
    _plan, cells = pl.form_cells(project, 2021)
    grid: list[list[object]] = [[""] * pl.COLUMNS for _ in range(_plan.last + 1)]
    for cell in cells:
        grid[cell.row][cell.col] = "" if cell.value is None else cell.value
    back = project_from_grid(grid, ours=True)
    assert back is not None
    assert back.indicators == project.indicators


# --- what LibreOffice prints --------------------------------------------------------------------


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_a_project_sheet_on_one_a4_portrait_page(tmp_path: Path) -> None:
    from pypdf import PdfReader

    report = family_b_report()
    report.projects = report.projects[:1]
    xlsx = _written(tmp_path, report, "one.xlsx")
    book = openpyxl.load_workbook(xlsx)
    del book[SHEET_NAME]  # print the per-project sheet alone
    book.save(xlsx)
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
                   capture_output=True, timeout=180, check=False)
    pdf = PdfReader(tmp_path / "one.pdf")
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait, pt
    text = pdf.pages[0].extract_text()
    for words in ("项目支出绩效自评表", "办公设备购置", "使用人员满意度", "偏差原因分析", "第 1 页 共 1 页"):
        assert words in text.replace("\n", ""), words


# --- every project the form can hold --------------------------------------------------------------

_TEXT = st.text(alphabet="甲乙丙丁绩效测试道路abcXYZ019 ，。%≥≤=()\n", max_size=12).filter(
    lambda t: t == "" or t.strip() != "")
_AMOUNT = st.none() | st.decimals(min_value=0, max_value=10**6, places=2).map(canonical)
_POINTS = st.none() | st.decimals(min_value=0, max_value=50, places=2).map(canonical)


@st.composite
def _funds(draw: st.DrawFn) -> Funds:
    funds = Funds(draw(_AMOUNT), draw(_AMOUNT), draw(_AMOUNT), carryover=draw(_AMOUNT))
    total, fiscal = draw(_AMOUNT), draw(_AMOUNT)
    funds.total_entered = None if total == funds.total_computed else total
    funds.fiscal_entered = None if fiscal == funds.fiscal_computed else fiscal
    return funds


@st.composite
def _indicator(draw: st.DrawFn) -> Indicator:
    return Indicator(
        category=draw(st.sampled_from([c.key for c in CATEGORIES])), name=draw(_TEXT),
        target=draw(_TEXT), comparator=draw(st.none() | st.sampled_from(list(Comparator))),
        unit=draw(_TEXT), actual=draw(_TEXT), weight=draw(_POINTS), score=draw(_POINTS),
        reason=draw(_TEXT), applicable=draw(st.booleans()))


@st.composite
def _project(draw: st.DrawFn) -> Project:
    project = Project(
        name=draw(_TEXT), code=draw(_TEXT), authority=draw(_TEXT), implementer=draw(_TEXT),
        initial=draw(_funds()), budget=draw(_funds()), actual=draw(_funds()),
        goal=draw(_TEXT), completion=draw(_TEXT),
        indicators=draw(st.lists(_indicator(), max_size=8)), problems=draw(_TEXT),
        rectification=draw(_TEXT), conclusion=draw(_TEXT), project_lead=draw(_TEXT),
        finance_lead=draw(_TEXT), total_score_printed=draw(_POINTS),
        grade_printed=draw(st.sampled_from(["", "优", "良", "中", "差"])))
    for k, indicator in enumerate(project.indicators):
        if indicator.weight is None and draw(st.booleans()):
            project.bad_values[pl.indicator_key(k, "weight")] = "约十分"
    if project.initial.carryover is None and draw(st.booleans()):
        project.bad_values["initial.carryover"] = "见附件"
    return project


def _as_calamine_grid(project: Project, year: int | None) -> list[list[object]]:
    """The sheet as calamine returns it: numbers as floats, merged cells empty but top-left."""
    plan, cells = pl.form_cells(project, year)
    grid: list[list[object]] = [[""] * pl.COLUMNS for _ in range(plan.last + 1)]
    for cell in cells:
        value = cell.value
        grid[cell.row][cell.col] = float(value) if isinstance(value, Decimal) else (value or "")
    return grid


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_project())
def test_any_project_reads_back_from_its_own_sheet(project: Project) -> None:
    grid = _as_calamine_grid(project, 2021)
    back = project_from_grid(grid, "表", ours=True)
    assert back is not None
    settle_own_sheet(back, project_meta(project, 0, "表"), DEFAULT_PROFILE)
    assert _differences(project, back) == []


_TRIMMED = _TEXT.map(str.strip)


@st.composite
def _summary_project(draw: st.DrawFn, seq: int) -> Project:
    """A project as a clerk keeps it: the summary's texts trimmed, as its reader trims them."""
    project = draw(_project())
    project.seq, project.department = str(seq), draw(_TRIMMED)
    for key in ("name", "goal", "completion", "problems", "rectification"):
        setattr(project, key, getattr(project, key).strip())
    for indicator in project.indicators:
        indicator.name, indicator.actual = indicator.name.strip(), indicator.actual.strip()
    return project


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(), min_size=1, max_size=3).flatmap(
    lambda seqs: st.tuples(*(_summary_project(k) for k in range(1, len(seqs) + 1)))))
def test_any_report_reads_back_from_the_workbook(tmp_path_factory: pytest.TempPathFactory,
                                                 projects: tuple[Project, ...]) -> None:
    # The summary reads a rate cell above 1000 % as a percentage written without its sign.
    assume(all(p.rate is None or p.rate <= 10 for p in projects))
    report = Report(year=2021, title="2021年度测试单位预算项目绩效自评表", projects=list(projects))
    path = tmp_path_factory.mktemp("any") / "any.xlsx"
    write_workbook(report, path)  # the save itself reads the file back and compares
    assert read_workbook(path) == report


def test_the_sheets_can_be_asked_for_or_left_out(tmp_path: Path) -> None:
    report = family_b_report()
    write_workbook(report, tmp_path / "without.xlsx", project_sheets=False)
    assert openpyxl.load_workbook(tmp_path / "without.xlsx").sheetnames == [SHEET_NAME, METADATA_SHEET]
    assert read_workbook(tmp_path / "without.xlsx") == report
    write_workbook(report, tmp_path / "with.xlsx", project_sheets=True)
    assert len(openpyxl.load_workbook(tmp_path / "with.xlsx").sheetnames) == 2 + len(report.projects)


def test_a_summary_only_save_records_nothing_the_summary_shows(tmp_path: Path) -> None:
    # 政府性基金 0 (as most tables print it) is shown in its own summary column: no hidden row is
    # needed for it, so a large summary-only file carries only the record's two heading rows.
    projects = [Project(seq=str(n), name=f"项目{n}", goal=f"目标{n}",
                        budget=Funds(Decimal("10"), Decimal("0"), Decimal("0")),
                        actual=Funds(Decimal("9"), Decimal("0"), Decimal("0")),
                        indicators=[Indicator(key, name=f"指标{n}", actual="完成")
                                    for key, _group in SUMMARY_CATEGORIES])
                for n in range(1, 4)]
    report = Report(year=2025, title="2025年度项目支出绩效自评表", projects=projects)
    path = tmp_path / "summary.xlsx"
    write_workbook(report, path, project_sheets=False)
    book = CalamineWorkbook.from_path(str(path))
    assert len(book.get_sheet_by_name(METADATA_SHEET).to_python()) == 2
    assert read_workbook(path) == report
