"""Files in the shapes clerks actually have, each read to the records it holds.

An Excel 97–2003 .xls (written by LibreOffice from our workbook), a CSV export, another office's
.xlsx with its columns in another order and extra columns, one in 元, a header of two rows
instead of three, away from the top. tests/io/test_xlsx_roundtrip.py and test_text_import.py
cover the official layout moved about and the text shapes of the seed; these are the rest.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from benchmarks.bench_merge import write_csv
from evaldesk.core.records import Project, Report
from evaldesk.io import read_report
from evaldesk.io.errors import ReadError
from evaldesk.io.grid import IMPORT_UNMATCHED
from evaldesk.io.read_text import read_text
from evaldesk.io.write_xlsx import write_workbook
from tests.io.conftest import write_rows

D = Decimal


def _record(project: Project) -> tuple[object, ...]:
    """What a reader must get right of a project, whatever the file's shape."""
    return (project.seq, project.department, project.name, project.budget.general, project.budget.fund,
            project.budget.non_fiscal, project.budget.total, project.actual.general, project.actual.fund,
            project.actual.non_fiscal, project.actual.total, project.rate_shown, project.goal,
            project.completion, [(i.category, i.name, i.actual, i.applicable) for i in project.indicators],
            project.problems, project.rectification)


def _same_records(read: Report, expected: Report) -> None:
    assert [_record(p) for p in read.projects] == [_record(p) for p in expected.projects]
    assert (read.year, read.title, read.department) == (expected.year, expected.title, expected.department)


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_excel_97_2003_xls_written_by_libreoffice(tmp_path: Path, seed_path: Path) -> None:
    seed = read_text(seed_path)
    xlsx = tmp_path / "信访局.xlsx"
    write_workbook(seed, xlsx)
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs must not share one
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "xls", "--outdir", str(tmp_path / "out"), str(xlsx)],
        capture_output=True, text=True, timeout=180, check=False)
    xls = tmp_path / "out" / "信访局.xls"
    assert xls.exists(), result.stderr or result.stdout
    assert xls.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a real BIFF compound file
    _same_records(read_report(xls), seed)

    # The same file with one cell moved to row 65,536, column 65,536 (its LABELSST record patched
    # in place): refused by the preflight, where calamine would abort on a 137 GB grid.
    data = bytearray(xls.read_bytes())
    at = data.rfind(b"\xfd\x00\x0a\x00")  # the last LABELSST record's header
    assert at > 0
    data[at + 4 : at + 8] = b"\xff\xff\xff\xff"
    far = tmp_path / "far.xls"
    far.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="范围过大"):
        read_report(far)


def test_csv_exported_from_excel(tmp_path: Path, seed_path: Path) -> None:
    seed = read_text(seed_path)
    path = tmp_path / "信访局.csv"
    write_csv(seed, path)  # "CSV UTF-8": BOM, CRLF, quoted cells with line breaks and commas
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b'"1' in data
    read = read_report(path)
    # A CSV holds the shown rate (98.13%), not more digits than the print.
    assert [p.rate_shown for p in read.projects] == [
        p.rate_shown.quantize(D("0.0001")) if p.rate_shown is not None else None for p in seed.projects]
    for project in read.projects:
        project.rate_printed = None
    for project in seed.projects:
        project.rate_printed = None
    _same_records(read, seed)


