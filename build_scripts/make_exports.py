"""Write the example spending exports (examples/ and tests/data/exports/).

They are made here, not taken from a real system, and say so in their title row; their columns are
the ones the budget systems' 项目支出执行情况 exports print (项目编码, 项目名称, 资金性质, 年初预算数,
调整预算数, 全年预算数, 支出数, 执行进度; amounts in 元 with a 单位：元 line, or a per-source two-row
header in 万元), so that 从执行数据导入 can be tried and tested on the shapes clerks receive.

    .venv/bin/python build_scripts/make_exports.py
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
NOTE = "（示例数据，由 evaldesk 生成，格式仿预算管理一体化系统导出）"

# The seed's six projects as a 2022 export would list them, in 元 (the seed's figures are 万元).
# 信访事务 is split over two funding lines; 全区信访业务培训费 is the near miss of a name;
# 信访积案化解专项 is in the export but not in the report; 信访信息化运行维护 has no row.
EXAMPLE_ROWS = [
    ("440307-2022-0001", "办公设备购置", "一般公共预算", 900000, 916600, 899400),
    ("440307-2022-0002", "其他一般管理事务", "一般公共预算", 503600, 503600, 498600),
    ("440307-2022-0003", "信访事务", "一般公共预算", 1000000, 1092200, 1061400),
    ("440307-2022-0003", "信访事务", "政府性基金", 200000, 200000, 195000),
    ("440307-2022-0005", "区信访大厅(区维稳中心)管理事务", "一般公共预算", 1600000, 1623300, 1591900),
    ("440307-2022-0006", "全区信访业务培训费", "一般公共预算", 67600, 67600, 60100),
    ("440307-2022-0007", "信访积案化解专项", "一般公共预算", 300000, 300000, 288000),
]


def _system_export(path: Path, rows: list[tuple[str, str, str, int, int, int]], *,
                   with_codes: bool) -> None:
    """One row per funding line, 元, title and 单位 line above, a 合计 row below."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("项目支出执行情况")
    bold = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter",
                            "text_wrap": True})
    money = book.add_format({"num_format": "#,##0.00", "border": 1})
    text = book.add_format({"border": 1})
    headings = ["序号", "单位编码", "单位名称", "项目编码", "项目名称", "资金性质", "年初预算数",
                "调整预算数", "全年预算数", "支出数", "执行进度"]
    if not with_codes:
        headings.remove("项目编码")
    sheet.merge_range(0, 0, 0, len(headings) - 1, "2022年度项目支出执行情况表" + NOTE, bold)
    sheet.write(1, 0, "单位：元")
    sheet.write_row(2, 0, headings, bold)
    line = 3
    totals = [0, 0, 0, 0]
    for seq, (code, name, source, initial, full, spent) in enumerate(rows, start=1):
        cells: list[object] = [seq, "307001", "深圳市龙岗区信访局"]
        if with_codes:
            cells.append(code)
        cells += [name, source]
        sheet.write_row(line, 0, cells, text)
        first = len(cells)
        # 调整预算数 is the adjustment alone in this system: 全年预算数 = 年初 + 调整.
        sheet.write_row(line, first, [initial, full - initial, full, spent], money)
        sheet.write(line, first + 4, f"{spent / full:.2%}", text)
        totals = [t + v for t, v in zip(totals, (initial, full - initial, full, spent), strict=True)]
        line += 1
    sheet.write(line, 0, "合计", text)
    sheet.write_row(line, len(headings) - 5, totals, money)
    sheet.set_column(0, len(headings), 14)
    book.close()


def _two_row_header(path: Path) -> None:
    """全年预算数 and 支出数, each over 合计 / 一般公共预算 / 政府性基金 / 财政专户管理资金 /
    单位资金, in 万元."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("执行情况")
    bold = book.add_format({"bold": True, "border": 1, "align": "center"})
    money = book.add_format({"num_format": "0.00", "border": 1})
    sheet.merge_range(0, 0, 0, 12, "项目预算执行情况（分资金来源）" + NOTE, bold)
    sheet.write(1, 12, "金额单位：万元")
    sheet.merge_range(2, 0, 3, 0, "项目编码", bold)
    sheet.merge_range(2, 1, 3, 1, "项目名称", bold)
    parts = ["合计", "一般公共预算", "政府性基金", "财政专户管理资金", "单位资金"]
    sheet.merge_range(2, 2, 2, 6, "全年预算数", bold)
    sheet.merge_range(2, 7, 2, 11, "支出数", bold)
    sheet.write_row(3, 2, parts + parts, bold)
    sheet.merge_range(2, 12, 3, 12, "执行率", bold)
    data = [
        ("P001", "校园安全改造", [120, 100, 0, 15, 5], [118.5, 100, 0, 13.5, 5]),
        ("P002", "学生资助", [86.2, 86.2, 0, 0, 0], [79.81, 79.81, 0, 0, 0]),
        ("P003", "教师培训", [30, 20, 10, 0, 0], [27.2, 18, 9.2, 0, 0]),
    ]
    for r, (code, name, budget, spent) in enumerate(data, start=4):
        sheet.write_row(r, 0, [code, name])
        sheet.write_row(r, 2, budget + spent, money)
        sheet.write(r, 12, f"{spent[0] / budget[0]:.2%}")
    book.close()


def _names_csv(path: Path) -> None:
    """Names only, 万元, comma-separated in GBK as Excel on a Chinese PC saves a .csv."""
    lines = [
        "项目名称,全年预算数（万元）,实际支出（万元）",
        "办公设备购置,91.66,89.94",
        "其他一般管理事务,50.36,49.86",
        "信访事务,129.22,125.64",
        "信访信息化运维,34.26,32.51",  # near miss of 信访信息化运行维护
        "区信访大厅（区维稳中心）管理事务,162.33,159.19",
        "应急处置专项,12.00,11.50",  # in no report
        "合计,489.83,468.64",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))


def main() -> None:
    examples = ROOT / "examples"
    data = ROOT / "tests" / "data" / "exports"
    data.mkdir(parents=True, exist_ok=True)
    _system_export(examples / "2022年度项目支出执行情况（一体化系统导出示例）.xlsx", EXAMPLE_ROWS,
                   with_codes=True)
    _system_export(data / "system_yuan_codes.xlsx", EXAMPLE_ROWS, with_codes=True)
    _system_export(data / "system_yuan_names.xlsx", EXAMPLE_ROWS, with_codes=False)
    _two_row_header(data / "two_row_sources_wan.xlsx")
    _names_csv(data / "names_wan_gbk.csv")


if __name__ == "__main__":
    main()
