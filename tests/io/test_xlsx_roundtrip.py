"""The official workbook: written as the printed form, read back with nothing lost, and tables
made by others read too."""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from benchmarks.generate import make_report
from evaldesk.core import layout
from evaldesk.core.fields import get_value
from evaldesk.core.layout import SUMMARY_COLUMNS
from evaldesk.core.records import Report
from evaldesk.io.atomic import atomic_write
from evaldesk.io.cell_metrics import MAX_ROW_HEIGHT, display_width, line_count
from evaldesk.io.errors import WriteError
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.write_xlsx import FIRST_DATA_ROW, HEADER_TOP, SHEET_NAME, write_workbook
from tests.io.conftest import write_rows

D = Decimal



def _written(tmp_path: Path, report: Report) -> Path:
    path = tmp_path / "自评表.xlsx"
    write_workbook(report, path)
    return path


# --- round trip ---------------------------------------------------------------------------------


def test_round_trip_keeps_every_record(tmp_path: Path, report: Report) -> None:
    back = read_workbook(_written(tmp_path, report))
    assert back.projects == report.projects
    assert back == report


def test_round_trip_keeps_the_awkward_values(tmp_path: Path, report: Report) -> None:
    back = read_workbook(_written(tmp_path, report))
    first, second, third, fourth = back.projects
    assert first.rate_printed == D("0.9813")  # printed, differs from the computed 98.12 %
    assert second.name == "=SUM(A1)" and second.goal == "=SUM(A1)+1"
    assert second.completion == "-5%"
    assert second.budget.total_entered == D("60.00")  # a printed 合计 that is not the sum
    assert second.actual.general == D("12.345")  # more digits than shown are kept
    assert second.rate_printed is None  # the computed rate written as a value is not "printed"
    assert third.budget.total is None and third.rate is None
    assert fourth.bad_values == {"actual.general": "见附表", "rate": "约九成"}
    assert fourth.budget.total == D("10.3")  # 10 + 0.1 + 0.2, exactly
    assert (back.head, back.preparer, back.phone, back.fill_date) == (
        "李建国", "张晓明", "0755-28900000", "2022年3月15日")


def test_generated_district_round_trips(tmp_path: Path) -> None:
    report = make_report(300, seed=7)
    assert read_workbook(_written(tmp_path, report)) == report


def test_empty_report_round_trips(tmp_path: Path) -> None:
    report = Report(year=2022, title="2022年度区档案馆预算项目绩效自评表", department="区档案馆")
    assert read_workbook(_written(tmp_path, report)) == report


def test_text_longer_than_a_cell_holds_stops_the_save(tmp_path: Path, report: Report) -> None:
    # xlsxwriter would cut it to 32,767 characters without a word; the clerk must hear of it.
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"old")
    report.projects[1].goal = "很长" * 20000
    with pytest.raises(WriteError) as caught:
        write_workbook(report, path)
    assert "32767" in caught.value.reason and "年初绩效目标" in caught.value.reason
    assert path.read_bytes() == b"old"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path, report: Report) -> None:
    path = _written(tmp_path, report)
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml  # no formula anywhere: every value is a value
    sheet = openpyxl.load_workbook(path)[SHEET_NAME]
    values = {cell.value: cell.data_type for row in sheet.iter_rows() for cell in row if cell.value}
    for text in ("=SUM(A1)", "=SUM(A1)+1", "-5%", "@关注人数", "+86 13800138000"):
        assert values[text] == "s", text


# --- the printed form ---------------------------------------------------------------------------


@pytest.fixture
def sheet(tmp_path: Path, report: Report) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(_written(tmp_path, report))[SHEET_NAME]


def test_title_unit_and_department_lines(sheet: openpyxl.worksheet.worksheet.Worksheet,
                                         report: Report) -> None:
    assert sheet["A1"].value == report.title
    assert sheet["A2"].value == layout.unit_line("万元")
    assert sheet["A3"].value == layout.department_line("龙岗区信访局")
    merged = {str(r) for r in sheet.merged_cells.ranges}
    last = openpyxl.utils.get_column_letter(len(SUMMARY_COLUMNS))
    assert {f"A1:{last}1", f"A2:{last}2", f"A3:{last}3"} <= merged


