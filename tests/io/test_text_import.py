from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from evaldesk.core import rules
from evaldesk.core.rules import Checker
from evaldesk.core.serialize import report_to_dict
from evaldesk.io.errors import ReadError
from evaldesk.io.grid import IMPORT_JOINED, IMPORT_UNPLACED
from evaldesk.io.read_text import read_text, report_from_text

SEED_BUDGETS = ["91.66", "50.36", "129.22", "34.26", "162.33", "6.76"]
SEED_ACTUALS = ["89.94", "49.86", "125.64", "32.51", "159.19", "6.01"]
SEED_RATES = ["98.13%", "99.01%", "97.23%", "94.88%", "98.06%", "88.91%"]


def seed_data_rows(seed_path: Path) -> list[list[str]]:
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    return [line.split("\t") for line in lines if line.split("\t")[0].strip().isdigit()]


def test_seed_reads_to_six_projects_with_every_amount_and_rate(seed_path: Path) -> None:
    report = read_text(seed_path)
    assert report.title == "2021年度区信访局预算项目绩效自评表"
    assert report.year == 2021 and report.unit == "万元" and report.department == "龙岗区信访局"
    assert [p.seq for p in report.projects] == ["1", "2", "3", "4", "5", "6"]
    for project, budget, actual, rate, row in zip(
        report.projects, SEED_BUDGETS, SEED_ACTUALS, SEED_RATES, seed_data_rows(seed_path),
        strict=True,
    ):
        assert project.budget.total == D(budget) == project.budget.general
        assert project.actual.total == D(actual) == project.actual.general
        assert project.budget.fund == project.budget.non_fiscal == D(0)
        assert project.rate_printed == D(rate.rstrip("%")) / 100
        assert project.name == row[2] and project.department == row[1] == "区信访局"
        assert project.goal == row[12] and project.completion == row[13]


def test_seed_findings_are_what_a_reviewer_would_raise(seed_path: Path) -> None:
    report = read_text(seed_path)
    checker = Checker(report)
    by_seq = {p.seq: [f.code for f in checker.for_project(p.uid)] for p in report.projects}
    # The three rates printed 0.01 % off are consistent: no rate finding anywhere.
    assert not any(rules.RATE_MISMATCH in c for c in by_seq.values())
    assert not any(rules.TOTAL_NOT_SUM in c for c in by_seq.values())
    assert rules.LOW_RATE_NO_REASON in by_seq["6"]
    assert rules.COMPLETION_VS_RATE in by_seq["6"]
    assert IMPORT_UNPLACED in by_seq["2"]
    assert next(f for f in checker.for_project(report.projects[1].uid)
            if f.code == IMPORT_UNPLACED).is_error
    assert rules.DUPLICATE_GOAL in by_seq["1"] and rules.DUPLICATE_GOAL in by_seq["3"]
    # Rows 4–6 realign from their 不适用 cells with certainty; row 3 also needs a join.
    assert IMPORT_JOINED in by_seq["3"]
    for seq in ("1", "4", "5", "6"):
        assert not {IMPORT_UNPLACED, IMPORT_JOINED} & set(by_seq[seq]), seq


def test_seed_rows_realigned_under_the_right_headings(seed_path: Path) -> None:
    report = read_text(seed_path)
    p1, _p2, p3, p4, p5, p6 = report.projects
    kinds = {i.category: i for i in p1.indicators}
    assert (kinds["quantity"].name, kinds["quantity"].actual) == ("购置办公设备数量", "20件")
    assert not kinds["economic"].applicable
    assert kinds["ecological"].actual == "购置节能环保产品, 实现节能减排"
    for project in (p3, p4, p5, p6):
        cats = {i.category: i for i in project.indicators}
        assert not cats["economic"].applicable and not cats["ecological"].applicable
        assert "满意度" in cats["satisfaction"].name
        assert project.problems == "无" and project.rectification == ""
    assert {i.category: i for i in p4.indicators}["social"].name.startswith("利用信息化建设")
    assert {i.category: i for i in p5.indicators}["timeliness"].actual.startswith("在规定的财政年度")
    quantity3 = {i.category: i for i in p3.indicators}["quantity"]
    assert quantity3.name == "化解年度重点案件\n深圳市信访局确定的案审案件完成度100%"
    assert quantity3.actual == "100%"


