"""The 项目支出绩效自评表 (MoF 财预〔2020〕10号 layout) as 池州市贵池区 printed it in 2022.

Nine columns A–I: 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
偏差原因分析及改进措施; the funds block uses A–H with 得分 spanning H:I. Values are passed in
literally by each source; the stored copies are text extracted from a WPS document, so every
cell is text.
"""
from __future__ import annotations

from typing import Any

_ = None
WIDTHS = {"A": 10, "B": 16, "C": 14, "D": 30, "E": 18, "F": 14, "G": 8, "H": 8, "I": 20}


def layout(*, name: str, dept: str, unit: str, funds: list[list[Any]], goal: str,
           completion: str, indicators: list[list[Any]]) -> tuple[list[list[Any]], list[str]]:
    rows: list[list[Any]] = [
        ["附件:", _, _, _, _, _, _, _, _],
        ["项目支出绩效自评表", _, _, _, _, _, _, _, _],
        ["(2022年度)", _, _, _, _, _, _, _, _],
        ["项目名称", _, name, _, _, _, _, _, _],
        ["主管部门", _, dept, _, _, "实施单位", unit, _, _],
        ["项目资金\n(万元)", _, _, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ]
    merges = ["A1:I1", "A2:I2", "A3:I3", "A4:B4", "C4:I4", "A5:B5", "C5:E5", "G5:I5", "B6:C6"]
    for fund in funds:
        rows.append([_, fund[0], _, *fund[1:]])
        merges.append(f"B{len(rows)}:C{len(rows)}")
    merges.append(f"A6:A{len(rows)}")
    top = len(rows) + 1
    rows.append(["年度总体目标", "预期目标", _, _, _, "实际完成情况", _, _, _])
    rows.append([_, goal, _, _, _, completion, _, _, _])
    merges += [f"A{top}:A{top + 1}", f"B{top}:E{top}", f"F{top}:I{top}", f"B{top + 1}:E{top + 1}",
               f"F{top + 1}:I{top + 1}"]
    head = len(rows) + 1
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "偏差原因分析及改进措施"])
    first = len(rows) + 1
    for indicator in indicators:
        rows.append([_, *indicator])
    last = len(rows)
    merges.append(f"A{head}:A{last}")
    for column, index in (("B", 1), ("C", 2)):
        start = first
        while start <= last:
            end = start
            while end < last and rows[end][index] is None and (index == 1 or rows[end][1] is None):
                end += 1
            if end > start:
                merges.append(f"{column}{start}:{column}{end}")
            start = end + 1
    return rows, merges
