"""The Sichuan 部门预算项目支出绩效自评表 (报表编号 510000_0013zp, 2023 wording) as printed.

Eleven columns A–K. The layout is the form's, shared by every Sichuan transcription; the values
are each source's own and are passed in literally. Rows and merges follow the published
tables (the scqs.gov.cn and dyxrmt.cn pages print the cells in this order and span).
"""
from __future__ import annotations

from typing import Any

Cell = Any


def _pad(row: list[Cell]) -> list[Cell]:
    return row + [None] * (11 - len(row))


def layout(*, code_line: str | None, title: str, name: str, dept: str, unit: str,
           unit_label: str, goal: str | None, completion: str | None,
           content: str | None, funds: list[list[Cell]], reason_note: str,
           indicators: list[list[Cell]], total: list[Cell], conclusion: str | None,
           problems: str | None, improvements: str | None, lead: str,
           finance_lead: str) -> tuple[list[list[Cell]], list[str]]:
    """funds: 5 rows [label, 年初, 调整后, 执行数, 执行率, 权重, 得分];
    indicators: rows [一级, 二级, 三级, 性质, 指标值, 单位, 完成值, 权重, 得分, 原因];
    total: [权重合计, 得分合计, 原因]."""
    rows: list[list[Cell]] = []
    merges: list[str] = []
    if code_line is not None:
        rows.append(_pad([code_line]))
        merges.append(f"A{len(rows)}:K{len(rows)}")
    rows.append(_pad([title]))
    merges.append(f"A{len(rows)}:K{len(rows)}")
    rows.append(_pad(["项目名称", name]))
    merges.append(f"B{len(rows)}:K{len(rows)}")
    rows.append(_pad(["主管部门", dept, None, None, None, unit_label, None, unit]))
    r = len(rows)
    merges += [f"B{r}:E{r}", f"F{r}:G{r}", f"H{r}:K{r}"]
    top = len(rows) + 1
    rows.append(_pad(["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", None, None, None,
                      "年度目标完成情况"]))
    rows.append(_pad([None, None, goal, None, None, None, completion]))
    rows.append(_pad([None, "2.项目实施内容及过程概述", content]))
    merges += [f"A{top}:A{top + 2}", f"B{top}:B{top + 1}", f"C{top}:F{top}", f"G{top}:K{top}",
               f"C{top + 1}:F{top + 1}", f"G{top + 1}:K{top + 1}", f"C{top + 2}:K{top + 2}"]
    head = len(rows) + 1
    rows.append(_pad(["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数",
                      "预算执行数", "预算执行率", "权重", "得分", "原因"]))
    merges.append(f"I{head}:K{head}")
    for i, fund in enumerate(funds):
        rows.append(_pad([None, *fund, reason_note if i == 0 else None]))
    merges += [f"A{head}:A{len(rows)}", f"I{head + 1}:K{len(rows)}"]
    ind_head = len(rows) + 1
    rows.append(_pad(["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                      "度量单位", "完成值", "权重", "得分", "未完成原因分析"]))
    first = len(rows) + 1
    for indicator in indicators:
        rows.append(_pad([None, *indicator]))
    last = len(rows)
    merges.append(f"A{ind_head}:A{last}")
    merges += _group_merges(rows, first, last)
    rows.append(_pad(["合计", None, None, None, None, None, None, None, *total]))
    merges.append(f"A{len(rows)}:H{len(rows)}")
    for label, text in (("评价结论", conclusion), ("存在问题", problems), ("改进措施", improvements)):
        rows.append(_pad([label, text]))
        merges.append(f"B{len(rows)}:K{len(rows)}")
    rows.append(_pad([lead, None, None, None, None, finance_lead]))
    merges += [f"A{len(rows)}:E{len(rows)}", f"F{len(rows)}:K{len(rows)}"]
    return rows, merges


def _group_merges(rows: list[list[Cell]], first: int, last: int) -> list[str]:
    """一级 (B) spans the rows below it left empty; 二级 (C) too, within its 一级."""
    merges = []
    for column, index in (("B", 1), ("C", 2)):
        start = first
        while start <= last:
            end = start
            while end < last and rows[end][index] is None and (index == 1 or rows[end][1] is None):
                end += 1
            if end > start:
                merges.append(f"{column}{start}:{column}{end}")
            start = end + 1
    return merges


WIDTHS = {"A": 12, "B": 16, "C": 22, "D": 12, "E": 12, "F": 12, "G": 10, "H": 10, "I": 10,
          "J": 10, "K": 24}

REASON_NOTE = ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
               "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.")