def test_every_non_empty_seed_cell_is_somewhere_in_the_records(seed_path: Path) -> None:
    report = read_text(seed_path)
    for project, row in zip(report.projects, seed_data_rows(seed_path), strict=True):
        dumped = json.dumps(report_to_dict(report)["projects"][int(project.seq) - 1],
                            ensure_ascii=False)
        na_cells = sum(1 for cell in row if cell.strip() == "不适用")
        inapplicable = sum(1 for i in project.indicators if not i.applicable)
        assert inapplicable >= 1 if na_cells else inapplicable == 0
        for cell in row:
            text = cell.strip()
            if not text or text == "不适用":
                continue
            if text.endswith("%") and text == row[11]:
                assert project.rate_printed == D(text[:-1]) / 100
                continue
            assert text in dumped, (project.seq, text)


def test_header_found_wherever_it_stands_with_blank_rows_and_columns() -> None:
    rows = [
        "",
        "\t\t2022年度区教育局预算项目绩效自评表",
        "\t\t单位：元",
        "",
        "\t\t" + "\t".join(["序号", "部门名称", "项目名称", "项目年度预算金额", "", "", "",
                            "实际支出金额", "", "", "", "预算支出执行率", "年初绩效目标",
                            "绩效目标整体完成情况", "产出目标", "", "", "", "", "", "效益目标",
                            "", "", "", "", "", "满意度指标", "", "项目执行中存在的问题",
                            "整改情况"]),
        "\t\t1\t区教育局\t校舍维修\t916600\t916600\t0\t0\t900000\t900000\t0\t0\t98.19%\t修缮校舍",
        "\t\t合计\t\t\t916600\t916600\t0\t0\t900000\t900000\t0\t0\t98.19%",
    ]
    report = report_from_text("\n".join(rows), "t.txt")
    assert report.year == 2022 and report.unit == "万元"
    (project,) = report.projects
    assert project.name == "校舍维修"
    assert project.budget.total == D("91.66") and project.actual.total == D("90")
    assert project.goal == "修缮校舍"


def test_excel_clipboard_quoted_cells_with_line_breaks() -> None:
    header = ("序号\t部门名称\t项目名称\t项目年度预算金额\t\t\t\t实际支出金额\t\t\t\t"
              "预算支出执行率\t年初绩效目标")
    row = '1\t局\t甲\t10\t10\t0\t0\t9\t9\t0\t0\t90.01%\t"第一行\n第二行"'
    report = report_from_text(f"{header}\n{row}\n")
    assert report.projects[0].goal == "第一行\n第二行"
    assert report.projects[0].rate_printed == D("0.9001")


def test_a_printed_rate_equal_to_the_computed_one_is_not_kept_twice() -> None:
    header = "序号\t项目名称\t项目年度预算金额\t实际支出金额\t预算支出执行率"
    (project,) = report_from_text(f"{header}\n1\t甲\t10\t9\t90.00%\n").projects
    assert project.rate_printed is None and project.rate_shown == D("0.9")


def test_gb18030_text_and_csv(tmp_path: Path) -> None:
    text = ("序号,部门名称,项目名称,项目年度预算金额,,,,实际支出金额,,,,预算支出执行率\n"
            '1,区信访局,信访事务,"1,129.22",129.22,0,0,125.64,125.64,0,0,97.23%\n')
    path = tmp_path / "gbk.csv"
    path.write_bytes(text.encode("gb18030"))
    report = read_text(path)
    assert report.projects[0].name == "信访事务"
    assert report.projects[0].budget.total_entered == D("1129.22")


