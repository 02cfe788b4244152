"""A web page of tables: what many budget systems export under the name .xls, and a published form
saved from the browser as .htm. Cells are placed by colspan and rowspan as merged cells are."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaldesk.io import read_report
from evaldesk.io.errors import ReadError
from evaldesk.io.read_html import html_tables
from evaldesk.io.read_xlsx import sheet_grids

from .test_reading_quirks import FLAT_HEADER

N = None


def _page(tmp_path: Path, body: str, name: str = "page.html", encoding: str = "utf-8",
          charset: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"</head><body>{body}</body></html>".encode(encoding))
    return path


def test_spans_place_cells_as_merged_cells_are(tmp_path: Path) -> None:
    # A rowspan in the third column: the next row's cells go round it, not after it.
    page = _page(tmp_path, """<table>
        <tr><td colspan=2>项目资金</td><td rowspan=2>执行率</td><td>得分</td></tr>
        <tr><td>年初预算数</td><td>全年执行数</td><td>10</td></tr>
        <tr><td>90&nbsp;</td><td>89.97</td><td>99.97%</td><td>9.99</td></tr></table>""")
    (table,) = html_tables(page)
    assert table.rows == [["项目资金", N, "执行率", "得分"],
                          ["年初预算数", "全年执行数", N, "10"],
                          ["90", "89.97", "99.97%", "9.99"]]
    assert table.merges == [((0, 0), (0, 1)), ((0, 2), (1, 2))]


def test_line_breaks_entities_and_a_gb2312_page(tmp_path: Path) -> None:
    page = _page(tmp_path, "<table><tr><td>年度资金<br>总额 &amp; 其中：</td><td>≥95%</td></tr>"
                           "</table>", encoding="gb18030", charset="gb2312")
    (table,) = html_tables(page)
    assert table.rows == [["年度资金\n总额 & 其中：", "≥95%"]]


def test_a_span_beyond_a_sheet_is_refused_before_it_is_allocated(tmp_path: Path) -> None:
    page = _page(tmp_path, "<table>" + "<tr><td colspan=999999 rowspan=999999>x</td></tr>" * 40
                 + "</table>")
    with pytest.raises(ReadError, match="表格过大"):
        html_tables(page)


def test_a_page_without_a_table_says_so(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="没有表格"):
        read_report(_page(tmp_path, "<p>自评报告</p><table></table>"))


def test_a_system_export_named_xls_is_read_as_the_summary_table(tmp_path: Path) -> None:
    # What a budget system hands out: a GB2312 page named .xls, the department merged over its
    # projects' rows, figures as the page shows them.
    header = "".join(f"<th>{h}</th>" for h in FLAT_HEADER)
    rows = [
        ["1", "区信访局", "信访维稳经费", "150", "150", "", "", "125.25", "125.25", "", "", "83.50%",
         "办理群众来信来访", "基本完成", "办理信访件≥100件", "120件", "办结率≥95%", "97%", "按期办结",
         "按期", "", "", "化解矛盾纠纷", "化解 30 件", "", "", "群众满意度≥90%", "93%",
         "部分经费年底才到位", "加快支付进度"],
        ["2", "", "信访业务培训", "20", "20", "", "", "20", "20", "", "", "100.00%",
         "培训信访干部", "完成", "培训≥2次", "2次", "合格率≥90%", "95%", "年内完成", "11月完成",
         "", "", "提升业务能力", "已提升", "", "", "满意度≥90%", "95%", "无", "无"],
    ]
    first, second = ("".join(f"<td>{v}</td>" for v in row) for row in rows)
    # The second row has no department cell: the first one spans both rows.
    first = first.replace("<td>区信访局</td>", "<td rowspan=2>区信访局</td>")
    second = second.replace("<td>2</td><td></td>", "<td>2</td>", 1)
    body = (f"<table border=1><tr><td colspan=30>2021年度区信访局预算项目绩效自评表</td></tr>"
            f"<tr><td colspan=30>单位：万元</td></tr><tr>{header}</tr><tr>{first}</tr>"
            f"<tr>{second}</tr></table>")
    page = _page(tmp_path, body, name="项目支出导出.xls", encoding="gb18030", charset="gb2312")
    report = read_report(page)
    assert [p.name for p in report.projects] == ["信访维稳经费", "信访业务培训"]
    assert [p.department for p in report.projects] == ["区信访局", "区信访局"]
    assert str(report.projects[0].budget.total) == "150"
    assert report.year == 2021
    assert sheet_grids(page)[0][1][3][1] == "区信访局"


@pytest.mark.parametrize("suffix", [".htm", ".html", ".xls", ".xlsx"])
def test_a_form_saved_as_a_web_page_is_read_whatever_its_name(tmp_path: Path, suffix: str) -> None:
    body = """<h1>Sheet 1: <em>项目支出绩效自评表</em></h1><table>
      <tr><td colspan=9>项目支出绩效自评表</td></tr><tr><td colspan=9>（2022年度）</td></tr>
      <tr><td>项目名称</td><td colspan=8>禁毒经费</td></tr>
      <tr><td>主管部门</td><td colspan=4>宣城市公安局</td><td colspan=2>实施单位</td>
          <td colspan=2>禁毒支队</td></tr>
      <tr><td rowspan=3>项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td>
          <td>全年执行数</td><td>分值</td><td>执行率</td><td colspan=2>得分</td></tr>
      <tr><td>年度资金总额</td><td>50</td><td>50</td><td>45</td><td>10</td><td>90%</td>
          <td colspan=2>9</td></tr>
      <tr><td>其中：本年财政拨款</td><td>50</td><td>50</td><td>45</td><td>—</td><td>—</td>
          <td colspan=2>—</td></tr>
      <tr><td rowspan=2>年度总体目标</td><td colspan=4>预期目标</td><td colspan=4>实际完成情况</td></tr>
      <tr><td colspan=4>支持禁毒业务工作</td><td colspan=4>查处毒品案件 12 起</td></tr>
      <tr><td rowspan=2>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td>
          <td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td>
          <td>偏差原因分析及改进措施</td></tr>
      <tr><td>产出指标</td><td>数量指标</td><td>查处案件数</td><td>≥10起</td><td>12起</td>
          <td>50</td><td>50</td><td></td></tr></table>"""
    report = read_report(_page(tmp_path, body, name=f"禁毒经费{suffix}"))
    (project,) = report.projects
    assert (project.name, project.authority, project.implementer) == ("禁毒经费", "宣城市公安局",
                                                                      "禁毒支队")
    assert str(project.budget.total) == "50" and str(project.actual.total) == "45"
    assert project.goal == "支持禁毒业务工作"
    assert [(i.name, i.target, i.actual) for i in project.indicators][:1] == [
        ("查处案件数", "≥10起", "12起")]
    assert report.import_summary is not None
    assert {e.sheet for e in report.import_summary.entries} == {"项目支出绩效自评表"}
    # A page named .xls may be refused by a bureau's system: the clerk is told what it is.
    assert report.import_summary.layout.startswith("网页（HTML）中的表格：项目支出绩效自评表 1 张")


def test_a_spending_export_as_a_web_page_fills_as_the_workbook_does(tmp_path: Path) -> None:
    # The budget system's export (examples/), handed out as a page named .xls.
    from html import escape

    from evaldesk.io.read_export import read_export

    examples = Path(__file__).resolve().parents[2] / "examples"
    export = examples / "2022年度项目支出执行情况（一体化系统导出示例）.xlsx"
    ((_name, grid),) = sheet_grids(export)[:1]
    cells = ("".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in row) for row in grid)
    shown = "".join(f"<tr>{row}</tr>" for row in cells)
    page = _page(tmp_path, f"<table>{shown}</table>", name="导出.xls", encoding="gb18030",
                 charset="gbk")
    from_page, from_book = read_export(page), read_export(export)
    assert from_page.rows == from_book.rows and from_page.unit == from_book.unit