def test_xlsx_with_columns_in_another_order_and_extra_columns(tmp_path: Path) -> None:
    top = ["项目名称", "项目编码", "序号", "部门名称", "实际支出金额", None, None, None,
           "项目年度预算金额", None, None, None, "预算执行率", "备注", "年初绩效目标", "存在问题", "整改措施"]
    sub = [None, None, None, None, "合计", "一般公共预算", "政府性基金", "非财政资金",
           "合计", "一般公共预算", "政府性基金", "非财政资金", None, None, None, None, None]
    rows: list[list[object]] = [
        top, sub,
        ["信访事务", "4403070001", "1", "区信访局", 125.64, 120.64, 5, 0, 129.22, 124.22, 5, 0,
         "97.23%", "已报区长", "化解信访积案", "无", ""],
        ["培训费", "4403070002", "2", "区信访局", 6.01, 6.01, 0, 0, 6.76, 6.76, 0, 0,
         "88.91%", "", "全年培训6期", "疫情取消一期", "下半年补办"],
    ]
    merges = ("E1:H1", "I1:L1", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "M1:M2", "N1:N2", "O1:O2",
              "P1:P2", "Q1:Q2")
    report = read_report(write_rows(tmp_path / "其他格式.xlsx", rows, merges=merges))
    first, second = report.projects
    assert (first.seq, first.department, first.name) == ("1", "区信访局", "信访事务")
    assert (first.budget.general, first.budget.fund, first.budget.total) == (D("124.22"), D(5), D("129.22"))
    assert (first.actual.general, first.actual.fund, first.actual.total) == (D("120.64"), D(5), D("125.64"))
    assert first.rate_printed == D("0.9723") and first.goal == "化解信访积案"
    assert (second.problems, second.rectification) == ("疫情取消一期", "下半年补办")
    assert first.budget.total_entered is None  # 合计 equals its parts: nothing printed apart
    (note,) = report.import_notes
    assert note.code == IMPORT_UNMATCHED
    assert "「项目编码」" in note.message and "「备注」" in note.message


def test_amounts_in_yuan_with_cents_are_converted_exactly(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["2021年度区信访局预算项目绩效自评表"],
        ["金额单位：元"],
        ["序号", "项目名称", "项目年度预算金额", "实际支出金额", "预算支出执行率"],
        ["1", "信访事务", 1292234.56, "1,256,412.30", "97.23%"],
        ["2", "培训费", 67600, 60100.01, "88.91%"],
        ["合计", None, 1359834.56, 1316512.31, None],
    ]
    report = read_report(write_rows(tmp_path / "元.xlsx", rows))
    assert report.unit == "万元" and report.year == 2021
    first, second = report.projects
    assert first.budget.total == D("129.223456") and first.actual.total == D("125.64123")
    assert second.budget.total == D("6.76") and second.actual.total == D("6.010001")
    assert report.budget_total() == D("135.983456")  # the 合计 row is not a project


def test_two_header_rows_away_from_the_top(tmp_path: Path) -> None:
    top = [None, "序号", "部门名称", "项目名称", "项目年度预算金额", None, None, None,
           "实际支出金额", None, None, None, "预算支出执行率", "年初绩效目标", "项目执行中存在的问题",
           "整改情况"]
    sub = [None, None, None, None, "合计", "一般公共预算", "政府性基金", "非财政资金",
           "合计", "一般公共预算", "政府性基金", "非财政资金"]
    rows: list[list[object]] = [
        [None, "附件3"],
        [],
        [None, "2021年度区信访局预算项目绩效自评表"],
        [None, "部门名称（盖章）：龙岗区信访局"],
        top, sub,
        [None, 1, "区信访局", "办公设备购置", 91.66, 91.66, 0, 0, 89.94, 89.94, 0, 0, 0.9813,
         "做好信访维稳工作", "无", "无"],
        [None, 2, "", "信访事务", 129.22, 129.22, 0, 0, 125.64, 125.64, 0, 0, 0.9723, "化解积案",
         "无", ""],
    ]
    report = read_report(write_rows(tmp_path / "两行表头.xlsx", rows, top=2))
    assert report.title == "2021年度区信访局预算项目绩效自评表" and report.department == "龙岗区信访局"
    first, second = report.projects
    assert (first.seq, first.name, first.goal) == ("1", "办公设备购置", "做好信访维稳工作")
    assert first.budget.total == D("91.66") and first.actual.general == D("89.94")
    assert first.rate_printed == D("0.9813") and second.department == ""
    assert second.actual.total == D("125.64") and report.import_notes == []


def test_two_header_rows_with_indicator_pairs(tmp_path: Path) -> None:
    top = ["序号", "项目名称", "项目年度预算金额", "实际支出金额", "数量指标", None, "社会效益指标", None]
    sub = [None, None, None, None, "年度指标内容", "完成情况", "年度指标内容", "完成情况"]
    rows: list[list[object]] = [top, sub, ["1", "信访事务", 129.22, 125.64, "接访1000人次", "完成",
                                           "维护稳定", "达成"]]
    (project,) = read_report(write_rows(tmp_path / "指标.xlsx", rows)).projects
    assert [(i.category, i.name, i.actual) for i in project.indicators] == [
        ("quantity", "接访1000人次", "完成"), ("social", "维护稳定", "达成")]