def test_text_where_numbers_belong_is_kept(tmp_path: Path) -> None:
    header = "序号\t部门名称\t项目名称\t项目年度预算金额\t\t\t\t实际支出金额\t\t\t\t预算支出执行率"
    report = report_from_text(f"{header}\n1\t局\t甲\t十万\t10\t\t\t9\t9\t\t\t很高\n")
    project = report.projects[0]
    assert project.bad_values == {"budget.total": "十万", "rate": "很高"}
    assert project.budget.general == D(10)


@pytest.mark.parametrize("content", ["", "   \n\n", "just some words\nand more"])
def test_no_table_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_text(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_binary_renamed_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
    with pytest.raises(ReadError, match="二进制"):
        read_text(path)


def test_columns_matched_by_words_in_another_order_with_a_two_row_header() -> None:
    top = ["项目名称", "序号", "实际支出金额", "", "", "", "项目年度预算金额", "", "", "",
           "备注", "年初绩效目标", "存在问题"]
    sub = ["", "", "合计", "一般公共预算", "政府性基金", "非财政资金", "合计", "一般公共预算",
           "政府性基金", "非财政资金", "", "", ""]
    row = ["信访事务", "3", "125.64", "125.64", "0", "0", "129.22", "129.22", "0", "0", "无备注",
           "目标", "无"]
    text = "\n".join("\t".join(r) for r in (top, sub, row))
    (project,) = report_from_text(text).projects
    assert (project.seq, project.name, project.goal, project.problems) == (
        "3", "信访事务", "目标", "无")
    assert project.budget.general == D("129.22") and project.actual.general == D("125.64")
    assert project.budget.total_entered is None and project.actual.total_entered is None


def test_columns_without_a_place_are_reported_not_dropped_silently() -> None:
    from evaldesk.core.rules import Checker

    text = "项目名称\t序号\t项目年度预算金额\t实际支出金额\t备注\t联系人\n甲\t1\t10\t9\t说明\t\n"
    report = report_from_text(text)
    (note,) = report.import_notes
    assert "「备注」" in note.message and "联系人" not in note.message  # an empty column is noise
    assert "预算" not in note.message  # a single 预算金额 column is the budget total
    assert report.projects[0].budget.total == 10
    (finding,) = [f for f in Checker(report).findings() if f.project_uid is None]
    assert finding.code == "IMPORT_UNMATCHED" and not finding.is_error


def test_a_header_that_needs_a_mapping_says_so_and_a_mapping_reads_it() -> None:
    from evaldesk.io.grid import HeaderNeedsMapping, inspect_grid
    from evaldesk.io.read_text import split_rows

    text = "序号\t名目\t项目年度预算金额\t实际支出金额\t执行率\n1\t信访事务\t129.22\t125.64\t97.23%\n"
    with pytest.raises(HeaderNeedsMapping) as info:
        report_from_text(text, "x.txt")
    assert "「项目名称」" in str(info.value) and info.value.info.missing == ("name",)
    header = inspect_grid(split_rows(text), "x.txt")
    assert (1, "名目") in header.headings
    assert header.matched["budget.total"] == 2 and header.signature.startswith("序号|名目")
    mapping = {**header.matched, "name": 1}
    (project,) = report_from_text(text, "x.txt", mapping).projects
    assert project.name == "信访事务" and project.budget.total == D("129.22")
    assert project.rate_printed == D("0.9723")


def test_a_numeric_rate_above_ten_is_read_the_way_the_amounts_say() -> None:
    from evaldesk.io.grid import report_from_grid

    header = ["序号", "部门名称", "项目名称", "项目年度预算金额", "", "", "", "实际支出金额", "", "",
              "", "预算支出执行率"]
    typed_percent = ["1", "局", "甲", 10.0, 10.0, 0, 0, 9.812, 9.812, 0, 0, 98.13]
    stored_fraction = ["2", "局", "乙", 1.0, 1.0, 0, 0, 10.99, 10.99, 0, 0, 11.0]  # 1100 %
    report = report_from_grid([header, typed_percent, stored_fraction], "x")
    assert report.projects[0].rate_printed == D("0.9813")
    assert report.projects[1].rate_printed == D(11)