def test_header_is_merged_as_the_layout_draws_it(tmp_path: Path, report: Report) -> None:
    path = _written(tmp_path, report)
    sheet = openpyxl.load_workbook(path)[SHEET_NAME]
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    # openpyxl redraws merged cells' borders on load, so the stored style of each covered cell is
    # read from the XML: it must be the heading's own bordered style, or print shows gaps.
    styles = dict(re.findall(r'<c r="([A-Z]+[0-9]+)" s="([0-9]+)"', sheet_xml))
    merged = {str(r) for r in sheet.merged_cells.ranges}
    for cell in layout.header_cells():
        top, left = HEADER_TOP + cell.row + 1, cell.col + 1
        bottom, right = top + cell.row_span - 1, left + cell.col_span - 1
        anchor = sheet.cell(top, left)
        assert anchor.value == cell.text
        border = anchor.border
        assert all(side.style == "thin" for side in (border.left, border.right, border.top,
                                                      border.bottom))
        if (bottom, right) != (top, left):
            ref = f"{_letter(left)}{top}:{_letter(right)}{bottom}"
            assert ref in merged
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                assert styles[f"{_letter(c)}{r}"] == styles[anchor.coordinate], (r, c)


def _letter(col: int) -> str:
    return str(openpyxl.utils.get_column_letter(col))


def test_numbers_are_numbers_with_the_forms_formats(sheet: openpyxl.worksheet.worksheet.Worksheet,
                                                   report: Report) -> None:
    row = FIRST_DATA_ROW + 1
    for col, column in enumerate(SUMMARY_COLUMNS, 1):
        cell = sheet.cell(row, col)
        expected = get_value(report.projects[0], column.key)
        if column.kind is layout.Kind.AMOUNT:
            assert cell.number_format == layout.AMOUNT_FORMAT
            assert cell.value == float(expected)  # type: ignore[arg-type]
        elif column.kind is layout.Kind.RATE:
            assert cell.number_format == layout.RATE_FORMAT
            assert cell.value == 0.9813
        else:
            assert cell.value == (expected or None)
            assert cell.alignment.wrap_text


def test_total_row_sums_the_columns_and_shows_the_overall_rate(
    sheet: openpyxl.worksheet.worksheet.Worksheet, report: Report
) -> None:
    row = FIRST_DATA_ROW + len(report.projects) + 1
    assert sheet.cell(row, 1).value == layout.TOTAL_ROW_LABEL
    budget_total = layout.COLUMN_INDEX["budget.total"] + 1
    # 91.66 + 60.00 (the printed total of project 2) + 10.3
    assert sheet.cell(row, budget_total).value == pytest.approx(161.96)
    actual_general = layout.COLUMN_INDEX["actual.general"] + 1
    assert sheet.cell(row, actual_general).value == pytest.approx(89.94 + 12.345)
    rate = sheet.cell(row, layout.COLUMN_INDEX["rate"] + 1)
    assert rate.number_format == layout.RATE_FORMAT
    assert rate.value == pytest.approx(float(report.overall_rate()))  # type: ignore[arg-type]


def test_signature_lines_under_the_table(sheet: openpyxl.worksheet.worksheet.Worksheet,
                                         report: Report) -> None:
    row = FIRST_DATA_ROW + len(report.projects) + 3
    texts = [v for v in (sheet.cell(row, c).value for c in range(1, len(SUMMARY_COLUMNS) + 1)) if v]
    assert texts == ["单位负责人: 李建国", "填表人: 张晓明", "联系电话: 0755-28900000",
                     "填报日期: 2022年3月15日"]


def test_widths_heights_and_frozen_panes(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    widths: dict[int, float] = {}
    for dimension in sheet.column_dimensions.values():  # grouped: <col min="4" max="5">
        for col in range(dimension.min, dimension.max + 1):
            widths[col] = dimension.width
    for col, column in enumerate(SUMMARY_COLUMNS, 1):
        assert widths[col] == pytest.approx(column.width, abs=1)
    heights = [sheet.row_dimensions[FIRST_DATA_ROW + i].height for i in range(1, 5)]
    short, long_problems, empty, too_long = heights
    assert long_problems > 5 * short  # the 39-clause problems text wraps to many lines
    assert empty < short <= 2 * empty
    assert too_long == pytest.approx(MAX_ROW_HEIGHT, abs=0.5)  # Excel's cap, in whole pixels
    assert sheet.freeze_panes == f"{openpyxl.utils.get_column_letter(layout.FROZEN_COLUMNS + 1)}" \
                                 f"{FIRST_DATA_ROW + 1}"


def test_print_setup(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 8  # A3
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1)  # 1 is the default, left out of the XML
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == f"${HEADER_TOP + 1}:${FIRST_DATA_ROW}"
    assert "第 &P 页 共 &N 页" in str(sheet.oddFooter.center.text)


def test_a4_when_asked(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "a4.xlsx"
    write_workbook(report, path, paper="A4")
    assert openpyxl.load_workbook(path)[SHEET_NAME].page_setup.paperSize == 9


def test_line_estimate_counts_cjk_double() -> None:
    assert display_width("abc") == 3
    assert display_width("信访局") == 6
    assert display_width("满意度≥90%") == 3 * 2 + 2 + 3
    assert line_count("一" * 20, 11) == 4  # 40 units in 10 usable per line
    assert line_count("a\nb\nc", 10) == 3


# --- tables made by others ----------------------------------------------------------------------


def _other_table(amounts: list[list[object]], *, unit: str = "万元",
                 total: list[object] | None = None) -> list[list[object]]:
    """The form's title, lines, header and data rows as another program would lay them out."""
    rows: list[list[object]] = [
        ["2021年度区信访局预算项目绩效自评表"],
        [f"单位：{unit}"],
        ["部门名称（盖章）：龙岗区信访局"],
        *HEADER_ROW_TEXTS_OTHERS,
    ]
    for n, figures in enumerate(amounts, 1):
        rows.append([str(n), "区信访局", f"项目{n}", *figures, "年初目标", "100%",
                     "数量", "20件", *[""] * 12, "无", ""])
    if total is not None:
        rows.append(["合计", "", "", *total])
    return rows


# Headings written once, in the first cell of each merged span, as merged cells store them.
HEADER_ROW_TEXTS_OTHERS: list[list[object]] = [[""] * len(SUMMARY_COLUMNS) for _ in range(3)]
for _cell in layout.header_cells():
    HEADER_ROW_TEXTS_OTHERS[_cell.row][_cell.col] = _cell.text


def test_header_found_away_from_the_top_with_blank_rows_and_columns(tmp_path: Path) -> None:
    rows = _other_table([[91.66, 91.66, 0, 0, 89.94, 89.94, 0, 0, 0.9813]])
    path = write_rows(tmp_path / "offset.xlsx", rows, top=4, left=2)
    report = read_workbook(path)
    assert report.title == "2021年度区信访局预算项目绩效自评表"
    assert report.department == "龙岗区信访局"
    (project,) = report.projects
    assert project.name == "项目1"
    assert project.budget.total == D("91.66") and project.actual.general == D("89.94")
    assert project.rate_printed == D("0.9813")
    assert project.indicators[0].name == "数量" and project.indicators[0].actual == "20件"


def test_numbers_stored_as_text_and_rates_as_percent_text(tmp_path: Path) -> None:
    rows = _other_table([
        ["91.66", "91.66", "0", "0", "89.94", "89.94", "0", "0", "98.13%"],
        ["1,234.50", "1,234.50", "", "", "1,000.00", "1,000.00", "", "", "81.00%"],
    ])
    report = read_workbook(write_rows(tmp_path / "text.xlsx", rows))
    first, second = report.projects
    assert first.budget.general == D("91.66") and first.rate_printed == D("0.9813")
    assert second.budget.total == D("1234.50") and second.actual.total == D("1000.00")
    assert second.rate_printed == D("0.81")
    assert not first.bad_values and not second.bad_values


def test_amounts_in_yuan_are_converted_exactly(tmp_path: Path) -> None:
    rows = _other_table([[916600, 916600, 0, 0, 899400, 899400, 0, 0, "98.13%"]], unit="元")
    (project,) = read_workbook(write_rows(tmp_path / "yuan.xlsx", rows)).projects
    assert project.budget.total == D("91.66")
    assert project.actual.general == D("89.94")


@pytest.mark.parametrize("with_total", [False, True])
def test_total_row_absent_or_present(tmp_path: Path, with_total: bool) -> None:
    figures: list[list[object]] = [[10, 10, 0, 0, 9, 9, 0, 0, 0.9], [20, 20, 0, 0, 20, 20, 0, 0, 1]]
    total: list[object] | None = [30, 30, 0, 0, 29, 29, 0, 0, 0.9667] if with_total else None
    report = read_workbook(write_rows(tmp_path / "total.xlsx", _other_table(figures, total=total)))
    assert [p.name for p in report.projects] == ["项目1", "项目2"]
    assert report.budget_total() == D(30)


def test_merged_department_is_given_to_every_row(tmp_path: Path) -> None:
    figures: list[list[object]] = [[10, 10, 0, 0, 9, 9, 0, 0, 0.9]] * 3
    rows = _other_table(figures)
    rows[6][1] = "区教育局"
    rows[7][1] = rows[8][1] = ""
    path = write_rows(tmp_path / "merged.xlsx", rows, merges=("B7:B9",))
    report = read_workbook(path)
    assert [p.department for p in report.projects] == ["区教育局"] * 3


def test_table_on_a_later_sheet(tmp_path: Path) -> None:
    rows = _other_table([[10, 10, 0, 0, 9, 9, 0, 0, 0.9]])
    path = write_rows(tmp_path / "second.xlsx", rows, sheets_before=("填表说明",))
    assert [p.name for p in read_workbook(path).projects] == ["项目1"]


# --- atomic save --------------------------------------------------------------------------------


def _old_file(tmp_path: Path) -> Path:
    path = tmp_path / "自评表.xlsx"
    path.write_bytes(b"last year's figures")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failed_write_leaves_the_original(tmp_path: Path) -> None:
    path = _old_file(tmp_path)

    def half_written(target: Path) -> None:
        target.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WriteError) as caught:
        atomic_write(path, half_written)
    assert "磁盘空间不足" in caught.value.reason
    assert path.read_bytes() == b"last year's figures"
    assert _leftovers(tmp_path) == []


def test_file_open_in_excel_is_explained(tmp_path: Path, report: Report,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = _old_file(tmp_path)

    def locked(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WriteError) as caught:
        write_workbook(report, path)
    assert "Excel 或 WPS" in caught.value.reason and "关闭" in caught.value.reason
    assert path.read_bytes() == b"last year's figures"
    assert _leftovers(tmp_path) == []


def test_read_only_folder_is_explained(tmp_path: Path, report: Report,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(WriteError) as caught:
        write_workbook(report, tmp_path / "x.xlsx")
    assert "另存到其他文件夹" in caught.value.reason


def test_vanished_folder_is_explained(tmp_path: Path, report: Report) -> None:
    with pytest.raises(WriteError) as caught:
        write_workbook(report, tmp_path / "拔出的U盘" / "自评表.xlsx")
    assert "文件夹不存在" in caught.value.reason


def test_save_replaces_and_keeps_permissions(tmp_path: Path, report: Report) -> None:
    path = _old_file(tmp_path)
    if sys.platform == "win32":
        # Windows keeps no rwx bits (the folder's ACL applies to the new file); what must hold is
        # that the saved file is an ordinary writable one, not the read-only temporary.
        write_workbook(report, path)
        assert path.stat().st_mode & stat.S_IWRITE
    else:
        path.chmod(0o640)
        write_workbook(report, path)
        assert path.stat().st_mode & 0o777 == 0o640
    assert read_workbook(path) == report
    assert _leftovers(tmp_path) == []


def test_verify_hook_can_stop_the_replacement(tmp_path: Path) -> None:
    path = _old_file(tmp_path)

    def reject(target: Path) -> None:
        assert target.read_bytes() == b"new"
        raise WriteError(path, "保存后核对不一致")

    def write_new(target: Path) -> None:
        target.write_bytes(b"new")

    with pytest.raises(WriteError):
        atomic_write(path, write_new, verify=reject)
    assert path.read_bytes() == b"last year's figures"
    assert _leftovers(tmp_path) == []

